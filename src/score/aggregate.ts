/**
 * Aggregates the renderers share, computed here only: the risk matrix counts, the chain partners
 * and the costs of a set of measures. Pure functions over scored items.
 */
import type { ScoredMeasure, ScoredRisk } from '../analysis.js';
import type { RiskClass } from '../model.js';
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

export interface PartnerRow {
  partner: string;
  /** Risks (not gesloten) that name the partner, per actueel class. */
  perKlasse: Record<RiskClass, number>;
  /** Their IDs, in register order. */
  risicos: string[];
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** One row per partner named by a risk that is not gesloten, sorted by name; risks in register order. */
export function partnerRows(risks: readonly ScoredRisk[]): PartnerRow[] {
  const rows = new Map<string, PartnerRow>();
  for (const risk of risks.filter(isOpen)) {
    for (const partner of new Set(risk.ketenpartners)) {
      let row = rows.get(partner);
      if (!row) {
        row = { partner, perKlasse: { laag: 0, midden: 0, hoog: 0, 'zeer hoog': 0 }, risicos: [] };
        rows.set(partner, row);
      }
      row.perKlasse[risk.actueel.klasse]++;
      row.risicos.push(risk.id);
    }
  }
  return [...rows.values()].sort((a, b) => collator.compare(a.partner, b.partner) || (a.partner < b.partner ? -1 : a.partner > b.partner ? 1 : 0));
}

/** Structural and one-off costs (M€) of these measures; the same sum whatever their order. */
export function measureCosts(measures: readonly ScoredMeasure[]): { kostenStructureel: number; kostenEenmalig: number } {
  return { kostenStructureel: canonicalSum(measures.map((m) => m.kostenStructureel)), kostenEenmalig: canonicalSum(measures.map((m) => m.kostenEenmalig)) };
}
