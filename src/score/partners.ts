/**
 * Ketenpartners: per co-user or supplier named in the Ketenpartners column, the risks (not gesloten)
 * that name it, their count per actueel and per streef class, and the worst one. The one computation of this concept:
 * the report, the workbook and analysis.json all read its result.
 *
 * Names are matched as headers are (normalizeKey: case, accents, spaces, punctuation), so `KPN`,
 * `kpn` and `K.P.N.` are one partner. analyse.yaml may map other spellings to a name
 * (`ketenpartners: { KMar: Koninklijke Marechaussee }`); a mapped partner is shown as the map writes
 * the name, any other in the spelling the risks use most (on a tie the one the register names first).
 */
import type { ChainPartner, ScoredRisk } from '../analysis.js';
import { compareText } from '../messages.js';
import { CLASSES } from '../model.js';
import { normalizeKey } from '../text/normalize.js';
import { countClasses, worstRisk } from './indicators.js';

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

interface Group {
  risks: ScoredRisk[];
  spellings: Map<string, number>;
}

/** Normalized spelling → the name it stands for, from analyse.yaml's `ketenpartners`. */
function aliasIndex(aliases: Readonly<Record<string, string>>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [alias, name] of Object.entries(aliases)) {
    index.set(normalizeKey(name), name);
    index.set(normalizeKey(alias), name);
  }
  return index;
}

/** Most exposed first: most risks hoog or zeer hoog, then most risks, then by name. */
export function chainPartners(risks: readonly ScoredRisk[], aliases: Readonly<Record<string, string>> = {}): ChainPartner[] {
  const index = aliasIndex(aliases);
  const groups = new Map<string, Group>();
  for (const risk of risks) {
    if (risk.status === 'gesloten') continue;
    for (const spelling of risk.ketenpartners) {
      const own = normalizeKey(spelling);
      if (own === '') continue;
      const mapped = index.get(own);
      const key = mapped === undefined ? own : normalizeKey(mapped);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { risks: [], spellings: new Map() }));
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      // A risk naming the partner twice (two spellings) counts once; it is then last in the list.
      if (group.risks.at(-1) !== risk) group.risks.push(risk);
    }
  }
  const partners = [...groups.entries()].map(([key, group]): ChainPartner => ({
    naam: index.get(key) ?? mostUsed(group.spellings),
    risicos: group.risks.map((r) => r.id),
    perKlasse: countClasses(group.risks.map((r) => r.actueel.klasse)),
    perKlasseStreef: countClasses(group.risks.map((r) => r.streef.klasse)),
    slechtsteRisico: worstRisk(group.risks),
  }));
  return partners.sort(byExposure);
}

/** The map holds spellings in register order, and the sort is stable: a tie keeps the first. */
function mostUsed(spellings: ReadonlyMap<string, number>): string {
  return [...spellings].sort(([, m], [, n]) => n - m)[0]![0];
}

/** How many risks (not gesloten) name the partner: in a reduced report also those not shown. */
export function partnerRiskCount(partner: Pick<ChainPartner, 'perKlasse'>): number {
  return CLASSES.reduce((sum, c) => sum + partner.perKlasse[c], 0);
}

const high = (p: ChainPartner) => p.perKlasse.hoog + p.perKlasse['zeer hoog'];

function byExposure(a: ChainPartner, b: ChainPartner): number {
  return high(b) - high(a) || b.risicos.length - a.risicos.length || collator.compare(a.naam, b.naam) || compareText(a.naam, b.naam);
}
