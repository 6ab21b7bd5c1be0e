/**
 * The workbook is a register too: dropped into a data folder with analyse.yaml it is read back as
 * next year's register and gives the same scores.
 */
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runGenerate } from '../src/run.js';
import { SAMPLE_2025, copyData, removeTempDirs, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

it('generate → copy the workbook with analyse.yaml into a new folder → generate again gives the same scores', async () => {
  const data = await copyData(SAMPLE_2025);
  const first = join(await tempDir(), 'eerste');
  expect((await runGenerate({ dataDir: data, outDir: first, formats: ['xlsx'] })).exitCode).toBe(0);

  const again = await tempDir();
  const workbook = (await readdir(first)).find((f) => f.endsWith('.xlsx'))!;
  await copyFile(join(first, workbook), join(again, 'registers.xlsx'));
  // Without last year's folder beside it; the scores do not depend on it.
  const yaml = (await readFile(join(data, 'analyse.yaml'), 'utf8')).replace(/^vorige:.*\n/m, '');
  await writeFile(join(again, 'analyse.yaml'), yaml);
  const second = join(await tempDir(), 'tweede');
  const result = await runGenerate({ dataDir: again, outDir: second, formats: ['xlsx'] });
  expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
  expect(result.exitCode).toBe(0);

  const a = JSON.parse(await readFile(join(first, 'analysis.json'), 'utf8'));
  const b = JSON.parse(await readFile(join(second, 'analysis.json'), 'utf8'));
  const scores = (x: typeof a) => ({
    risks: x.risks.map((r: Record<string, unknown>) => [r.id, r.bruto, r.actueel, r.streef, r.status, r.indicatoren]),
    measures: x.measures.map((m: Record<string, unknown>) => [m.id, m.credit, m.teLaat, m.dagenTeLaat, m.risicos, m.effect, m.restkosten, m.effectPerMEuro]),
    ketenpartners: x.ketenpartners,
    indicators: x.indicators.map((i: Record<string, unknown>) => [i.code, i.score, i.aantalRisicos]),
    // The copy has no last year: the trend's counts are the one thing that differs.
    totals: { ...x.totals, aantallen: { ...x.totals.aantallen, trend: undefined } },
    incidents: x.incidents,
  });
  expect(a.risks.length).toBeGreaterThanOrEqual(30);
  expect(scores(b)).toEqual(scores(a));
});
