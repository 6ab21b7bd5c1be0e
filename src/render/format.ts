/**
 * Dutch (nl-NL) display formatting for the report. analysis.json keeps unrounded numbers; only these
 * functions round, so every table and sentence shows a number the same way: risk and indicator scores
 * and money with one decimal, counts as whole numbers. Output is plain text without Markdown syntax.
 */
import type { ClassificationDecision, RiskClass } from '../model.js';
import { roundHalfUp } from '../score/level.js';
import { stripBidiControls } from '../text/bidi.js';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(decimals: number, sign: 'negative' | 'exceptZero'): Intl.NumberFormat {
  const key = `${decimals}:${sign}`;
  let f = formatters.get(key);
  if (!f) {
    // Intl rounds half away from zero ("half rounds up"); `negative` keeps -0,0 from appearing.
    // (`negative` is ES2023; the cast covers TypeScript's ES2022 lib.)
    f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: sign } as Intl.NumberFormatOptions);
    formatters.set(key, f);
  }
  return f;
}

/** `3,0`, `12.345,7`; whole numbers with `decimals` 0. */
export function getal(n: number, decimals = 1): string {
  return formatter(decimals, 'negative').format(n);
}

/** A score (risk 1-25, indicator 0-100) with one decimal; `–` when there is none. */
export function score(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : getal(n, 1);
}

/** The value as shown with `decimals` decimals, read back from the shown text (so it is exactly what the reader sees). */
export function shown(n: number, decimals = 1): number {
  return Number(getal(n, decimals).replace(/\./g, '').replace(',', '.'));
}

/**
 * The change between two values as the reader can check it: the difference of the values shown
 * (75,9 → 72,6 is −3,3, never the −3,2 of the unrounded numbers). The one place a shown change is computed.
 */
export function shownChange(now: number | null | undefined, before: number | null | undefined, decimals = 1): number | null {
  if (now === null || now === undefined || before === null || before === undefined) return null;
  return shown(shown(now, decimals) - shown(before, decimals), decimals);
}

/** A change with its sign and a real minus: `+3,2`, `−1,0`, `0,0`; `–` when unknown. */
export function verandering(n: number | null | undefined, decimals = 1): string {
  return n === null || n === undefined ? '–' : formatter(decimals, 'exceptZero').format(n).replace('-', '\u2212');
}

/** Millions of euros: `M€ 9,0`. */
export function geld(millions: number): string {
  return `M€ ${getal(millions, 1)}`;
}

/** A fraction 0-1 as `60%`. */
export function procent(fraction: number): string {
  return `${getal(fraction * 100, 0)}%`;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `2025-09-03` → `3 september 2025`; `–` when absent. Read from the text, so no time zone can shift it. */
export function datum(iso: string | undefined | null): string {
  if (!iso) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

const UNITS = ['', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const TENS = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];

/** A whole number 1-999 in Dutch words: `drieëntwintig`, `honderdtwaalf`. */
function inWords(n: number): string {
  if (n >= 100) {
    const h = Math.floor(n / 100);
    return `${h === 1 ? '' : UNITS[h]}honderd${n % 100 ? inWords(n % 100) : ''}`;
  }
  if (n < 20) return UNITS[n]!;
  const unit = UNITS[n % 10]!;
  // A diaeresis where the unit ends in e: tweeëntwintig, drieëntwintig.
  return unit ? `${unit}${unit.endsWith('e') ? 'ë' : 'e'}n${TENS[Math.floor(n / 10)]}` : TENS[Math.floor(n / 10)]!;
}

/** Counts up to this are written in words in running text (house style); larger ones as digits. */
const WORD_LIMIT = 20;

export interface CountOptions {
  /** The phrase opens a sentence: capitalised, and written in words whatever its size (a sentence never opens with a digit). */
  begin?: boolean;
  /** A verb after the noun that agrees with it: `['is', 'zijn']`. */
  verb?: readonly [one: string, many: string];
}

/**
 * A count as running Dutch: `geen maatregelen`, `één maatregel`, `twee maatregelen`, `36 maatregelen`,
 * with a verb that agrees (`één maatregel is`, `geen maatregelen zijn`). The one helper every sentence
 * with a count goes through, so house style is applied in one place.
 */
export function aantal(n: number, one: string, many: string, opts: CountOptions = {}): string {
  const word = n === 0 ? 'geen' : n === 1 ? 'één' : Number.isInteger(n) && n > 0 && (n <= WORD_LIMIT || (opts.begin && n < 1000)) ? inWords(n) : getal(n, 0);
  const phrase = `${word} ${n === 1 ? one : many}${opts.verb ? ` ${n === 1 ? opts.verb[0] : opts.verb[1]}` : ''}`;
  return opts.begin ? hoofdletter(phrase.replace(/^één/, 'eén')) : phrase;
}

/** A bare count in running text (`geen`, `één`, `twee`, `36`), for phrases like "twee van de vijf". */
export function telwoord(n: number): string {
  return aantal(n, '', '').trimEnd();
}

/** `is` or `zijn` (or another verb pair) agreeing with a count. */
export function vervoeg(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** `hoog`, `zeer hoog`: the class as the report writes it. */
export function klasse(c: RiskClass): string {
  return c;
}

/** Short class mark for matrix cells: L, M, H, ZH. */
export const KLASSE_AFKORTING: Record<RiskClass, string> = { laag: 'L', midden: 'M', hoog: 'H', 'zeer hoog': 'ZH' };

/** `a`, `a en b`, `a, b en c`. */
export function opsomming(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** Capital first letter, for sentences that start with a name or number word. */
export function hoofdletter(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An indicator's name as the report writes it, as a name with a capital: `Digitale weerbaarheid`. */
export function indicatorNaam(i: { naam: string }): string {
  return hoofdletter(i.naam);
}

/**
 * A risk level's class with the rounded kans × impact it is read from: `hoog (kans 2 × impact 5)`.
 * Shown wherever a class could seem to disagree with the score beside it (8,5 hoog next to 9,2 midden).
 */
export function klasseMetCel(l: { kans: number; impact: number; klasse: RiskClass }): string {
  return `${l.klasse} (kans ${roundHalfUp(l.kans)} × impact ${roundHalfUp(l.impact)})`;
}

/** An organisation with the article a sentence needs: `het Ministerie van Defensie`, `Rijkswaterstaat`. */
export function metLidwoord(organisatie: string): string {
  return /^(ministerie|agentschap|college|commando|bureau|departement)\b/i.test(organisatie) ? `het ${organisatie}` : organisatie;
}

/**
 * The classification decision as the cover and the document properties say it, after the level:
 * `vastgesteld door Directeur CIO Defensie; vervalt op 31 december 2031`; empty without one.
 */
export function decisionText(d: ClassificationDecision | undefined): string {
  // Also a document property, where no isolate is read: the controls go.
  return [d?.vastgesteldDoor && `vastgesteld door ${stripBidiControls(d.vastgesteldDoor)}`, d?.vervalt && `vervalt op ${datum(d.vervalt)}`].filter(Boolean).join('; ');
}

/** The report's title, the same in the Markdown, the PDF cover and metadata, and the workbook. */
export function reportTitle(a: { netwerk: string; jaar: number }): string {
  // Also a document property and a window title, where no isolate is read: the controls go.
  return `Weerbaarheidsanalyse ${stripBidiControls(a.netwerk)} ${a.jaar}`;
}

/**
 * `13 van de 30 risico's staan in deze versie; de overige zijn hoger gerubriceerd.`: what a list of a
 * reduced version leaves out, counted, without naming any of it.
 */
export function inDezeVersie(shown: number, total: number, one: string, many: string): string {
  const rest = total - shown;
  if (shown === 0) return `Geen van de ${aantal(total, one, many)} staat in deze versie; ${vervoeg(total, 'het is', 'ze zijn alle')} hoger gerubriceerd.`;
  return `${hoofdletter(telwoord(shown).replace(/^één/, 'eén'))} van de ${aantal(total, one, many)} ${vervoeg(shown, 'staat', 'staan')} in deze versie; de overige ${vervoeg(rest, 'is', 'zijn')} hoger gerubriceerd.`;
}
