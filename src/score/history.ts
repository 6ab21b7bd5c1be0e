/**
 * Five years of history: last year's scores and the history last year's analysis carried, newest
 * first, each judged for comparability with this year's method.
 */
import type { Analysis, HistoryYear } from '../analysis.js';
import type { Method } from '../model.js';
import { comparability } from './method.js';

/** Earlier years kept in analysis.json. */
export const HISTORY_YEARS = 5;

export function history(previous: Analysis | null | undefined, method: Method): HistoryYear[] {
  if (!previous) return [];
  const last = {
    jaar: previous.jaar,
    indicators: Object.fromEntries(previous.indicators.map((i) => [i.code, i.score])),
    totaalScore: previous.totals.totaalScore,
    methode: previous.methode,
  };
  const years: HistoryYear[] = [];
  for (const year of [last, ...previous.historie]) {
    // Strictly older each step: a chain of `vorige` that loops or repeats a year ends there.
    if (years.length === HISTORY_YEARS || (years.length > 0 && year.jaar >= years.at(-1)!.jaar)) break;
    years.push({ jaar: year.jaar, indicators: year.indicators, totaalScore: year.totaalScore, methodeVergelijkbaar: comparability(year.methode, method).scores, methode: year.methode });
  }
  return years;
}
