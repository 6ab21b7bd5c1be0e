/**
 * Cell coercion: turns a cell as analysts type it (numbers as text, decimal commas, `60%`, Excel
 * serials, `dd-mm-jjjj`) into the plain value the domain schema expects. A coercer never judges
 * range or membership (the zod schema does); when a cell cannot be read it returns the cell
 * unchanged so that the schema rejects it with the value still in hand.
 */
import type { CellValue } from '../ingest/table.js';
import { normalizeKey } from '../text/normalize.js';

/** Empty cells (absent, null, blank text) become undefined so optional fields stay absent. */
export function isEmpty(cell: CellValue | undefined): cell is null | undefined | '' {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** The cell as the user would read it, for `actual` in messages. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (cell instanceof Date) return isoFromUtc(cell);
  // A boolean cell as Dutch Excel shows it; it is never read as a number.
  if (typeof cell === 'boolean') return cell ? 'WAAR' : 'ONWAAR';
  return String(cell).trim();
}

export function toText(cell: CellValue | undefined): unknown {
  return isEmpty(cell) ? undefined : cellText(cell);
}

const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;

/** A number from a number or from text with one decimal comma or point (`0,5`, ` 3 `). */
export function toNumber(cell: CellValue | undefined): unknown {
  if (isEmpty(cell)) return undefined;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string' && DECIMAL.test(cell.trim())) return Number(cell.trim().replace(',', '.'));
  return cell;
}

/**
 * Voortgang in percent (0-100): a number, `60`, `60%`, `60 %` or `62,5%`. A percent-formatted
 * Excel cell arrives from ingest as the text `60%`, so a bare number is always read as percent.
 */
export function toPercent(cell: CellValue | undefined): unknown {
  if (typeof cell === 'string') {
    const match = /^(.*?)\s*%$/.exec(cell.trim());
    const number = match?.[1] === undefined ? undefined : toNumber(match[1]);
    if (typeof number === 'number') return number;
    if (match) return cell;
  }
  return toNumber(cell);
}

/** Split a list cell on `,` or `;`, trimmed, empties dropped. */
export function toList(cell: CellValue | undefined): unknown {
  if (isEmpty(cell)) return undefined;
  return cellText(cell)
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * A text function that remembers each text it has seen: registers repeat the same few statuses,
 * levels and indicators thousands of times, and normalizing them is the costly part.
 */
export function remember<T>(fn: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const value = fn(text);
    seen.set(text, value);
    return value;
  };
}

/** Look text up by its normalizeKey. */
export function keyLookup<T>(entries: Iterable<readonly [string, T]>): (text: string) => T | undefined {
  const byKey = new Map<string, T>();
  for (const [key, value] of entries) byKey.set(normalizeKey(key), value);
  return remember((text) => byKey.get(normalizeKey(text)));
}

/** Match a value of a closed list (`In uitvoering`, `in_uitvoering`, `IN UITVOERING`). */
export function toChoice(choices: readonly string[]): (cell: CellValue | undefined) => unknown {
  const lookup = keyLookup(choices.map((c) => [c, c] as const));
  return (cell) => {
    const text = toText(cell);
    return typeof text === 'string' ? (lookup(text) ?? text) : text;
  };
}

export type DateResult = { ok: true; iso: string } | { ok: false; impossible: boolean; ambiguous?: boolean };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoFromUtc(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** A calendar date from its parts, or `impossible` when the day does not exist (31-02-2025). */
function fromParts(year: number, month: number, day: number): DateResult {
  const days = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (days === undefined || day < 1 || day > days) return { ok: false, impossible: true };
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01 (Excel's fictitious 29-02-1900 included). */
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;
/** 31-12-9999, the last date Excel can show. */
const EXCEL_MAX_SERIAL = 2_958_465;

/**
 * Read a date from a `Date`, an Excel serial (also as text, as a CSV of date cells may hold it),
 * `dd-mm-jjjj`, `d-m-jjjj`, `dd/mm/jjjj`, `dd.mm.jjjj` or ISO `jjjj-mm-dd`, a time after it ignored
 * (`30-12-2025 00:00`, as Excel writes date cells to CSV). With `/`, both orders are in use (US
 * software writes `10/01/2025` for 1 October): when both parts could be the month, the date is
 * ambiguous and not guessed.
 */
export function parseDate(cell: CellValue | undefined): DateResult {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { ok: false, impossible: false } : { ok: true, iso: isoFromUtc(cell) };
  if (typeof cell === 'string' && /^\d{5}(?:[.,]\d+)?$/.test(cell.trim())) return parseDate(Number(cell.trim().replace(',', '.')));
  if (typeof cell === 'number') {
    if (cell < 1 || cell > EXCEL_MAX_SERIAL) return { ok: false, impossible: false };
    return { ok: true, iso: isoFromUtc(new Date((Math.floor(cell) - EXCEL_EPOCH_OFFSET) * MS_PER_DAY)) };
  }
  if (typeof cell !== 'string') return { ok: false, impossible: false };
  const text = cell.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dutch = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (!dutch) return { ok: false, impossible: false };
  const [first, second, year] = [Number(dutch[1]), Number(dutch[3]), Number(dutch[4])];
  if (dutch[2] === '/' && first !== second && first <= 12 && second <= 12) return { ok: false, impossible: false, ambiguous: true };
  // `10/25/2025` can only be month first.
  if (dutch[2] === '/' && second > 12 && first <= 12) return fromParts(year, first, second);
  return fromParts(year, second, first);
}
