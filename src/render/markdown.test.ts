import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Analysis } from '../analysis.js';
import { message } from '../messages.js';
import { MethodSchema } from '../model.js';
import { sampleAnalysis } from '../../test/fixtures/analysis/sample.js';
import { allNodes, dutchNumber, frontMatter, headings, parseReport, section, tableByCaption, tables } from '../../test/fixtures/analysis/mdast.js';
import { bridgeChartFile } from './bridge-chart.js';
import { renderMarkdown, SECTION_TITLES, type MarkdownContext } from './markdown.js';

const CTX: MarkdownContext = {
  toolVersion: '0.1.0',
  inputsHash: 'a'.repeat(64),
  inputs: [
    { path: 'registers.xlsx', sha256: 'b'.repeat(64), bytes: 20480 },
    { path: 'analyse.yaml', sha256: 'c'.repeat(64), bytes: 210 },
  ],
  dataQuality: [message('warning', 'datum-in-toekomst', 'De laatste beoordeling ligt na de peildatum.', { file: 'registers.xlsx', sheet: "Risico's", row: 7, column: 'Laatste beoordeling', cell: 'M7', actual: '2026-01-03' })],
  slug: 'weerbaarheidsanalyse-nafin-2025',
  annexRowLimit: 500,
  reducedLevel: false,
};

const fmt1 = (n: number) => n.toFixed(1).replace('.', ',');

/** Charts are drawn only where a test says so: the Markdown is the same without (checked below), and charts.test.ts reads the SVG. */
async function render(analysis: Analysis, ctx: Partial<MarkdownContext> = {}) {
  const out = await renderMarkdown(analysis, { ...CTX, drawCharts: false, ...ctx });
  return { ...out, tree: parseReport(out.markdown) };
}

describe('renderMarkdown', async () => {
  const analysis = sampleAnalysis();
  const { markdown, charts, tree } = await render(analysis, { drawCharts: true });
  const open = analysis.risks.filter((r) => r.status !== 'gesloten');

  it('starts with front matter naming the report, its level and its inputs', () => {
    expect(frontMatter(tree)).toEqual({
      titel: 'Weerbaarheidsanalyse NAFIN 2025',
      organisatie: 'Ministerie van Defensie',
      netwerk: 'NAFIN',
      jaar: 2025,
      peildatum: '2025-12-31',
      rubricering: 'Departementaal Vertrouwelijk',
      toolversie: '0.1.0',
      invoerhash: 'a'.repeat(64),
    });
  });

  it('has the title and every section in order, one subsection per indicator', () => {
    expect(headings(tree, 1)).toEqual(['Weerbaarheidsanalyse NAFIN 2025']);
    expect(headings(tree, 2)).toEqual([...SECTION_TITLES]);
    const sub = section(tree, 'Weerbaarheid per indicator').filter((n) => n.type === 'heading').map((n) => toString(n));
    expect(sub).toEqual(['Fysieke weerbaarheid (FYS)', 'Digitale weerbaarheid (DIG)', 'Economische weerbaarheid (ECO)', 'Weerbaarheid tegen grote ketenafhankelijkheden (KET)', 'Crisisbeheersing (CRI)']);
  });

  it('numbers every table with a caption right before it', () => {
    const all = tables(tree.children);
    expect(all.length).toBeGreaterThan(15);
    all.forEach((t, i) => expect(t.caption).toMatch(new RegExp(`^Tabel ${i + 1}\\. \\S`)));
  });

  it('shows every chart as an image with alt text and a numbered caption after it', () => {
    const paragraphs = tree.children;
    const images = paragraphs.flatMap((p, i) => (p.type === 'paragraph' && p.children.length === 1 && p.children[0]?.type === 'image' ? [{ image: p.children[0], next: paragraphs[i + 1] }] : []));
    // Page 2 shows the scores and the matrices; the chapters show them again where they are discussed, each indicator with its bridge.
    const bridges = analysis.indicators.flatMap((i, k) => (i.brug ? [`figuren/${bridgeChartFile(k, i.code)}`] : []));
    expect(images.map((x) => x.image.url)).toEqual(['figuren/indicatorscores.svg', 'figuren/risicomatrices.svg', 'figuren/risicomatrices.svg', 'figuren/indicatorscores.svg', ...bridges, 'figuren/maatregelen-per-status.svg']);
    expect(new Set(images.map((x) => x.image.url))).toEqual(new Set(charts.map((c) => c.file)));
    images.forEach(({ image, next }, i) => {
      expect(image.alt?.length).toBeGreaterThan(20);
      expect(next?.type).toBe('paragraph');
      expect(toString(next!)).toBe(`Figuur ${i + 1}. ${charts.find((c) => c.file === image.url)!.title}`);
    });
  });

  it('lists the indicator scores with last year and the change in the summary', () => {
    const t = tables(section(tree, 'Samenvatting'))[0]!;
    expect(t.header).toEqual(['Indicator', '2025', '2024', 'Verandering', "Open risico's"]);
    const ket = analysis.indicators.find((i) => i.code === 'KET')!;
    const naam = ket.naam.charAt(0).toUpperCase() + ket.naam.slice(1);
    const row = t.rows.find((r) => r[0] === naam)!;
    expect(row.slice(0, 3)).toEqual([naam, fmt1(ket.score!), fmt1(ket.vorigeScore!)]);
    // The change is the difference of the two values shown, with a real minus sign.
    expect(dutchNumber(row[3]!.replace('\u2212', '-'))).toBeCloseTo(dutchNumber(row[1]!) - dutchNumber(row[2]!), 9);
    expect(row[4]).toBe(String(ket.aantalRisicos));
    const findings = section(tree, 'Samenvatting').filter((n) => n.type === 'list').at(-1)!;
    expect(findings.type === 'list' && findings.children.length).toBeGreaterThanOrEqual(3);
  });

  it('puts the highest actueel risk first in the top 10, its score with one decimal', () => {
    const t = tableByCaption(section(tree, 'Risicobeeld'), 'hoogste actuele score');
    const highest = [...open].sort((a, b) => b.actueel.score - a.actueel.score)[0]!;
    expect(t.rows).toHaveLength(10);
    expect(t.rows[0]![0]).toBe(highest.id);
    expect(t.rows[0]![t.header.indexOf('Actueel')]).toBe(`${fmt1(highest.actueel.score)} ${highest.actueel.klasse} (kans ${Math.floor(highest.actueel.kans + 0.5)} × impact ${Math.floor(highest.actueel.impact + 0.5)})`);
    const scores = t.rows.map((r) => dutchNumber(r[t.header.indexOf('Actueel')]!.split(' ')[0]!));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('counts every open risk once in the three matrices of the annex, with the class of each cell', () => {
    for (const caption of ['Risicomatrix bruto', 'Risicomatrix actueel', 'Risicomatrix streef']) {
      const t = tableByCaption(section(tree, 'Bijlage B Risicoregister'), caption);
      expect(t.rows).toHaveLength(5);
      const cells = t.rows.flatMap((r) => r.slice(1));
      expect(cells.every((c) => /^\d+ \((L|M|H|ZH)\)$/.test(c))).toBe(true);
      expect(cells.reduce((s, c) => s + dutchNumber(c.split(' ')[0]!), 0)).toBe(open.length);
    }
    // Kans 5 × impact 5 is zeer hoog in the default matrix; kans 1 × impact 1 laag.
    const bruto = tableByCaption(section(tree, 'Bijlage B Risicoregister'), 'Risicomatrix bruto');
    expect(bruto.rows[0]![5]).toMatch(/\(ZH\)$/);
    expect(bruto.rows[4]![1]).toMatch(/\(L\)$/);
  });

  it('shows the shift from bruto to actueel to streef per class', () => {
    const t = tableByCaption(section(tree, 'Risicobeeld'), 'bruto, actueel en streef');
    for (const row of t.rows) {
      const cls = row[0];
      expect(row.slice(1).map(Number)).toEqual((['bruto', 'actueel', 'streef'] as const).map((l) => open.filter((r) => r[l].klasse === cls).length));
    }
  });

  it('lists partners against classes, late measures with days late, and measures done this year', () => {
    const keten = tables(section(tree, 'Ketenafhankelijkheden'))[0]!;
    expect(keten.rows[0]).toEqual(['Politie', '0', '1', '1', '1', '3', 'R-01, R-04, R-13']);
    const maatregelen = section(tree, 'Maatregelen');
    const late = tableByCaption(maatregelen, 'te laat zijn');
    expect(late.rows.map((r) => [r[0], r[late.header.indexOf('Dagen te laat')]])).toEqual([
      ['M-03', '275'],
      ['M-11', '184'],
      ['M-04', '121'],
      ['M-06', '31'],
    ]);
    expect(tableByCaption(maatregelen, 'gereed in 2025').rows.map((r) => r[0])).toEqual(['M-02', 'M-05']);
    expect(toString({ type: 'root', children: maatregelen })).toContain('M€ 4,4 per jaar structureel en M€ 11,5 eenmalig');
  });

  it('compares recovery times with the norm and lists the exercises', () => {
    const inc = tables(section(tree, 'Incidenten en oefeningen'));
    expect(inc[0]!.rows.map((r) => r.at(-1))).toEqual(['nee', 'ja']);
    expect(inc[1]!.rows.map((r) => r[1])).toEqual(['O-01', 'O-02']);
  });

  it('derives recommendations and Kamerbrief messages from the data', () => {
    const recs = tableByCaption(section(tree, 'Aanbevelingen'), 'Aanbevelingen');
    expect(recs.header).toEqual(['Nr.', 'Risico', 'Eigenaar', 'Wat', 'Waarom', 'Uiterlijk']);
    expect(recs.rows[0]![1]).toMatch(/^R-02 /);
    expect(recs.rows.some((r) => r[1]!.startsWith('R-08'))).toBe(true);
    const kern = section(tree, 'Kernboodschappen voor de Kamerbrief');
    expect(kern.every((n) => n.type === 'paragraph')).toBe(true);
    expect(kern).toHaveLength(4);
    expect(toString({ type: 'root', children: kern })).not.toMatch(/\b[RM]-\d/);
  });

  it('fills the annexes: method, registers with contact person, data quality, inputs', () => {
    expect(toString({ type: 'root', children: section(tree, 'Bijlage A Methode') })).toContain('standaardmethode');
    const risks = tableByCaption(section(tree, 'Bijlage B Risicoregister'), 'Risicoregister');
    expect(risks.rows).toHaveLength(analysis.risks.length);
    expect(risks.header).toContain('Contactpersoon');
    expect(tables(section(tree, 'Bijlage C Maatregelenregister'))[0]!.header).not.toContain('Contactpersoon');
    const dq = tables(section(tree, 'Bijlage D Datakwaliteit'))[0]!;
    expect(dq.rows[0]![0]).toContain("registers.xlsx › Risico's › rij 7, kolom Laatste beoordeling (M7): waarschuwing");
    const inputs = tables(section(tree, 'Bijlage E Invoer'))[0]!;
    expect(inputs.rows).toEqual([
      ['analyse.yaml', '210', 'c'.repeat(64)],
      ['registers.xlsx', '20.480', 'b'.repeat(64)],
    ]);
  });

  it('prints nothing undefined and is deterministic, also when the charts are not drawn (as the other tests here do)', async () => {
    expect(markdown).not.toMatch(/undefined|NaN|\[object|null/);
    const undrawn = await renderMarkdown(sampleAnalysis(), { ...CTX, drawCharts: false });
    expect(undrawn.markdown).toBe(markdown);
    expect(undrawn.charts.map(({ svg: _svg, ...c }) => c)).toEqual(charts.map(({ svg: _svg, ...c }) => c));
    expect(charts.every((c) => c.svg.startsWith('<svg'))).toBe(true);
  });
});

describe('renderMarkdown variants', () => {
  it('says there is no comparison without last year', async () => {
    const { tree } = await render(sampleAnalysis((r) => r, false));
    const summary = section(tree, 'Samenvatting');
    expect(toString({ type: 'root', children: summary })).toContain('Er is geen vergelijking met vorig jaar');
    expect(tables(summary)[0]!.header).toEqual(['Indicator', '2025', "Open risico's"]);
  });

  it('names the method differences when last year is not comparable', async () => {
    const a = sampleAnalysis();
    const { tree } = await render({ ...a, trend: { ...a.trend!, methodeVergelijkbaar: false, methodeVerschillen: ['De risicomatrix is gewijzigd.'] } });
    const text = toString({ type: 'root', children: section(tree, 'Samenvatting') });
    expect(text).toContain('niet te vergelijken met 2024');
    expect(text).toContain('De risicomatrix is gewijzigd.');
  });

  it('states a non-default method and its differences', async () => {
    const a = sampleAnalysis();
    const methode = MethodSchema.parse({ naam: 'eigen', credit: { gepland: 0.1 } });
    const { tree } = await render({ ...a, methode });
    const annex = toString({ type: 'root', children: section(tree, 'Bijlage A Methode') });
    expect(annex).toContain('andere methode dan de standaardmethode (eigen)');
    expect(annex).toMatch(/voortgangsaandeel voor 'gepland'/);
    expect(tableByCaption(section(tree, 'Bijlage A Methode'), 'Voortgangsaandeel per status').rows[0]).toEqual(['gepland', '0,10']);
  });

  it('states the level and the score basis when rendered below the analysis level', async () => {
    const a = sampleAnalysis();
    for (const [basis, phrase] of [['alle', 'berekend over alle gegevens'], ['zichtbaar', 'alleen berekend over de onderdelen die hier worden getoond']] as const) {
      const { tree } = await render({ ...a, rubricering: 'openbaar', scoregrondslag: basis }, { reducedLevel: true });
      const intro = toString({ type: 'root', children: section(tree, 'Inleiding en aanpak') });
      expect(intro).toContain('opgesteld voor het niveau Openbaar');
      expect(intro).toContain(phrase);
      expect(frontMatter(tree).rubricering).toBe('Openbaar');
    }
    const { tree } = await render(a);
    expect(toString({ type: 'root', children: section(tree, 'Inleiding en aanpak') })).not.toContain('berekend over');
  });

  it('limits the register annexes and points to the workbook', async () => {
    const a = sampleAnalysis();
    const { tree } = await render(a, { annexRowLimit: 5 });
    const annex = section(tree, 'Bijlage B Risicoregister');
    expect(tableByCaption(annex, 'Risicoregister').rows).toHaveLength(5);
    expect(toString(annex.at(-1)!)).toBe(`De overige ${a.risks.length - 5} risico's staan in de Excel-werkmap bij dit rapport.`);
  });

  it('leaves the contact person column out when the data holds none', async () => {
    const a = sampleAnalysis((r) => ({ ...r, risks: r.risks.map(({ contactpersoon: _c, ...rest }) => rest) }));
    const { tree, markdown } = await render(a);
    expect(tableByCaption(section(tree, 'Bijlage B Risicoregister'), 'Risicoregister').header).not.toContain('Contactpersoon');
    expect(markdown).not.toContain('J. de Vries');
  });

  it('renders an analysis without risks, measures or incidents', async () => {
    const { markdown, tree, charts } = await render(sampleAnalysis(() => ({ risks: [], measures: [], incidents: [] }), false), { drawCharts: true });
    expect(markdown).not.toMatch(/undefined|NaN|\[object|null|Infinity/);
    expect(headings(tree, 2)).toEqual([...SECTION_TITLES]);
    expect(charts).toHaveLength(3);
    expect(toString({ type: 'root', children: section(tree, 'Bijlage B Risicoregister') })).toContain('Het risicoregister is leeg.');
    expect(toString({ type: 'root', children: section(tree, 'Aanbevelingen') })).toMatch(/^Uit de gegevens volgen geen aanvullende aanbevelingen/);
    const kern = section(tree, 'Kernboodschappen voor de Kamerbrief');
    expect(kern.length).toBeGreaterThanOrEqual(3);
  });

  it('lets an organisation replace a section and a partial by file name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'templates-'));
    await mkdir(join(dir, 'sections'));
    await mkdir(join(dir, 'partials'));
    await writeFile(join(dir, 'sections', '10-kernboodschappen.md.hbs'), '## Kernboodschappen voor de Kamerbrief\n\nEigen tekst over {{netwerk}} in {{jaar}}.\n');
    await writeFile(join(dir, 'partials', 'figuur.md.hbs'), '![{{alt}}]({{pad}})\n\nAfbeelding {{volgnummer "figuur"}}: {{titel}}\n');
    const { tree } = await render(sampleAnalysis(), { templatesDir: dir });
    expect(headings(tree, 2)).toEqual([...SECTION_TITLES]);
    const kern = section(tree, 'Kernboodschappen voor de Kamerbrief');
    expect(kern.map((n) => toString(n))).toEqual(['Eigen tekst over NAFIN in 2025.']);
    const captions = allNodes(tree).filter((n) => n.type === 'paragraph' && /^Afbeelding \d+: /.test(toString(n)));
    expect(captions).toHaveLength(5 + sampleAnalysis().indicators.filter((i) => i.brug).length);
    // Sections that were not replaced still come from the built-in templates.
    expect(tables(section(tree, 'Samenvatting'))).toHaveLength(1);
  });
});
