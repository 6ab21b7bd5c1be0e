/** The report's charts as SVG (see svg.ts), in the order they appear. */
import type * as vl from 'vega-lite';
import type { Analysis, ScoredRisk } from '../analysis.js';
import { CLASSES, MEASURE_STATUSES, type RiskClass } from '../model.js';
import { getal, score } from './format.js';
import { isOpen } from './findings.js';
import { bridgeCharts } from './bridge-chart.js';
import { historyChart } from './history-chart.js';
import { CONFIG, toSvg, type Chart, type Draw } from './svg.js';

export type { Chart } from './svg.js';

/** Class colours, chosen to stay distinguishable in greyscale print. */
export const CLASS_COLOURS: Record<RiskClass, string> = { laag: '#7fbf7b', midden: '#f6d55c', hoog: '#f28e2b', 'zeer hoog': '#c0392b' };

/** Rounded as the class is read: half rounds up. */
const round = (x: number) => Math.min(5, Math.max(1, Math.floor(x + 0.5)));

export interface MatrixCell {
  kans: number;
  impact: number;
  aantal: number;
  klasse: RiskClass;
}

/** Counts of open risks per rounded Kans × Impact at one level, each cell with its class from the method's matrix. */
export function matrixCells(a: Analysis, level: 'bruto' | 'actueel' | 'streef', risks: readonly ScoredRisk[] = a.risks.filter(isOpen)): MatrixCell[] {
  const counts = new Map<string, number>();
  for (const r of risks) {
    const key = `${round(r[level].kans)}:${round(r[level].impact)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells: MatrixCell[] = [];
  for (let kans = 5; kans >= 1; kans--) {
    for (let impact = 1; impact <= 5; impact++) {
      cells.push({ kans, impact, aantal: counts.get(`${kans}:${impact}`) ?? 0, klasse: a.methode.matrix[kans - 1]?.[impact - 1] ?? 'laag' });
    }
  }
  return cells;
}

const LEVEL_WORD = { bruto: 'bruto (zonder maatregelen)', actueel: 'actueel (na maatregelen op de peildatum)' } as const;

async function heatMap(a: Analysis, level: 'bruto' | 'actueel', draw: Draw): Promise<Chart> {
  const cells = matrixCells(a, level);
  const total = cells.reduce((s, c) => s + c.aantal, 0);
  const title = `Risicomatrix ${LEVEL_WORD[level]}: aantal open risico's per kans en impact`;
  const values = cells.map((c) => ({ ...c, label: c.aantal ? getal(c.aantal, 0) : '' }));
  const axis = { labelAngle: 0, domain: false, ticks: false };
  const spec: vl.TopLevelSpec = {
    description: title,
    width: 300,
    height: 300,
    config: CONFIG,
    data: { values },
    encoding: {
      x: { field: 'impact', type: 'ordinal', title: 'Impact (1 = beperkt, 5 = catastrofaal)', sort: [1, 2, 3, 4, 5], axis },
      y: { field: 'kans', type: 'ordinal', title: 'Kans (1 = zeer onwaarschijnlijk, 5 = zeer waarschijnlijk)', sort: [5, 4, 3, 2, 1], axis },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
        encoding: {
          color: {
            field: 'klasse',
            type: 'nominal',
            title: 'Klasse',
            scale: { domain: [...CLASSES], range: CLASSES.map((c) => CLASS_COLOURS[c]) },
            legend: { orient: 'bottom', direction: 'horizontal' },
          },
        },
      },
      { mark: { type: 'text', fontSize: 14, fontWeight: 'bold', color: '#1a1a1a' }, encoding: { text: { field: 'label', type: 'nominal' } } },
    ],
  };
  return {
    file: `risicomatrix-${level}.svg`,
    title,
    alt: `Risicomatrix ${level} met vijf bij vijf cellen, gekleurd naar klasse; in totaal ${getal(total, 0)} open risico's.`,
    svg: await draw(spec),
  };
}

async function indicatorBars(a: Analysis, draw: Draw): Promise<Chart> {
  const prevYear = a.trend?.vorigJaar ?? a.jaar - 1;
  const values = a.indicators.flatMap((i) => [
    ...(i.vorigeScore !== null ? [{ indicator: i.naam, jaar: String(prevYear), score: i.vorigeScore, label: score(i.vorigeScore) }] : []),
    ...(i.score !== null ? [{ indicator: i.naam, jaar: String(a.jaar), score: i.score, label: score(i.score) }] : []),
  ]);
  const hasPrev = values.some((v) => v.jaar === String(prevYear));
  const years = hasPrev ? [String(prevYear), String(a.jaar)] : [String(a.jaar)];
  const title = hasPrev ? `Score per indicator in ${a.jaar} naast ${prevYear} (0-100, hoger is weerbaarder)` : `Score per indicator in ${a.jaar} (0-100, hoger is weerbaarder)`;
  const y = { field: 'indicator', type: 'nominal' as const, title: null, sort: a.indicators.map((i) => i.naam), axis: { labelLimit: 0 } };
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
  return {
    file: 'indicatorscores.svg',
    title,
    alt: `Staafdiagram met de score van ${getal(shown, 0)} indicatoren${hasPrev ? `, naast de score van ${prevYear}` : ''}.`,
    svg: await draw(spec),
  };
}

async function measureStatus(a: Analysis, draw: Draw): Promise<Chart> {
  const counts = MEASURE_STATUSES.map((status) => ({ status, aantal: a.measures.filter((m) => m.status === status).length }));
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
  return {
    file: 'maatregelen-per-status.svg',
    title,
    alt: `Staafdiagram van ${getal(a.measures.length, 0)} maatregelen per status: ${counts.map((c) => `${c.status} ${getal(c.aantal, 0)}`).join(', ')}.`,
    svg: await draw(spec),
  };
}

/** All charts of the report, in the order they appear: with earlier years, the indicator chart shows their course.
 * `draw: false` keeps every chart's file, title and alt text but leaves its SVG empty (no vega run): for tests that read only the Markdown. */
export async function renderCharts(a: Analysis, opts: { draw?: boolean } = {}): Promise<Chart[]> {
  const draw: Draw = opts.draw === false ? async () => '' : toSvg;
  const indicators = a.historie.length ? await historyChart(a, draw) : await indicatorBars(a, draw);
  return [await heatMap(a, 'bruto', draw), await heatMap(a, 'actueel', draw), indicators, ...(await bridgeCharts(a, draw)), await measureStatus(a, draw)];
}
