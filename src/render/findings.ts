/**
 * What the report concludes, derived from the analysis alone: key findings for the summary,
 * recommendations, and the Kamerbrief passage. Pure functions returning plain Dutch text (not yet
 * escaped for Markdown; the view model does that). Every count in a sentence goes through `aantal`,
 * every change through `shownChange`, so the prose agrees with the tables.
 */
import type { Analysis, IndicatorResult, ScoredMeasure, ScoredRisk } from '../analysis.js';
import type { Counts } from '../analysis.js';
import { completedInYear, counts, inAnalysisYear, isHigh, isOpen, LITTLE_CREDIT } from '../score/totals.js';
import { overNormSentence } from './sentences.js';
import { aantal, datum, geld, hoofdletter, indicatorNaam, klasseMetCel, metLidwoord, opsomming, procent, score, shownChange, telwoord, verandering, vervoeg } from './format.js';
import { compareText } from '../messages.js';
import { acceptanceState } from '../score/acceptance.js';

export { HIGH_CLASSES, LITTLE_CREDIT, isOpen, isHigh, completedInYear } from '../score/totals.js';

/** Natural ID order: R-2 before R-10. */
const ID_ORDER = new Intl.Collator('nl', { numeric: true });
export const compareIds = (a: string, b: string): number => ID_ORDER.compare(a, b);

/** Highest actueel score first; ties by bruto score, then by ID, so the order is stable. */
export function byActueel(a: ScoredRisk, b: ScoredRisk): number {
  return b.actueel.score - a.actueel.score || b.bruto.score - a.bruto.score || compareIds(a.id, b.id);
}

/**
 * Numbers the findings, recommendations and messages share. The item lists hold what this version
 * shows; `n` holds the counts over the data the analysis was scored on (every item with
 * scoregrondslag alle), which every sentence with a count quotes.
 */
export interface Facts {
  n: Counts;
  /** Some items counted in `n` are above this version's level. */
  partial: boolean;
  open: ScoredRisk[];
  highBruto: number;
  highActueel: ScoredRisk[];
  /** Open risks still hoog or zeer hoog when every measure not cancelled is done: what measures do not solve. */
  highStreef: ScoredRisk[];
  /** Longest overdue first. */
  late: ScoredMeasure[];
  /** Late measures naming at least one risk that is hoog or zeer hoog actueel. */
  lateOnHigh: ScoredMeasure[];
  /** High actueel risks with little or no effect of measures yet. */
  highLittleCredit: ScoredRisk[];
  /** Measures gereed with a Gereed op in the year: the one count of "gereedgekomen" in every output. */
  completedThisYear: ScoredMeasure[];
  /** Accepted risks whose acceptance ran out before the peildatum, oldest first. */
  expiredAcceptances: ScoredRisk[];
  /** Indicators whose shown score rose or fell, when last year is comparable. */
  improved: IndicatorResult[];
  fell: IndicatorResult[];
  comparable: boolean;
  incidents: number;
  overNorm: number;
  exercises: number;
  kostenStructureel: number;
  kostenEenmalig: number;
}

export function facts(a: Analysis): Facts {
  const open = a.risks.filter(isOpen);
  const highActueel = open.filter((r) => isHigh(r.actueel.klasse)).sort(byActueel);
  const highIds = new Set(highActueel.map((r) => r.id));
  const late = a.measures.filter((m) => m.teLaat).sort((x, y) => y.dagenTeLaat - x.dagenTeLaat || compareIds(x.id, y.id));
  const comparable = a.trend !== null && a.trend.methodeVergelijkbaar;
  const change = (i: IndicatorResult) => shownChange(i.score, i.vorigeScore) ?? 0;
  const changed = comparable ? a.indicators.filter((i) => i.verandering !== null) : [];
  const n = a.totals.aantallen ?? counts(a);
  return {
    n,
    partial: n.risicos !== a.risks.length || n.maatregelen !== a.measures.length || n.incidentenInJaar + n.oefeningenInJaar !== inAnalysisYear(a, a.incidents).length,
    open,
    highBruto: n.hoogBruto,
    highActueel,
    highStreef: open.filter((r) => isHigh(r.streef.klasse)).sort((x, y) => y.streef.score - x.streef.score || compareIds(x.id, y.id)),
    late,
    lateOnHigh: late.filter((m) => m.risicos.some((id) => highIds.has(id))),
    highLittleCredit: highActueel.filter((r) => r.totaalCredit < LITTLE_CREDIT),
    completedThisYear: completedInYear(a),
    expiredAcceptances: a.risks
      .filter((r) => r.status === 'geaccepteerd' && acceptanceState(r, a.peildatum) === 'verlopen')
      .sort((x, y) => compareText(x.geaccepteerdTot ?? '', y.geaccepteerdTot ?? '') || compareIds(x.id, y.id)),
    improved: changed.filter((i) => change(i) > 0),
    fell: changed.filter((i) => change(i) < 0).sort((x, y) => change(x) - change(y)),
    comparable,
    incidents: n.incidentenInJaar,
    overNorm: n.incidentenBovenNorm,
    exercises: n.oefeningenInJaar,
    // The analysis' own totals: with scoregrondslag alle those of every measure, hidden ones too.
    kostenStructureel: a.totals.kostenStructureel,
    kostenEenmalig: a.totals.kostenEenmalig,
  };
}

/** The indicator(s) holding most high actueel risks, by name; empty without high risks. */
function highestRiskIndicators(a: Analysis, f: Facts): { names: string[]; count: number } {
  const perCode = f.n.hoogPerIndicator;
  const max = Math.max(0, ...Object.values(perCode));
  if (max === 0) return { names: [], count: 0 };
  const names = a.indicators.filter((i) => perCode[i.code] === max).map(indicatorNaam);
  return { names, count: max };
}

const titel = (x: { titel: string }) => `‘${x.titel}’`;

/**
 * `, het langst R-3 ‘…’ (40 dagen)`: the visible measure late longest, said to be the longest of
 * all only when no hidden one is later; nothing when this version shows no late measure.
 */
function longestLate(f: Facts): string {
  const worst = f.late[0];
  if (!worst) return '';
  const which = worst.dagenTeLaat === f.n.langstTeLaat ? 'het langst' : 'van de maatregelen in deze versie het langst';
  return `, ${which} ${worst.id} ${titel(worst)} (${aantal(worst.dagenTeLaat, 'dag', 'dagen')})`;
}
const changeText = (i: IndicatorResult) => `${indicatorNaam(i)} (${verandering(shownChange(i.score, i.vorigeScore))})`;

/** Three to seven key findings for the summary, what stays high after every measure first. */
export function keyFindings(a: Analysis, f: Facts = facts(a)): string[] {
  const out: string[] = [];
  const { n } = f;
  if (n.hoogStreef) {
    // Named are visible risks only; the rest (hidden ones too) is counted.
    const named = f.highStreef.slice(0, 3).map((r) => `${r.id} ${titel(r)} ${klasseMetCel(r.streef)}`);
    const rest = n.hoogStreef - named.length;
    out.push(
      n.hoogStreef === 1 && named.length === 1
        ? `Ook als alle maatregelen gereed zijn, blijft ${named[0]}; daarvoor zijn aanvullende maatregelen nodig.`
        : `Ook als alle maatregelen gereed zijn, ${vervoeg(n.hoogStreef, 'blijft', 'blijven')} ${aantal(n.hoogStreef, 'risico', "risico's")} hoog of zeer hoog${named.length ? `: ${opsomming(named)}${rest > 0 ? ` en nog ${telwoord(rest)}` : ''}` : ''}; daarvoor zijn aanvullende maatregelen nodig.`,
    );
  } else if (f.highBruto > 0) {
    out.push('Als alle maatregelen gereed zijn, is geen enkel risico nog hoog of zeer hoog.');
  }
  if (f.highBruto > 0) {
    out.push(`Maatregelen brengen het aantal hoge en zeer hoge risico's terug van ${telwoord(f.highBruto)} bruto naar ${telwoord(n.hoogActueel)} actueel en ${telwoord(n.hoogStreef)} streef.`);
  }
  const late = a.totals.maatregelenTeLaat;
  if (late) {
    out.push(
      `${aantal(late, 'maatregel', 'maatregelen', { begin: true, verb: ['is', 'zijn'] })} te laat${longestLate(f)}; ${n.teLaatOpHoog ? aantal(n.teLaatOpHoog, 'daarvan raakt', 'daarvan raken') : 'geen daarvan raakt'} een risico dat actueel hoog of zeer hoog is.`,
    );
  }
  if (f.comparable && a.trend) {
    const n = a.indicators.filter((i) => i.verandering !== null).length;
    let s = `${hoofdletter(telwoord(f.improved.length))} van de ${telwoord(n)} indicatoren ${vervoeg(f.improved.length, 'is', 'zijn')} verbeterd ten opzichte van ${a.trend.vorigJaar}`;
    if (f.fell.length) s += `; ${vervoeg(f.fell.length, 'gedaald is', 'gedaald zijn')} ${opsomming(f.fell.map(changeText))}`;
    out.push(`${s}.`);
  }
  const top = highestRiskIndicators(a, f);
  if (top.names.length === 1 && n.hoogActueel === 1) {
    out.push(`Het enige actueel hoge risico raakt ${top.names[0]}.`);
  } else if (top.names.length && top.count === n.hoogActueel) {
    out.push(`Alle ${telwoord(n.hoogActueel)} actueel hoge risico's raken ${opsomming(top.names)}.`);
  } else if (top.names.length) {
    out.push(`De meeste hoge actuele risico's raken ${opsomming(top.names)} (${top.names.length > 1 ? 'elk ' : ''}${telwoord(top.count)} van de ${telwoord(n.hoogActueel)}).`);
  } else if (n.openRisicos) {
    out.push(`Geen van de ${aantal(n.openRisicos, 'open risico', "open risico's")} is actueel hoog of zeer hoog.`);
  }
  if (n.hoogWeinigEffect) {
    out.push(`${aantal(n.hoogWeinigEffect, 'hoog risico heeft', "hoge risico's hebben", { begin: true })} op de peildatum nog weinig of geen effect van maatregelen.`);
  }
  if (f.incidents) out.push(overNormSentence(f));
  // Thin data gives few of the above; these two facts always hold and fill up to three.
  const fillers = [
    `In ${a.jaar} ${vervoeg(n.gereedInJaar, 'is', 'zijn')} ${aantal(n.gereedInJaar, 'maatregel', 'maatregelen')} gereedgekomen.`,
    `De maatregelen die niet zijn geannuleerd kosten ${geld(f.kostenStructureel)} per jaar structureel en ${geld(f.kostenEenmalig)} eenmalig.`,
  ];
  while (out.length < 3 && fillers.length) out.push(fillers.shift()!);
  return out.slice(0, 7);
}

/** Why a risk needs attention, most pressing first; one recommendation per risk gives one reason. */
export type Reason = 'blijft-hoog' | 'geen-maatregel' | 'te-laat' | 'acceptatie-verlopen' | 'weinig-effect' | 'indicator-gedaald';

export interface Recommendation {
  reden: Reason;
  /** The risks it is about, with their titles (several when one late measure holds them back). */
  risicos: { id: string; titel: string }[];
  eigenaar: string;
  wat: string;
  waarom: string;
  /** ISO date the action is due. */
  uiterlijk: string;
}

/** Months until a recommendation of this kind is due, counted from the peildatum. */
const DUE_MONTHS: Record<Reason, number> = { 'geen-maatregel': 3, 'blijft-hoog': 3, 'te-laat': 3, 'acceptatie-verlopen': 3, 'weinig-effect': 6, 'indicator-gedaald': 6 };

/** The last day of the month `months` after the month of `iso`. */
function endOfMonthAfter(iso: string, months: number): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m + months, 0));
  return end.toISOString().slice(0, 10);
}

/**
 * Recommendations from the data, one per risk, ordered by reason (what stays high after every
 * measure, no measure yet, measures late, acceptance expired, little effect, indicator fallen) and within a reason by
 * actueel score. Each names the risk, its owner, what to do, why and by when.
 */
export function recommendations(a: Analysis, f: Facts = facts(a)): Recommendation[] {
  const out: Recommendation[] = [];
  const seen = new Set<string>();
  const measureById = new Map(a.measures.map((m) => [m.id, m]));
  const measuresOf = (r: ScoredRisk) => r.maatregelen.map((id) => measureById.get(id)).filter((m): m is ScoredMeasure => m !== undefined && m.status !== 'geannuleerd');
  const add = (risks: ScoredRisk[], reden: Reason, eigenaar: string, wat: string, waarom: string) => {
    const fresh = risks.filter((r) => !seen.has(r.id));
    if (!fresh.length) return;
    for (const r of fresh) seen.add(r.id);
    out.push({ reden, risicos: fresh.map((r) => ({ id: r.id, titel: r.titel })), eigenaar: eigenaar || 'de risico-eigenaar', wat, waarom, uiterlijk: endOfMonthAfter(a.peildatum, DUE_MONTHS[reden]) });
  };
  // No measure at all, also among those a reduced version does not show: streef is still bruto.
  const noMeasure = (r: ScoredRisk) => measuresOf(r).length === 0 && r.streef.score === r.bruto.score;
  for (const r of f.highStreef) {
    if (noMeasure(r)) continue; // the next reason says so
    const planned = measuresOf(r);
    const which = planned.length === 1 ? `de maatregel ${titel(planned[0]!)} gereed is` : planned.length > 1 ? `de ${aantal(planned.length, 'maatregel', 'maatregelen')} gereed zijn` : 'alle maatregelen gereed zijn';
    add([r], 'blijft-hoog', r.eigenaar, 'Werk een aanvullende maatregel uit en leg de keuze voor aan de lijn.', `Ook als ${which}, blijft het risico ${klasseMetCel(r.streef)}: streef ${score(r.streef.score)}.`);
  }
  for (const r of f.highActueel) {
    if (noMeasure(r)) add([r], 'geen-maatregel', r.eigenaar, 'Stel een maatregel op met eigenaar, streefdatum en verwacht effect.', `Er is nog geen maatregel voor dit risico; het is actueel ${klasseMetCel(r.actueel)}.`);
  }
  // One recommendation per late measure, naming every high risk it holds back.
  const highIds = new Set(f.highActueel.map((r) => r.id));
  const riskById = new Map(a.risks.map((r) => [r.id, r]));
  for (const m of f.lateOnHigh) {
    const risks = m.risicos.filter((id) => highIds.has(id)).map((id) => riskById.get(id)!).sort(byActueel);
    add(
      risks,
      'te-laat',
      m.eigenaar,
      `Breng maatregel ${m.id} ${titel(m)} weer op schema met een nieuwe, haalbare planning.`,
      `De maatregel is ${aantal(m.dagenTeLaat, 'dag', 'dagen')} over de streefdatum (${m.status}${m.voortgang === undefined ? '' : `, ${procent(m.voortgang / 100)} gereed`}); ${risks.length === 1 ? `het risico is actueel ${klasseMetCel(risks[0]!.actueel)}` : `de risico's zijn actueel hoog of zeer hoog`}.`,
    );
  }
  // An accepted risk whose acceptance ran out is no longer accepted by anyone (BIO2: follow them up).
  for (const r of f.expiredAcceptances) {
    const by = r.geaccepteerdDoor ? ` door ${r.geaccepteerdDoor}` : '';
    add([r], 'acceptatie-verlopen', r.geaccepteerdDoor || r.eigenaar, 'Beoordeel het risico opnieuw: neem maatregelen of leg een nieuwe acceptatie met een einddatum vast.', `De acceptatie${by} is op ${datum(r.geaccepteerdTot)} verlopen; het risico is actueel ${klasseMetCel(r.actueel)}.`);
  }
  // The measure with most effect still to come leads; risks sharing that measure share one recommendation.
  const remaining = (m: ScoredMeasure) => (1 - m.credit) * (m.kansreductie + m.impactreductie);
  const byLead = new Map<string, ScoredRisk[]>();
  for (const r of f.highLittleCredit.filter((x) => !seen.has(x.id))) {
    const lead = measuresOf(r).filter((m) => m.status !== 'gereed').sort((x, y) => remaining(y) - remaining(x) || compareIds(x.id, y.id))[0];
    const key = lead?.id ?? `geen:${r.id}`;
    byLead.set(key, [...(byLead.get(key) ?? []), r]);
  }
  for (const [key, risks] of byLead) {
    const lead = measureById.get(key);
    const wat = lead ? `Versnel maatregel ${lead.id} ${titel(lead)} (${stateText(lead)}) of neem een maatregel met meer effect.` : 'Neem een maatregel met meer effect.';
    const effect = (r: ScoredRisk) =>
      shownChange(r.actueel.score, r.bruto.score) === 0 ? `${risks.length > 1 ? `${r.id} staat` : 'het risico staat'} nog op de bruto score van ${score(r.bruto.score)}` : `${risks.length > 1 ? r.id : 'het risico'} daalde pas van ${score(r.bruto.score)} bruto naar ${score(r.actueel.score)} actueel`;
    add(risks, 'weinig-effect', lead?.eigenaar || risks[0]!.eigenaar, wat, `De maatregelen hebben op de peildatum nog weinig effect: ${opsomming(risks.map(effect))}.`);
  }
  for (const i of f.fell) {
    const worst = i.slechtsteRisico ? riskById.get(i.slechtsteRisico) : undefined;
    if (worst) {
      add(
        [worst],
        'indicator-gedaald',
        worst.eigenaar,
        `Onderzoek de daling van ${indicatorNaam(i)} en begin bij dit risico, het hoogste van de indicator${f.partial ? ' in deze versie' : ''}.`,
        `${indicatorNaam(i)} daalde van ${score(i.vorigeScore)} naar ${score(i.score)} (${verandering(shownChange(i.score, i.vorigeScore))}).`,
      );
    }
  }
  return out;
}

/** State of a measure as a letter puts it: `gereed`, `in uitvoering (60 procent)`, `vertraagd`. */
function stateText(m: ScoredMeasure): string {
  if (m.status === 'gereed') return 'gereed';
  if (m.status === 'gepland') return m.teLaat ? 'nog niet gestart, later dan gepland' : 'gepland';
  const progress = m.voortgang === undefined ? '' : `, voor ${m.voortgang} procent gereed`;
  return `${m.teLaat || m.status === 'vertraagd' ? 'vertraagd' : 'in uitvoering'}${progress}`;
}

/**
 * The measures that matter most: not cancelled, weighed by the reduction they bring (Kansreductie +
 * Impactreductie) times the bruto score of each open risk they name, double for a risk that is high
 * now or after every measure; then by ID. At most `max`.
 */
export function keyMeasures(a: Analysis, f: Facts = facts(a), max = 4): ScoredMeasure[] {
  const focus = new Set([...f.highStreef, ...f.highActueel].map((r) => r.id));
  const open = new Map(f.open.map((r) => [r.id, r]));
  const weight = (m: ScoredMeasure) =>
    (m.kansreductie + m.impactreductie) * m.risicos.reduce((sum, id) => sum + (open.get(id)?.bruto.score ?? 0) * (focus.has(id) ? 2 : 1), 0);
  return a.measures
    .filter((m) => m.status !== 'geannuleerd' && weight(m) > 0)
    .sort((x, y) => weight(y) - weight(x) || compareIds(x.id, y.id))
    .slice(0, max);
}

/**
 * The Kamerbrief passage on hoofdlijnen, in the ministry's voice: background, the picture, the
 * measures that matter by title and state, and what follows. No IDs, owners or contact persons;
 * the data is already filtered to the report's level.
 */
export function kernboodschappen(a: Analysis, f: Facts = facts(a)): string[] {
  const wij = metLidwoord(a.organisatie);
  const out: string[] = [];
  out.push(
    `${hoofdletter(wij)} brengt elk jaar de belangrijkste dreigingen en risico's voor ${a.netwerk} in kaart en toetst de weerbaarheid van het netwerk aan ${aantal(a.indicators.length, 'indicator', 'indicatoren')}. Ook vitale processen van medegebruikers zijn van het netwerk afhankelijk; die afhankelijkheid weegt mee in de analyse over ${a.jaar}.`,
  );

  const total = a.totals.totaalScore;
  let beeld = '';
  if (f.comparable && a.trend) {
    const n = a.indicators.filter((i) => i.verandering !== null).length;
    const direction = f.improved.length > f.fell.length ? 'verbeterd' : f.fell.length > f.improved.length ? 'verslechterd' : 'op een aantal punten verbeterd en op andere verslechterd';
    beeld += `Op hoofdlijnen is de weerbaarheid ${direction}: ${telwoord(f.improved.length)} van de ${telwoord(n)} indicatoren ${vervoeg(f.improved.length, 'laat', 'laten')} ten opzichte van ${a.trend.vorigJaar} een hogere score zien${f.fell.length ? `, ${opsomming(f.fell.map(indicatorNaam))} een lagere` : ''}.`;
  } else {
    beeld += `De weerbaarheid is over ${a.jaar} opnieuw in kaart gebracht${a.trend ? '; omdat de methode is gewijzigd, zijn de scores niet direct te vergelijken met vorig jaar' : ''}.`;
  }
  if (total !== null) beeld += ` Gemiddeld over de indicatoren scoort het netwerk ${score(total)} op een schaal van 0 tot 100, waarbij een hogere score een weerbaarder netwerk betekent.`;
  if (f.highBruto > 0) {
    beeld += ` Zonder maatregelen ${vervoeg(f.highBruto, 'zou', 'zouden')} ${aantal(f.highBruto, 'risico', "risico's")} hoog zijn; door de maatregelen die al zijn genomen ${vervoeg(f.n.hoogActueel, 'is', 'zijn')} dat er nu ${telwoord(f.n.hoogActueel)}.`;
  }
  out.push(beeld);

  const key = keyMeasures(a, f);
  if (key.length) {
    const listed = key.map((m) => `${titel(m)} (${stateText(m)})`);
    out.push(
      `De maatregelen die het meest bijdragen zijn ${opsomming(listed)}. ${a.totals.maatregelenTeLaat ? `${aantal(a.totals.maatregelenTeLaat, 'maatregel loopt', 'maatregelen lopen', { begin: true })} achter op de planning; daarop wordt bijgestuurd.` : 'Alle maatregelen liggen op schema.'} De maatregelen vragen ${geld(f.kostenStructureel)} per jaar structureel en ${geld(f.kostenEenmalig)} eenmalig.`,
    );
  }

  const vervolg = f.n.hoogStreef
    ? `Ook als alle maatregelen zijn uitgevoerd, ${vervoeg(f.n.hoogStreef, 'blijft', 'blijven')} ${aantal(f.n.hoogStreef, 'risico', "risico's")} hoog. ${hoofdletter(wij)} werkt daarvoor aanvullende maatregelen uit en informeert uw Kamer over de voortgang bij de volgende weerbaarheidsanalyse.`
    : `${hoofdletter(wij)} zet de maatregelen voort en informeert uw Kamer over de voortgang bij de volgende weerbaarheidsanalyse.`;
  out.push(vervolg);
  return out;
}
