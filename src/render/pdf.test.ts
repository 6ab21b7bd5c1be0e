import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserSession, findChromium, RenderError, type BrowserSession } from './browser.js';
import { renderHtml, type HtmlMeta } from './html.js';
import { printPdf, type PrintInput } from './pdf.js';
import { PdfStructureError, readPdfPages } from './pdf-file.js';

const FIXTURES = new URL('../../test/fixtures/md/', import.meta.url).pathname;
const META: HtmlMeta = {
  title: 'Weerbaarheidsanalyse NAFIN 2025',
  organisatie: 'Ministerie van Defensie',
  jaar: 2025,
  peildatum: '31-12-2025',
  levelLabel: 'Departementaal Vertrouwelijk',
  toolVersion: '0.1.0',
  subject: 'Jaarlijkse weerbaarheidsanalyse van het NAFIN-netwerk',
  keywords: ['NAFIN', 'weerbaarheid', 'risicoanalyse'],
};
const CREATED = new Date('2026-01-15T09:30:00Z');

const chromium = findChromium();

function pdftotext(pdf: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, pdf, '-'], { encoding: 'utf8' });
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'weerbaarheid-pdf-test-'));
}

/** The fixture's charts, as render hands them over: in memory, by their path in the report. */
const FIGURES: PrintInput['assets'] = readdirSync(join(FIXTURES, 'figuren')).map((name) => ({ path: `figuren/${name}`, data: readFileSync(join(FIXTURES, 'figuren', name)) }));

function input(html: string, timeoutMs?: number): PrintInput {
  return { html, assets: FIGURES, name: 'rapport.pdf', meta: META, creationDate: CREATED, timeoutMs };
}

/** Prints Markdown the way the pipeline does, and puts the PDF into `dir` for pdftotext. */
async function renderInto(session: BrowserSession, dir: string, markdown: string, timeoutMs?: number) {
  const result = await printPdf(session, input((await renderHtml(markdown, META)).html, timeoutMs));
  // The writer's part: printPdf itself writes nothing.
  const outPath = join(dir, 'rapport.pdf');
  writeFileSync(outPath, result.bytes);
  return { outPath, result };
}

describe('findChromium', () => {
  it('prefers PUPPETEER_EXECUTABLE_PATH, then the system paths in order', () => {
    const present = new Set(['/opt/chrome/chrome', '/usr/bin/chromium-browser', '/snap/bin/chromium']);
    const exists = (p: string) => present.has(p);
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: '/opt/chrome/chrome' }, exists)).toBe('/opt/chrome/chrome');
    expect(findChromium({}, exists)).toBe('/usr/bin/chromium-browser');
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: '/gone' }, exists)).toBe('/gone');
    expect(findChromium({}, () => false)).toBeUndefined();
  });

  it('gives RenderError no-browser with a Dutch install hint when the executable is missing', async () => {
    const session = createBrowserSession({ executablePath: '/nonexistent/chromium' });
    const error = await session.version().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).code).toBe('no-browser');
    expect((error as RenderError).message).toContain('apt-get install chromium');
    await session.close();
  });
});

describe('readPdfPages', () => {
  it('refuses a PDF it cannot read exactly', () => {
    expect(() => readPdfPages(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n'))).toThrow(PdfStructureError);
  });
});

describe.skipIf(!chromium)(`PDF via Chromium${chromium ? '' : ' — OVERGESLAGEN: geen Chromium gevonden (zet PUPPETEER_EXECUTABLE_PATH)'}`, () => {
  let session: BrowserSession;
  let dir: string;
  let pdfPath: string;
  let pages: number;
  let pageNumbers: Map<string, number>;
  let blocked: string[];
  let prints: number;

  beforeAll(async () => {
    session = createBrowserSession();
    dir = tempDir();
    const { outPath, result } = await renderInto(session, dir, readFileSync(join(FIXTURES, 'rapport.md'), 'utf8'));
    ({ pages, pageNumbers, blocked, prints } = result);
    pdfPath = outPath;
  }, 30_000);

  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints cover, contents and the body over several pages, with every request the page makes answered', () => {
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(20);
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
    expect(blocked).toEqual([]);
  });

  it('is tagged and carries title, author, subject, keywords, creator and the given date', () => {
    const info = execFileSync('pdfinfo', ['-isodates', pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Weerbaarheidsanalyse NAFIN 2025$/m);
    expect(info).toMatch(/^Author:\s+Ministerie van Defensie$/m);
    expect(info).toMatch(/^Subject:\s+Jaarlijkse weerbaarheidsanalyse van het NAFIN-netwerk$/m);
    expect(info).toMatch(/^Keywords:\s+NAFIN, weerbaarheid, risicoanalyse$/m);
    expect(info).toMatch(/^Creator:\s+weerbaarheid 0\.1\.0$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-01-15T09:30:00(Z|\+00)/m);
    expect(info).toMatch(/^ModDate:\s+2026-01-15T09:30:00(Z|\+00)/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
  });

  it('marks every page with the classification in header and footer and "Pagina X van N"', () => {
    for (let page = 1; page <= pages; page++) {
      const text = pdftotext(pdfPath, page);
      expect(text.match(/Departementaal Vertrouwelijk/g)?.length, `pagina ${page}`).toBeGreaterThanOrEqual(2);
      expect(text, `pagina ${page}`).toContain(`Pagina ${page} van ${pages}`);
    }
  });

  it('lists the headings in the contents with the page they are printed on', async () => {
    const { headings } = await renderHtml(readFileSync(join(FIXTURES, 'rapport.md'), 'utf8'), META);
    const listed = headings.filter((h) => h.depth <= 2);
    expect(listed.length).toBeGreaterThan(10);
    const contents = pdftotext(pdfPath, 2);
    expect(contents).toContain('Inhoud');
    for (const heading of listed) {
      const page = pageNumbers.get(heading.id);
      expect(page, heading.text).toBeGreaterThan(2);
      const line = contents.split('\n').find((l) => l.trim().startsWith(heading.text));
      expect(line, heading.text).toMatch(new RegExp(`\\s${page}\\s*$`));
      // On its page, and never the last line above the footer (headings keep with what follows).
      const lines = pdftotext(pdfPath, page).split('\n').filter((l) => l.trim() !== '');
      const at = lines.findIndex((l) => l.trim() === heading.text);
      expect(at, heading.text).toBeGreaterThan(0);
      expect(at, heading.text).toBeLessThan(lines.length - 2);
    }
    // Chapters start on a new page: the first chapter right after cover and contents.
    expect(pageNumbers.get('samenvatting')).toBe(3);
  });

  it('prints twice: the quick measuring print (no tags or outline) lays out exactly like the final one', () => {
    // A third print would mean the measuring print put a heading on another page than the final.
    expect(prints).toBe(2);
  });

  it('starts Chromium without the omnibox popup it would otherwise render at start-up, in every session of a process', async () => {
    const chromeTargets = (s: BrowserSession) =>
      s.page(async (page) => {
        const urls = page.browser().targets().map((t) => t.url());
        expect(urls.length).toBeGreaterThan(0);
        return urls.filter((u) => u.startsWith('chrome://'));
      });
    expect(await chromeTargets(session)).toEqual([]);
    // A second launch in the same process gets the same arguments (puppeteer edits the array it is given).
    const second = createBrowserSession();
    try {
      expect(await chromeTargets(second)).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('has bookmarks for the headings', () => {
    const bytes = readFileSync(pdfPath, 'latin1');
    const outlines = /\/Type \/Outlines[^>]*\/Count (\d+)/.exec(bytes);
    expect(Number(outlines?.[1])).toBeGreaterThanOrEqual(10);
  });

  it('prints the charts given in memory as vector graphics with their captions', () => {
    const page = pageNumbers.get('verdeling-over-klassen')!;
    const text = pdftotext(pdfPath, page) + pdftotext(pdfPath, page + 1);
    expect(text).toContain('Klassenverdeling'); // text inside the SVG stays text: it is vector
    expect(text).toContain("Figuur 1. Verdeling van risico's over de klassen");
  });

  it('puts title, organisation, year, peildatum, status, date of issue and classification on the cover, the version in the colophon', () => {
    const cover = pdftotext(pdfPath, 1);
    for (const text of ['Weerbaarheidsanalyse NAFIN', 'Ministerie van Defensie']) expect(cover).toContain(text);
    expect(cover).toMatch(/Jaar\s+2025/);
    expect(cover).toMatch(/Peildatum\s+31-12-2025/);
    expect(cover).toMatch(/Status\s+concept/);
    expect(cover).toMatch(/Datum van uitgifte\s+31-12-2025/);
    expect(cover).toMatch(/Rubricering\s+Departementaal Vertrouwelijk/);
    expect(cover).toMatch(/Colofon: .*weerbaarheid 0\.1\.0/);
    expect(cover).not.toMatch(/Versie\s+weerbaarheid/);
  });

  it('never splits a table row over two pages, however tall (Chromium would, without the print stylesheet)', async () => {
    const rowsDir = tempDir();
    try {
      // Rows of a dozen lines each: the first and the last word of every row must share a page.
      const words = (row: number) => Array.from({ length: 150 }, (_, k) => `rij${row}woord${k}`).join(' ');
      const rows = Array.from({ length: 20 }, (_, row) => `| R-${row} | ${words(row)} |`);
      const { outPath, result } = await renderInto(session, rowsDir, ['# Lange rijen', '', '| ID | Omschrijving |', '| --- | --- |', ...rows].join('\n'));
      const split: string[] = [];
      for (let page = 1; page <= result.pages; page++) {
        const text = pdftotext(outPath, page);
        for (let row = 0; row < 20; row++) if (text.includes(`rij${row}woord0 `) !== text.includes(`rij${row}woord149`)) split.push(`R-${row} op pagina ${page}`);
      }
      expect(result.pages).toBeGreaterThan(4);
      expect(split).toEqual([]);
    } finally {
      rmSync(rowsDir, { recursive: true, force: true });
    }
  });

  it('prints with JavaScript off: a script in the page itself does not run', async () => {
    const scriptDir = tempDir();
    try {
      const html = '<!DOCTYPE html><p id="t">Zonder scripts</p><script>document.getElementById("t").textContent = "Script gedraaid";</script>';
      const outPath = join(scriptDir, 'rapport.pdf');
      writeFileSync(outPath, (await printPdf(session, input(html))).bytes);
      const text = pdftotext(outPath);
      expect(text).toContain('Zonder scripts');
      expect(text).not.toContain('Script gedraaid');
    } finally {
      rmSync(scriptDir, { recursive: true, force: true });
    }
  });

  it('repeats the header row of a table that spans pages', () => {
    const start = pageNumbers.get('overzicht-van-alle-risicos')!;
    const repeated = [start, start + 1, start + 2].filter((p) => /ID\s+Titel\s+Indicator\s+Bruto/.test(pdftotext(pdfPath, p)));
    expect(repeated.length).toBeGreaterThanOrEqual(2);
  });

  it('makes zero requests for hostile register text and still writes the PDF', async () => {
    const hits: string[] = [];
    const server: Server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    const base = `http://127.0.0.1:${port}`;
    const hostile = [
      '# Risico met vijandige tekst',
      `<img src="${base}/a">`,
      `<script src="${base}/s.js"></script>`,
      `<iframe src="${base}/i"></iframe>`,
      `<link rel="stylesheet" href="${base}/l.css">`,
      `<style>body{background:url(${base}/b)}</style>`,
      `Inline <img src="${base}/inline"> en <object data="${base}/o"></object>`,
      `![x](${base}/c.png)`,
      '![y](../../etc/passwd)',
      '![z](figuren/../../../etc/passwd)',
      `[link](${base}/d)`,
    ].join('\n\n');
    const hostileDir = tempDir();
    try {
      const { outPath } = await renderInto(session, hostileDir, hostile);
      expect(existsSync(outPath)).toBe(true);
      await new Promise((done) => setTimeout(done, 200)); // let any stray request arrive
      expect(hits).toEqual([]);
    } finally {
      server.close();
      rmSync(hostileDir, { recursive: true, force: true });
    }
  });

  it('answers only the given figures, and aborts every other request even when the HTML itself asks for it', async () => {
    const images = ['figuren/klassen.svg', 'figuren/../geheim.svg', 'ook-geheim.svg', 'file:///etc/hostname', `file://${join(FIXTURES, 'figuren', 'klassen.svg')}`];
    const { blocked } = await printPdf(session, input(`<!DOCTYPE html><p>${images.map((src) => `<img src="${src}">`).join('')}</p>`));
    expect(blocked.map((u) => u.replace(/^.*\//, '')).sort()).toEqual(['geheim.svg', 'hostname', 'klassen.svg', 'ook-geheim.svg']);
    // The figure the page may load is answered from memory, not from a file of that name on disk.
    expect(blocked).toContain(`file://${join(FIXTURES, 'figuren', 'klassen.svg')}`);
  });

  it('prints byte-identical PDFs for the same input: no clock in the file', async () => {
    const again = join(dir, 'opnieuw.pdf');
    try {
      writeFileSync(again, (await printPdf(session, input((await renderHtml(readFileSync(join(FIXTURES, 'rapport.md'), 'utf8'), META)).html))).bytes);
      // Chromium names the tagged structure's elements by DOM node ids (`/ID`, and table cells' `/Headers`),
      // which shift with what the renderer did before; the rest of the file, dates included, must be the same bytes.
      const withoutNodeIds = (path: string) => readFileSync(path, 'latin1').replace(/\(node\d+\)/g, '(node)');
      expect(withoutNodeIds(again)).toBe(withoutNodeIds(pdfPath));
    } finally {
      rmSync(again, { force: true });
    }
  });

  it("turns a failed load into RenderError print-failed, naming the PDF", async () => {
    const failing: BrowserSession = { ...session, page: () => Promise.reject(new Error('net::ERR_FAILED')) };
    const error = await printPdf(failing, input('<!DOCTYPE html><p>x</p>')).catch((e: unknown) => e);
    expect((error as RenderError).code).toBe('print-failed');
    expect((error as RenderError).message).toBe('PDF rapport.pdf niet gemaakt: net::ERR_FAILED');
  });

  it('turns a time-out into RenderError and leaves no PDF or temp file', async () => {
    const slowDir = tempDir();
    try {
      const error = await renderInto(session, slowDir, readFileSync(join(FIXTURES, 'rapport.md'), 'utf8'), 1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderError);
      expect((error as RenderError).code).toBe('timeout');
      expect(readdirSync(slowDir)).toEqual([]);
    } finally {
      rmSync(slowDir, { recursive: true, force: true });
    }
  });

  it('prepare resolves whether or not Chromium starts: a print after it works, and without a browser fails with the reason', async () => {
    const prepared = createBrowserSession();
    try {
      await prepared.prepare();
      const printDir = tempDir();
      try {
        const { result } = await renderInto(prepared, printDir, '# Kort\n\nEén alinea.\n');
        expect(result.pages).toBeGreaterThan(0);
      } finally {
        rmSync(printDir, { recursive: true, force: true });
      }
    } finally {
      await prepared.close();
    }
    const missing = createBrowserSession({ executablePath: '/nonexistent/chromium' });
    await expect(missing.prepare()).resolves.toBeUndefined();
    const error = await missing.page(async () => 'geprint').catch((e: unknown) => e);
    expect((error as RenderError).code).toBe('no-browser');
    await missing.close();
  });

  it('closes a session that is still launching, leaving no process and no profile', async () => {
    // This process's own profiles only: other runs come and go, and a launch removes stale ones.
    const profiles = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`weerbaarheid-chromium-${process.pid}-`)).sort();
    const before = profiles();
    const early = createBrowserSession();
    const version = early.version().catch((e: unknown) => e);
    await early.close();
    await version;
    const pid = early.pid();
    expect(pid).toBeTypeOf('number');
    expect(() => process.kill(pid!, 0)).toThrow();
    // Test files run side by side: a new profile that a running Chromium uses is another test's.
    const inUse = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
    const left = profiles().filter((p) => !before.includes(p) && !inUse.includes(p) && existsSync(join(tmpdir(), p)));
    expect(left).toEqual([]);
  });

  it('ends the browser process on close, and close is idempotent', async () => {
    const pid = session.pid();
    expect(pid).toBeTypeOf('number');
    await Promise.all([session.close(), session.close()]);
    expect(() => process.kill(pid!, 0)).toThrow();
    await expect(session.version()).rejects.toBeInstanceOf(RenderError);
    await expect(session.page(async () => 'geprint')).rejects.toThrow('De browsersessie is al gesloten.');
  });
});
