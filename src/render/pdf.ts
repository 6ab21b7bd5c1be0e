import { realpathSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TimeoutError, type HTTPRequest, type Page, type PDFOptions } from 'puppeteer-core';
import { isSystemError } from '../output/write-error.js';
import { RenderError, type BrowserSession } from './browser.js';
import type { HtmlMeta } from './html.js';
import { PdfStructureError, readPdfPages, setPdfInfo } from './pdf-file.js';

export interface PrintInput {
  /** The HTML written by renderHtml, in the output folder beside `figuren/`. */
  htmlPath: string;
  outPath: string;
  meta: HtmlMeta;
  /** The output folder: only `<allowedDir>/figuren/*` may be loaded besides the document. */
  allowedDir: string;
  /** Creation and modification date in the PDF metadata (the analysis' date, not the clock). */
  creationDate: Date;
  timeoutMs?: number;
}

export interface PrintResult {
  pages: number;
  /** Heading id → page, as printed in the contents (for an HTML with the same numbers). */
  pageNumbers: Map<string, number>;
  /** Requests that were aborted; the document itself never needs one. */
  blocked: string[];
  /** How often the page was printed: the measuring print and the final ones; normally two, one of each. */
  prints: number;
  /** The browser that printed, e.g. `Chrome/156.0.8078.73` (also the PDF's producer). */
  producer: string;
  /** The bytes written to `outPath`. */
  bytes: Buffer;
}

/** Final prints after the measuring one: normally one; a contents that changes length by its numbers gets one more. */
const MAX_FINAL_PASSES = 2;

/**
 * Prints the report HTML to PDF: load it once with scripts off and every foreign request aborted,
 * print, read each heading's page from the PDF's named destinations, fill those into the contents
 * and print again until the numbers are stable. The first print only measures: it leaves out the
 * tags, outline and running header and footer, which take as long as the layout but move nothing
 * (the margins are fixed), so it costs half a final print. Written atomically: a temp file renamed
 * into place.
 */
export async function printPdf(session: BrowserSession, input: PrintInput): Promise<PrintResult> {
  const timeout = input.timeoutMs ?? 60_000;
  const tempPath = join(dirname(input.outPath), `.${basename(input.outPath)}.${process.pid}.tmp`);
  try {
    const { pdf, pages, pageNumbers, blocked, prints } = await session.page((page) => printPasses(page, input, timeout));
    const producer = await session.version();
    const final = setPdfInfo(pdf, {
      title: input.meta.title,
      author: input.meta.organisatie,
      subject: input.meta.subject,
      keywords: input.meta.keywords.join(', '),
      creator: `weerbaarheid ${input.meta.toolVersion}`,
      producer,
      date: input.creationDate,
    });
    await writeFile(tempPath, final);
    await rename(tempPath, input.outPath);
    return { pages, pageNumbers, blocked, prints, producer, bytes: final };
  } catch (cause) {
    await rm(tempPath, { force: true });
    // A full disk or the like is the writer's failure, said in the writer's words (run.ts).
    throw isSystemError(cause) ? cause : asRenderError(cause, input.outPath);
  }
}

async function printPasses(page: Page, input: PrintInput, timeout: number) {
  page.setDefaultTimeout(timeout);
  await page.setJavaScriptEnabled(false);
  const blocked = await guardRequests(page, input);
  await page.goto(pathToFileURL(resolve(input.htmlPath)).href, { waitUntil: 'load', timeout });
  const options = pdfOptions(input.meta.levelLabel, timeout);
  let wanted = readPdfPages(Buffer.from(await page.pdf(measureOptions(options)))).destinations;
  for (let pass = 1; ; pass++) {
    await fillContents(page, wanted);
    const pdf = Buffer.from(await page.pdf(options));
    const printed = readPdfPages(pdf);
    if (sameNumbers(wanted, printed.destinations) || pass === MAX_FINAL_PASSES) {
      // The numbers the contents shows; the same as where the headings landed unless they never settled.
      return { pdf, pages: printed.pages, pageNumbers: wanted, blocked, prints: 1 + pass };
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

function sameNumbers(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);
}

/** Aborts every request except the document itself and existing files in `<allowedDir>/figuren`. */
async function guardRequests(page: Page, input: PrintInput): Promise<string[]> {
  const documentUrl = pathToFileURL(resolve(input.htmlPath)).href;
  const figures = realpathOrUndefined(join(input.allowedDir, 'figuren'));
  const blocked: string[] = [];
  const allowed = (url: string): boolean => {
    if (url.split('#')[0] === documentUrl) return true;
    if (!figures || !url.startsWith('file:')) return false;
    const target = realpathOrUndefined(fileURLToPath(url));
    return target !== undefined && target.startsWith(figures + sep);
  };
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (allowed(url)) {
      void request.continue().catch(() => undefined);
    } else {
      blocked.push(url);
      void request.abort('blockedbyclient').catch(() => undefined);
    }
  });
  return blocked;
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pdfOptions(levelLabel: string, timeout: number): PDFOptions {
  // Header and footer are separate documents: no page CSS applies, so style them inline.
  const style = "font-family:'DejaVu Sans','Liberation Sans',sans-serif;font-size:8pt;color:#154273;width:100%;box-sizing:border-box;padding:0 18mm;";
  const label = escapeHtml(levelLabel);
  return {
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: `<div style="${style}text-align:center;font-weight:bold;">${label}</div>`,
    footerTemplate:
      `<div style="${style}display:flex;justify-content:space-between;">` +
      `<span style="font-weight:bold;">${label}</span>` +
      `<span>Pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`,
    margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
    tagged: true,
    outline: true,
    timeout,
  };
}

/** The same page layout without what only the final print needs. */
function measureOptions(options: PDFOptions): PDFOptions {
  return { ...options, displayHeaderFooter: false, tagged: false, outline: false };
}

function asRenderError(cause: unknown, outPath: string): RenderError {
  if (cause instanceof RenderError) return cause;
  const name = basename(outPath);
  if (cause instanceof TimeoutError) {
    return new RenderError('timeout', `PDF ${name} niet gemaakt: Chromium deed er te lang over (${cause.message}).`, { cause });
  }
  const detail = cause instanceof PdfStructureError ? `onverwachte PDF-opbouw: ${cause.message}` : (cause as Error).message;
  return new RenderError('print-failed', `PDF ${name} niet gemaakt: ${detail}`, { cause });
}
