/**
 * What the report concludes, derived from the analysis alone: key findings for the summary,
 * recommendations, and the Kamerbrief messages. Pure functions returning plain Dutch sentences
 * (not yet escaped for Markdown; the view model does that). Every sentence is computed from counts
 * and scores, and is left out when the data gives it nothing to say.
 */
import type { Analysis, IndicatorResult, ScoredMeasure, ScoredRisk } from '../analysis.js';
import type { RiskClass } from '../model.js';
import { shownChange } from './bridge.js';
import { aantal, datum, geld, getal, hoofdletter, opsomming, score, verandering } from './format.js';
import { compareText } from '../messages.js';
import { acceptanceState } from '../score/acceptance.js';

export const HIGH_CLASSES: readonly RiskClass[] = ['hoog', 'zeer hoog'];
/** Σ credit below this counts as "little or no credit" for a high risk. */
export const LITTLE_CREDIT = 0.5;
/** A change of an indicator score smaller than this (shown as 0,0) is no change. */
const NO_CHANGE = 0.05;

export const isOpen = (r: ScoredRisk): boolean => r.status !== 'gesloten';
export const isHigh = (c: RiskClass): boolean => HIGH_CLASSES.includes(c);

/** Natural ID order: R-2 before R-10. */
const ID_ORDER = new Intl.Collator('nl', { numeric: true });
export const compareIds = (a: string, b: string): number => ID_ORDER.compare(a, b);

/** Highest actueel score first; ties by bruto score, then by ID, so the order is stable. */
export function byActueel(a: ScoredRisk, b: ScoredRisk): number {
  return b.actueel.score - a.actueel.score || b.bruto.score - a.bruto.score || compareIds(a.id, b.id);
}

/** Numbers the findings, recommendations and messages share. */
export interface Facts {
  open: ScoredRisk[];
  highBruto: number;
  highActueel: ScoredRisk[];
  highStreef: number;
  late: ScoredMeasure[];
  /** Late measures naming at least one risk that is hoog or zeer hoog actueel. */
  lateOnHigh: ScoredMeasure[];
  /** High actueel risks with little or no credit. */
  highLittleCredit: ScoredRisk[];
  completedThisYear: ScoredMeasure[];
  /** Accepted risks whose acceptance ran out before the peildatum, oldest first. */
  expiredAcceptances: ScoredRisk[];
  /** Indicators with a score change, when last year is comparable. */
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
  const changed = comparable ? a.indicators.filter((i) => i.verandering !== null) : [];
  const incidents = a.incidents.filter((i) => i.soort === 'incident');
  const active = a.measures.filter((m) => m.status !== 'geannuleerd');
  return {
    open,
    highBruto: open.filter((r) => isHigh(r.bruto.klasse)).length,
    highActueel,
    highStreef: open.filter((r) => isHigh(r.streef.klasse)).length,
    late,
    lateOnHigh: late.filter((m) => m.risicos.some((id) => highIds.has(id))),
    highLittleCredit: highActueel.filter((r) => r.totaalCredit < LITTLE_CREDIT),
    completedThisYear: a.measures.filter((m) => m.status === 'gereed' && m.gereedOp?.startsWith(`${a.jaar}-`)),
    expiredAcceptances: a.risks
      .filter((r) => r.status === 'geaccepteerd' && acceptanceState(r, a.peildatum) === 'verlopen')
      .sort((x, y) => compareText(x.geaccepteerdTot ?? '', y.geaccepteerdTot ?? '') || compareIds(x.id, y.id)),
    improved: changed.filter((i) => (i.verandering ?? 0) >= NO_CHANGE),
    fell: changed.filter((i) => (i.verandering ?? 0) <= -NO_CHANGE).sort((x, y) => (x.verandering ?? 0) - (y.verandering ?? 0)),
    comparable,
    incidents: incidents.length,
    overNorm: incidents.filter((i) => i.hersteltijd !== undefined && i.norm !== undefined && i.hersteltijd > i.norm).length,
    exercises: a.incidents.length - incidents.length,
    kostenStructureel: active.reduce((s, m) => s + m.kostenStructureel, 0),
    kostenEenmalig: active.reduce((s, m) => s + m.kostenEenmalig, 0),
  };
}

/** The indicator(s) holding most high actueel risks, by name; empty without high risks. */
function highestRiskIndicators(a: Analysis, f: Facts): { names: string[]; count: number } {
  const counts = new Map<string, number>();
  for (const r of f.highActueel) for (const code of r.indicatoren) counts.set(code, (counts.get(code) ?? 0) + 1);
  const max = Math.max(0, ...counts.values());
  if (max === 0) return { names: [], count: 0 };
  const names = a.indicators.filter((i) => counts.get(i.code) === max).map((i) => i.naam);
  return { names, count: max };
}

const risicos = (n: number) => aantal(n, 'risico', "risico's");
const maatregelen = (n: number) => aantal(n, 'maatregel', 'maatregelen');
const hoogOfZeerHoog = (n: number) => (n === 1 ? 'is' : 'zijn');

/** Three to six key findings for the summary, most telling first. */
export function keyFindings(a: Analysis, f: Facts = facts(a)): string[] {
  const out: string[] = [];
  const scored = a.indicators.filter((i) => i.score !== null);
  if (f.comparable && a.trend) {
    const n = a.indicators.filter((i) => i.verandering !== null).length;
    const parts = [`${getal(f.improved.length, 0)} van de ${getal(n, 0)} indicatoren ${f.improved.length === 1 ? 'is' : 'zijn'} verbeterd ten opzichte van ${a.trend.vorigJaar}`];
    if (f.fell.length) parts.push(`${getal(f.fell.length, 0)} ${f.fell.length === 1 ? 'is' : 'zijn'} verslechterd`);
    out.push(`${parts.join('; ')}.`);
  }
  const top = highestRiskIndicators(a, f);
  if (top.names.length) {
    out.push(`De hoogste actuele risico's liggen bij ${opsomming(top.names)}: ${getal(top.count, 0)} van de ${risicos(f.highActueel.length)} die hoog of zeer hoog ${hoogOfZeerHoog(f.highActueel.length)}.`);
  } else if (f.open.length) {
    out.push(`Geen van de ${risicos(f.open.length)} is actueel hoog of zeer hoog.`);
  }
  const weakest = [...scored].sort((x, y) => (x.score ?? 0) - (y.score ?? 0))[0];
  if (weakest && scored.length > 1) out.push(`De laagste indicatorscore heeft ${weakest.naam} (${score(weakest.score)} van 100).`);
  if (f.highBruto > 0) {
    out.push(
      `Maatregelen brengen het aantal hoge en zeer hoge risico's terug van ${getal(f.highBruto, 0)} bruto naar ${getal(f.highActueel.length, 0)} actueel; als alle maatregelen gereed zijn, ${f.highStreef === 1 ? 'resteert' : 'resteren'} er ${getal(f.highStreef, 0)}.`,
    );
  }
  if (f.late.length) {
    out.push(`${hoofdletter(maatregelen(f.late.length))} ${f.late.length === 1 ? 'is' : 'zijn'} te laat; ${getal(f.lateOnHigh.length, 0)} daarvan ${f.lateOnHigh.length === 1 ? 'raakt' : 'raken'} risico's die actueel hoog of zeer hoog zijn.`);
  }
  if (f.highLittleCredit.length) {
    out.push(`${hoofdletter(risicos(f.highLittleCredit.length))} met een hoge of zeer hoge actuele score ${f.highLittleCredit.length === 1 ? 'heeft' : 'hebben'} nog weinig of geen effect van maatregelen.`);
  }
  if (f.incidents) out.push(`Bij ${getal(f.overNorm, 0)} van de ${aantal(f.incidents, 'incident', 'incidenten')} duurde het herstel langer dan de norm.`);
  // Thin data gives few of the above; these two facts always hold and fill up to three.
  const fillers = [
    `In ${a.jaar} ${f.completedThisYear.length === 1 ? 'is' : 'zijn'} ${maatregelen(f.completedThisYear.length)} gereedgekomen.`,
    `De maatregelen die niet zijn geannuleerd kosten ${geld(f.kostenStructureel)} per jaar structureel en ${geld(f.kostenEenmalig)} eenmalig.`,
  ];
  while (out.length < 3 && fillers.length) out.push(fillers.shift()!);
  return out.slice(0, 6);
}

/** Recommendations, one sentence each, ordered: high risks without credit, late measures on high risks, expired acceptances, indicators that fell. */
export function recommendations(a: Analysis, f: Facts = facts(a)): string[] {
  const out: string[] = [];
  for (const r of f.highLittleCredit) {
    const effect = r.totaalCredit === 0 ? 'de maatregelen hebben nog geen effect' : 'de maatregelen hebben nog weinig effect';
    const none = r.maatregelen.length === 0 ? 'er is nog geen maatregel voor dit risico' : effect;
    out.push(`Neem aanvullende maatregelen voor risico ${r.id} ‘${r.titel}’ (${r.actueel.klasse}, score ${score(r.actueel.score)}): ${none}.`);
  }
  const highIds = new Set(f.highActueel.map((r) => r.id));
  for (const m of f.lateOnHigh) {
    const hit = m.risicos.filter((id) => highIds.has(id)).sort(compareIds);
    out.push(`Breng maatregel ${m.id} ‘${m.titel}’ op schema (${aantal(m.dagenTeLaat, 'dag', 'dagen')} te laat): ${hit.length === 1 ? 'deze raakt het risico' : "deze raakt de risico's"} ${opsomming(hit)}, actueel hoog of zeer hoog.`);
  }
  for (const r of f.expiredAcceptances) {
    const by = r.geaccepteerdDoor ? ` door ${r.geaccepteerdDoor}` : '';
    out.push(`Beoordeel risico ${r.id} ‘${r.titel}’ opnieuw (${r.actueel.klasse}, score ${score(r.actueel.score)}): de acceptatie${by} is op ${datum(r.geaccepteerdTot)} verlopen.`);
  }
  for (const i of f.fell) {
    out.push(`Onderzoek de daling van ${i.naam} (${verandering(shownChange(i))} punten, van ${score(i.vorigeScore)} naar ${score(i.score)}) en stel bij waar nodig.`);
  }
  return out;
}

/**
 * Three to six short paragraphs for a letter to parliament, on hoofdlijnen: counts, scores, categories
 * and indicator names only; no IDs, no titles, no owners or contact persons, nothing that pins down a
 * specific vulnerability. The data is already filtered to the report's level.
 */
export function kernboodschappen(a: Analysis, f: Facts = facts(a)): string[] {
  const out: string[] = [];
  const total = a.totals.totaalScore;
  const prev = a.indicators.filter((i) => i.vorigeScore !== null);
  let opening = `In ${a.jaar} is de weerbaarheid van ${a.netwerk} opnieuw in kaart gebracht aan de hand van ${getal(a.indicators.length, 0)} indicatoren.`;
  if (total !== null) opening += ` De totale weerbaarheidsscore is ${score(total)} op een schaal van 0 tot 100.`;
  if (f.comparable && prev.length) {
    opening += ` Ten opzichte van ${a.trend?.vorigJaar} ${f.improved.length === 1 ? 'is' : 'zijn'} ${getal(f.improved.length, 0)} van de ${getal(prev.length, 0)} indicatoren verbeterd en ${getal(f.fell.length, 0)} verslechterd.`;
  } else if (a.trend && !a.trend.methodeVergelijkbaar) {
    opening += ` Omdat de methode is gewijzigd, zijn de scores niet direct vergelijkbaar met ${a.trend.vorigJaar}.`;
  }
  out.push(opening);

  const top = highestRiskIndicators(a, f);
  let risk = `Er zijn ${risicos(f.open.length)} in beeld. Na de maatregelen die al zijn genomen, ${f.highActueel.length === 1 ? 'is' : 'zijn'} daarvan ${getal(f.highActueel.length, 0)} hoog of zeer hoog (zonder maatregelen ${getal(f.highBruto, 0)}).`;
  if (top.names.length) risk += ` De grootste risico's liggen op het gebied van ${opsomming(top.names)}.`;
  out.push(risk);

  const cats = categoriesOfHighRisks(f);
  if (cats.length) out.push(`De belangrijkste dreigingen komen voort uit ${opsomming(cats)}.`);

  let measures = `Er ${a.measures.length === 1 ? 'is' : 'zijn'} ${maatregelen(a.measures.length)} in beeld; ${getal(f.completedThisYear.length, 0)} ${f.completedThisYear.length === 1 ? 'is' : 'zijn'} in ${a.jaar} afgerond.`;
  if (f.late.length) measures += ` ${hoofdletter(maatregelen(f.late.length))} ${f.late.length === 1 ? 'loopt' : 'lopen'} vertraging op ten opzichte van de planning.`;
  measures += ` De maatregelen vragen ${geld(f.kostenStructureel)} per jaar structureel en ${geld(f.kostenEenmalig)} eenmalig.`;
  if (f.highBruto > 0) {
    const rest =
      f.highStreef === 0 ? 'blijft er geen hoog of zeer hoog risico' : f.highStreef === 1 ? 'blijft er 1 hoog of zeer hoog risico' : `blijven er ${getal(f.highStreef, 0)} hoge of zeer hoge risico's`;
    measures += ` Als alle maatregelen zijn uitgevoerd, ${rest} over.`;
  }
  out.push(measures);

  if (a.incidents.length) {
    const parts: string[] = [];
    if (f.incidents) parts.push(`deden zich ${aantal(f.incidents, 'incident', 'incidenten')} voor; bij ${getal(f.overNorm, 0)} daarvan duurde het herstel langer dan de norm`);
    if (f.exercises) parts.push(`${f.incidents ? 'er ' : ''}${f.exercises === 1 ? 'is' : 'zijn'} ${aantal(f.exercises, 'oefening', 'oefeningen')} gehouden`);
    out.push(`In ${a.jaar} ${parts.join(', en ')}.`);
  }
  return out.slice(0, 6);
}

/** Threat categories of the high actueel risks, most frequent first (at most three). */
function categoriesOfHighRisks(f: Facts): string[] {
  const counts = new Map<string, number>();
  for (const r of f.highActueel) counts.set(r.dreigingscategorie, (counts.get(r.dreigingscategorie) ?? 0) + 1);
  return [...counts.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], 'nl'))
    .slice(0, 3)
    .map(([c]) => c.toLowerCase());
}
