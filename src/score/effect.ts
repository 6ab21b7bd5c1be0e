/**
 * What an open measure still brings: how far the sum of the actueel scores of the risks that are not
 * gesloten would fall if this measure alone were done (its credit 1, every other measure as it is),
 * what it still costs, and the ratio. Gereed and geannuleerd measures bring nothing more: null.
 * Documented in docs/methode.md ("Wat een maatregel nog oplevert").
 */
import type { RiskLevel, ScoredMeasure, ScoredRisk } from '../analysis.js';
import type { Measure, Method } from '../model.js';
import { riskLevel } from './level.js';
import { canonicalSum } from './sum.js';

export type MeasureEffect = Pick<ScoredMeasure, 'effect' | 'restkosten' | 'effectPerMEuro'>;

const NONE: MeasureEffect = { effect: null, restkosten: null, effectPerMEuro: null };

/** True for the measures the ranking is about: neither gereed nor geannuleerd. */
export function isOpenMeasure(measure: Pick<Measure, 'status'>): boolean {
  return measure.status !== 'gereed' && measure.status !== 'geannuleerd';
}

/**
 * The actueel level of `risk` once `measure` (now at `credit`) is done. Works from the actueel Kans
 * and Impact: above 1 they are exactly k − Σ, so subtracting the missing part of this measure's
 * reduction gives k − Σ with credit 1; at 1 (clamped) they stay 1, as the method's max(1; …) says.
 */
export function levelWhenDone(risk: ScoredRisk, measure: Pick<Measure, 'kansreductie' | 'impactreductie'>, credit: number, method: Method): RiskLevel {
  const missing = 1 - credit;
  const kans = Math.max(1, risk.actueel.kans - missing * measure.kansreductie);
  const impact = Math.max(1, risk.actueel.impact - missing * measure.impactreductie);
  return riskLevel(kans, impact, method.matrix);
}

/** The risks (not gesloten, known, each once) a measure would improve, in the order it names them. */
export function risksOf(measure: Pick<Measure, 'risicos'>, byId: ReadonlyMap<string, ScoredRisk>): ScoredRisk[] {
  return [...new Set(measure.risicos)].flatMap((id) => {
    const risk = byId.get(id);
    return risk && risk.status !== 'gesloten' ? [risk] : [];
  });
}

/** Effect, restkosten and effectPerMEuro of every measure, in register order. `credits[i]` is the credit of `measures[i]`. */
export function measureEffects(measures: readonly Measure[], credits: readonly number[], risks: readonly ScoredRisk[], method: Method): MeasureEffect[] {
  const byId = new Map(risks.map((r) => [r.id, r]));
  return measures.map((measure, i) => {
    if (!isOpenMeasure(measure)) return NONE;
    const credit = credits[i] ?? 0;
    const effect = canonicalSum(risksOf(measure, byId).map((risk) => risk.actueel.score - levelWhenDone(risk, measure, credit, method).score));
    const restkosten = measure.kostenEenmalig * (1 - credit) + measure.kostenStructureel;
    return { effect, restkosten, effectPerMEuro: restkosten === 0 ? null : effect / restkosten };
  });
}
