import type { IndicatorResult, ScoredRisk } from '../analysis.js';
import { CLASSES, type Method, type RiskClass } from '../model.js';
import { canonicalSum } from './sum.js';

/** The highest score a risk can have (5 × 5): the indicator score is the share of it left unused. */
const MAX_SCORE = 25;

/**
 * One result per indicator of the method, in the method's order, over the risks that name it and are
 * not gesloten. vorigeScore and verandering are left null here; the trend fills them.
 */
export function scoreIndicators(risks: readonly ScoredRisk[], method: Method): IndicatorResult[] {
  const byCode = new Map<string, ScoredRisk[]>();
  for (const risk of risks) {
    if (risk.status === 'gesloten') continue;
    for (const code of risk.indicatoren) {
      const list = byCode.get(code);
      if (!list) byCode.set(code, [risk]);
      // A code the risk names twice finds the risk at the end of its list: count it once.
      else if (list.at(-1) !== risk) list.push(risk);
    }
  }
  return method.indicatoren.map(({ code, naam }) => {
    const own = byCode.get(code) ?? [];
    const n = own.length;
    return {
      code,
      naam,
      score: indicatorScore(own.map((r) => r.actueel.score)),
      aantalRisicos: n,
      vorigeScore: null,
      verandering: null,
      brug: null,
      perKlasse: countClasses(own.map((r) => r.actueel.klasse)),
      slechtsteRisico: worstRisk(own),
    };
  });
}

/** 100 × (1 − Σ score / (25 × n)) over the actueel scores of an indicator's risks; null without risks. */
export function indicatorScore(scores: readonly number[]): number | null {
  return scores.length === 0 ? null : 100 * (1 - canonicalSum(scores) / (MAX_SCORE * scores.length));
}

/** Count per class, every class present (zero-filled), in class order. */
export function countClasses(classes: readonly RiskClass[]): Record<RiskClass, number> {
  const counts = Object.fromEntries(CLASSES.map((k) => [k, 0])) as Record<RiskClass, number>;
  for (const klasse of classes) counts[klasse] += 1;
  return counts;
}

/** ID of the highest actueel score; on a tie the first in register order. */
export function worstRisk(risks: readonly ScoredRisk[]): string | null {
  let top: ScoredRisk | undefined;
  for (const risk of risks) if (top === undefined || risk.actueel.score > top.actueel.score) top = risk;
  return top?.id ?? null;
}

/** Weighted mean of the indicator scores that exist (absent weights count 1); null when none exists or all weights are 0. */
export function totalScore(indicators: readonly IndicatorResult[], gewichten: Method['gewichten']): number | null {
  let weighted = 0;
  let weights = 0;
  for (const { code, score } of indicators) {
    if (score === null) continue;
    const weight = gewichten[code] ?? 1;
    weighted += weight * score;
    weights += weight;
  }
  return weights === 0 ? null : weighted / weights;
}
