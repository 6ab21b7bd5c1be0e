/**
 * The sample report, at its own level and as Openbaar, against the machine-checkable clauses of
 * PDF/UA-1 and PDF/A-2 (read back with pikepdf, an independent reader), WCAG 2.2 AA of the printed
 * HTML (axe-core in Chromium, print media) and "no cell lost" (pdftotext, and the TH/TD count of
 * every table in the PDF's structure tree against the HTML's).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Level } from '../src/classify/levels.js';
import { createBrowserSession, findChromium, type BrowserSession } from '../src/render/browser.js';
import { runGenerate } from '../src/run.js';
import { copyData, removeTempDirs, SAMPLE_2025, tempDir } from './helpers/fixtures.js';
import { hasPikepdf, readPdfStructure, walk, type PdfStructure, type StructNode } from './helpers/pdf-structure.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** PDF 1.7 standard structure types (ISO 32000-1, 14.8.4). */
const STANDARD = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);

const canRun = findChromium() !== undefined && hasPikepdf();

interface HtmlFacts {
  tables: { th: number; td: number }[];
  /** The text of every cell of Bijlage B, C and D. */
  annexCells: string[];
  /** The header cells of the tables in Bijlage B, C and D (not the "(vervolg)" row). */
  annexHeaders: string[];
  /** Chapter (h2) and section (h3, h4) headings of the body. */
  chapters: string[];
  subheadings: string[];
  violations: { id: string; impact: string | null; nodes: number; help: string }[];
}

async function readHtml(session: BrowserSession, htmlPath: string): Promise<HtmlFacts> {
  return session.page(async (page) => {
    await page.setBypassCSP(true);
    await page.emulateMediaType('print');
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    // The "Tabel N (vervolg)" row is for the eye only (aria-hidden): it is an Artifact in the PDF.
    const tables = await page.$$eval('table', (ts) => ts.map((t) => ({ th: t.querySelectorAll('tr:not([aria-hidden]) th').length, td: t.querySelectorAll('td').length })));
    const annexCells = await page.$$eval('main section', (sections) =>
      sections
        .filter((s) => /^Bijlage [BCD]\b/.test(s.querySelector('h2')?.textContent ?? ''))
        .flatMap((s) => [...s.querySelectorAll('td, th')].map((c) => c.textContent ?? '')),
    );
    const annexHeaders = await page.$$eval('main section', (sections) =>
      sections
        .filter((s) => /^Bijlage [BCD]\b/.test(s.querySelector('h2')?.textContent ?? ''))
        .flatMap((s) => [...s.querySelectorAll('thead tr:not([aria-hidden]) th')].map((c) => c.textContent ?? '')),
    );
    const chapters = await page.$$eval('main h2', (hs) => hs.map((h) => (h.textContent ?? '').trim()));
    // A heading that is also a table cell's text (a partner's name) cannot be told apart in pdftotext.
    const subheadings = await page.$$eval('main h3, main h4', (hs) => {
      const cells = new Set([...document.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim()));
      return hs.map((h) => (h.textContent ?? '').trim()).filter((t) => !cells.has(t));
    });
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[]; help: string }[] }> } }).axe;
      const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
    });
    return { tables, annexCells, annexHeaders, chapters, subheadings, violations };
  });
}

function count(node: StructNode, role: string): number {
  return [...walk([node])].filter(({ node: n }) => n.role === role).length;
}

const squeeze = (text: string) => text.replace(/[\s\u00a0\u00ad]+/g, '');

describe.skipIf(!canRun)(`PDF/UA-1, PDF/A-2 and WCAG 2.2 of the sample${canRun ? '' : ' — OVERGESLAGEN: Chromium of python3-pikepdf ontbreekt (scripts/setup.sh)'}`, () => {
  let session: BrowserSession;
  const reports = new Map<string, { pdfPath: string; pdf: PdfStructure; html: HtmlFacts }>();

  beforeAll(async () => {
    session = createBrowserSession();
    const data = await copyData(SAMPLE_2025);
    for (const level of [undefined, 'openbaar'] as (Level | undefined)[]) {
      const out = await tempDir();
      const result = await runGenerate({ dataDir: data, outDir: out, formats: ['pdf'], ...(level ? { level } : {}) });
      expect(result.exitCode).toBe(0);
      const name = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
      const pdfPath = join(out, name);
      reports.set(level ?? 'eigen niveau', { pdfPath, pdf: readPdfStructure(pdfPath), html: await readHtml(session, pdfPath.replace(/\.pdf$/, '.html')) });
    }
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await removeTempDirs();
  });

  for (const level of ['eigen niveau', 'openbaar']) {
    describe(level, () => {
      const get = () => reports.get(level)!;

      it('has XMP with dc:title, dc:language, pdfuaid:part 1 and pdfaid part 2, matching the Info dictionary', () => {
        const { pdf } = get();
        const xmp = pdf.xmp!;
        expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${pdf.info.Title}</rdf:li></rdf:Alt></dc:title>`);
        expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>nl</rdf:li></rdf:Bag></dc:language>');
        expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
        expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
        expect(xmp).toMatch(/<pdfaid:conformance>[AB]<\/pdfaid:conformance>/);
        // PDF/A-2 6.6.2.3: pdfuaid is declared as an extension schema.
        expect(xmp).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
        expect(xmp).toContain(`<dc:creator><rdf:Seq><rdf:li>${pdf.info.Author}</rdf:li></rdf:Seq></dc:creator>`);
        expect(xmp).toContain(`<pdf:Producer>${pdf.info.Producer}</pdf:Producer>`);
        expect(xmp).toContain(`<xmp:CreatorTool>${pdf.info.Creator}</xmp:CreatorTool>`);
        expect(xmp).toContain(`<pdf:Keywords>${pdf.info.Keywords}</pdf:Keywords>`);
        const d = /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)\+00'00'$/.exec(pdf.info.CreationDate!)!;
        expect(xmp).toContain(`<xmp:CreateDate>${d[1]}-${d[2]}-${d[3]}T${d[4]}:${d[5]}:${d[6]}+00:00</xmp:CreateDate>`);
        expect(pdf.info.ModDate).toBe(pdf.info.CreationDate);
        expect(pdf.info.Title).toContain('Weerbaarheidsanalyse');
        expect(pdf.info.Keywords).toContain(level === 'openbaar' ? 'Openbaar' : 'Stg. Confidentieel');
        expect(pdf.lang).toBe('nl');
        expect(pdf.marked).toBe(true);
        expect(pdf.displayDocTitle).toBe(true);
      });

      it('has an sRGB output intent with its ICC profile embedded and a trailer /ID', () => {
        const { pdf } = get();
        expect(pdf.outputIntents).toEqual([{ subtype: '/GTS_PDFA1', identifier: 'sRGB IEC61966-2.1', profileN: 3, profileBytes: 6922 }]);
        expect(pdf.trailerId).toHaveLength(2);
        expect(pdf.trailerId![0]).toMatch(/^[0-9a-f]{32}$/);
      });

      it('is exact A4 on every page, portrait or landscape, with landscape pages for the wide registers', () => {
        const { pdf } = get();
        for (const [i, page] of pdf.pages.entries()) expect([[0, 0, 595.28, 841.89], [0, 0, 841.89, 595.28]], `pagina ${i + 1}`).toContainEqual(page.mediaBox);
        expect(pdf.pages.some((p) => p.mediaBox[2] === 841.89)).toBe(true);
      });

      it('paints nothing outside the structure: header, footer, leaders and borders are Artifacts', () => {
        const { pdf } = get();
        for (const [i, page] of pdf.pages.entries()) {
          expect(page.content.unmarked, `pagina ${i + 1}`).toBe(0);
          expect(page.content.artifact, `pagina ${i + 1}`).toBeGreaterThan(0);
          expect(page.content.tagged, `pagina ${i + 1}`).toBeGreaterThan(0);
          expect(page.tabs, `pagina ${i + 1}`).toBe('/S');
        }
        // The classification stands in the body too (the cover), not only in the artifacts.
        expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', get().pdfPath, '-'], { encoding: 'utf8' })).toContain(level === 'openbaar' ? 'Openbaar' : 'Stg. Confidentieel');
      });

      it('gives every Figure an /Alt and no Figure inside a Figure', () => {
        const figures = [...walk(get().pdf.structure)].filter(({ node }) => node.role === 'Figure');
        expect(figures.length).toBeGreaterThanOrEqual(4);
        for (const { node, parents } of figures) {
          expect(node.alt, JSON.stringify(node).slice(0, 80)).toBeTruthy();
          expect(parents).not.toContain('Figure');
        }
      });

      it('builds lists as L > LI > Lbl + LBody', () => {
        const items = [...walk(get().pdf.structure)].filter(({ node }) => node.role === 'LI');
        expect(items.length).toBeGreaterThan(10);
        for (const { node, parents } of items) {
          expect(parents.at(-1)).toBe('L');
          expect(node.content ?? 0).toBe(0);
          const roles = (node.kids ?? []).map((k) => k.role);
          expect(roles.filter((r) => r === 'LBody')).toHaveLength(1);
          expect(roles.every((r) => r === 'Lbl' || r === 'LBody'), roles.join(',')).toBe(true);
        }
      });

      it('describes every link annotation with /Contents and ties it to the structure', () => {
        const links = get().pdf.annotations.filter((a) => a.subtype === '/Link');
        expect(links.length).toBeGreaterThan(10);
        for (const link of links) {
          expect(link.contents, `pagina ${link.page}`).toBeTruthy();
          expect(link.structParent).toBe(true);
        }
        expect(links.map((l) => l.contents)).toContainEqual(expect.stringMatching(/^Samenvatting, pagina \d+$/));
      });

      it('uses PDF 1.7 structure types only, or maps them in the role map', () => {
        const { pdf } = get();
        const roles = new Set([...walk(pdf.structure)].map(({ node }) => node.role));
        for (const role of roles) expect(STANDARD.has(role) || STANDARD.has(pdf.roleMap[role] ?? ''), role).toBe(true);
      });

      it('has, for every table of the HTML, as many TH and TD in the PDF structure tree (empty cells included)', () => {
        const { pdf, html } = get();
        const tables = [...walk(pdf.structure)].filter(({ node }) => node.role === 'Table').map(({ node }) => ({ th: count(node, 'TH'), td: count(node, 'TD') }));
        expect(tables).toEqual(html.tables);
        expect(html.tables.length).toBeGreaterThan(20);
      });

      it('prints the text of every cell of Bijlage B, C and D', () => {
        const { pdfPath, html } = get();
        const text = squeeze(execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
        expect(html.annexCells.length).toBeGreaterThan(300);
        const missing = html.annexCells.map(squeeze).filter((cell) => cell !== '' && !text.includes(cell));
        expect(missing).toEqual([]);
      });

      it('breaks the header cells of Bijlage B, C and D only between words', () => {
        const { pdfPath, html } = get();
        const words = new Set(execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }).split(/[\s\u00a0]+/));
        const headerWords = html.annexHeaders.flatMap((h) => h.split(/[\s\u00a0]+/)).filter((w) => w !== '');
        expect(headerWords.length).toBeGreaterThan(20);
        expect(headerWords.filter((w) => !words.has(w))).toEqual([]);
      });

      it('starts every chapter on a new page and leaves no heading as the last line of a page', () => {
        const { pdfPath, html } = get();
        const pages = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 })
          .split('\f')
          .map((p) => p.split('\n').map((l) => l.trim()).filter((l) => l !== ''))
          .filter((lines) => lines.length > 0);
        // Line 0 is the running header, the last line the footer; the first chapter may follow a line of preface.
        const tops = pages.map((lines) => lines.slice(1, 4));
        for (const chapter of html.chapters.filter((c) => c !== 'Inhoud')) expect(tops.some((top) => top.includes(chapter)), chapter).toBe(true);
        const headings = new Set([...html.chapters, ...html.subheadings]);
        pages.forEach((lines, i) => expect(headings.has(lines.at(-2) ?? ''), `pagina ${i + 1}: ${lines.at(-2)}`).toBe(false));
      });

      it('has no serious or critical WCAG 2.x A/AA violation by axe-core in print media', () => {
        const bad = get().html.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad).toEqual([]);
      });
    });
  }
});
