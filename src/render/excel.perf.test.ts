/**
 * The speed target of the workbook: 10,000 risks and 20,000 measures written in less than 5 s and
 * less than 600 MiB peak RSS (of this test worker, which also holds the test runner and the data).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { AnalysisSchema } from '../analysis.js';
import { context } from '../../test/fixtures/excel/analysis.js';
import { largeAnalysis } from '../../test/fixtures/excel/large.js';
import { writeWorkbook } from './excel.js';

it('writes 10,000 risks and 20,000 measures in less than 5 s and 600 MiB', async () => {
  const analysis = largeAnalysis();
  expect(() => AnalysisSchema.parse(analysis)).not.toThrow();
  const dir = await mkdtemp(join(tmpdir(), 'excel-perf-'));
  try {
    const file = join(dir, 'groot.xlsx');
    const start = performance.now();
    await writeWorkbook(analysis, context, file);
    const seconds = (performance.now() - start) / 1000;
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    console.info(`werkmap: ${seconds.toFixed(2)} s, piek-RSS ${peakMiB.toFixed(0)} MiB, ${((await stat(file)).size / 2 ** 20).toFixed(1)} MiB`);
    expect(seconds).toBeLessThan(5);
    expect(peakMiB).toBeLessThan(600);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
