/**
 * The CLI: help, exit codes, messages without stack traces. Most cases call `main` in-process; a few
 * run the real binary, for what only a separate process shows.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_HINT } from '../src/cli/main.js';
import { runBin, runMain as cli } from './helpers/cli.js';
import { PROJECT_ROOT as PROJECT } from '../src/version.js';
import { EXAMPLE_DIR, SAMPLE_2025, copyData, removeTempDirs, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

/** CreationDate and ModDate of the example's PDF in `out`, as pdfinfo reads them. */
function pdfDates(out: string): string[] {
  const info = execFileSync('pdfinfo', ['-isodates', join(out, 'weerbaarheidsanalyse-nafin-2025-departementaal-vertrouwelijk.pdf')], { encoding: 'utf8' });
  return info.split('\n').filter((l) => /^(CreationDate|ModDate):/.test(l)).map((l) => l.split(/\s+/)[1]!);
}

/** commander's own words; none may reach the user. */
const ENGLISH = /\b(Usage|Options|Commands|Arguments|options|command|default|display|help for|output the|version number|Did you mean|error|unknown|missing|too many|expected|choices|preset|Invalid|option)\b/;
const COMMANDS = ['validate', 'generate', 'extract', 'init'];

describe('the real binary', () => {
  it('--help lists the commands in Dutch, exit 0', () => {
    const r = runBin(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of COMMANDS) expect(r.stdout).toContain(cmd);
    expect(r.stdout).toMatch(/^Gebruik: weerbaarheid \[opties\] \[opdracht\]/);
    expect(r.stdout).toContain('Opdrachten:');
  });

  it('without a data folder validates the sample, and says in one line that it is fictional', () => {
    const r = runBin(['validate'], { cwd: PROJECT });
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(SAMPLE_HINT);
  });

  it('generate --quiet in every format prints nothing: no warnings from Node, its bundled libraries or Chromium; the PDF is dated at the peildatum', async () => {
    const out = join(await tempDir(), 'uit');
    const r = runBin(['generate', EXAMPLE_DIR, '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(pdfDates(out)).toEqual(['2025-12-31T00:00:00Z', '2025-12-31T00:00:00Z']);
  });
});

describe('help, in Dutch throughout', () => {
  it('of every command has no word of commander left', async () => {
    for (const args of [['--help'], ['help'], ...COMMANDS.flatMap((c) => [[c, '--help'], ['help', c]])]) {
      const r = await cli(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/^Gebruik: weerbaarheid/);
      expect(r.stdout, args.join(' ')).not.toMatch(ENGLISH);
    }
    expect((await cli(['generate', '--help'])).stdout).toMatch(/\(standaard:\s+data\/voorbeeld-2025\)/);
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('at the top lists the exit codes, a line each, and examples', async () => {
    const { stdout } = await cli(['--help']);
    for (const code of [0, 1, 2, 3, 70]) expect(stdout).toMatch(new RegExp(`^  ${code} +\\S.*$`, 'm'));
    expect(stdout).toContain('weerbaarheid validate data/mijn-analyse');
    expect(stdout).toContain('weerbaarheid generate data/mijn-analyse --level Openbaar');
    expect(stdout).toMatch(/weerbaarheid extract \S+\.md --section Kernboodschappen/);
    expect(stdout).toContain('weerbaarheid init data/mijn-analyse');
  });

  it('says every usage error in Dutch, with a suggestion after a typo: exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['generat'], /^fout: onbekende opdracht 'generat' \(bedoelde u generate\?\); zie weerbaarheid --help\n$/],
      [['generate', '--ot', 'x'], /^fout: onbekende optie '--ot' \(bedoelde u --out\?\); zie weerbaarheid --help\n$/],
      [['generate', '--kleur', 'rood'], /^fout: onbekende optie '--kleur'; zie weerbaarheid --help\n$/],
      [['extract'], /^fout: argument 'rapport' ontbreekt/],
      [['validate', 'a', 'b'], /^fout: te veel argumenten voor 'validate'/],
      [['generate', '--out'], /^fout: optie '-o, --out <map>' mist een waarde/],
      [['extract', 'x.md', '--format', 'pdf'], /^weerbaarheid: --format: onbekend formaat "pdf"; kies uit md, txt of docx\n$/],
      [['validate', '--qiet'], /^fout: onbekende optie '--qiet' \(bedoelde u --quiet\?\)/],
    ];
    for (const [args, expected] of cases) {
      const r = await cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(expected);
      expect(r.stderr, args.join(' ')).not.toMatch(ENGLISH);
    }
    const bare = await cli([]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/^Gebruik: weerbaarheid/);
  });
});

describe('weerbaarheid', () => {
  it('a wrong format or level is wrong usage, said in Dutch: exit 2', async () => {
    expect((await cli(['generate', EXAMPLE_DIR, '--formats', 'docx'])).status).toBe(2);
    const level = await cli(['generate', EXAMPLE_DIR, '--level', 'supergeheim']);
    expect(level.status).toBe(2);
    expect(level.stderr).toMatch(/onbekend niveau/);
  });

  it('a level above the analysis, or a templates folder that does not exist, is wrong usage: exit 2, one Dutch line', async () => {
    const level = await cli(['generate', EXAMPLE_DIR, '--level', 'Stg. Geheim', '--formats', 'md']);
    expect(level.status).toBe(2);
    expect(level.stderr).toMatch(/^weerbaarheid: Niveau Stg\. Geheim ligt boven de rubricering van de analyse/);
    expect(level.stderr).not.toMatch(/\n\s+at /);
    const templates = await cli(['generate', EXAMPLE_DIR, '--templates', '/bestaat/niet', '--formats', 'md']);
    expect(templates.status).toBe(2);
    expect(templates.stderr).toMatch(/--templates/);
  });

  it('a broken template override is a rendering failure: exit 3, one Dutch line, no report', async () => {
    const templates = await tempDir();
    await mkdir(join(templates, 'sections'), { recursive: true });
    await writeFile(join(templates, 'sections', '01-samenvatting.md.hbs'), '## Samenvatting\n\n{{#each}}\n');
    const out = join(await tempDir(), 'uit');
    const r = await cli(['generate', EXAMPLE_DIR, '--templates', templates, '--formats', 'md', '--out', out, '--quiet']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/Markdown-rapport kon niet worden gemaakt/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    await expect(readFile(join(out, 'manifest.json'))).rejects.toThrow();
  });

  it('validate on valid data: exit 0, and no word about the sample when a folder is given, or with --quiet', async () => {
    const r = await cli(['validate', EXAMPLE_DIR]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain(SAMPLE_HINT);
    const quiet = await cli(['validate', '--quiet']);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
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
    const r = await cli(['validate', data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/registers\.xlsx › Risico's/);
    expect(r.stderr).toMatch(/rij 3, kolom Kans \(F3\).*fout/);
    expect(r.stderr).toMatch(/rij 5, kolom Status \(L5\).*fout/);
    expect(r.stderr).toMatch(/Maatregelen[\s\S]*rij 4, kolom Risico's \(D4\).*VR-999/);
    expect(r.stderr).toMatch(/^3 fouten, \d+ waarschuwing/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing data folder is invalid input, not a crash', async () => {
    const r = await cli(['validate', '/bestaat/niet']);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('generate writes the chosen formats and says where', async () => {
    const out = join(await tempDir(), 'uit');
    const r = await cli(['generate', EXAMPLE_DIR, '--out', out, '--formats', 'md,xlsx']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Rapport geschreven');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.outputs.map((o: { path: string }) => o.path.split('.').pop())).toEqual(expect.arrayContaining(['md', 'xlsx', 'json', 'svg']));
  });

  it('dates the PDF at SOURCE_DATE_EPOCH when set (at the peildatum otherwise: see the real binary above)', async () => {
    const out = join(await tempDir(), 'uit');
    expect((await cli(['generate', EXAMPLE_DIR, '--out', out, '--formats', 'pdf', '--quiet'], { SOURCE_DATE_EPOCH: '1700000000' })).status).toBe(0);
    expect(pdfDates(out)).toEqual(['2023-11-14T22:13:20Z', '2023-11-14T22:13:20Z']);
  });

  it('extract refuses a report above the publishing level: exit 1, one Dutch line, nothing of the report', async () => {
    const out = join(await tempDir(), 'uit');
    expect((await cli(['generate', EXAMPLE_DIR, '--out', out, '--formats', 'md', '--quiet'])).status).toBe(0);
    const md = join(out, 'weerbaarheidsanalyse-nafin-2025-departementaal-vertrouwelijk.md');
    const refused = await cli(['extract', md, '--section', 'Samenvatting']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    const allowed = await cli(['extract', md, '--section', 'samenvatting', '--level', 'Dep. V.', '--format', 'txt']);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain('Samenvatting');
  });

  it('extract --partner prints one chain partner as Markdown or text; an unknown partner lists the known ones: exit 1', async () => {
    const out = join(await tempDir(), 'uit');
    expect((await cli(['generate', await copyData(SAMPLE_2025), '--out', out, '--formats', 'md', '--quiet'])).status).toBe(0);
    const md = join(out, 'weerbaarheidsanalyse-nafin-2025-stg-confidentieel.md');
    for (const format of ['md', 'txt']) {
      const result = await cli(['extract', md, '--partner', 'koninklijke marechaussée', '--level', 'Stg. C', '--format', format]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('Koninklijke Marechaussee');
      expect(result.stdout).toContain("Maatregelen op de risico's van Koninklijke Marechaussee");
      expect(result.stdout).not.toContain('Ketenafhankelijkheden');
    }
    const docx = join(out, 'kmar.docx');
    expect((await cli(['extract', md, '--partner', 'KONINKLIJKE MARECHAUSSEE', '--level', 'Stg. C', '--format', 'docx', '--out', docx])).status).toBe(0);
    const xml = await (await JSZip.loadAsync(await readFile(docx))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Koninklijke Marechaussee');
    expect(xml).not.toContain('Ketenafhankelijkheden');
    const unknown = await cli(['extract', md, '--partner', 'Rijkswaterstaat', '--level', 'Stg. C']);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^Ketenpartner "Rijkswaterstaat" niet gevonden in .*Bekende ketenpartners: .*"Politie"/);
  });
});
