/**
 * `render` owns no folder: the PDF is printed from the page and charts in memory. With the
 * temporary folder unusable (a path below a file, which no process, root included, can write
 * into) the PDF still comes out, charts and all.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from '../src/analyse.js';
import { createBrowserSession, findChromium } from '../src/render/browser.js';
import { render } from '../src/render/index.js';
import { SAMPLE_2025, copyData, removeTempDirs, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

describe.skipIf(!findChromium())('render without a temporary folder', () => {
  it('prints the PDF with its charts while TMPDIR cannot be written', async () => {
    const analysed = await analyse(await copyData(SAMPLE_2025));
    if (!analysed.ok) throw new Error(analysed.failure.kind);
    // The browser's own profile is the session's, made before render runs.
    const session = createBrowserSession();
    await session.version();
    const scratch = await tempDir();
    await writeFile(join(scratch, 'bestand'), '');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = join(scratch, 'bestand', 'tmp');
    let rendered: Awaited<ReturnType<typeof render>>;
    try {
      rendered = await render(analysed, { formats: ['pdf'], browser: () => session });
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      await session.close();
    }
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.failure));
    const pdf = rendered.files.find((f) => f.path.endsWith('.pdf'))!;
    const pdfPath = join(scratch, 'rapport.pdf');
    await writeFile(pdfPath, pdf.data);
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/^Pages:\s+\d{2,}$/m);
    // Text that is only in a chart (the axis title of the measures' status), not in the page itself.
    expect(rendered.files.find((f) => f.path.endsWith('.html'))!.data).not.toContain('Aantal maatregelen');
    expect(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })).toContain('Aantal maatregelen');
  });
});
