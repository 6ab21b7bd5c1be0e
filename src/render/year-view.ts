/**
 * The year-on-year parts of the view model: the bridge of each indicator (figure and table), the
 * summary sentences about the indicators that moved most, and the history table beside the
 * indicator chart. Every number is the shown (rounded) one of bridge.ts, so tables, chart and
 * sentences agree.
 */
import { BRIDGE_STEPS, type Analysis, type IndicatorResult } from '../analysis.js';
import { bridgeChartFile } from './bridge-chart.js';
import { bridgeSentences, fromTenths, shownBridge, STEP_LABEL } from './bridge.js';
import { md } from './escape.js';
import { score, verandering } from './format.js';
import type { Chart } from './svg.js';
import { figure, type Figure } from './figure.js';
import { table, type Table } from './tables.js';

interface Row {
  stap: string;
  bijdrage: string;
  score: string;
}

/** The bridge chart and its data table of one indicator; null without a bridge. */
export function bridgeView(a: Analysis, indicator: IndicatorResult, index: number, charts: readonly Chart[]): { figuur: Figure; tabel: Table } | null {
  const b = shownBridge(indicator);
  if (!b) return null;
  const vorigJaar = a.trend?.vorigJaar ?? a.jaar - 1;
  const rows: Row[] = [
    { stap: `Score ${vorigJaar}`, bijdrage: '', score: score(fromTenths(b.vorige)) },
    ...BRIDGE_STEPS.map((step) => ({ stap: STEP_LABEL[step], bijdrage: verandering(fromTenths(b.delen[step])), score: score(fromTenths(b.na[step])) })),
    { stap: `Score ${a.jaar}`, bijdrage: verandering(fromTenths(b.verandering)), score: score(fromTenths(b.score)) },
  ];
  return {
    figuur: figure(charts, bridgeChartFile(index, indicator.code).slice(0, -'.svg'.length)),
    tabel: table(
      `Verklaring van de verandering van ${md(indicator.naam)}: de bijdrage van elke stap en de score daarna; bij de score van dit jaar de hele verandering.`,
      [
        ['Stap', (r: Row) => r.stap],
        ['Bijdrage', (r) => r.bijdrage, true],
        ['Score', (r) => r.score, true],
      ],
      rows,
      { leeg: '' },
    ),
  };
}

/** One sentence for each indicator that moved most, for the summary. */
export function summaryBridges(a: Analysis): string[] {
  return bridgeSentences(a.indicators).map(md);
}

/** Scores per year (oldest first) and indicator, with the total; null without earlier years. */
export function historyTable(a: Analysis): Table | null {
  if (a.historie.length === 0) return null;
  const years = [
    ...[...a.historie].reverse().map((h) => ({ jaar: `${h.jaar}${h.methodeVergelijkbaar ? '' : ' (andere methode)'}`, scores: h.indicators, totaal: h.totaalScore })),
    { jaar: String(a.jaar), scores: Object.fromEntries(a.indicators.map((i) => [i.code, i.score])), totaal: a.totals.totaalScore },
  ];
  type Year = (typeof years)[number];
  return table(
    'Score per indicator en totaalscore per jaar; een jaar met een andere methode is niet te vergelijken met de jaren met de methode van dit jaar.',
    [['Jaar', (y: Year) => y.jaar, true], ...a.indicators.map((i): [string, (y: Year) => string, boolean] => [md(i.code), (y) => score(y.scores[i.code]), true]), ['Totaal', (y) => score(y.totaal), true]],
    years,
    { leeg: '' },
  );
}
