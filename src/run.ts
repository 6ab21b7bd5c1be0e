/**
 * The pipeline: ingest → validate → score → render. `run*` functions do the work and return
 * outputs and messages; they never print (the CLI does) and never exit.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AnalysisSchema, type Analysis } from './analysis.js';
import { canRenderAt, filterAnalysis, filterMessages, filterRegisters } from './classify/filter.js';
import { LEVEL_LABEL, LEVEL_SLUG, type Level } from './classify/levels.js';
import { EXIT, UsageError, type ExitCode } from './exit.js';
import type { InputFile } from './ingest/table.js';
import { loadData, loadPrevious } from './load.js';
import { compareText, hasErrors, sortMessages, type Message } from './messages.js';
import { SAMPLE_NOTICE, type Registers, type Settings } from './model.js';
import { isReportOutput, refuseForeignReport } from './output/folder.js';
import { combinedHash, hashTree, sha256 } from './output/hash.js';
import { buildManifest } from './output/manifest.js';
import { createStaging, OutputBusyError, type Staging } from './output/staging.js';
import { createBrowserSession, RenderError, type BrowserSession } from './render/browser.js';
import { SHEET_NAMES, writeWorkbook } from './render/excel.js';
import { renderHtml, type HtmlDocument, type HtmlMeta } from './render/html.js';
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
  constructor(
    private readonly onProgress?: (event: ProgressEvent) => void,
    private readonly signal?: AbortSignal,
  ) {}
  async stage<T>(stage: Stage, work: () => Promise<T> | T, detail?: (result: T) => string): Promise<T> {
    checkAborted(this.signal);
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
  try {
    return await generate(opts);
  } catch (error) {
    // Every stage and write checks the signal; what was staged is gone by now (see analyseAndRender's finally).
    if (opts.signal?.aborted) return { exitCode: EXIT.rendering, messages: [], failure: ABORTED, outputs: [], timings: {} };
    throw error;
  }
}

const ABORTED = 'Afgebroken; het vorige rapport is ongewijzigd.';

async function generate(opts: GenerateOptions): Promise<RunResult> {
  const timer = new Timer(opts.onProgress, opts.signal);
  const formats = new Set(opts.formats ?? FORMATS);
  const loaded = await loadData(opts.dataDir, (step, work, detail) => timer.stage(step, work, detail));
  // Chromium starts as soon as this year's data is known to be good: its start-up and first page
  // need this event loop, which the Markdown and HTML keep busy later on.
  const good = loaded.settings && loaded.registers && !hasErrors(loaded.messages);
  const browser = formats.has('pdf') && good ? (opts.browser ?? createBrowserSession)() : undefined;
  void browser?.prepare();
  const abort = () => void browser?.close();
  opts.signal?.addEventListener('abort', abort);
  try {
    return await analyseAndRender(opts, timer, formats, loaded, browser);
  } finally {
    opts.signal?.removeEventListener('abort', abort);
    await browser?.close();
  }
}

async function analyseAndRender(
  opts: GenerateOptions,
  timer: Timer,
  formats: Set<Format>,
  loaded: Awaited<ReturnType<typeof loadData>>,
  browser: BrowserSession | undefined,
): Promise<RunResult> {
  const { settings, registers } = loaded;
  const level = opts.level ?? settings?.rubricering;
  // Last year on the same basis as this year: over visible items only when the scores are.
  const visibleOnly = settings?.scoregrondslag === 'zichtbaar' ? level : undefined;
  const previous = settings?.vorige ? await loadPrevious(opts.dataDir, settings.vorige, visibleOnly) : undefined;
  const messages = sortMessages([...loaded.messages, ...(previous?.messages ?? [])]);
  if (!settings || !registers || !level || hasErrors(messages)) {
    return { exitCode: EXIT.invalidInput, messages, outputs: [], timings: timer.timings };
  }
  if (!canRenderAt(settings.rubricering, level)) {
    throw new UsageError(
      `Niveau ${LEVEL_LABEL[level]} ligt boven de rubricering van de analyse (${LEVEL_LABEL[settings.rubricering]}); kies ${LEVEL_LABEL[settings.rubricering]} of lager.`,
    );
  }
  const analysis = await timer.stage(
    'score',
    () => scoreForLevel(registers, settings, previous?.previous ?? null, level),
    (a) => `${a.risks.length} risico's, ${a.measures.length} maatregelen, ${a.incidents.length} incidenten`,
  );
  const reduced = level !== settings.rubricering;
  const outDir = resolve(opts.outDir ?? join('reports', reduced ? `${settings.jaar}-${LEVEL_SLUG[level]}` : String(settings.jaar)));

  let staging: Staging | undefined;
  try {
    // The folder's lock first: what is in it (perhaps a report a killed run left aside) is then final.
    staging = await createStaging(outDir, isReportOutput);
    await refuseForeignReport(outDir, analysis, level, opts.force ?? false);
    const job: RenderJob = {
      opts,
      timer,
      formats,
      browser,
      analysis,
      settings,
      level,
      reduced,
      base: `weerbaarheidsanalyse-${normalizeKey(settings.netwerk) || 'netwerk'}-${settings.jaar}-${LEVEL_SLUG[level]}`,
      inputs: [...loaded.inputs, ...(previous?.inputs ?? [])],
      dataQuality: filterMessages(
        messages.filter((m) => m.severity !== 'error'),
        registers,
        level,
      ),
      stage: staging,
      written: {},
    };
    const chromium = await renderOutputs(job);
    const outputs = Object.entries(job.written)
      .map(([path, data]) => ({ path, sha256: sha256(data), bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length }))
      .sort((a, b) => compareText(a.path, b.path));
    const stage = staging;
    return await timer.stage('write', async () => {
      const manifest = buildManifest({
        settings,
        level,
        choices: {
          formats: FORMATS.filter((f) => formats.has(f)),
          templates: opts.templatesDir ? await hashTree(opts.templatesDir) : null,
          sourceDateEpoch: opts.sourceDateEpoch ?? null,
        },
        inputs: job.inputs,
        outputs,
        timings: timer.timings,
        chromium: chromium ?? null,
      });
      await stage.write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
      // The last moment a Ctrl-C still keeps the previous report; once the swap begins the run completes.
      checkAborted(opts.signal);
      await stage.commit();
      return { exitCode: EXIT.ok, messages, outDir, outputs, timings: timer.timings };
    });
  } catch (error) {
    const failure = opts.signal?.aborted ? ABORTED : renderFailure(error, outDir);
    if (failure === undefined) throw error;
    return { exitCode: EXIT.rendering, messages, failure, outputs: [], timings: timer.timings };
  } finally {
    // A staging folder that cannot be removed must not turn the run's outcome into another; the
    // next run removes what is left.
    await staging?.discard().catch(() => undefined);
  }
}

interface RenderJob {
  opts: GenerateOptions;
  timer: Timer;
  formats: Set<Format>;
  browser: BrowserSession | undefined;
  analysis: Analysis;
  settings: Settings;
  level: Level;
  reduced: boolean;
  /** The output files' name without extension. */
  base: string;
  inputs: InputFile[];
  dataQuality: Message[];
  stage: Staging;
  /** Every output written so far, by path: the manifest hashes them. */
  written: Record<string, string | Uint8Array>;
}

/** Writes every requested format into the staging folder; returns Chromium's version when it printed. */
async function renderOutputs(job: RenderJob): Promise<string | undefined> {
  const { opts, timer, formats, browser, analysis, base } = job;
  const write = async (path: string, data: string | Uint8Array) => {
    checkAborted(opts.signal);
    await job.stage.write(path, data);
    job.written[path] = data;
  };
  await write('analysis.json', JSON.stringify(AnalysisSchema.parse(analysis), null, 2) + '\n');
  const report =
    formats.has('md') || browser
      ? await timer.stage(
          'markdown',
          () =>
            asTemplateFailure(renderMarkdown, analysis, {
              toolVersion: TOOL_VERSION,
              inputsHash: combinedHash(job.inputs),
              inputs: job.inputs,
              dataQuality: job.dataQuality,
              slug: base,
              templatesDir: opts.templatesDir,
              annexRowLimit: job.settings.bijlageMaxRijen,
              reducedLevel: job.reduced,
              sampleNotice: job.settings.voorbeeld ? SAMPLE_NOTICE : undefined,
            }),
          (r) => `${r.markdown.split('\n').length} regels, ${r.charts.length} grafieken`,
        )
      : undefined;
  if (report) {
    for (const chart of report.charts) await write(chart.file, chart.svg);
    if (formats.has('md')) await write(`${base}.md`, report.markdown);
  }
  const meta = { ...htmlMeta(analysis, job.level), sampleNotice: job.settings.voorbeeld ? SAMPLE_NOTICE : undefined };
  const html = browser && report ? await timer.stage('html', () => renderHtml(report.markdown, meta)) : undefined;
  if (html) await write(`${base}.html`, html.html);

  const printStage = async (session: BrowserSession, document: HtmlDocument) => {
    const printed = await timer.stage(
      'pdf',
      () =>
        printPdf(session, {
          htmlPath: join(job.stage.dir, `${base}.html`),
          outPath: join(job.stage.dir, `${base}.pdf`),
          meta,
          allowedDir: job.stage.dir,
          creationDate: creationDate(job.settings, opts.sourceDateEpoch),
          timeoutMs: opts.printTimeoutMs,
        }),
      (p) => `${p.pages} pagina's`,
    );
    // Done with Chromium: it shuts down while the rest is written.
    void session.close();
    job.written[`${base}.pdf`] = printed.bytes;
    // The HTML kept beside the PDF gets the contents' page numbers the PDF has.
    await write(`${base}.html`, document.withPageNumbers(printed.pageNumbers));
    return printed.producer;
  };
  const workbookStage = async () => {
    const path = join(job.stage.dir, `${base}.xlsx`);
    await timer.stage(
      'excel',
      () =>
        writeWorkbook(
          analysis,
          { levelLabel: LEVEL_LABEL[job.level], toolVersion: TOOL_VERSION, dataQuality: job.dataQuality, title: reportTitle(analysis) },
          path,
        ),
      () => `${SHEET_NAMES.length} bladen, ${analysis.risks.length + analysis.measures.length + analysis.incidents.length} registerregels`,
    );
    job.written[`${base}.xlsx`] = await readFile(path);
  };
  // Node waits while Chromium prints: the workbook is written in that time. A workbook that fails
  // ends the print too, rather than waiting for it.
  const [chromium] = await allOrFirstFailure(
    [browser && html ? printStage(browser, html) : undefined, formats.has('xlsx') ? workbookStage() : undefined] as const,
    () => void browser?.close(),
  );
  return chromium;
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
    ...(a.uitgave && { status: a.uitgave.status, uitgevendeEenheid: a.uitgave.uitgevendeEenheid ?? '', uitgiftedatum: a.uitgave.uitgiftedatum }),
    subject: `Weerbaarheidsanalyse van ${a.netwerk} over ${a.jaar}, rubricering ${LEVEL_LABEL[level]}`,
    keywords: [a.netwerk, 'weerbaarheid', 'risicoanalyse', String(a.jaar), LEVEL_LABEL[level]],
  };
}

function creationDate(settings: Settings, sourceDateEpoch?: number): Date {
  return sourceDateEpoch !== undefined ? new Date(sourceDateEpoch * 1000) : new Date(`${settings.peildatum}T00:00:00Z`);
}

/** Errors in the templates (an organisation's own, say) are rendering failures, not bugs: exit 3. */
async function asTemplateFailure<A extends unknown[], T>(render: (...args: A) => Promise<T>, ...args: A): Promise<T> {
  try {
    return await render(...args);
  } catch (error) {
    throw new RenderError('template-failed', `Het Markdown-rapport kon niet worden gemaakt: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Waits for every task, then throws the failure that came first (so nothing is left writing into the
 * staging folder when it is discarded); `onFailure` runs at that first failure, to cut the others short.
 */
async function allOrFirstFailure<T extends readonly unknown[]>(tasks: T, onFailure: () => void): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  let first: { reason: unknown } | undefined;
  const watched = tasks.map((task) =>
    Promise.resolve(task).catch((reason: unknown) => {
      if (!first) {
        first = { reason };
        onFailure();
      }
      throw reason;
    }),
  );
  const results = await Promise.allSettled(watched);
  if (first) throw first.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new Error('afgebroken');
}

/** Errors of rendering and of writing the output folder: exit 3 with one Dutch line. Anything else is a bug. */
const WRITE_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EIO', 'ENOTDIR', 'EISDIR', 'EMFILE', 'EBUSY', 'ENOENT', 'ENOTEMPTY', 'ENAMETOOLONG']);
function renderFailure(error: unknown, outDir: string): string | undefined {
  if (error instanceof RenderError || error instanceof OutputBusyError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && WRITE_ERRORS.has(code)) {
    return `Kan de uitvoer niet schrijven in ${outDir} (${code}); het vorige rapport is ongewijzigd.`;
  }
  return undefined;
}


