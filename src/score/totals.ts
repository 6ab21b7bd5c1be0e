import type { IndicatorResult, ScoredMeasure, ScoredRisk, Totals } from '../analysis.js';
import { MEASURE_STATUSES, type MeasureStatus, type Method } from '../model.js';
import { countClasses, totalScore } from './indicators.js';
import { measureCosts } from './aggregate.js';

/** Register-wide counts and costs. Costs leave out cancelled measures; class counts leave out gesloten risks. */
export function totals(risks: readonly ScoredRisk[], measures: readonly ScoredMeasure[], indicators: readonly IndicatorResult[], method: Method): Totals {
  const perStatus = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
  for (const measure of measures) perStatus[measure.status] += 1;
  const open = risks.filter((r) => r.status !== 'gesloten');
  return {
    maatregelenPerStatus: perStatus,
    maatregelenTeLaat: measures.filter((m) => m.teLaat).length,
    ...measureCosts(measures.filter((m) => m.status !== 'geannuleerd')),
    risicosPerKlasse: {
      bruto: countClasses(open.map((r) => r.bruto.klasse)),
      actueel: countClasses(open.map((r) => r.actueel.klasse)),
      streef: countClasses(open.map((r) => r.streef.klasse)),
    },
    totaalScore: totalScore(indicators, method.gewichten),
  };
}
