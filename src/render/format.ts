/**
 * Dutch (nl-NL) display formatting for the report. analysis.json keeps unrounded numbers; only these
 * functions round, so every table and sentence shows a number the same way: risk and indicator scores
 * and money with one decimal, counts as whole numbers. Output is plain text without Markdown syntax.
 */
import type { RiskClass } from '../model.js';
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

/** A change with its sign: `+3,2`, `-1,0`, `0,0`; `–` when unknown. */
export function verandering(n: number | null | undefined, decimals = 1): string {
  return n === null || n === undefined ? '–' : formatter(decimals, 'exceptZero').format(n);
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

/** `1 maatregel`, `7 maatregelen`. */
export function aantal(n: number, one: string, many: string): string {
  return `${getal(n, 0)} ${n === 1 ? one : many}`;
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

/** The report's title, the same in the Markdown, the PDF cover and metadata, and the workbook. */
export function reportTitle(a: { netwerk: string; jaar: number }): string {
  // Also a document property and a window title, where no isolate is read: the controls go.
  return `Weerbaarheidsanalyse ${stripBidiControls(a.netwerk)} ${a.jaar}`;
}
