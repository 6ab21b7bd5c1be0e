/**
 * The Ketenafhankelijkheden chapter: the partners against the actueel classes of their risks, the
 * risks that touch the most partners at once (common causes, like the 2024 outage), and per partner
 * its actueel and streef picture with the risks and the measures on them. Everything is read from
 * analysis.ketenpartners, the one computation of the concept (score/partners.ts).
 */
import type { Analysis, ChainPartner, ScoredMeasure, ScoredRisk } from '../analysis.js';
import { CLASSES, type RiskClass } from '../model.js';
import { partnerRiskCount } from '../score/partners.js';
import { md } from './escape.js';
import { byActueel, compareIds } from './findings.js';
import { aantal, datum } from './format.js';
import { count, ids, level, table, type Column, type Table } from './tables.js';

/** Rows per partner table and of the common-causes table; the workbook's Ketenpartners sheet has them all. */
export const PARTNER_ROW_LIMIT = 25;

/** `2 zeer hoog, 1 hoog`: the classes present, highest first. */
function picture(perKlasse: Record<RiskClass, number>): string {
  const parts = [...CLASSES].reverse().flatMap((c) => (perKlasse[c] > 0 ? [`${count(perKlasse[c])} ${c}`] : []));
  return parts.length ? parts.join(', ') : 'geen';
}

/** The visible IDs, and how many of the counted risks are not shown (a reduced report over all data). */
function riskList(partner: ChainPartner): string {
  const hidden = partnerRiskCount(partner) - partner.risicos.length;
  return hidden > 0 ? `${ids(partner.risicos)} (${count(hidden)} niet getoond)` : ids(partner.risicos);
}

function overview(partners: readonly ChainPartner[]): Table {
  return table(
    "Ketenpartners tegen de actuele klasse van de open risico's die hen raken, meest blootgesteld eerst.",
    [
      ['Ketenpartner', (p) => md(p.naam)],
      ...CLASSES.map((c): Column<ChainPartner> => [c, (p) => count(p.perKlasse[c]), true]),
      ['Totaal', (p) => count(partnerRiskCount(p)), true],
      ["Risico's", riskList],
    ],
    partners,
    { leeg: "Geen van de open risico's noemt een ketenpartner." },
  );
}

interface SharedRisk {
  risk: ScoredRisk;
  partners: string[];
}

/** Open risks naming two or more partners, most partners first, then by actueel score. */
function sharedRisks(a: Analysis, partners: readonly ChainPartner[]): SharedRisk[] {
  const byRisk = new Map<string, string[]>();
  for (const p of partners) for (const id of p.risicos) byRisk.set(id, [...(byRisk.get(id) ?? []), p.naam]);
  return a.risks
    .flatMap((risk) => {
      const names = byRisk.get(risk.id) ?? [];
      return names.length >= 2 ? [{ risk, partners: names }] : [];
    })
    .sort((x, y) => y.partners.length - x.partners.length || byActueel(x.risk, y.risk));
}

function commonCauses(shared: readonly SharedRisk[]): Table {
  return table(
    "Open risico's die meer ketenpartners tegelijk raken (gemeenschappelijke oorzaken), meeste partners eerst.",
    [
      ['ID', (s) => md(s.risk.id)],
      ['Titel', (s) => md(s.risk.titel)],
      ['Actueel', (s) => level(s.risk.actueel), true],
      ['Partners', (s) => count(s.partners.length), true],
      ['Ketenpartners', (s) => md(s.partners.join(', '))],
    ],
    shared,
    {
      limit: PARTNER_ROW_LIMIT,
      meer: (left) => `De overige ${aantal(left, 'risico staat', "risico's staan")} in het blad Risico's van de Excel-werkmap.`,
      leeg: 'Geen open risico raakt meer dan één ketenpartner.',
    },
  );
}

const workbook = (left: number, one: string, many: string) => `De overige ${aantal(left, one, many)} in de Excel-werkmap bij dit rapport.`;

function partnerSection(partner: ChainPartner, risksById: ReadonlyMap<string, ScoredRisk>, measuresByRisk: ReadonlyMap<string, ScoredMeasure[]>) {
  const risks = partner.risicos.flatMap((id) => risksById.get(id) ?? []).sort(byActueel);
  const measures = [...new Set(risks.flatMap((r) => measuresByRisk.get(r.id) ?? []))].sort((x, y) => compareIds(x.id, y.id));
  const hidden = partnerRiskCount(partner) - risks.length;
  return {
    naam: md(partner.naam),
    aantal: partnerRiskCount(partner),
    actueel: picture(partner.perKlasse),
    streef: picture(partner.perKlasseStreef),
    nietGetoond: hidden,
    risicos: table(
      `Risico's die ${md(partner.naam)} raken, met hun actuele en streefklasse.`,
      [
        ['ID', (r: ScoredRisk) => md(r.id)],
        ['Titel', (r) => md(r.titel)],
        ['Actueel', (r) => level(r.actueel), true],
        ['Streef', (r) => level(r.streef), true],
        ['Maatregelen', (r) => ids(r.maatregelen)],
      ],
      risks,
      { limit: PARTNER_ROW_LIMIT, meer: (left) => workbook(left, 'risico staat', "risico's staan"), leeg: "Geen van deze risico's wordt hier getoond." },
    ),
    maatregelen: table(
      `Maatregelen op de risico's van ${md(partner.naam)}.`,
      [
        ['ID', (m: ScoredMeasure) => md(m.id)],
        ['Titel', (m) => md(m.titel)],
        ['Status', (m) => m.status],
        ['Streefdatum', (m) => datum(m.streefdatum)],
        ['Gereed op', (m) => datum(m.gereedOp)],
        ['Te laat', (m) => (m.teLaat ? 'ja' : 'nee')],
        ["Risico's", (m) => ids(m.risicos.filter((id) => partner.risicos.includes(id)))],
      ],
      measures,
      { limit: PARTNER_ROW_LIMIT, meer: (left) => workbook(left, 'maatregel staat', 'maatregelen staan'), leeg: "Er zijn geen maatregelen op deze risico's." },
    ),
  };
}

export function chainView(a: Analysis, measuresByRisk: ReadonlyMap<string, ScoredMeasure[]>) {
  const risksById = new Map(a.risks.map((r) => [r.id, r]));
  const shared = sharedRisks(a, a.ketenpartners);
  return {
    tabel: overview(a.ketenpartners),
    aantalGedeeld: shared.length,
    gedeeld: commonCauses(shared),
    partners: a.ketenpartners.map((p) => partnerSection(p, risksById, measuresByRisk)),
  };
}
