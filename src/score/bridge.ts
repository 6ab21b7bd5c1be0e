/**
 * The bridge from last year's indicator score to this year's, by substitution (docs/methode.md):
 * first this year's set of risks at last year's levels, then this year's bruto values with last
 * year's reduction, then this year's reduction. Each part is the change one step makes, so the three
 * add up to the change of the score, and a part is exactly 0 when its step changed no number.
 */
import type { Analysis, Bridge, IndicatorResult, RiskLevel, ScoredRisk, Trend } from '../analysis.js';
import type { Method } from '../model.js';
import { indicatorScore } from './indicators.js';
import { riskLevel } from './level.js';

type ClassChange = Trend['klasseWijzigingen'][number];

/**
 * A risk of both years with this year's bruto Kans and Impact and last year's reduction. With the
 * same bruto values that is last year's actueel level itself. A file of an older version keeps no
 * reduction; there it is read back as bruto − actueel, which the floor of 1 may make too small.
 */
export function reassessed(last: ScoredRisk, now: ScoredRisk, matrix: Method['matrix']): RiskLevel {
  if (last.bruto.kans === now.bruto.kans && last.bruto.impact === now.bruto.impact) return last.actueel;
  const reductie = last.reductie ?? { kans: last.bruto.kans - last.actueel.kans, impact: last.bruto.impact - last.actueel.impact };
  return riskLevel(Math.max(1, now.bruto.kans - reductie.kans), Math.max(1, now.bruto.impact - reductie.impact), matrix);
}

const counts = (risk: ScoredRisk, code: string) => risk.status !== 'gesloten' && risk.indicatoren.includes(code);

/** The bridge of one indicator; null when there is no change to explain. */
function indicatorBridge(indicator: IndicatorResult, risks: readonly ScoredRisk[], lastRisk: ReadonlyMap<string, ScoredRisk>, step2: ReadonlyMap<string, RiskLevel>): Bridge | null {
  if (indicator.verandering === null || indicator.vorigeScore === null || indicator.score === null) return null;
  const own = risks.filter((r) => counts(r, indicator.code));
  const before = (r: ScoredRisk) => {
    const last = lastRisk.get(r.id);
    return last !== undefined && counts(last, indicator.code) ? last : undefined;
  };
  const s1 = indicatorScore(own.map((r) => before(r)?.actueel.score ?? r.actueel.score)) ?? 0;
  const s2 = indicatorScore(own.map((r) => (before(r) ? (step2.get(r.id)?.score ?? r.actueel.score) : r.actueel.score))) ?? 0;
  return { nieuwEnVervallen: s1 - indicator.vorigeScore, herbeoordeling: s2 - s1, maatregelen: indicator.score - s2 };
}

/** Which step moved a risk's actueel class: the reassessment, this year's reduction, or both in turn. */
function movedBy(change: Omit<ClassChange, 'door'>, between: RiskLevel): ClassChange {
  const byReview = between.klasse !== change.van;
  const byMeasures = between.klasse !== change.naar;
  return { ...change, door: byReview && byMeasures ? 'beide' : byReview ? 'herbeoordeling' : 'maatregelen' };
}

export interface BridgeResult {
  indicators: IndicatorResult[];
  klasseWijzigingen: ClassChange[];
}

/**
 * Bridges for the indicators whose verandering is known, and the class changes of risks present
 * both years with the step that moved each. `compareClasses` is false when the matrices differ.
 */
export function bridges(indicators: readonly IndicatorResult[], risks: readonly ScoredRisk[], previous: Analysis, method: Method, compareClasses: boolean): BridgeResult {
  const lastRisk = new Map(previous.risks.map((r) => [r.id, r]));
  const step2 = new Map<string, RiskLevel>();
  for (const r of risks) {
    const last = lastRisk.get(r.id);
    if (last) step2.set(r.id, reassessed(last, r, method.matrix));
  }
  const klasseWijzigingen = compareClasses
    ? risks.flatMap((r) => {
        const van = lastRisk.get(r.id)?.actueel.klasse;
        const between = step2.get(r.id);
        return van === undefined || between === undefined || van === r.actueel.klasse ? [] : [movedBy({ id: r.id, van, naar: r.actueel.klasse }, between)];
      })
    : [];
  return { indicators: indicators.map((i) => ({ ...i, brug: indicatorBridge(i, risks, lastRisk, step2) })), klasseWijzigingen };
}
