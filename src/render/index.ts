/**
 * `render`: an analysed data folder in, the report's files out, in memory (`{ path, data }`):
 * Markdown with its SVG charts, HTML and PDF, the workbook and analysis.json. It owns no folder;
 * `writeReport` puts the files on disk. Chromium is opened here when the PDF is asked for, and
 * always closed before this returns.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Analysed } from '../analyse.js';
import { AnalysisSchema, type Analysis } from '../analysis.js';
import { LEVEL_LABEL, LEVEL_SLUG, type Level } from '../classify/levels.js';
import { levelView, type LevelView } from '../classify/view.js';
import type { Failure } from '../failure.js';
import { SAMPLE_NOTICE, type Settings } from '../model.js';
import { combinedHash } from '../output/hash.js';
import { AbortedError, checkAborted, stageRunner, type OnProgress, type StageRunner } from '../progress.js';
import { normalizeKey } from '../text/normalize.js';
import { TOOL_VERSION } from '../version.js';
import { createBrowserSession, RenderError, type BrowserSession } from './browser.js';
import { buildWorkbook, SHEET_NAMES } from './excel.js';
import { decisionText, reportTitle } from './format.js';
import { renderHtml, type HtmlDocument, type HtmlMeta } from './html.js';
import { renderMarkdown, type RenderedChart } from './markdown.js';
import { printPdf } from './pdf.js';
import { coverage } from './viewmodel.js';
import { systemErrorReason } from '../output/write-error.js';
import { stripBidiControls } from '../text/bidi.js';

export const FORMATS = ['md', 'pdf', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

/** One file of a report, relative to the report folder (`figuren/…` for charts). */
export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

export interface RenderOptions {
  /** Default all of FORMATS; analysis.json is always made. */
  formats?: readonly Format[];
  /** Default the level `analyse` made its view for. */
  level?: Level;
  /** An organisation's Handlebars templates laid over the built-in ones. */
  templatesDir?: string;
  /** Opens the browser for the PDF; default Debian's Chromium. Called only when the PDF is asked for; the session is closed here. */
  browser?: () => BrowserSession;
  /** Print time-out per PDF pass. */
  printTimeoutMs?: number;
  /** `SOURCE_DATE_EPOCH` (seconds) for the PDF's dates; default the peildatum. */
  sourceDateEpoch?: number;
  signal?: AbortSignal;
  onProgress?: OnProgress;
}

export type RenderResult =
  | { ok: true; files: OutputFile[]; view: LevelView; /** The browser that printed the PDF. */ chromium: string | null }
  | { ok: false; failure: Failure };

export async function render(result: Analysed, options: RenderOptions = {}): Promise<RenderResult> {
  const made = options.level === undefined || options.level === result.view.level ? { view: result.view } : levelView(result, options.level);
  if ('failure' in made) return { ok: false, failure: made.failure };
  const formats = new Set(options.formats ?? FORMATS);
  const browser = formats.has('pdf') ? (options.browser ?? createBrowserSession)() : undefined;
  // Chromium starts while the Markdown and HTML are made.
  void browser?.prepare();
  const abort = () => void browser?.close();
  options.signal?.addEventListener('abort', abort);
  try {
    const job: Job = { ...options, formats, browser, view: made.view, settings: result.settings, inputsHash: combinedHash(result.inputs), result, stage: stageRunner(options.onProgress, options.signal) };
    const { files, chromium } = await renderFiles(job);
    return { ok: true, files, view: made.view, chromium };
  } catch (error) {
    if (options.signal?.aborted || error instanceof AbortedError) return { ok: false, failure: { kind: 'aborted' } };
    if (error instanceof RenderError) return { ok: false, failure: { kind: 'rendering', message: error.message } };
    // The PDF is printed in a temporary folder; a full disk there is said in Dutch too.
    const reason = systemErrorReason(error);
    if (reason) return { ok: false, failure: { kind: 'rendering', message: `Kan de tijdelijke bestanden niet schrijven in ${tmpdir()}: ${reason}; het vorige rapport is ongewijzigd.` } };
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await browser?.close();
  }
}

/** The report's file names without extension: `weerbaarheidsanalyse-nafin-2025-openbaar`. */
export function reportBaseName(settings: Pick<Settings, 'netwerk' | 'jaar'>, level: Level): string {
  return `weerbaarheidsanalyse-${normalizeKey(settings.netwerk) || 'netwerk'}-${settings.jaar}-${LEVEL_SLUG[level]}`;
}

interface Job extends Omit<RenderOptions, 'formats' | 'browser'> {
  formats: Set<Format>;
  browser: BrowserSession | undefined;
  view: LevelView;
  settings: Settings;
  inputsHash: string;
  result: Analysed;
  stage: StageRunner;
}

async function renderFiles(job: Job): Promise<{ files: OutputFile[]; chromium: string | null }> {
  const { formats, browser, view, stage } = job;
  const { analysis } = view;
  const base = reportBaseName(job.settings, view.level);
  const files: OutputFile[] = [{ path: 'analysis.json', data: JSON.stringify(AnalysisSchema.parse(analysis), null, 2) + '\n' }];
  const report =
    formats.has('md') || browser
      ? await stage(
          'markdown',
          () =>
            asTemplateFailure(renderMarkdown, analysis, {
              toolVersion: TOOL_VERSION,
              inputsHash: job.inputsHash,
              inputs: job.result.inputs,
              dataQuality: view.messages,
              slug: base,
              templatesDir: job.templatesDir,
              annexRowLimit: job.settings.bijlageMaxRijen,
              reducedLevel: view.reduced,
              sampleNotice: job.settings.voorbeeld ? SAMPLE_NOTICE : undefined,
            }),
          (r) => `${r.markdown.split('\n').length} regels, ${r.charts.length} grafieken`,
        )
      : undefined;
  const charts = (report?.charts ?? []).map((c) => ({ path: c.file, data: c.svg }));
  files.push(...charts);
  if (report && formats.has('md')) files.push({ path: `${base}.md`, data: report.markdown });
  const meta = { ...htmlMeta(analysis, view.level), sampleNotice: job.settings.voorbeeld ? SAMPLE_NOTICE : undefined, dekking: view.reduced ? coverage(analysis) : undefined };
  const html = browser && report ? await stage('html', () => renderHtml(report.markdown, meta)) : undefined;

  const printStage = async (session: BrowserSession, document: HtmlDocument) => {
    const printed = await stage('pdf', () => printInScratch(session, job, { base, document, charts: report?.charts ?? [], meta }), (p) => `${p.pages} pagina's`);
    // Done with Chromium: it shuts down while the rest is made.
    void session.close();
    // The HTML kept beside the PDF gets the contents' page numbers the PDF has.
    files.push({ path: `${base}.pdf`, data: printed.bytes }, { path: `${base}.html`, data: document.withPageNumbers(printed.pageNumbers) });
    return printed.producer;
  };
  const workbookStage = async () => {
    const bytes = await stage(
      'excel',
      () => buildWorkbook(analysis, { levelLabel: LEVEL_LABEL[view.level], toolVersion: TOOL_VERSION, dataQuality: view.messages, title: reportTitle(analysis) }),
      () => `${SHEET_NAMES.length} bladen, ${analysis.risks.length + analysis.measures.length + analysis.incidents.length} registerregels`,
    );
    files.push({ path: `${base}.xlsx`, data: bytes });
  };
  // Node waits while Chromium prints: the workbook is made in that time. A workbook that fails
  // ends the print too, rather than waiting for it.
  const [chromium] = await allOrFirstFailure(
    [browser && html ? printStage(browser, html) : undefined, formats.has('xlsx') ? workbookStage() : undefined] as const,
    () => void browser?.close(),
  );
  checkAborted(job.signal);
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), chromium: chromium ?? null };
}

/**
 * Chromium loads the page and its figures from files: they go into a private temporary folder,
 * removed again after the print, so that the report folder is written by writeReport alone.
 */
async function printInScratch(session: BrowserSession, job: Job, page: { base: string; document: HtmlDocument; charts: readonly RenderedChart[]; meta: HtmlMeta }) {
  const scratch = await mkdtemp(join(tmpdir(), 'weerbaarheid-pdf-'));
  try {
    for (const { path, data } of [{ path: `${page.base}.html`, data: page.document.html }, ...page.charts.map((c) => ({ path: c.file, data: c.svg }))]) {
      await mkdir(dirname(join(scratch, path)), { recursive: true });
      await writeFile(join(scratch, path), data);
    }
    return await printPdf(session, {
      htmlPath: join(scratch, `${page.base}.html`),
      meta: page.meta,
      allowedDir: scratch,
      creationDate: creationDate(job.settings, job.sourceDateEpoch),
      timeoutMs: job.printTimeoutMs,
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Document properties and the cover: lines of their own, where bidi controls are removed (text/bidi.ts). */
function htmlMeta(a: Analysis, level: Level): HtmlMeta {
  const netwerk = stripBidiControls(a.netwerk);
  const decision = decisionText(a.rubriceringBesluit);
  return {
    title: reportTitle(a),
    organisatie: stripBidiControls(a.organisatie),
    jaar: a.jaar,
    peildatum: a.peildatum,
    levelLabel: LEVEL_LABEL[level],
    toolVersion: TOOL_VERSION,
    ...(a.uitgave && { status: a.uitgave.status, uitgevendeEenheid: a.uitgave.uitgevendeEenheid ?? '', uitgiftedatum: a.uitgave.uitgiftedatum }),
    ...(a.rubriceringBesluit?.vastgesteldDoor && { vastgesteldDoor: stripBidiControls(a.rubriceringBesluit.vastgesteldDoor) }),
    ...(a.rubriceringBesluit?.vervalt && { rubriceringVervalt: a.rubriceringBesluit.vervalt }),
    subject: `Weerbaarheidsanalyse van ${netwerk} over ${a.jaar}, rubricering ${LEVEL_LABEL[level]}${decision ? ` (${decision})` : ''}`,
    keywords: [netwerk, 'weerbaarheid', 'risicoanalyse', String(a.jaar), LEVEL_LABEL[level]],
  };
}

function creationDate(settings: Settings, sourceDateEpoch?: number): Date {
  return sourceDateEpoch !== undefined ? new Date(sourceDateEpoch * 1000) : new Date(`${settings.peildatum}T00:00:00Z`);
}

/** Errors in the templates (an organisation's own, say) are rendering failures, not bugs. */
async function asTemplateFailure<A extends unknown[], T>(render: (...args: A) => Promise<T>, ...args: A): Promise<T> {
  try {
    return await render(...args);
  } catch (error) {
    throw new RenderError('template-failed', `Het Markdown-rapport kon niet worden gemaakt: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Waits for every task, then throws the failure that came first (so nothing is left running when
 * the caller moves on); `onFailure` runs at that first failure, to cut the others short.
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
