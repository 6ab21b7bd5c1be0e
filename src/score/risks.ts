import type { ScoredRisk } from '../analysis.js';
import type { Measure, Method, Risk } from '../model.js';
import { targetCredit } from './credit.js';
import { scoredRisk } from './fields.js';
import { riskLevel } from './level.js';

interface Link {
  measure: Measure;
  /** Credit at the actueel level. */
  credit: number;
  /** Credit at the streef level. */
  target: number;
}

/**
 * Bruto, actueel and streef for every risk, in register order. `credits[i]` is the credit of
 * `measures[i]`. Measures are indexed by the risks they name once, so the work is linear in the
 * number of (measure, risk) links.
 */
export function scoreRisks(risks: readonly Risk[], measures: readonly Measure[], credits: readonly number[], method: Method): ScoredRisk[] {
  const byRisk = indexByRisk(measures, credits);
  return risks.map((risk) => {
    const links = byRisk.get(risk.id) ?? [];
    let kansActual = 0;
    let impactActual = 0;
    let kansTarget = 0;
    let impactTarget = 0;
    let totaalCredit = 0;
    for (const { measure, credit, target } of canonicalOrder(links)) {
      kansActual += credit * measure.kansreductie;
      impactActual += credit * measure.impactreductie;
      kansTarget += target * measure.kansreductie;
      impactTarget += target * measure.impactreductie;
      totaalCredit += credit;
    }
    const { kans, impact } = risk;
    return scoredRisk(risk, {
      bruto: riskLevel(kans, impact, method.matrix),
      actueel: riskLevel(Math.max(1, kans - kansActual), Math.max(1, impact - impactActual), method.matrix),
      streef: riskLevel(Math.max(1, kans - kansTarget), Math.max(1, impact - impactTarget), method.matrix),
      reductie: { kans: kansActual, impact: impactActual },
      maatregelen: links.map((link) => link.measure.id),
      totaalCredit,
    });
  });
}

/**
 * The links in an order that depends only on their numbers. Floating-point addition is not
 * associative, so summing in register order would let a reordered register move a result in its
 * last bit (and, at a rounding edge, change a class). Two terms need no sorting: a + b equals b + a.
 */
function canonicalOrder(links: readonly Link[]): readonly Link[] {
  return links.length <= 2 ? links : [...links].sort(byNumbers);
}

function byNumbers(a: Link, b: Link): number {
  return a.credit - b.credit || a.target - b.target || a.measure.kansreductie - b.measure.kansreductie || a.measure.impactreductie - b.measure.impactreductie;
}

/** Risk ID → the measures naming it, in register order; a measure naming a risk twice counts once. */
function indexByRisk(measures: readonly Measure[], credits: readonly number[]): Map<string, Link[]> {
  const index = new Map<string, Link[]>();
  measures.forEach((measure, i) => {
    const link = { measure, credit: credits[i] ?? 0, target: targetCredit(measure) };
    for (const id of measure.risicos) {
      const links = index.get(id);
      if (!links) index.set(id, [link]);
      // A repeated ID finds this same link at the end of its list.
      else if (links.at(-1) !== link) links.push(link);
    }
  });
  return index;
}
