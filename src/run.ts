/**
 * The pipeline: ingest → validate → score → render. `run*` functions do the work and return
 * outputs and messages; they never print (the CLI does) and never exit.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AnalysisSchema, type Analysis } from './analysis.js';
import { canRenderAt, filterAnalysis, filterRegisters } from './classify/filter.js';
import { LEVEL_LABEL, LEVEL_SLUG, type Level } from './classify/levels.js';
import { EXIT, UsageError, type ExitCode } from './exit.js';
import { loadData, loadPrevious } from './load.js';
import { hasErrors, sortMessages, type Message } from './messages.js';
import type { Registers, Settings } from './model.js';
import { combinedHash, sha256 } from './output/hash.js';
import { buildManifest } from './output/manifest.js';
import { createStaging, type Staging } from './output/staging.js';
import { createBrowserSession, RenderError, type BrowserSession } from './render/browser.js';
import { writeWorkbook } from './render/excel.js';
import { renderHtml, type HtmlMeta } from './render/html.js';
import { reportTitle } from './render/format.js';
import { renderMarkdown } from './render/markdown.js';
import { printPdf } from './render/pdf.js';
import { score } from './score/index.js';
import { normalizeKey } from './text/normalize.js';
import { TOOL_VERSION } from './version.js';

export const FORMATS = ['md', 'pdf', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export const STAGES = ['ingest', 'validate', 'score', 'markdown', 'html', 'pdf', 'excel', 'write'] as const;
export type Stage = (typeof STAGES)[number];

export interface ProgressEvent {
  stage: Stage;
  phase: 'start' | 'end';
  /** Counts for the terminal, in Dutch (`32 risico's, 44 maatregelen`). */
  detail?: string;
  ms?: number;
}

export interface OutputFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface RunResult {
  exitCode: ExitCode;
  messages: Message[];
  /** A one-line Dutch reason when the run failed outside the data (rendering, usage). */
  failure?: string;
  outDir?: string;
  outputs: OutputFile[];
  timings: Partial<Record<Stage, number>>;
}

export interface ValidateOptions {
  dataDir: string;
  onProgress?: (event: ProgressEvent) => void;
}

export interface GenerateOptions extends ValidateOptions {
  /** Default `reports/<jaar>` (or `reports/<jaar>-<level>` below the analysis' own level), relative to cwd. */
  outDir?: string;
  level?: Level;
  formats?: readonly Format[];
  templatesDir?: string;
  force?: boolean;
  signal?: AbortSignal;
  /** Injected in tests; default launches Debian's Chromium when the PDF is first needed. */
  browser?: () => BrowserSession;
  /** Print time-out per PDF pass. */
  printTimeoutMs?: number;
  /** `SOURCE_DATE_EPOCH` (seconds) for the PDF's dates; default the peildatum. */
  sourceDateEpoch?: number;
}

class Timer {
  readonly timings: Partial<Record<Stage, number>> = {};
  constructor(private readonly onProgress?: (event: ProgressEvent) => void) {}
  async stage<T>(stage: Stage, work: () => Promise<T> | T, detail?: (result: T) => string): Promise<T> {
    this.onProgress?.({ stage, phase: 'start' });
    const start = performance.now();
    const result = await work();
    const ms = performance.now() - start;
    this.timings[stage] = (this.timings[stage] ?? 0) + ms;
    this.onProgress?.({ stage, phase: 'end', ms, detail: detail?.(result) });
    return result;
  }
}

export async function runValidate(opts: ValidateOptions): Promise<RunResult> {
  const timer = new Timer(opts.onProgress);
  const loaded = await loadData(opts.dataDir, (step, work, detail) => timer.stage(step, work, detail));
  const previous = loaded.settings?.vorige ? await loadPrevious(opts.dataDir, loaded.settings.vorige) : undefined;
  const messages = sortMessages([...loaded.messages, ...(previous?.messages ?? [])]);
  return { exitCode: hasErrors(messages) ? EXIT.invalidInput : EXIT.ok, messages, outputs: [], timings: timer.timings };
}

export async function runGenerate(opts: GenerateOptions): Promise<RunResult> {
  const timer = new Timer(opts.onProgress);
  const formats = new Set(opts.formats ?? FORMATS);
  const loaded = await loadData(opts.dataDir, (step, work, detail) => timer.stage(step, work, detail));
  const { settings, registers } = loaded;
  const previous = settings?.vorige ? await loadPrevious(opts.dataDir, settings.vorige) : undefined;
  const messages = sortMessages([...loaded.messages, ...(previous?.messages ?? [])]);
  if (!settings || !registers || hasErrors(messages)) {
    return { exitCode: EXIT.invalidInput, messages, outputs: [], timings: timer.timings };
  }
  const level = opts.level ?? settings.rubricering;
  if (!canRenderAt(settings.rubricering, level)) {
    throw new UsageError(
      `Niveau ${LEVEL_LABEL[level]} ligt boven de rubricering van de analyse (${LEVEL_LABEL[settings.rubricering]}); kies ${LEVEL_LABEL[settings.rubricering]} of lager.`,
    );
  }
  const reduced = level !== settings.rubricering;

  const analysis = await timer.stage(
    'score',
    () => scoreForLevel(registers, settings, previous?.previous ?? null, level),
    (a) => `${a.risks.length} risico's, ${a.measures.length} maatregelen, ${a.incidents.length} incidenten`,
  );

  const inputs = [...loaded.inputs, ...(previous?.inputs ?? [])];
  const outDir = resolve(opts.outDir ?? join('reports', reduced ? `${settings.jaar}-${LEVEL_SLUG[level]}` : String(settings.jaar)));
  await refuseForeignReport(outDir, analysis, level, opts.force ?? false);

  const base = `weerbaarheidsanalyse-${normalizeKey(settings.netwerk)}-${settings.jaar}-${LEVEL_SLUG[level]}`;
  const dataQuality = messages.filter((m) => m.severity !== 'error');
  let staging: Staging | undefined;
  const browser = formats.has('pdf') ? (opts.browser ?? createBrowserSession)() : undefined;
  const abort = () => void browser?.close();
  opts.signal?.addEventListener('abort', abort);
  try {
    staging = await createStaging(outDir);
    const stage = staging;
    const written: Record<string, string | Uint8Array> = {};
    const write = async (path: string, data: string | Uint8Array) => {
      checkAborted(opts.signal);
      await stage.write(path, data);
      written[path] = data;
    };
    const json = JSON.stringify(AnalysisSchema.parse(analysis), null, 2) + '\n';
    await write('analysis.json', json);

    // Chromium starts while the Markdown and HTML are made; a failure to start surfaces at the print.
    void browser?.version().catch(() => undefined);
    if (formats.has('md') || browser) {
      const report = await timer.stage('markdown', () =>
        renderMarkdown(analysis, {
          toolVersion: TOOL_VERSION,
          inputsHash: combinedHash(inputs),
          inputs,
          dataQuality,
          slug: base,
          templatesDir: opts.templatesDir,
          annexRowLimit: settings.bijlageMaxRijen,
          reducedLevel: reduced,
        }),
      );
      for (const chart of report.charts) await write(chart.file, chart.svg);
      if (formats.has('md')) await write(`${base}.md`, report.markdown);
      if (browser) {
        const meta = htmlMeta(analysis, level);
        const html = await timer.stage('html', () => renderHtml(report.markdown, meta));
        await write(`${base}.html`, html.html);
        const printed = await timer.stage('pdf', () =>
          printPdf(browser, {
            htmlPath: join(stage.dir, `${base}.html`),
            outPath: join(stage.dir, `${base}.pdf`),
            meta,
            allowedDir: stage.dir,
            creationDate: creationDate(settings, opts.sourceDateEpoch),
            timeoutMs: opts.printTimeoutMs,
          }),
        );
        written[`${base}.pdf`] = await readFile(join(stage.dir, `${base}.pdf`));
        // The HTML kept beside the PDF gets the contents' page numbers the PDF has.
        await write(`${base}.html`, html.withPageNumbers(printed.pageNumbers));
      }
    }
    if (formats.has('xlsx')) {
      const path = join(stage.dir, `${base}.xlsx`);
      await timer.stage('excel', () =>
        writeWorkbook(analysis, { levelLabel: LEVEL_LABEL[level], toolVersion: TOOL_VERSION, dataQuality, title: reportTitle(analysis) }, path),
      );
      written[`${base}.xlsx`] = await readFile(path);
    }
    checkAborted(opts.signal);
    const outputs = Object.entries(written)
      .map(([path, data]) => ({ path, sha256: sha256(data), bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length }))
      .sort((a, b) => a.path.localeCompare(b.path));
    return await timer.stage('write', async () => {
      const manifest = buildManifest({
        settings,
        level,
        inputs,
        outputs,
        timings: timer.timings,
        chromium: browser ? await browser.version() : null,
      });
      await stage.write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
      await stage.commit();
      return { exitCode: EXIT.ok, messages, outDir, outputs, timings: timer.timings };
    });
  } catch (error) {
    const failure = opts.signal?.aborted ? 'Afgebroken; het vorige rapport is ongewijzigd.' : renderFailure(error, outDir);
    if (failure === undefined) throw error;
    return { exitCode: EXIT.rendering, messages, failure, outputs: [], timings: timer.timings };
  } finally {
    opts.signal?.removeEventListener('abort', abort);
    await browser?.close();
    await staging?.discard();
  }
}

/** Items above the level go before any renderer sees them; the score basis decides what indicator scores count. */
function scoreForLevel(registers: Registers, settings: Settings, previous: Analysis | null, level: Level): Analysis {
  const scored = settings.scoregrondslag === 'zichtbaar' ? score(filterRegisters(registers, level), settings, previous) : score(registers, settings, previous);
  return filterAnalysis(scored, level);
}

function htmlMeta(a: Analysis, level: Level): HtmlMeta {
  return {
    title: reportTitle(a),
    organisatie: a.organisatie,
    jaar: a.jaar,
    peildatum: a.peildatum,
    levelLabel: LEVEL_LABEL[level],
    toolVersion: TOOL_VERSION,
    subject: `Weerbaarheidsanalyse van ${a.netwerk} over ${a.jaar}, rubricering ${LEVEL_LABEL[level]}`,
    keywords: [a.netwerk, 'weerbaarheid', 'risicoanalyse', String(a.jaar), LEVEL_LABEL[level]],
  };
}

function creationDate(settings: Settings, sourceDateEpoch?: number): Date {
  return sourceDateEpoch !== undefined ? new Date(sourceDateEpoch * 1000) : new Date(`${settings.peildatum}T00:00:00Z`);
}

/** A report folder holds one analysis: another year's or organisation's report is not replaced without --force. */
async function refuseForeignReport(outDir: string, a: Analysis, level: Level, force: boolean): Promise<void> {
  if (force) return;
  const text = await readFile(join(outDir, 'manifest.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return;
  let found: { jaar?: unknown; organisatie?: unknown; netwerk?: unknown; rubricering?: unknown } = {};
  try {
    found = JSON.parse(text) as typeof found;
  } catch {
    /* an unreadable manifest is treated as foreign */
  }
  const same = found.jaar === a.jaar && found.organisatie === a.organisatie && found.netwerk === a.netwerk && found.rubricering === LEVEL_LABEL[level];
  if (!same) {
    throw new UsageError(
      `De map ${outDir} bevat al een rapport van een andere analyse (${[found.netwerk, found.jaar, found.rubricering].filter(Boolean).join(', ') || 'onbekend'}); kies een andere --out of gebruik --force.`,
    );
  }
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new Error('afgebroken');
}

/** Errors of rendering and of writing the output folder: exit 3 with one Dutch line. Anything else is a bug. */
const WRITE_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EIO', 'ENOTDIR', 'EISDIR', 'EMFILE', 'EBUSY']);
function renderFailure(error: unknown, outDir: string): string | undefined {
  if (error instanceof RenderError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && WRITE_ERRORS.has(code)) {
    return `Kan de uitvoer niet schrijven in ${outDir} (${code}); het vorige rapport is ongewijzigd.`;
  }
  return undefined;
}


