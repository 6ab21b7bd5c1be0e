/**
 * Issue 18's checks on the rendered report, read back with independent tools: pdftotext for pages
 * 1-2, a Markdown parser for the tables and the prose, Chromium's computed style for the alignment
 * of numbers in print, a fresh exceljs load for the workbook, and LibreOffice for the docx extract.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../src/analysis.js';
import { extractDocx } from '../src/extract/docx.js';
import { createBrowserSession } from '../src/render/browser.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { aantal } from '../src/render/format.js';
import { runGenerate } from '../src/run.js';
import { analysis as excelFixture } from './fixtures/excel/analysis.js';
import { sampleAnalysis } from './fixtures/analysis/sample.js';
import { SAMPLE_2025, copyData, removeTempDirs, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const parse = (md: string) => parser.parse(md) as Root;
const dutch = (cell: string) => Number(cell.replace(/\*/g, '').replace(/^M€ /, '').replace('\u2212', '-').replace(/\./g, '').replace(',', '.').replace('%', ''));

function walk(node: Root | RootContent, visit: (n: RootContent) => void): void {
  if (node.type !== 'root') visit(node);
  if ('children' in node) for (const c of node.children as RootContent[]) walk(c, visit);
}

function tables(tree: Root): { header: string[]; rows: string[][] }[] {
  const out: { header: string[]; rows: string[][] }[] = [];
  walk(tree, (n) => {
    if (n.type !== 'table') return;
    const [head, ...rows] = (n as Table).children.map((r) => r.children.map((c) => toString(c)));
    out.push({ header: head!, rows });
  });
  return out;
}

/** The running text: paragraphs and list items outside tables, captions left out. */
function sentences(tree: Root): string[] {
  const out: string[] = [];
  walk(tree, (n) => {
    if (n.type !== 'paragraph') return;
    const text = toString(n);
    if (/^(Tabel|Figuur) \d+\. /.test(text)) return;
    out.push(...text.split(/(?<=[.!?])\s+/));
  });
  return out;
}

interface Generated {
  dir: string;
  base: string;
  markdown: string;
  analysis: Analysis;
}

async function generate(level?: string): Promise<Generated> {
  const data = await copyData(SAMPLE_2025);
  const dir = join(await tempDir(), 'rapport');
  const result = await runGenerate({ dataDir: data, outDir: dir, formats: ['md', 'pdf', 'xlsx'], ...(level ? { level } : {}) } as Parameters<typeof runGenerate>[0]);
  expect(result.exitCode).toBe(0);
  const md = (await readdir(dir)).find((f) => f.endsWith('.md'))!;
  return { dir, base: md.slice(0, -3), markdown: await readFile(join(dir, md), 'utf8'), analysis: JSON.parse(await readFile(join(dir, 'analysis.json'), 'utf8')) };
}

const pdftext = (file: string, first: number, last = first) => execFileSync('pdftotext', ['-layout', '-f', String(first), '-l', String(last), file, '-'], { encoding: 'utf8' });

let own: Generated;
let openbaar: Generated;

beforeAll(async () => {
  own = await generate();
  openbaar = await generate('openbaar');
}, 240_000);

describe.each([
  ['its own level', () => own],
  ['Openbaar', () => openbaar],
])('the sample report at %s', (_name, get) => {
  it('shows on pages 1-2 the five indicators, the matrices, the late measures and the costs; the contents follow', () => {
    const g = get();
    const pdf = join(g.dir, `${g.base}.pdf`);
    const first = pdftext(pdf, 1, 2);
    for (const i of g.analysis.indicators) expect(first).toContain(i.naam.charAt(0).toUpperCase() + i.naam.slice(1));
    for (const level of ['Bruto', 'Actueel (peildatum)', 'Streef', 'Risicomatrices']) expect(first).toContain(level);
    expect(first).toMatch(/maatregelen zijn te laat/);
    expect(first).toMatch(/M€ \d+,\d\s+per\s+jaar\s+structureel\s+en\s+M€\s+\d+,\d\s+eenmalig/);
    expect(first).toMatch(/Status\s+concept/);
    expect(pdftext(pdf, 3)).toMatch(/^\s*Inhoud/m);
  });

  it('prints no text on page 2 too small to read: the score chart is not shrunk below its axis and legend sizes', () => {
    const g = get();
    const words = execFileSync('pdftotext', ['-bbox', '-f', '2', '-l', '2', join(g.dir, `${g.base}.pdf`), '-'], { encoding: 'utf8' });
    const heights = [...words.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ word: m[3], height: Number(m[2]) - Number(m[1]) }));
    expect(heights.length).toBeGreaterThan(100);
    // A word box is about the font size in points; the class letters in the matrix cells are the smallest on purpose (5.7).
    expect(heights.filter((w) => w.height < 5.5)).toEqual([]);
  });

  it('shows every change in every table as the difference of the values shown beside it', () => {
    const g = get();
    let checked = 0;
    for (const t of tables(parse(g.markdown))) {
      const change = t.header.indexOf('Verandering');
      if (change < 0) continue;
      for (const row of t.rows) {
        if (row[change] === '–') continue;
        expect(dutch(row[change]!), row.join(' | ')).toBeCloseTo(dutch(row[1]!) - dutch(row[2]!), 9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('gives the same figures in the report, the workbook and analysis.json', async () => {
    const g = get();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(g.dir, `${g.base}.xlsx`));
    const summary = wb.getWorksheet('Samenvatting')!;
    const labelled = (label: string) => {
      for (let r = 1; r <= summary.rowCount; r++) if (summary.getRow(r).getCell(1).value === label) return summary.getRow(r).getCell(2).value;
      throw new Error(`label ${label} ontbreekt`);
    };
    const tree = parse(g.markdown);
    const done = tables(tree).find((t) => t.header.join() === "ID,Titel,Gereed op,Risico's")!;
    // With scoregrondslag alle every figure is the full analysis'; a reduced list says how many it leaves out.
    const gereed = g.analysis.totals.aantallen!.gereedInJaar;
    expect(labelled(`Maatregelen gereed in ${g.analysis.jaar}`)).toBe(gereed);
    if (done.rows.length < gereed) expect(g.markdown).toContain(`van de ${aantal(gereed, '', '').trimEnd()} maatregelen die in ${g.analysis.jaar} zijn gereedgekomen`);
    else expect(done.rows.length).toBe(gereed);
    expect(labelled('Maatregelen te laat')).toBe(g.analysis.totals.maatregelenTeLaat);
    const totals = tables(tree).find((t) => t.rows.some((r) => r[0] === 'Totaal niet geannuleerd'))!;
    const total = totals.rows.find((r) => r[0] === 'Totaal niet geannuleerd')!;
    expect(dutch(total[2]!)).toBeCloseTo(Math.round(g.analysis.totals.kostenStructureel * 10) / 10, 9);
    expect(g.markdown).toContain(`${total[2]} per jaar structureel en ${total[3]} eenmalig`);
    // The workbook's change per indicator is that of the shown scores too.
    const indicators = wb.getWorksheet('Indicatoren')!;
    for (let r = 2; r <= indicators.rowCount; r++) {
      const [score, before, change] = [3, 4, 5].map((c) => (indicators.getRow(r).getCell(c).value as number | null) ?? null) as [number | null, number | null, number | null];
      if (change === null || score === null || before === null) continue;
      expect(change).toBeCloseTo(Math.round(score * 10) / 10 - Math.round(before * 10) / 10, 9);
    }
  });

  it('names at least two measures by title in the Kernboodschappen, without IDs', () => {
    const g = get();
    const tree = parse(g.markdown);
    const start = tree.children.findIndex((n) => n.type === 'heading' && toString(n).startsWith('Kernboodschappen'));
    const end = tree.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= 2);
    const text = tree.children.slice(start + 1, end).map((n) => toString(n)).join('\n');
    expect(g.analysis.measures.filter((m) => text.includes(`‘${m.titel}’`)).length).toBeGreaterThanOrEqual(2);
    expect(text).not.toMatch(/NAF-[RM]-\d+/);
  });
});

/** The phrasings the issue quotes, and the rules behind them, as patterns. */
const BAD: [string, RegExp][] = [
  ['a count of 0 in a sentence', /\b(bij|zijn|is|van de|er) 0\b/],
  ['"1 van de 1"', /(^|\s)(1|één) van de (1|één)\b/],
  ['"geen daarvan raken"', /geen daarvan raken/],
  ['"deden zich 1 incident"', /deden zich 1 incident/],
  ['an organisation without its article', /voor Ministerie\b/],
  ['a configuration key in the prose', /scoregrondslag|bijlageMaxRijen|uitgevendeEenheid/],
  ['"raakt het risico …, actueel hoog"', /raakt het risico [^.]*, actueel hoog/],
  ['"credit" as a Dutch term', /\bcredit\b/i],
  ['"Neem aanvullende maatregelen voor risico"', /Neem aanvullende maatregelen voor risico/],
  ['a template leftover', /\{\{|\}\}|undefined|NaN|\[object/],
  ['a hyphen as a minus before a number', /(^|[\s(])-\d/],
];

describe('no fixture report has the phrasings the issue quotes', async () => {
  const fixtures: [string, () => Promise<string>][] = [
    ['the sample at its own level', async () => own.markdown],
    ['the sample at Openbaar', async () => openbaar.markdown],
    ...(
      [
        ['the renderer fixture', () => sampleAnalysis()],
        ['the renderer fixture without last year', () => sampleAnalysis((r) => r, false)],
        ['an empty analysis', () => sampleAnalysis(() => ({ risks: [], measures: [], incidents: [] }), false)],
        ['the workbook fixture', () => excelFixture],
      ] as const
    ).map(([name, a]): [string, () => Promise<string>] => [
      name,
      async () => (await renderMarkdown(a(), { toolVersion: '0.1.0', inputsHash: 'a'.repeat(64), inputs: [], dataQuality: [], slug: 'x', annexRowLimit: 500, reducedLevel: false })).markdown,
    ]),
  ];

  it.each(fixtures)('%s', async (_name, markdown) => {
    const md = await markdown();
    const tree = parse(md);
    const prose = sentences(tree);
    for (const [what, pattern] of BAD) expect(prose.filter((s) => pattern.test(s)), what).toEqual([]);
    // No sentence opens with a digit.
    expect(prose.filter((s) => /^\d/.test(s))).toEqual([]);
    // Indicator names with a capital wherever a table shows them.
    const names = new Set(['fysieke weerbaarheid', 'digitale weerbaarheid', 'economische weerbaarheid', 'crisisbeheersing']);
    for (const t of tables(tree)) for (const row of t.rows) expect(row.filter((c) => names.has(c))).toEqual([]);
  });
});

describe('the printed HTML', () => {
  it('right-aligns every numeric cell (computed style in Chromium, print media)', async () => {
    const session = createBrowserSession();
    try {
      const { checked, misaligned } = await session.page(async (page) => {
        await page.emulateMediaType('print');
        await page.goto(pathToFileURL(join(own.dir, `${own.base}.html`)).href, { waitUntil: 'load' });
        return page.$$eval('td', (cells) => {
          // A number, a change, a percentage, an amount, or a score with its class: `14,1 hoog (kans 4 × impact 4)`.
          const numeric = /^(?:[−+-]?\d[\d.]*(?:,\d+)?%?|M€ [\d.]+,\d|\d+,\d \(?(?:laag|midden|hoog|zeer hoog).*)$/;
          const shown = cells.filter((c) => numeric.test((c.textContent ?? '').trim()));
          return {
            checked: shown.length,
            misaligned: shown.filter((c) => getComputedStyle(c).textAlign !== 'right').map((c) => `${c.closest('table')?.querySelector('caption')?.textContent ?? ''}: ${c.textContent}`),
          };
        });
      });
      expect(misaligned).toEqual([]);
      expect(checked).toBeGreaterThan(200);
    } finally {
      await session.close();
    }
  }, 60_000);
});

const hasWriter = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasWriter)('extract --format docx, read back by LibreOffice', () => {
  it('holds the section, with the classification in header, footer and properties', async () => {
    const result = await extractDocx({ markdown: openbaar.markdown, file: 'rapport.md', sections: ['Kernboodschappen'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const dir = await tempDir();
    const file = join(dir, 'kern.docx');
    await writeFile(file, result.data);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, file], { timeout: 120_000, stdio: 'ignore' });
    const text = await readFile(join(dir, 'kern.txt'), 'utf8');
    expect(text).toContain('Kernboodschappen voor de Kamerbrief');
    const first = parse(openbaar.markdown).children.find((n) => n.type === 'paragraph' && toString(n).startsWith('Het Ministerie van Defensie brengt'))!;
    expect(text).toContain(toString(first));
    const zip = await JSZip.loadAsync(result.data);
    for (const part of ['word/header1.xml', 'word/footer1.xml', 'docProps/custom.xml', 'docProps/core.xml']) expect(await zip.file(part)!.async('string'), part).toContain('Openbaar');
  }, 150_000);
});

describe('the recommendations of the sample', () => {
  it('ask for different things: no two name the same measure to act on, none repeats a wording with only the risk changed', () => {
    const tree = parse(own.markdown);
    const recs = tables(tree).find((t) => t.header.join() === 'Nr.,Risico,Eigenaar,Wat,Waarom,Uiterlijk')!;
    expect(recs.rows.length).toBeGreaterThanOrEqual(3);
    const measures = recs.rows.map((r) => /NAF-M-\d+/.exec(r[3]!)?.[0]).filter(Boolean);
    expect(new Set(measures).size).toBe(measures.length);
    expect(new Set(recs.rows.map((r) => r[4]!.replace(/NAF-R-\d+/g, ''))).size).toBe(recs.rows.length);
  });
});
