/**
 * One benchmark measurement in a fresh process, so that each stage's peak RSS is its own:
 *   node dist/bench-bundle/stages.mjs pipeline DATA         ingest, validate, score
 *   node dist/bench-bundle/stages.mjs markdown|pdf|excel DATA   analyse, then render that format (pdf: html and pdf)
 *   node dist/bench-bundle/stages.mjs generate DATA OUT     the whole run, all formats, written
 *   node dist/bench-bundle/stages.mjs mdpdf OUT             Markdown → PDF from OUT/bench.md, as the peers are timed
 * Prints one JSON line: { stage: { ms, rssMiB } } (rssMiB: the process's peak RSS when the stage ended).
 * Every mode but mdpdf runs the library's API, timed by its own progress events.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProgressEvent } from '../src/index.js';
import type { HtmlMeta } from '../src/render/html.js';

const result: Record<string, { ms: number; rssMiB: number }> = {};
const rssMiB = () => process.resourceUsage().maxRSS / 1024;
/** Records the stages asked for, as the library reports them. */
const recorder =
  (stages: readonly string[]) =>
  (e: ProgressEvent): void => {
    if (e.phase === 'end' && stages.includes(e.stage)) result[e.stage] = { ms: e.ms ?? NaN, rssMiB: rssMiB() };
  };

const [mode, ...args] = process.argv.slice(2);
const FORMAT_OF = { markdown: 'md', pdf: 'pdf', excel: 'xlsx' } as const;
const STAGES_OF = { markdown: ['markdown'], pdf: ['html', 'pdf'], excel: ['excel'] } as const;

// Each mode imports only what it uses, so a stage's time and memory are not those of the others' modules.
async function analysed(dataDir: string, onProgress?: (e: ProgressEvent) => void) {
  const { analyse } = await import('../src/analyse.js');
  const a = await analyse(dataDir, { onProgress });
  if (!a.ok) throw new Error(`benchmarkinvoer ongeldig: ${a.messages.find((m) => m.severity === 'error')?.reason ?? a.failure.message}`);
  return a;
}

if (mode === 'pipeline') {
  // Garbage left by start-up is not this step's cost (the runner passes --expose-gc).
  globalThis.gc?.();
  await analysed(args[0]!, recorder(['ingest', 'validate', 'score']));
} else if (mode === 'markdown' || mode === 'pdf' || mode === 'excel') {
  const a = await analysed(args[0]!);
  globalThis.gc?.();
  const { render } = await import('../src/render/index.js');
  const r = await render(a, { formats: [FORMAT_OF[mode]], printTimeoutMs: 120_000, onProgress: recorder(STAGES_OF[mode]) });
  if (!r.ok) throw new Error(`render mislukt: ${r.failure.message ?? r.failure.kind}`);
} else if (mode === 'generate') {
  const { runGenerate } = await import('../src/run.js');
  const start = performance.now();
  const run = await runGenerate({ dataDir: args[0]!, outDir: args[1]!, force: true });
  if (run.exitCode !== 0) throw new Error(`generate gaf exitcode ${run.exitCode}: ${run.failure ?? ''}`);
  result.generate = { ms: performance.now() - start, rssMiB: rssMiB() };
} else if (mode === 'mdpdf') {
  await markdownToPdf(args[0]!);
} else {
  throw new Error(`onbekende stap ${mode}`);
}
process.stdout.write(JSON.stringify(result) + '\n');

/**
 * The whole Markdown → PDF path in one process, from a Markdown file as md-to-pdf and the bare
 * print get it (see bench.ts): the library has no such entry, so this one calls the HTML and PDF
 * modules. It reads the charts beside bench.md, as the peers do, and writes the bench.html the
 * bare print starts from.
 */
async function markdownToPdf(outDir: string) {
  const { renderHtml } = await import('../src/render/html.js');
  const { createBrowserSession } = await import('../src/render/browser.js');
  const { printPdf } = await import('../src/render/pdf.js');
  const meta: HtmlMeta = { title: 'Benchmark', organisatie: 'bench', jaar: 2025, peildatum: '2025-12-31', levelLabel: 'Openbaar', toolVersion: 'bench', subject: 'benchmark', keywords: ['benchmark'] };
  const session = createBrowserSession();
  try {
    // As in generate: Chromium starts while the HTML is made.
    void session.prepare();
    const markdown = await readFile(join(outDir, 'bench.md'), 'utf8');
    const charts = await Promise.all((await readdir(join(outDir, 'figuren'))).map(async (name) => ({ path: `figuren/${name}`, data: await readFile(join(outDir, 'figuren', name)) })));
    const html = await renderHtml(markdown, meta);
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'bench.html'), html.html);
    const { bytes } = await printPdf(session, { html: html.html, assets: charts, name: 'bench.pdf', meta, creationDate: new Date(0) });
    await writeFile(join(outDir, 'bench.pdf'), bytes);
  } finally {
    await session.close();
  }
}
