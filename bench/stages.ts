/**
 * One benchmark measurement in a fresh process, so that each stage's peak RSS is its own:
 *   node dist/bench-bundle/stages.mjs pipeline DATA OUT   ingest, validate, score; writes OUT/analysis.json
 *   node dist/bench-bundle/stages.mjs generate DATA OUT   the whole run, all formats
 *   node dist/bench-bundle/stages.mjs STAGE OUT           markdown | html | pdf | excel | mdpdf, from what the step before wrote
 * Prints one JSON line: { stage: { ms, rssMiB } } (rssMiB: the process's peak RSS after the stage).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HtmlMeta } from '../src/render/html.js';

// Each mode imports only what it uses, so a stage's time and memory are not those of the others' modules.
const result: Record<string, { ms: number; rssMiB: number }> = {};
async function stage<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  // Garbage left by the step before is not this step's cost (the runner passes --expose-gc).
  globalThis.gc?.();
  const start = performance.now();
  const value = await work();
  result[name] = { ms: performance.now() - start, rssMiB: process.resourceUsage().maxRSS / 1024 };
  return value;
}

const [mode, ...args] = process.argv.slice(2);

async function pipeline(dataDir: string, outDir: string) {
  const { loadConfig } = await import('../src/validate/config.js');
  const { ingest } = await import('../src/ingest/index.js');
  const { validate } = await import('../src/validate/index.js');
  const { score } = await import('../src/score/index.js');
  await mkdir(join(outDir, 'figuren'), { recursive: true });
  const { settings } = await loadConfig(dataDir);
  if (!settings) throw new Error('analyse.yaml van de benchmark is ongeldig');
  const read = await stage('ingest', () => ingest(dataDir));
  const checked = await stage('validate', () => validate(read.tables, settings));
  const errors = [...read.messages, ...checked.messages].filter((m) => m.severity === 'error');
  if (errors.length) throw new Error(`${errors.length} fouten in de benchmarkinvoer, de eerste: ${errors[0]?.reason}`);
  const analysis = await stage('score', () => score(checked.registers, settings, null));
  await writeFile(join(outDir, 'analysis.json'), JSON.stringify(analysis));
  await writeFile(join(outDir, 'inputs.json'), JSON.stringify({ inputs: read.inputs, annexRowLimit: settings.bijlageMaxRijen }));
}

async function render(name: string, outDir: string) {
  const { AnalysisSchema } = await import('../src/analysis.js');
  const { LEVEL_LABEL } = await import('../src/classify/levels.js');
  const analysis = AnalysisSchema.parse(JSON.parse(await readFile(join(outDir, 'analysis.json'), 'utf8')));
  const meta: HtmlMeta = {
    title: `Benchmark ${analysis.risks.length} risico's`,
    organisatie: analysis.organisatie,
    jaar: analysis.jaar,
    peildatum: analysis.peildatum,
    levelLabel: LEVEL_LABEL[analysis.rubricering],
    toolVersion: 'bench',
    subject: 'benchmark',
    keywords: ['benchmark'],
  };
  if (name === 'markdown') {
    const { renderMarkdown } = await import('../src/render/markdown.js');
    const { inputs, annexRowLimit } = JSON.parse(await readFile(join(outDir, 'inputs.json'), 'utf8'));
    const report = await stage('markdown', () =>
      renderMarkdown(analysis, { toolVersion: 'bench', inputsHash: '0', inputs, dataQuality: [], slug: 'bench', annexRowLimit, reducedLevel: false }),
    );
    await writeFile(join(outDir, 'bench.md'), report.markdown);
    for (const c of report.charts) {
      await mkdir(join(outDir, c.file, '..'), { recursive: true });
      await writeFile(join(outDir, c.file), c.svg);
    }
  } else if (name === 'html') {
    const { renderHtml } = await import('../src/render/html.js');
    const markdown = await readFile(join(outDir, 'bench.md'), 'utf8');
    const html = await stage('html', () => renderHtml(markdown, meta));
    await writeFile(join(outDir, 'bench.html'), html.html);
  } else if (name === 'pdf') {
    const { createBrowserSession } = await import('../src/render/browser.js');
    const { printPdf } = await import('../src/render/pdf.js');
    const session = createBrowserSession();
    try {
      await stage('pdf', async () => {
        const { bytes } = await printPdf(session, { htmlPath: join(outDir, 'bench.html'), meta, allowedDir: outDir, creationDate: new Date(0), timeoutMs: 120_000 });
        await writeFile(join(outDir, 'bench.pdf'), bytes);
      });
    } finally {
      await session.close();
    }
  } else if (name === 'mdpdf') {
    // The whole Markdown → PDF path in one process, as the peers are timed (see bench.ts).
    const { renderHtml } = await import('../src/render/html.js');
    const { createBrowserSession } = await import('../src/render/browser.js');
    const { printPdf } = await import('../src/render/pdf.js');
    const session = createBrowserSession();
    try {
      // As in generate: Chromium starts while the HTML is made.
      void session.prepare();
      const markdown = await readFile(join(outDir, 'bench.md'), 'utf8');
      const html = await renderHtml(markdown, meta);
      await writeFile(join(outDir, 'bench.html'), html.html);
      const { bytes } = await printPdf(session, { htmlPath: join(outDir, 'bench.html'), meta, allowedDir: outDir, creationDate: new Date(0) });
      await writeFile(join(outDir, 'bench.pdf'), bytes);
    } finally {
      await session.close();
    }
  } else if (name === 'excel') {
    const { writeWorkbook } = await import('../src/render/excel.js');
    await stage('excel', () => writeWorkbook(analysis, { levelLabel: meta.levelLabel, toolVersion: 'bench', dataQuality: [], title: meta.title }, join(outDir, 'bench.xlsx')));
  } else {
    throw new Error(`onbekende stap ${name}`);
  }
}

/** The whole `generate` in one process, as a user runs it (Chromium's own memory not included). */
async function generateAll(dataDir: string, outDir: string) {
  const { runGenerate } = await import('../src/run.js');
  const run = await stage('generate', () => runGenerate({ dataDir, outDir, force: true }));
  if (run.exitCode !== 0) throw new Error(`generate gaf exitcode ${run.exitCode}: ${run.failure ?? ''}`);
}

if (mode === 'pipeline') await pipeline(args[0]!, args[1]!);
else if (mode === 'generate') await generateAll(args[0]!, args[1]!);
else await render(mode ?? '', args[0]!);
process.stdout.write(JSON.stringify(result) + '\n');
