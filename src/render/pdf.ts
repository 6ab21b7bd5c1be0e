import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { TimeoutError, type HTTPRequest, type Page, type PDFOptions } from 'puppeteer-core';
import { TEMPLATES_DIR } from '../version.js';
import { RenderError, type BrowserSession } from './browser.js';
import { REPORT_LANG, type HtmlMeta } from './html.js';
import { PdfStructureError, readPdfPages } from './pdf-file.js';
import { finishPdf } from './pdf-finish.js';

export interface PrintInput {
  /** The page renderHtml made. */
  html: string;
  /** All the page may load besides itself, by path relative to it: the charts, `figuren/<name>.svg`. */
  assets: readonly { path: string; data: string | Uint8Array }[];
  /** The PDF's file name, for messages. */
  name: string;
  meta: HtmlMeta;
  /** Creation and modification date in the PDF metadata (the analysis' date, not the clock). */
  creationDate: Date;
  timeoutMs?: number;
}

export interface PrintResult {
  pages: number;
  /** Heading id → page, as printed in the contents (for an HTML with the same numbers). */
  pageNumbers: Map<string, number>;
  /** Requests that were aborted: any but the document and its assets. */
  blocked: string[];
  /** How often the page was printed: the measuring print and the final ones; normally two, one of each. */
  prints: number;
  /** The browser that printed, e.g. `Chrome/156.0.8078.73` (also the PDF's producer). */
  producer: string;
  /** The finished PDF (PDF/A-2, PDF/UA-1); printPdf writes nothing, the caller stores these bytes. */
  bytes: Uint8Array;
}

/**
 * How long loading the page and each print may take: a tenth of a second per page in normal use
 * (10,000 risks print in seconds). Below the browser's protocol time-out, so a print that is too
 * slow is reported as one, naming the PDF (the sum of both with closing is in browser.ts).
 */
export const PRINT_TIMEOUT_MS = 30_000;

/** Final prints after the measuring one: normally one; a contents that changes length by its numbers gets one more. */
const MAX_FINAL_PASSES = 2;

/**
 * Prints the report HTML to PDF and returns its bytes: load it once with scripts off and every
 * foreign request aborted, print, read each heading's page from the PDF's named destinations,
 * fill those into the contents and print again until the numbers are stable. The first print only
 * measures: it leaves out the tags and outline, which take as long as the layout but move nothing,
 * so it costs half a final print. The last print is finished by pdf-finish.ts (metadata, output
 * intent, artifacts, structure). The page and its assets are served from memory: nothing is
 * written to disk, and nothing is read from it but the tool's own colour profile.
 */
export async function printPdf(session: BrowserSession, input: PrintInput): Promise<PrintResult> {
  const timeout = input.timeoutMs ?? PRINT_TIMEOUT_MS;
  try {
    const [printed, iccProfile] = await Promise.all([session.page((page) => printPasses(page, input, timeout)), readIccProfile()]);
    const { pdf, pages, pageNumbers, blocked, prints, linkTexts } = printed;
    const producer = await session.version();
    const bytes = await finishPdf(pdf, {
      title: input.meta.title,
      author: input.meta.organisatie,
      subject: input.meta.subject,
      keywords: input.meta.keywords.join(', '),
      creator: `weerbaarheid ${input.meta.toolVersion}`,
      producer,
      lang: REPORT_LANG,
      date: input.creationDate,
      iccProfile,
      linkTexts,
      // The same HTML printed on the same date is the same document.
      idSeed: `${input.creationDate.toISOString()}\n${Buffer.from(input.html).toString('latin1')}`,
    });
    return { pages, pageNumbers, blocked, prints, producer, bytes };
  } catch (cause) {
    throw asRenderError(cause, input.name, timeout);
  }
}

let iccPromise: Promise<Buffer> | undefined;
/** The sRGB profile of the output intent: a read-only file shipped with the tool, read once per process. */
function readIccProfile(): Promise<Buffer> {
  iccPromise ??= readFile(join(TEMPLATES_DIR, 'icc', 'sRGB.icc'));
  return iccPromise;
}

async function printPasses(page: Page, input: PrintInput, timeout: number) {
  page.setDefaultTimeout(timeout);
  await page.setJavaScriptEnabled(false);
  const blocked = await serveFromMemory(page, input);
  await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout });
  const options = pdfOptions(timeout);
  let wanted = readPdfPages(Buffer.from(await page.pdf(measureOptions(options)))).destinations;
  for (let pass = 1; ; pass++) {
    await fillContents(page, wanted);
    const pdf = Buffer.from(await page.pdf(options));
    const printed = readPdfPages(pdf);
    if (sameNumbers(wanted, printed.destinations) || pass === MAX_FINAL_PASSES) {
      // The numbers the contents shows; the same as where the headings landed unless they never settled.
      return { pdf, pages: printed.pages, pageNumbers: wanted, blocked, prints: 1 + pass, linkTexts: await readLinkTexts(page, wanted) };
    }
    wanted = printed.destinations;
  }
}

/** Writes page numbers into the contents from outside the page (its own scripts stay off). */
async function fillContents(page: Page, pageNumbers: Map<string, number>): Promise<void> {
  await page.$$eval(
    '.inhoud a[href^="#"]',
    (links, numbers) => {
      const byId = new Map(numbers);
      for (const link of links) {
        const target = link.querySelector('.pagina');
        const id = decodeURIComponent(link.getAttribute('href')!.slice(1));
        if (target) target.textContent = String(byId.get(id) ?? '');
      }
    },
    [...pageNumbers],
  );
}

/**
 * What each link says, by its target (heading id, or the URL), for the annotations' /Contents:
 * a contents entry as its title and page, any other link as its text.
 */
async function readLinkTexts(page: Page, pageNumbers: Map<string, number>): Promise<Map<string, string>> {
  const links = await page.$$eval('a[href]', (anchors) =>
    anchors.map((a) => {
      const href = a.getAttribute('href')!;
      const text = (a.querySelector('.tekst') ?? a).textContent ?? '';
      return [href, text.replace(/\s+/g, ' ').trim()] as const;
    }),
  );
  const texts = new Map<string, string>();
  for (const [href, text] of links) {
    if (!href.startsWith('#')) {
      texts.set(href, text || href);
      continue;
    }
    const id = decodeURIComponent(href.slice(1));
    const at = pageNumbers.get(id);
    texts.set(id, at === undefined ? text : `${text}, pagina ${at}`);
  }
  return texts;
}

function sameNumbers(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);
}

/**
 * Where the page seems to be: a file URL, so that the page's own CSP (images from `file:` only)
 * and its relative links hold as in the HTML kept beside the PDF. Every request is answered from
 * memory or aborted, so nothing at that path, or any other, is ever read.
 */
const DOCUMENT_URL = 'file:///weerbaarheid-rapport/rapport.html';

/** The charts are SVG; anything else Chromium sniffs. */
const CONTENT_TYPES: Record<string, string> = { '.svg': 'image/svg+xml' };

/** Answers the document and its assets from `input`; aborts every other request. */
async function serveFromMemory(page: Page, input: PrintInput): Promise<string[]> {
  const served = new Map<string, { contentType: string; body: string | Uint8Array }>([
    [DOCUMENT_URL, { contentType: 'text/html; charset=utf-8', body: input.html }],
    ...input.assets.map(({ path, data }) => [new URL(path, DOCUMENT_URL).href, { contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', body: data }] as const),
  ]);
  const blocked: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const answer = served.get(url.split('#')[0]!);
    if (answer) {
      void request.respond({ status: 200, ...answer }).catch(() => undefined);
    } else {
      blocked.push(url);
      void request.abort('blockedbyclient').catch(() => undefined);
    }
  });
  return blocked;
}

/** Page size, margins and the running header and footer come from the print stylesheet (@page). */
function pdfOptions(timeout: number): PDFOptions {
  return { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: true, outline: true, timeout };
}

/** The same page layout without what only the final print needs. */
function measureOptions(options: PDFOptions): PDFOptions {
  return { ...options, tagged: false, outline: false };
}

function asRenderError(cause: unknown, name: string, timeout: number): RenderError {
  if (cause instanceof RenderError) return cause;
  if (cause instanceof TimeoutError) {
    return new RenderError('timeout', `PDF ${name} niet gemaakt: Chromium deed er langer dan ${timeout / 1000} s over.`, { cause });
  }
  const detail = cause instanceof PdfStructureError ? `onverwachte PDF-opbouw: ${cause.message}` : (cause as Error).message;
  return new RenderError('print-failed', `PDF ${name} niet gemaakt: ${detail}`, { cause });
}
