import { describe, expect, it } from 'vitest';
import { sampleAnalysis } from '../../test/fixtures/analysis/sample.js';
import { bridgeChartFile } from './bridge-chart.js';
import { matrixCells, renderCharts } from './charts.js';
import { CLASS_PALETTE } from './palette.js';

/** Well-formed XML as far as the charts need: every tag closed in order, one root, no stray `<`/`&`. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->/g;
  let last = 0;
  let roots = 0;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    const text = svg.slice(last, m.index);
    expect(text, `text before ${m[0]}`).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i);
    last = tag.lastIndex;
    const [, close, name, , selfClose] = m;
    if (!name) continue;
    if (close) expect(stack.pop(), `closing ${name}`).toBe(name);
    else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
  }
  expect(svg.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

describe('renderCharts', async () => {
  const analysis = sampleAnalysis();
  const charts = await renderCharts(analysis);

  it('renders the charts as well-formed vector SVG with a title and alt text, a bridge per indicator with one', () => {
    const bridges = analysis.indicators.flatMap((i, k) => (i.brug ? [bridgeChartFile(k, i.code)] : []));
    expect(bridges.length).toBeGreaterThan(0);
    expect(charts.map((c) => c.file)).toEqual(['risicomatrices.svg', 'indicatorscores.svg', ...bridges, 'maatregelen-per-status.svg']);
    for (const c of charts) {
      expect(c.svg.startsWith('<svg')).toBe(true);
      assertWellFormed(c.svg);
      expect(c.svg).not.toMatch(/<image|data:image/);
      expect(c.title.length).toBeGreaterThan(10);
      expect(c.alt.length).toBeGreaterThan(10);
    }
  });

  it('is deterministic: the same analysis gives the same bytes', async () => {
    const again = await renderCharts(sampleAnalysis());
    expect(again.map((c) => c.svg)).toEqual(charts.map((c) => c.svg));
  });

  it('labels the charts in Dutch', () => {
    const svg = (file: string) => charts.find((c) => c.file === file)!.svg;
    const [matrices, indicators, measures] = ['risicomatrices.svg', 'indicatorscores.svg', 'maatregelen-per-status.svg'].map(svg);
    // Three matrices side by side, each cell with its class letter besides the colour.
    for (const level of ['Bruto', 'Actueel (peildatum)', 'Streef']) expect(matrices).toContain(`>${level}</text>`);
    expect(matrices).toContain('>Impact</text>');
    expect(matrices).toContain('>Kans</text>');
    for (const letter of ['L', 'M', 'H', 'ZH']) expect(matrices).toContain(`>${letter}</text>`);
    // Indicator names with a capital, over the years of the history.
    for (const i of analysis.indicators) expect(indicators).toContain(`>${i.naam.charAt(0).toUpperCase()}${i.naam.slice(1)}</text>`);
    expect(indicators).toContain('>2024</text>');
    expect(indicators).toContain('>2025</text>');
    for (const s of ['gepland', 'in uitvoering', 'vertraagd', 'gereed', 'geannuleerd']) expect(measures).toContain(`>${s}</text>`);
  });

  it('is an image with a Dutch title and description for assistive technology, and no English labels of vega', () => {
    for (const c of charts) {
      const root = c.svg.slice(0, c.svg.indexOf('>') + 1);
      expect(root, c.file).toContain('role="img"');
      expect(root, c.file).toContain('aria-labelledby="titel beschrijving"');
      expect(c.svg, c.file).toContain(`<title id="titel">${c.title.replace(/'/g, "'")}</title>`);
      expect(c.svg, c.file).toContain('<desc id="beschrijving">');
      expect(c.svg, c.file).not.toMatch(/aria-label=|aria-roledescription|titled|for a (linear|band|point) scale/);
    }
  });

  it('writes the class letter in every matrix cell, in the palette colour that reads on the fill', () => {
    const [matrices] = charts;
    const letters = [...matrices!.svg.matchAll(/>(L|M|H|ZH)<\/text>/g)];
    expect(letters).toHaveLength(3 * 25);
    expect(matrices!.svg).toContain(`fill="${CLASS_PALETTE['zeer hoog'].text}"`);
    expect(matrices!.svg).toContain(`fill="${CLASS_PALETTE['zeer hoog'].fill}"`);
  });

  it('without earlier years in the history, shows bars beside last year, this year labelled with its score and the shown change', async () => {
    const [, bars] = await renderCharts({ ...analysis, historie: [] });
    const first = analysis.indicators[0]!;
    const shown = (n: number) => n.toFixed(1).replace('.', ',');
    const change = Number(first.score!.toFixed(1)) - Number(first.vorigeScore!.toFixed(1));
    expect(bars!.svg).toContain(`>${shown(first.score!)} (${change < 0 ? '\u2212' : '+'}${shown(Math.abs(change))})</text>`);
  });

  it('shows only this year without last year, as bars with their score', async () => {
    const [, indicators] = await renderCharts(sampleAnalysis((r) => r, false));
    expect(indicators!.svg).toContain('>2025</text>');
    expect(indicators!.svg).toContain(`>${String(analysis.indicators[0]!.score!.toFixed(1)).replace('.', ',')}</text>`);
    expect(indicators!.svg).not.toContain('>2024</text>');
    expect(indicators!.title).not.toContain('2024');
  });
});

describe('history and bridge charts', () => {
  it('joins the comparable years by a line and shows a year with another method as a point of its own', async () => {
    const a = sampleAnalysis();
    const last = a.historie[0]!;
    const historie = [last, { ...last, jaar: 2023, methodeVergelijkbaar: false }, { ...last, jaar: 2022 }];
    const [, chart] = await renderCharts({ ...a, historie });
    expect(chart!.title).toBe('Score per indicator van 2022 tot en met 2025 (0-100, hoger is weerbaarder)');
    for (const year of ['2022', '2023', '2024', '2025']) expect(chart!.svg).toContain(`>${year}</text>`);
    // One line per indicator through 2022, 2024 and 2025: three points, so two segments.
    const lines = [...chart!.svg.matchAll(/class="mark-line role-mark[^"]*"><path d="([^"]*)"/g)].map((m) => m[1]!);
    expect(lines).toHaveLength(a.indicators.length);
    for (const d of lines) expect(d.match(/L/g)).toHaveLength(2);
    // 2023 is drawn as a cross for every indicator (vega's cross symbol path), not on the line.
    expect(chart!.svg.split('d="M-3.536,-1.414L-3.536,1.414').length - 1).toBe(a.indicators.length);
    expect(chart!.svg).toContain('>andere methode</text>');
    expect(chart!.alt).toContain('het jaar 2023 met een andere methode als los punt, niet verbonden');
  });

  it('draws a waterfall from last year through the three steps to this year, with the shown numbers', async () => {
    const a = sampleAnalysis();
    const k = a.indicators.findIndex((i) => i.brug !== null);
    const chart = (await renderCharts(a)).find((c) => c.file === bridgeChartFile(k, a.indicators[k]!.code))!;
    for (const label of ['Score 2024', "Nieuwe en vervallen risico's", 'Herbeoordeling van kans en impact', 'Voortgang van maatregelen', 'Score 2025']) expect(chart.svg).toContain(`>${label}</text>`);
    expect(chart.svg).toContain(`>${String(a.indicators[k]!.score!.toFixed(1)).replace('.', ',')}</text>`);
    expect(chart.title).toContain(`van 2024 naar 2025`);
  });
});

describe('matrixCells', () => {
  it('counts every open risk once, in the cell of its rounded kans and impact, with the class of the method', () => {
    const analysis = sampleAnalysis();
    const open = analysis.risks.filter((r) => r.status !== 'gesloten');
    for (const level of ['bruto', 'actueel', 'streef'] as const) {
      const cells = matrixCells(analysis, level);
      expect(cells).toHaveLength(25);
      expect(cells.reduce((s, c) => s + c.aantal, 0)).toBe(open.length);
      for (const c of cells) expect(c.klasse).toBe(analysis.methode.matrix[c.kans - 1]![c.impact - 1]);
    }
    const r13 = open.find((r) => r.id === 'R-13')!;
    const cell = matrixCells(analysis, 'bruto').find((c) => c.kans === r13.bruto.kans && c.impact === r13.bruto.impact);
    expect(cell?.aantal).toBeGreaterThanOrEqual(1);
  });

  it('rounds half up', () => {
    const analysis = sampleAnalysis();
    const risk = { ...analysis.risks[0]!, status: 'open' as const, actueel: { kans: 2.5, impact: 3.49, score: 8.725, klasse: 'midden' as const } };
    const cells = matrixCells({ ...analysis, totals: { ...analysis.totals, aantallen: undefined }, risks: [risk] }, 'actueel');
    expect(cells.find((c) => c.aantal === 1)).toMatchObject({ kans: 3, impact: 3 });
  });
});
