/**
 * The chapter "Wat levert het meeste op": the open measures ranked by what they still bring per
 * M€ (score/effect.ts computes effect, restkosten and effectPerMEuro), the ones without remaining cost
 * apart by effect, and the sentence the summary opens its measures paragraph with.
 */
import type { Analysis, ScoredMeasure, ScoredRisk } from '../analysis.js';
import { isOpenMeasure, levelWhenDone, risksOf } from '../score/effect.js';
import { md } from './escape.js';
import { compareIds } from './findings.js';
import { aantal, getal } from './format.js';
import { count, ids, table, type Column } from './tables.js';

/** Ranked measures shown in the body; the workbook's Maatregelen sheet has the three figures of every measure. */
export const RANKING_LIMIT = 10;

/** Effect is a sum of risk scores (1..25 each): two decimals keep small effects visible. */
const effect = (m: ScoredMeasure) => getal(m.effect ?? 0, 2);
/** Two decimals too, so that effect per M€ is the quotient of the figures shown, near enough. */
const restkosten = (m: ScoredMeasure) => `M€ ${getal(m.restkosten ?? 0, 2)}`;

export interface Ranking {
  /** Open measures with remaining cost: effectPerMEuro high to low, then effect, then ID. */
  ranked: ScoredMeasure[];
  /** Open measures without remaining cost: effect high to low, then ID. */
  free: ScoredMeasure[];
}

export function rankMeasures(measures: readonly ScoredMeasure[]): Ranking {
  const open = measures.filter((m) => isOpenMeasure(m) && m.effect !== null);
  const byEffect = (a: ScoredMeasure, b: ScoredMeasure) => (b.effect ?? 0) - (a.effect ?? 0) || compareIds(a.id, b.id);
  return {
    ranked: open.filter((m) => m.effectPerMEuro !== null).sort((a, b) => (b.effectPerMEuro ?? 0) - (a.effectPerMEuro ?? 0) || byEffect(a, b)),
    free: open.filter((m) => m.effectPerMEuro === null).sort(byEffect),
  };
}

/** `R-01 hoog → midden` for every visible risk whose class would drop; `geen` when none would. */
function drops(a: Analysis, m: ScoredMeasure, byId: ReadonlyMap<string, ScoredRisk>): string {
  const changes = risksOf(m, byId).flatMap((risk) => {
    const after = levelWhenDone(risk, m, m.credit, a.methode).klasse;
    return after === risk.actueel.klasse ? [] : [`${risk.id} ${risk.actueel.klasse} → ${after}`];
  });
  return changes.length ? md(changes.join('; ')) : 'geen';
}

function columns(a: Analysis, byId: ReadonlyMap<string, ScoredRisk>, perEuro: boolean): Column<ScoredMeasure>[] {
  return [
    ['ID', (m) => md(m.id)],
    ['Titel', (m) => md(m.titel)],
    ["Risico's", (m) => ids(m.risicos)],
    ['Klasse daalt', (m) => drops(a, m, byId)],
    ['Effect', effect, true],
    ...(perEuro
      ? ([
          ['Restkosten', restkosten, true],
          ['Effect per M€', (m) => getal(m.effectPerMEuro ?? 0, 2), true],
        ] as Column<ScoredMeasure>[])
      : []),
    ['Status', (m) => m.status],
    ['Te laat', (m) => (m.teLaat ? 'ja' : 'nee')],
  ];
}

export function effectView(a: Analysis) {
  const { ranked, free } = rankMeasures(a.measures);
  const byId = new Map(a.risks.map((r) => [r.id, r]));
  const first = ranked[0];
  return {
    aantalOpen: ranked.length + free.length,
    top: table(`De open maatregelen die per M€ aan resterende kosten het meeste opleveren (hoogstens ${count(RANKING_LIMIT)}).`, columns(a, byId, true), ranked, {
      limit: RANKING_LIMIT,
      meer: (left) => `De overige ${aantal(left, 'maatregel staat', 'maatregelen staan')} met hun effect en restkosten in het blad Maatregelen van de Excel-werkmap.`,
      leeg: 'Er zijn geen open maatregelen met resterende kosten.',
    }),
    zonderKosten: table("Open maatregelen zonder resterende kosten, grootste effect eerst.", columns(a, byId, false), free, {
      limit: RANKING_LIMIT,
      meer: (left) => `De overige ${aantal(left, 'maatregel staat', 'maatregelen staan')} in het blad Maatregelen van de Excel-werkmap.`,
      leeg: 'Alle open maatregelen hebben nog kosten.',
    }),
    /** For the summary: the measure that brings the most per M€. */
    eerste: first && {
      id: md(first.id),
      titel: md(first.titel),
      effect: effect(first),
      restkosten: restkosten(first),
    },
  };
}
