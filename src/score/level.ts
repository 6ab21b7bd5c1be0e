import type { RiskLevel } from '../analysis.js';
import type { Method, RiskClass } from '../model.js';

/**
 * Half rounds up (2.5 → 3), written out rather than Math.round so the rule is visible. No epsilon:
 * a value that floating point leaves at 2.4999999999 rounds down. The sums behind it do not depend on
 * row order (see risks.ts), so at worst such a value is the same in every run.
 */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5);
}

/** The class at the rounded Kans and Impact: matrix[kans-1][impact-1]. */
export function classify(kans: number, impact: number, matrix: Method['matrix']): RiskClass {
  const klasse = matrix[roundHalfUp(kans) - 1]?.[roundHalfUp(impact) - 1];
  if (klasse === undefined) throw new RangeError(`Kans ${kans} of impact ${impact} valt buiten de matrix`);
  return klasse;
}

export function riskLevel(kans: number, impact: number, matrix: Method['matrix']): RiskLevel {
  return { kans, impact, score: kans * impact, klasse: classify(kans, impact, matrix) };
}
