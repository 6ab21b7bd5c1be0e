/**
 * One small waterfall per indicator with a bridge: last year's score, the three steps, this year's
 * score, drawn from the shown (rounded) numbers so the chart agrees with its table.
 */
import type * as vl from 'vega-lite';
import { BRIDGE_STEPS, type Analysis } from '../analysis.js';
import { normalizeKey } from '../text/normalize.js';
import { fromTenths, shownBridge, STEP_LABEL, type ShownBridge } from './bridge.js';
import { CONFIG, type Chart, type Draw } from './svg.js';
import { score, verandering } from './format.js';

const COLOURS = { score: '#2f5d8a', omhoog: '#4d9a49', omlaag: '#c0392b' } as const;

/** File name of an indicator's bridge chart; the code is configurable text, so only its ASCII letters and digits, after its place. */
export function bridgeChartFile(index: number, code: string): string {
  return `brug-${index + 1}-${normalizeKey(code).replace(/[^a-z0-9]/g, '')}.svg`;
}

interface Bar {
  stap: string;
  van: number;
  tot: number;
  soort: keyof typeof COLOURS;
  label: string;
}

function bars(b: ShownBridge, vorigJaar: number, jaar: number, floor: number): Bar[] {
  const steps = BRIDGE_STEPS.map((step): Bar => ({
    stap: STEP_LABEL[step],
    van: fromTenths(b.na[step] - b.delen[step]),
    tot: fromTenths(b.na[step]),
    soort: b.delen[step] < 0 ? 'omlaag' : 'omhoog',
    label: verandering(fromTenths(b.delen[step])),
  }));
  return [
    { stap: `Score ${vorigJaar}`, van: floor, tot: fromTenths(b.vorige), soort: 'score', label: score(fromTenths(b.vorige)) },
    ...steps,
    { stap: `Score ${jaar}`, van: floor, tot: fromTenths(b.score), soort: 'score', label: score(fromTenths(b.score)) },
  ];
}

async function bridgeChart(a: Analysis, b: ShownBridge, file: string, draw: Draw): Promise<Chart> {
  const vorigJaar = a.trend?.vorigJaar ?? a.jaar - 1;
  const levels = [b.vorige, ...BRIDGE_STEPS.map((step) => b.na[step])].map(fromTenths);
  // The score bars start at the left edge: a scale from 0 would leave the steps too thin to see. Every
  // level lies inside the domain, so nothing needs clipping (vega numbers clip paths per process).
  const floor = Math.max(0, Math.floor(Math.min(...levels) / 5) * 5 - 5);
  const ceiling = Math.min(100, Math.ceil(Math.max(...levels) / 5) * 5 + 5);
  const values = bars(b, vorigJaar, a.jaar, floor);
  const title = `Verklaring van de verandering van ${b.naam} (${b.code}) van ${vorigJaar} naar ${a.jaar}`;
  const spec: vl.TopLevelSpec = {
    description: title,
    width: 300,
    config: CONFIG,
    data: { values },
    encoding: { y: { field: 'stap', type: 'nominal', title: null, sort: values.map((v) => v.stap), axis: { labelLimit: 0 } } },
    layer: [
      {
        mark: 'bar',
        encoding: {
          x: { field: 'van', type: 'quantitative', title: 'Score', scale: { domain: [floor, ceiling], zero: false } },
          x2: { field: 'tot' },
          color: { field: 'soort', type: 'nominal', scale: { domain: Object.keys(COLOURS), range: Object.values(COLOURS) }, legend: null },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
        transform: [{ calculate: 'max(datum.van, datum.tot)', as: 'rechts' }],
        encoding: { x: { field: 'rechts', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
  const alt = `Watervaldiagram: ${b.naam} van ${score(fromTenths(b.vorige))} in ${vorigJaar} naar ${score(fromTenths(b.score))} in ${a.jaar}; ${BRIDGE_STEPS.map((s) => `${STEP_LABEL[s].toLowerCase()} ${verandering(fromTenths(b.delen[s]))}`).join(', ')}.`;
  return {
    file,
    title,
    alt,
    svg: await draw(spec, title, alt),
  };
}

/** The bridge charts, in indicator order, for the indicators that have a bridge. */
export async function bridgeCharts(a: Analysis, draw: Draw): Promise<Chart[]> {
  const charts: Chart[] = [];
  for (const [k, indicator] of a.indicators.entries()) {
    const b = shownBridge(indicator);
    if (b) charts.push(await bridgeChart(a, b, bridgeChartFile(k, indicator.code), draw));
  }
  return charts;
}
