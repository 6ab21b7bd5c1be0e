/**
 * Aggregates the renderers share, computed here only: the risk matrix counts and the costs of a set
 * of measures. Pure functions over scored items. The chain partners are scored once, into
 * analysis.ketenpartners (partners.ts).
 */
import type { ScoredMeasure, ScoredRisk } from '../analysis.js';
import { roundHalfUp } from './level.js';
import { canonicalSum } from './sum.js';

const isOpen = (r: ScoredRisk) => r.status !== 'gesloten';

/** Counts of risks (not gesloten) per rounded Kans and Impact (half rounds up) at one level: counts[kans-1][impact-1]. */
export function countMatrix(risks: readonly ScoredRisk[], level: 'bruto' | 'actueel' | 'streef'): number[][] {
  const counts = [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);
  const cell = (x: number) => Math.min(5, Math.max(1, roundHalfUp(x))) - 1;
  for (const risk of risks) if (isOpen(risk)) counts[cell(risk[level].kans)]![cell(risk[level].impact)]!++;
  return counts;
}

/** Structural and one-off costs (M€) of these measures; the same sum whatever their order. */
export function measureCosts(measures: readonly ScoredMeasure[]): { kostenStructureel: number; kostenEenmalig: number } {
  return { kostenStructureel: canonicalSum(measures.map((m) => m.kostenStructureel)), kostenEenmalig: canonicalSum(measures.map((m) => m.kostenEenmalig)) };
}
