/** The report's charts as SVG (see svg.ts), in the order they appear. */
import type * as vl from 'vega-lite';
import type { Analysis } from '../analysis.js';
import { CLASSES, MEASURE_STATUSES, type RiskClass } from '../model.js';
import { countMatrix } from '../score/aggregate.js';
import { getal, indicatorNaam, score, shownChange, verandering } from './format.js';
import { CLASS_PALETTE } from './palette.js';
import { bridgeCharts } from './bridge-chart.js';
import { historyChart } from './history-chart.js';
import { CONFIG, toSvg, type Chart, type Draw } from './svg.js';

export type { Chart } from './svg.js';

export interface MatrixCell {
  kans: number;
  impact: number;
  aantal: number;
  klasse: RiskClass;
}

/**
 * Counts of open risks per rounded Kans × Impact at one level, each cell with its class from the
 * method's matrix: the counts over the data the analysis was scored on (every item with alle).
 */
export function matrixCells(a: Analysis, level: 'bruto' | 'actueel' | 'streef'): MatrixCell[] {
  const counts = a.totals.aantallen?.matrix[level] ?? countMatrix(a.risks, level);
  const cells: MatrixCell[] = [];
  for (let kans = 5; kans >= 1; kans--) {
    for (let impact = 1; impact <= 5; impact++) {
      cells.push({ kans, impact, aantal: counts[kans - 1]?.[impact - 1] ?? 0, klasse: a.methode.matrix[kans - 1]?.[impact - 1] ?? 'laag' });
    }
  }
  return cells;
}

const LEVELS = ['bruto', 'actueel', 'streef'] as const;
const LEVEL_TITLE = { bruto: 'Bruto', actueel: 'Actueel (peildatum)', streef: 'Streef' } as const;

/**
 * The bruto, actueel and streef matrices side by side: per cell the count of open risks (bold) and
 * the class letter, so the class does not rest on colour alone. The full table is in the annex.
 */
async function heatMaps(a: Analysis, draw: Draw): Promise<Chart> {
  const values = LEVELS.flatMap((level) =>
    matrixCells(a, level).map((c) => ({ ...c, niveau: LEVEL_TITLE[level], label: c.aantal ? getal(c.aantal, 0) : '', letter: CLASS_PALETTE[c.klasse].letter, tekstkleur: CLASS_PALETTE[c.klasse].text })),
  );
  const total = matrixCells(a, 'bruto').reduce((s, c) => s + c.aantal, 0);
  const high = (level: (typeof LEVELS)[number]) => matrixCells(a, level).filter((c) => c.klasse === 'hoog' || c.klasse === 'zeer hoog').reduce((s, c) => s + c.aantal, 0);
  const title = "Risicomatrices bruto (zonder maatregelen), actueel (op de peildatum) en streef (alle maatregelen gereed): aantal open risico's per kans en impact, met de klasse van de cel (L laag, M midden, H hoog, ZH zeer hoog)";
  const axis = { labelAngle: 0, domain: false, ticks: false, labelFontSize: 10, titleFontSize: 10 };
  const spec: vl.TopLevelSpec = {
    description: title,
    config: { ...CONFIG, header: { labelFontSize: 11, labelFontWeight: 'bold', title: null } },
    data: { values },
    facet: { column: { field: 'niveau', type: 'nominal', sort: LEVELS.map((l) => LEVEL_TITLE[l]), title: null } },
    spacing: 14,
    spec: {
      width: 165,
      height: 165,
      encoding: {
        x: { field: 'impact', type: 'ordinal', title: 'Impact', sort: [1, 2, 3, 4, 5], axis },
        y: { field: 'kans', type: 'ordinal', title: 'Kans', sort: [5, 4, 3, 2, 1], axis },
      },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
          encoding: { color: { field: 'klasse', type: 'nominal', title: 'Klasse', scale: { domain: [...CLASSES], range: CLASSES.map((c) => CLASS_PALETTE[c].fill) }, legend: null } },
        },
        // In the text colour that reads on the cell's fill (palette.ts).
        { mark: { type: 'text', fontSize: 13, fontWeight: 'bold', dy: -5 }, encoding: { text: { field: 'label', type: 'nominal' }, color: { field: 'tekstkleur', type: 'nominal', scale: null } } },
        { mark: { type: 'text', fontSize: 8, dy: 9 }, encoding: { text: { field: 'letter', type: 'nominal' }, color: { field: 'tekstkleur', type: 'nominal', scale: null } } },
      ],
    },
  };
  const alt = `Drie risicomatrices van vijf bij vijf cellen naast elkaar, elk over ${getal(total, 0)} open risico's. Hoog of zeer hoog: bruto ${getal(high('bruto'), 0)}, actueel ${getal(high('actueel'), 0)}, streef ${getal(high('streef'), 0)}.`;
  return { file: 'risicomatrices.svg', title, alt, svg: await draw(spec, title, alt) };
}

async function indicatorBars(a: Analysis, draw: Draw): Promise<Chart> {
  const prevYear = a.trend?.vorigJaar ?? a.jaar - 1;
  const change = (i: (typeof a.indicators)[number]) => shownChange(i.score, i.vorigeScore);
  const values = a.indicators.flatMap((i) => [
    ...(i.vorigeScore !== null ? [{ indicator: indicatorNaam(i), jaar: String(prevYear), score: i.vorigeScore, label: score(i.vorigeScore) }] : []),
    ...(i.score !== null ? [{ indicator: indicatorNaam(i), jaar: String(a.jaar), score: i.score, label: change(i) === null ? score(i.score) : `${score(i.score)} (${verandering(change(i))})` }] : []),
  ]);
  const hasPrev = values.some((v) => v.jaar === String(prevYear));
  const years = hasPrev ? [String(prevYear), String(a.jaar)] : [String(a.jaar)];
  const title = hasPrev ? `Score per indicator in ${a.jaar} naast ${prevYear}, met de verandering (0-100, hoger is weerbaarder)` : `Score per indicator in ${a.jaar} (0-100, hoger is weerbaarder)`;
  const y = { field: 'indicator', type: 'nominal' as const, title: null, sort: a.indicators.map(indicatorNaam), axis: { labelLimit: 0 } };
  const spec: vl.TopLevelSpec = {
    description: title,
    width: 320,
    config: CONFIG,
    data: { values },
    encoding: { y, yOffset: { field: 'jaar', type: 'nominal', sort: years } },
    layer: [
      {
        mark: 'bar',
        encoding: {
          x: { field: 'score', type: 'quantitative', title: 'Score', scale: { domain: [0, 100] } },
          color: { field: 'jaar', type: 'nominal', title: 'Jaar', sort: years, scale: { domain: years, range: hasPrev ? ['#b8c4d6', '#2f5d8a'] : ['#2f5d8a'] }, legend: { orient: 'bottom' } },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
        encoding: { x: { field: 'score', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
  const shown = a.indicators.filter((i) => i.score !== null).length;
  const alt = `Staafdiagram met de score van ${getal(shown, 0)} indicatoren${hasPrev ? `, naast de score van ${prevYear}` : ''}.`;
  return { file: 'indicatorscores.svg', title, alt, svg: await draw(spec, title, alt) };
}

async function measureStatus(a: Analysis, draw: Draw): Promise<Chart> {
  // The totals of the data the analysis was scored on (every measure with scoregrondslag alle).
  const counts = MEASURE_STATUSES.map((status) => ({ status, aantal: a.totals.maatregelenPerStatus[status] ?? 0 }));
  const values = counts.map((c) => ({ ...c, label: getal(c.aantal, 0) }));
  const title = 'Maatregelen per status';
  const spec: vl.TopLevelSpec = {
    description: title,
    width: 320,
    config: CONFIG,
    data: { values },
    encoding: {
      y: { field: 'status', type: 'nominal', title: null, sort: [...MEASURE_STATUSES] },
      x: { field: 'aantal', type: 'quantitative', title: 'Aantal maatregelen', axis: { tickMinStep: 1, format: 'd' } },
    },
    layer: [{ mark: { type: 'bar', color: '#2f5d8a' } }, { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 }, encoding: { text: { field: 'label', type: 'nominal' } } }],
  };
  const alt = `Staafdiagram van ${getal(counts.reduce((sum, c) => sum + c.aantal, 0), 0)} maatregelen per status: ${counts.map((c) => `${c.status} ${getal(c.aantal, 0)}`).join(', ')}.`;
  return { file: 'maatregelen-per-status.svg', title, alt, svg: await draw(spec, title, alt) };
}

/** All charts of the report, in the order they appear: with earlier years, the indicator chart shows their course.
 * `draw: false` keeps every chart's file, title and alt text but leaves its SVG empty (no vega run): for tests that read only the Markdown. */
export async function renderCharts(a: Analysis, opts: { draw?: boolean } = {}): Promise<Chart[]> {
  const draw: Draw = opts.draw === false ? async () => '' : toSvg;
  const indicators = a.historie.length ? await historyChart(a, draw) : await indicatorBars(a, draw);
  return [await heatMaps(a, draw), indicators, ...(await bridgeCharts(a, draw)), await measureStatus(a, draw)];
}
