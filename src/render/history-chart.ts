/**
 * The indicator scores over the years of the history and this year. A year whose method is not
 * comparable with this year's is drawn as a separate mark and joined by no line: its score measures
 * something else.
 */
import type * as vl from 'vega-lite';
import type { Analysis } from '../analysis.js';
import { getal, indicatorNaam } from './format.js';
import { CONFIG, type Chart, type Draw } from './svg.js';

const COMPARABLE = 'vergelijkbare methode';
const OTHER = 'andere methode';

interface Point {
  jaar: string;
  indicator: string;
  score: number;
  methode: string;
}

/** Per indicator and year a point, oldest year first; this year is comparable by definition. */
export function historyPoints(a: Analysis): Point[] {
  const years = [...a.historie].reverse();
  return a.indicators.flatMap((i) => [
    ...years.flatMap((h) => {
      const s = h.indicators[i.code];
      return s === undefined || s === null ? [] : [{ jaar: String(h.jaar), indicator: indicatorNaam(i), score: s, methode: h.methodeVergelijkbaar ? COMPARABLE : OTHER }];
    }),
    ...(i.score === null ? [] : [{ jaar: String(a.jaar), indicator: indicatorNaam(i), score: i.score, methode: COMPARABLE }]),
  ]);
}

export async function historyChart(a: Analysis, draw: Draw): Promise<Chart> {
  const values = historyPoints(a);
  const years = [...[...a.historie].reverse().map((h) => String(h.jaar)), String(a.jaar)];
  const first = years[0]!;
  const other = a.historie.filter((h) => !h.methodeVergelijkbaar).map((h) => h.jaar);
  const title = `Score per indicator van ${first} tot en met ${a.jaar} (0-100, hoger is weerbaarder)`;
  const x = { field: 'jaar', type: 'ordinal' as const, title: null, sort: years, axis: { labelAngle: 0 } };
  const y = { field: 'score', type: 'quantitative' as const, title: 'Score', scale: { domain: [0, 100] } };
  const color = { field: 'indicator', type: 'nominal' as const, title: 'Indicator', sort: a.indicators.map(indicatorNaam), legend: { orient: 'right' as const, labelLimit: 0 } };
  const spec: vl.TopLevelSpec = {
    description: title,
    width: 300,
    height: 170,
    config: CONFIG,
    data: { values },
    encoding: { x, y, color },
    layer: [
      { transform: [{ filter: { field: 'methode', equal: COMPARABLE } }], mark: { type: 'line', strokeWidth: 2 } },
      {
        mark: { type: 'point', filled: true, size: 50 },
        encoding: { shape: { field: 'methode', type: 'nominal', title: 'Methode', scale: { domain: [COMPARABLE, OTHER], range: ['circle', 'cross'] }, legend: other.length ? { orient: 'right' } : null } },
      },
    ],
  };
  const otherText = other.length ? `; ${other.length === 1 ? 'het jaar' : 'de jaren'} ${other.join(', ')} met een andere methode als los punt, niet verbonden` : '';
  const alt = `Lijndiagram met de score van ${getal(a.indicators.filter((i) => i.score !== null).length, 0)} indicatoren over ${getal(years.length, 0)} jaren${otherText}.`;
  return {
    file: 'indicatorscores.svg',
    title,
    alt,
    svg: await draw(spec, title, alt),
  };
}
