/**
 * The descriptive sentences of the report's sections (what the templates used to assemble from
 * counts): every count goes through `aantal`/`telwoord`, so small counts are words, zero is "geen",
 * nouns and verbs agree and no sentence opens with a digit. Plain text, escaped by the view model.
 */
import type { Analysis } from '../analysis.js';
import { CLASSES } from '../model.js';
import type { Facts } from './findings.js';
import { aantal, geld, metLidwoord, opsomming, score, telwoord, vervoeg } from './format.js';

const risicos = (n: number) => aantal(n, 'risico', "risico's");

/** How many incidents took longer than the norm to recover from; empty without incidents. */
export function overNormSentence(f: Pick<Facts, 'incidents' | 'overNorm'>): string {
  const { incidents: n, overNorm: over } = f;
  if (n === 0) return '';
  if (n === 1) return over ? 'Bij het enige incident duurde het herstel langer dan de norm.' : 'Bij het enige incident bleef het herstel binnen de norm.';
  if (over === n) return `Bij alle ${telwoord(n)} incidenten duurde het herstel langer dan de norm.`;
  return `Bij ${over ? telwoord(over) : 'geen'} van de ${telwoord(n)} incidenten duurde het herstel langer dan de norm.`;
}

export function sentences(a: Analysis, f: Facts) {
  const high = f.highActueel.length;
  const veryHigh = f.highActueel.filter((r) => r.actueel.klasse === 'zeer hoog').length;
  const costs = `${geld(f.kostenStructureel)} per jaar structureel en ${geld(f.kostenEenmalig)} eenmalig`;
  const active = a.measures.filter((m) => m.status !== 'geannuleerd').length;
  const total = a.totals.totaalScore;
  const late = `${aantal(f.late.length, 'maatregel is', 'maatregelen zijn', { begin: true })} te laat`;
  const lateOnHigh = f.lateOnHigh.length
    ? `, waarvan ${telwoord(f.lateOnHigh.length)} op ${vervoeg(f.lateOnHigh.length, 'een risico dat', "risico's die")} actueel hoog of zeer hoog ${vervoeg(f.lateOnHigh.length, 'is', 'zijn')}`
    : '';
  const trend = a.trend;
  const up = trend ? trend.klasseWijzigingen.filter((k) => CLASSES.indexOf(k.naar) > CLASSES.indexOf(k.van)).length : 0;
  const down = trend ? trend.klasseWijzigingen.filter((k) => CLASSES.indexOf(k.naar) < CLASSES.indexOf(k.van)).length : 0;
  const changedClass = (n: number, verb: string) => (n === 0 ? `bij geen enkel risico ${verb}` : `bij ${telwoord(n)} ${verb}`);
  return {
    opening:
      (total === null ? '' : `De weerbaarheid van ${a.netwerk} scoort in ${a.jaar} gemiddeld ${score(total)} op een schaal van 0 tot 100 (hoger is weerbaarder). `) +
      `Van de ${risicos(a.risks.length)} in het register ${vervoeg(f.open.length, 'is', 'zijn')} er ${telwoord(f.open.length)} open; daarvan ${vervoeg(high, 'is', 'zijn')} er na maatregelen ${telwoord(high)} hoog of zeer hoog${high ? ` (${veryHigh ? `${telwoord(veryHigh)} zeer hoog` : 'geen zeer hoog'})` : ''}.`,
    teLaat: `${late}${lateOnHigh}. De maatregelen die niet zijn geannuleerd kosten ${costs}.`,
    teLaatOpPeildatum: `${late} op de peildatum: de streefdatum is verstreken en de maatregel is niet gereed.`,
    organisatie: metLidwoord(a.organisatie),
    indicatoren: aantal(a.indicators.length, 'indicator', 'indicatoren'),
    omvang: `De analyse omvat ${opsomming([risicos(a.risks.length), aantal(a.measures.length, 'maatregel', 'maatregelen'), aantal(f.incidents, 'incident', 'incidenten'), aantal(f.exercises, 'oefening', 'oefeningen')])}.`,
    trend: trend
      ? `Ten opzichte van ${trend.vorigJaar} ${vervoeg(trend.nieuweRisicos.length, 'is', 'zijn')} ${risicos(trend.nieuweRisicos.length)} nieuw en ${vervoeg(trend.geslotenRisicos.length, 'is', 'zijn')} ${risicos(trend.geslotenRisicos.length)} gesloten of vervallen. Van de risico's die in beide jaren voorkomen, is de actuele klasse ${changedClass(up, 'gestegen')} en ${changedClass(down, 'gedaald')}.`
      : '',
    verschuiving:
      f.highBruto > 0
        ? `Van bruto naar actueel daalt het aantal hoge en zeer hoge risico's van ${telwoord(f.highBruto)} naar ${telwoord(high)}; als alle maatregelen gereed zijn (streef), ${f.highStreef.length === 0 ? 'blijft er geen over' : `${vervoeg(f.highStreef.length, 'blijft', 'blijven')} er ${telwoord(f.highStreef.length)} over`}.`
        : "Geen van de open risico's is bruto hoog of zeer hoog.",
    gereed: `In ${a.jaar} ${vervoeg(f.completedThisYear.length, 'is', 'zijn')} ${aantal(f.completedThisYear.length, 'maatregel', 'maatregelen')} gereedgekomen.`,
    kosten: active ? `De ${aantal(active, 'maatregel die niet is', 'maatregelen die niet zijn')} geannuleerd ${vervoeg(active, 'kost', 'kosten')} samen ${costs}.` : 'Er zijn geen maatregelen die niet zijn geannuleerd; er zijn dus geen kosten.',
    incidenten: overNormSentence(f),
  };
}
