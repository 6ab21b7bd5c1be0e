/** The real binary on small fixture folders: help, exit codes, messages without stack traces. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLE_DIR, SAMPLE_2025, copyData, removeTempDirs, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, cwd: opts.cwd, env: { ...process.env, ...opts.env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('weerbaarheid', () => {
  it('--help lists the commands, exit 0', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['validate', 'generate', 'extract']) expect(r.stdout).toContain(cmd);
    expect(r.stdout).toMatch(/^Gebruik: weerbaarheid/);
    expect(r.stdout).toContain('Opdrachten:');
  });

  it('an unknown option is wrong usage, said in Dutch: exit 2', () => {
    const unknown = cli(['generate', '--kleur', 'rood']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^fout: onbekende optie '--kleur'; zie weerbaarheid --help/);
    expect(cli(['generate', EXAMPLE_DIR, '--formats', 'docx']).status).toBe(2);
    const level = cli(['generate', EXAMPLE_DIR, '--level', 'supergeheim']);
    expect(level.status).toBe(2);
    expect(level.stderr).toMatch(/onbekend niveau/);
  });

  it('a level above the analysis, or a templates folder that does not exist, is wrong usage: exit 2, one Dutch line', () => {
    const level = cli(['generate', EXAMPLE_DIR, '--level', 'Stg. Geheim', '--formats', 'md']);
    expect(level.status).toBe(2);
    expect(level.stderr).toMatch(/^weerbaarheid: Niveau Stg\. Geheim ligt boven de rubricering van de analyse/);
    expect(level.stderr).not.toMatch(/\n\s+at /);
    const templates = cli(['generate', EXAMPLE_DIR, '--templates', '/bestaat/niet', '--formats', 'md']);
    expect(templates.status).toBe(2);
    expect(templates.stderr).toMatch(/--templates/);
  });

  it('a broken template override is a rendering failure: exit 3, one Dutch line, no report', async () => {
    const templates = await tempDir();
    await mkdir(join(templates, 'sections'), { recursive: true });
    await writeFile(join(templates, 'sections', '01-samenvatting.md.hbs'), '## Samenvatting\n\n{{#each}}\n');
    const out = join(await tempDir(), 'uit');
    const r = cli(['generate', EXAMPLE_DIR, '--templates', templates, '--formats', 'md', '--out', out, '--quiet']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/Markdown-rapport kon niet worden gemaakt/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    await expect(readFile(join(out, 'manifest.json'))).rejects.toThrow();
  });

  it('validate on valid data: exit 0; on the default data folder when none is given', async () => {
    expect(cli(['validate', EXAMPLE_DIR, '--quiet']).status).toBe(0);
    const project = join(BIN, '..', '..');
    expect(cli(['validate', '--quiet'], { cwd: project }).status).toBe(0);
  });

  it('validate lists every problem with file, sheet, row and column, in Dutch, without a stack trace: exit 1', async () => {
    const data = await copyData(EXAMPLE_DIR);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(data, 'registers.xlsx'));
    const risks = wb.getWorksheet("Risico's")!;
    risks.getCell('F3').value = 7; // Kans of VR-002
    risks.getCell('L5').value = 'half open'; // Status of VR-004
    wb.getWorksheet('Maatregelen')!.getCell('D4').value = 'VR-999';
    await wb.xlsx.writeFile(join(data, 'registers.xlsx'));
    const r = cli(['validate', data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/registers\.xlsx › Risico's/);
    expect(r.stderr).toMatch(/rij 3, kolom Kans \(F3\).*fout/);
    expect(r.stderr).toMatch(/rij 5, kolom Status \(L5\).*fout/);
    expect(r.stderr).toMatch(/Maatregelen[\s\S]*rij 4, kolom Risico's \(D4\).*VR-999/);
    expect(r.stderr).toMatch(/^3 fouten, \d+ waarschuwing/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing data folder is invalid input, not a crash', () => {
    const r = cli(['validate', '/bestaat/niet']);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('generate writes the chosen formats and says where', async () => {
    const out = join(await tempDir(), 'uit');
    const r = cli(['generate', EXAMPLE_DIR, '--out', out, '--formats', 'md,xlsx']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Rapport geschreven');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.outputs.map((o: { path: string }) => o.path.split('.').pop())).toEqual(expect.arrayContaining(['md', 'xlsx', 'json', 'svg']));
  });

  it('generate --quiet in every format prints nothing: no warnings from Node, its bundled libraries or Chromium', async () => {
    const out = join(await tempDir(), 'uit');
    const r = cli(['generate', EXAMPLE_DIR, '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
  });

  it('dates the PDF at the peildatum, or at SOURCE_DATE_EPOCH when set', async () => {
    const dates = async (env: Record<string, string>) => {
      const out = join(await tempDir(), 'uit');
      expect(cli(['generate', EXAMPLE_DIR, '--out', out, '--formats', 'pdf', '--quiet'], { env }).status).toBe(0);
      const info = execFileSync('pdfinfo', ['-isodates', join(out, 'weerbaarheidsanalyse-nafin-2025-departementaal-vertrouwelijk.pdf')], { encoding: 'utf8' });
      return info.split('\n').filter((l) => /^(CreationDate|ModDate):/.test(l)).map((l) => l.split(/\s+/)[1]);
    };
    expect(await dates({ SOURCE_DATE_EPOCH: '' })).toEqual(['2025-12-31T00:00:00Z', '2025-12-31T00:00:00Z']);
    expect(await dates({ SOURCE_DATE_EPOCH: '1700000000' })).toEqual(['2023-11-14T22:13:20Z', '2023-11-14T22:13:20Z']);
  });

  it('extract refuses a report above the publishing level: exit 1, one Dutch line, nothing of the report', async () => {
    const out = join(await tempDir(), 'uit');
    expect(cli(['generate', EXAMPLE_DIR, '--out', out, '--formats', 'md', '--quiet']).status).toBe(0);
    const md = join(out, 'weerbaarheidsanalyse-nafin-2025-departementaal-vertrouwelijk.md');
    const refused = cli(['extract', md, '--section', 'Samenvatting']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    const allowed = cli(['extract', md, '--section', 'samenvatting', '--level', 'Dep. V.', '--format', 'txt']);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain('Samenvatting');
    await writeFile(join(out, 'x.txt'), allowed.stdout);
  });

  it('extract --partner prints one chain partner as Markdown or text; an unknown partner lists the known ones: exit 1', async () => {
    const out = join(await tempDir(), 'uit');
    expect(cli(['generate', await copyData(SAMPLE_2025), '--out', out, '--formats', 'md', '--quiet']).status).toBe(0);
    const md = join(out, 'weerbaarheidsanalyse-nafin-2025-stg-confidentieel.md');
    for (const format of ['md', 'txt']) {
      const result = cli(['extract', md, '--partner', 'koninklijke marechaussée', '--level', 'Stg. C', '--format', format]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('Koninklijke Marechaussee');
      expect(result.stdout).toContain("Maatregelen op de risico's van Koninklijke Marechaussee");
      expect(result.stdout).not.toContain('Ketenafhankelijkheden');
    }
    const unknown = cli(['extract', md, '--partner', 'Rijkswaterstaat', '--level', 'Stg. C']);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^Ketenpartner "Rijkswaterstaat" niet gevonden in .*Bekende ketenpartners: .*"Politie"/);
  });
});
