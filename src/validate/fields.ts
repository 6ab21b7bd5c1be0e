/**
 * How a register cell is read and what the user is told is allowed, per kind of field (the field
 * table in src/columns.ts says which field gets which). A row is read field by field, then checked
 * by the domain schema of src/model.ts, which stays the one check of range and membership. (The readers run by hand rather than as zod preprocess steps: a plain
 * object schema keeps zod on its fast path, which more than halved the time on large registers.)
 */
import { LEVEL_EXPECTED, parseLevel } from '../classify/levels.js';
import type { CellValue } from '../ingest/table.js';
import type { Method } from '../model.js';
import { cellText, isEmpty, keyLookup, parseDate, remember, toChoice, toList, toNumber, toPercent, toText } from './cells.js';

/** A problem found while reading a cell, before the domain schema sees it. */
export interface ReadIssue {
  rule: string;
  /** The list items that were not recognised (indicators). */
  unknown?: string[];
}

/** What a reader returns for a cell it cannot read: the problem, and the cell as text for the schema. */
export class Unreadable {
  constructor(
    readonly issue: ReadIssue,
    readonly text: string,
  ) {}
}

type Reader = (cell: CellValue | undefined) => unknown;

export interface FieldRule {
  read: Reader;
  /** What is allowed, in Dutch, for `expected` in messages. */
  expected: string;
  /** Rule id when the value is not one of a closed list. */
  unknownRule?: string;
  /** The field holds a date, checked for being plausible (see PLAUSIBLE_YEARS). */
  isDate?: boolean;
}

/** Dates of a register of this century: outside these years a date is most likely a typing or reading error. */
export const PLAUSIBLE_YEARS = [1990, 2100] as const;

/** Rule ids of problems found while reading a cell (before the domain schema sees it). */
export const IMPOSSIBLE_DATE = 'onmogelijke-datum';
export const AMBIGUOUS_DATE = 'dubbelzinnige-datum';
export const UNKNOWN_INDICATOR = 'onbekende-indicator';

const orList = (values: readonly string[]) => `${values.slice(0, -1).join(', ')} of ${values.at(-1)}`;

const readDate: Reader = (cell) => {
  if (isEmpty(cell)) return undefined;
  const result = parseDate(cell);
  if (result.ok) return result.iso;
  if (result.ambiguous) return new Unreadable({ rule: AMBIGUOUS_DATE }, cellText(cell));
  return result.impossible ? new Unreadable({ rule: IMPOSSIBLE_DATE }, cellText(cell)) : cellText(cell);
};

function levelReader(): Reader {
  const levelOf = remember(parseLevel);
  return (cell) => {
    const text = toText(cell);
    return typeof text === 'string' ? (levelOf(text) ?? text) : text;
  };
}

/** Indicators are written as code or name; stored as the code of the method. */
function indicatorReader(method: Method): Reader {
  const lookup = keyLookup(method.indicatoren.flatMap((i) => [[i.code, i.code] as const, [i.naam, i.code] as const]));
  return (cell) => {
    const items = toList(cell);
    if (!Array.isArray(items)) return items;
    const codes = items.map(lookup);
    const unknown = items.filter((_, i) => codes[i] === undefined);
    return unknown.length ? new Unreadable({ rule: UNKNOWN_INDICATOR, unknown }, cellText(cell)) : codes;
  };
}

// The rules the field table (src/columns.ts) gives each register field.
export const text = (expected = 'tekst'): FieldRule => ({ read: toText, expected });
export const required = text('een niet-lege tekst');
export const date: FieldRule = { read: readDate, expected: 'een bestaande datum als dd-mm-jjjj of jjjj-mm-dd', isDate: true };
export const scale: FieldRule = { read: toNumber, expected: 'een geheel getal van 1 tot en met 5' };
export const reduction: FieldRule = { read: toNumber, expected: 'een getal van 0 tot en met 4 (decimalen toegestaan)' };
export const money: FieldRule = { read: toNumber, expected: 'een bedrag in M€ van 0 of meer' };
export const hours: FieldRule = { read: toNumber, expected: 'een aantal uren van 0 of meer' };
export const percent: FieldRule = { read: toPercent, expected: 'een percentage van 0 tot en met 100' };
export const list = (expected: string): FieldRule => ({ read: toList, expected });
export const choice = (values: readonly string[], unknownRule: string): FieldRule => ({ read: toChoice(values), expected: orList(values), unknownRule });
/** A new reader per sheet: it remembers the texts it has seen, for this sheet only. */
export const level = (): FieldRule => ({ read: levelReader(), expected: LEVEL_EXPECTED, unknownRule: 'onbekende-rubricering' });
export const indicators = (method: Method, atLeast: 'een' | 'nul' = 'een'): FieldRule => ({
  read: indicatorReader(method),
  expected: `${atLeast} of meer indicatoren (${orList(method.indicatoren.map((i) => i.code))}, of hun naam), gescheiden door , of ;`,
});
