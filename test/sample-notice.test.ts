/**
 * The sample says what it is: `voorbeeld: true` in analyse.yaml (not the folder's name) puts
 * `VOORBEELD – fictieve gegevens` on the PDF cover, on the title page and in the front matter.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SAMPLE_NOTICE } from '../src/model.js';
import { runGenerate } from '../src/run.js';
import { EXAMPLE_DIR, SAMPLE_2024, SAMPLE_2025, copyData, removeTempDirs, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

const BASE = 'weerbaarheidsanalyse-nafin-2025-departementaal-vertrouwelijk';

async function report(dataDir: string) {
  const out = join(await tempDir(), 'uit');
  expect((await runGenerate({ dataDir, outDir: out, formats: ['md', 'pdf'] })).exitCode).toBe(0);
  const markdown = await readFile(join(out, `${BASE}.md`), 'utf8');
  const cover = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', join(out, `${BASE}.pdf`), '-'], { encoding: 'utf8' });
  return { frontMatter: parse(markdown.split('---\n')[1]!) as Record<string, unknown>, markdown, cover };
}

describe('the sample notice', () => {
  it('is on the cover, on the title page and in the front matter when analyse.yaml says voorbeeld: true', async () => {
    const data = await copyData(EXAMPLE_DIR);
    await appendFile(join(data, 'analyse.yaml'), '\nvoorbeeld: true\n');
    const { frontMatter, markdown, cover } = await report(data);
    expect(frontMatter.voorbeeld).toBe(SAMPLE_NOTICE);
    expect(markdown).toMatch(new RegExp(`^# Weerbaarheidsanalyse NAFIN 2025\\n\\n\\*\\*${SAMPLE_NOTICE}\\*\\*$`, 'm'));
    expect(cover).toContain(SAMPLE_NOTICE);
  });

  it('is absent from a real analysis', async () => {
    const { frontMatter, markdown, cover } = await report(EXAMPLE_DIR);
    expect(frontMatter).not.toHaveProperty('voorbeeld');
    expect(markdown).not.toContain('VOORBEELD');
    expect(cover).not.toContain('VOORBEELD');
  });

  it('is set in both years of the sample data', async () => {
    for (const dir of [SAMPLE_2025, SAMPLE_2024]) expect(parse(await readFile(join(dir, 'analyse.yaml'), 'utf8')).voorbeeld).toBe(true);
  });
});
