import type { Analysis, IndicatorResult, Trend } from '../analysis.js';
import { bridges } from './bridge.js';
import { comparability, methodDifferences } from './method.js';

/** This year's analysis before the comparison with last year. */
export type Current = Omit<Analysis, 'trend' | 'totals' | 'historie'>;

export interface Comparison {
  /** The current indicators with vorigeScore and verandering filled in where comparable. */
  indicators: IndicatorResult[];
  trend: Trend | null;
}

/**
 * Compare with last year's analysis (as read from its analysis.json). Scores are compared only when
 * scales, matrix and credit table are the same, and per indicator only when last year had the same
 * code; classes only when the matrix is the same. Weights change nothing here (only totaalScore).
 */
export function compare(current: Current, previous: Analysis | null | undefined): Comparison {
  if (!previous) return { indicators: current.indicators, trend: null };
  const comparable = comparability(previous.methode, current.methode);
  const lastScore = new Map(previous.indicators.map((i) => [i.code, i.score]));
  const changes = current.indicators.map((indicator) => {
    const vorigeScore = comparable.scores ? (lastScore.get(indicator.code) ?? null) : null;
    const verandering = vorigeScore === null || indicator.score === null ? null : indicator.score - vorigeScore;
    return { ...indicator, vorigeScore, verandering };
  });
  const { indicators, klasseWijzigingen } = bridges(changes, current.risks, previous, current.methode, comparable.classes);

  const lastRisk = new Map(previous.risks.map((r) => [r.id, r]));
  const nowRisk = new Set(current.risks.map((r) => r.id));
  const lastMeasure = new Map(previous.measures.map((m) => [m.id, m]));
  const trend: Trend = {
    vorigJaar: previous.jaar,
    methodeVergelijkbaar: comparable.scores,
    methodeVerschillen: methodDifferences(previous.methode, current.methode),
    nieuweRisicos: current.risks.filter((r) => !lastRisk.has(r.id)).map((r) => r.id),
    geslotenRisicos: [
      ...current.risks.filter((r) => r.status === 'gesloten' && lastRisk.get(r.id)?.status !== 'gesloten').map((r) => r.id),
      ...previous.risks.filter((r) => r.status !== 'gesloten' && !nowRisk.has(r.id)).map((r) => r.id),
    ],
    klasseWijzigingen,
    nieuwTeLaat: current.measures.filter((m) => m.teLaat && lastMeasure.get(m.id)?.teLaat !== true).map((m) => m.id),
    nieuwGereed: current.measures.filter((m) => m.status === 'gereed' && lastMeasure.get(m.id)?.status !== 'gereed').map((m) => m.id),
  };
  return { indicators, trend };
}
