/** The history through a chain of data folders on disk: how far it reaches, and where it stops. */
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisSchema } from '../src/analysis.js';
import { runGenerate } from '../src/run.js';
import { copyData, removeTempDirs, SAMPLE_2025, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

const BASE = 'weerbaarheidsanalyse-nafin-2025-stg-confidentieel';

async function generate(data: string, formats: ('md' | 'pdf')[] = ['md']) {
  const out = join(await tempDir(), 'rapport');
  const result = await runGenerate({ dataDir: data, outDir: out, formats });
  const analysis = AnalysisSchema.parse(JSON.parse(await readFile(join(out, 'analysis.json'), 'utf8')));
  return { out, result, analysis, markdown: await readFile(join(out, `${BASE}.md`), 'utf8') };
}

describe('historie over data folders', () => {
  it('reaches 2023 through 2024, and the PDF shows all three years, the bridges and the accepted risks', async () => {
    const { out, result, analysis, markdown } = await generate(await copyData(SAMPLE_2025), ['md', 'pdf']);
    expect(result.exitCode).toBe(0);
    expect(analysis.historie.map((h) => h.jaar)).toEqual([2024, 2023]);
    expect(markdown).toContain('Score per indicator van 2023 tot en met 2025');
    expect(result.messages.map((m) => m.ruleId)).not.toContain('historie-onvolledig');
    const pdf = execFileSync('pdftotext', [join(out, `${BASE}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdf).toContain('Score per indicator van 2023 tot en met 2025');
    expect(pdf).toMatch(/DIG steeg \d+,\d punten, vooral door/);
    for (const i of analysis.indicators) expect(pdf).toContain(`Verklaring van de verandering van ${i.naam} (${i.code}) van 2024 naar 2025`);
    expect(pdf).toContain("Geaccepteerde risico's met hun actuele klasse");
    expect(pdf).toContain('Commandant Zeestrijdkrachten');
    // The recommendation's cells wrap in the PDF's table; the Markdown holds it in one line.
    expect(markdown).toContain('De acceptatie door Commandant Zeestrijdkrachten is op 30 juni 2025 verlopen');
  });

  it('stops with a warning, and still writes the report, when an earlier year is missing', async () => {
    const data = await copyData(SAMPLE_2025);
    await rm(join(data, '..', 'voorbeeld-2023'), { recursive: true });
    const { result, analysis } = await generate(data);
    expect(result.exitCode).toBe(0);
    expect(analysis.historie.map((h) => h.jaar)).toEqual([2024]);
    expect(analysis.indicators.every((i) => i.brug !== null)).toBe(true);
    expect(result.messages).toContainEqual(
      expect.objectContaining({ severity: 'warning', ruleId: 'historie-onvolledig', file: '../voorbeeld-2024/analyse.yaml', reason: expect.stringContaining('niet verder terug dan 2024') }),
    );
  });
});
