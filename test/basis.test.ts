/**
 * The score basis of a report below the analysis' own level: `alle` (default) scores every item,
 * `zichtbaar` only what the level shows, this year and last year alike.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { filterRegisters } from '../src/classify/filter.js';
import { loadData } from '../src/load.js';
import { runGenerate } from '../src/run.js';
import { score } from '../src/score/index.js';
import { SAMPLE_2025, copyData, removeTempDirs, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

async function openbaarIndicators(basis: 'alle' | 'zichtbaar') {
  const data = await copyData(SAMPLE_2025);
  await appendFile(join(data, 'analyse.yaml'), `scoregrondslag: ${basis}\n`);
  const out = join(await tempDir(), 'r');
  const result = await runGenerate({ dataDir: data, outDir: out, level: 'openbaar', formats: ['md'] });
  expect(result.exitCode).toBe(0);
  const analysis = JSON.parse(await readFile(join(out, 'analysis.json'), 'utf8'));
  const lastYear = await loadData(join(data, '..', 'voorbeeld-2024'));
  const thisYear = await loadData(data);
  return { analysis, lastYear, thisYear };
}

const scores = (a: { indicators: { code: string; score: number | null }[] }) => Object.fromEntries(a.indicators.map((i) => [i.code, i.score]));

it('alle: this year and last year over every item', async () => {
  const { analysis, lastYear, thisYear } = await openbaarIndicators('alle');
  expect(analysis.scoregrondslag).toBe('alle');
  expect(scores(analysis)).toEqual(scores(score(thisYear.registers!, thisYear.settings!, null)));
  const previous = score(lastYear.registers!, lastYear.settings!, null);
  expect(Object.fromEntries(analysis.indicators.map((i: { code: string; vorigeScore: number }) => [i.code, i.vorigeScore]))).toEqual(scores(previous));
});

it('zichtbaar: this year and last year over the Openbaar items only', async () => {
  const { analysis, lastYear, thisYear } = await openbaarIndicators('zichtbaar');
  expect(analysis.scoregrondslag).toBe('zichtbaar');
  const visibleNow = score(filterRegisters(thisYear.registers!, 'openbaar'), thisYear.settings!, null);
  const visibleThen = score(filterRegisters(lastYear.registers!, 'openbaar'), lastYear.settings!, null);
  const all = score(thisYear.registers!, thisYear.settings!, null);
  expect(scores(analysis)).toEqual(scores(visibleNow));
  expect(scores(analysis)).not.toEqual(scores(all));
  expect(Object.fromEntries(analysis.indicators.map((i: { code: string; vorigeScore: number }) => [i.code, i.vorigeScore]))).toEqual(scores(visibleThen));
});
