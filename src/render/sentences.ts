/**
 * The descriptive sentences of the report's sections (what the templates used to assemble from
 * counts): every count goes through `aantal`/`telwoord`, so small counts are words, zero is "geen",
 * nouns and verbs agree and no sentence opens with a digit. Plain text, escaped by the view model.
 */
import type { Analysis } from '../analysis.js';
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
  const { n } = f;
  const high = n.hoogActueel;
  const veryHigh = n.zeerHoogActueel;
  const costs = `${geld(f.kostenStructureel)} per jaar structureel en ${geld(f.kostenEenmalig)} eenmalig`;
  const active = n.maatregelenActief;
  const total = a.totals.totaalScore;
  const late = `${aantal(a.totals.maatregelenTeLaat, 'maatregel is', 'maatregelen zijn', { begin: true })} te laat`;
  const lateOnHigh = n.teLaatOpHoog
    ? `, waarvan ${telwoord(n.teLaatOpHoog)} op ${vervoeg(n.teLaatOpHoog, 'een risico dat', "risico's die")} actueel hoog of zeer hoog ${vervoeg(n.teLaatOpHoog, 'is', 'zijn')}`
    : '';
  const trend = a.trend;
  const up = n.trend?.klasseOmhoog ?? 0;
  const down = n.trend?.klasseOmlaag ?? 0;
  const nieuw = n.trend?.nieuweRisicos ?? 0;
  const gesloten = n.trend?.geslotenRisicos ?? 0;
  const changedClass = (n: number, verb: string) => (n === 0 ? `bij geen enkel risico ${verb}` : `bij ${telwoord(n)} ${verb}`);
  return {
    opening:
      (total === null ? '' : `De weerbaarheid van ${a.netwerk} scoort in ${a.jaar} gemiddeld ${score(total)} op een schaal van 0 tot 100 (hoger is weerbaarder). `) +
      `Van de ${risicos(n.risicos)} in het register ${vervoeg(n.openRisicos, 'is', 'zijn')} er ${telwoord(n.openRisicos)} open; daarvan ${vervoeg(high, 'is', 'zijn')} er na maatregelen ${telwoord(high)} hoog of zeer hoog${high ? ` (${veryHigh ? `${telwoord(veryHigh)} zeer hoog` : 'geen zeer hoog'})` : ''}.`,
    teLaat: `${late}${lateOnHigh}. De maatregelen die niet zijn geannuleerd kosten ${costs}.`,
    teLaatOpPeildatum: `${late} op de peildatum: de streefdatum is verstreken en de maatregel is niet gereed.`,
    organisatie: metLidwoord(a.organisatie),
    indicatoren: aantal(a.indicators.length, 'indicator', 'indicatoren'),
    omvang: `De analyse omvat ${opsomming([risicos(n.risicos), aantal(n.maatregelen, 'maatregel', 'maatregelen'), aantal(f.incidents, 'incident', 'incidenten'), aantal(f.exercises, 'oefening', 'oefeningen')])}.`,
    trend: trend
      ? `Ten opzichte van ${trend.vorigJaar} ${vervoeg(nieuw, 'is', 'zijn')} ${risicos(nieuw)} nieuw en ${vervoeg(gesloten, 'is', 'zijn')} ${risicos(gesloten)} gesloten of vervallen. Van de risico's die in beide jaren voorkomen, is de actuele klasse ${changedClass(up, 'gestegen')} en ${changedClass(down, 'gedaald')}.`
      : '',
    verschuiving:
      f.highBruto > 0
        ? `Van bruto naar actueel daalt het aantal hoge en zeer hoge risico's van ${telwoord(f.highBruto)} naar ${telwoord(high)}; als alle maatregelen gereed zijn (streef), ${n.hoogStreef === 0 ? 'blijft er geen over' : `${vervoeg(n.hoogStreef, 'blijft', 'blijven')} er ${telwoord(n.hoogStreef)} over`}.`
        : "Geen van de open risico's is bruto hoog of zeer hoog.",
    gereed: `In ${a.jaar} ${vervoeg(n.gereedInJaar, 'is', 'zijn')} ${aantal(n.gereedInJaar, 'maatregel', 'maatregelen')} gereedgekomen.`,
    kosten: active ? `De ${aantal(active, 'maatregel die niet is', 'maatregelen die niet zijn')} geannuleerd ${vervoeg(active, 'kost', 'kosten')} samen ${costs}.` : 'Er zijn geen maatregelen die niet zijn geannuleerd; er zijn dus geen kosten.',
    incidenten: overNormSentence(f),
  };
}
