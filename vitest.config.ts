import { defineConfig } from 'vitest/config';

/**
 * Test files share their worker's module cache (isolate: false): loading vega, exceljs, unified and
 * puppeteer-core afresh for every file took most of the suite's CPU time. A file that mocks a
 * module (vi.mock) runs isolated, so its mock cannot leak into the files after it.
 */
const ISOLATED = ['test/internal-error.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'gedeeld', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'los', include: ISOLATED } },
    ],
  },
});
