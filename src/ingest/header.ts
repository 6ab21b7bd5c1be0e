/**
 * Finding the header row: registers often carry a title row, a date line or blank rows above the
 * column headers, so the header is the first row that names enough of the contract's columns.
 */
import { COLUMNS } from '../columns.js';
import { normalizeKey } from '../text/normalize.js';
import type { SheetKind } from './table.js';

/** A row needs this many distinct known headers to count as the header row (a title row has one cell). */
export const MIN_HEADER_MATCHES = 2;

/** Only this many non-blank rows are searched: past them the sheet has no header we can trust. */
export const HEADER_SEARCH_ROWS = 20;

/** normalizeKey of every contract header and alias, mapped to its field. */
const KNOWN_HEADERS: Record<SheetKind, ReadonlyMap<string, string>> = {
  risks: knownHeaders('risks'),
  measures: knownHeaders('measures'),
  incidents: knownHeaders('incidents'),
};

function knownHeaders(kind: SheetKind): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const spec of COLUMNS[kind]) {
    for (const name of [spec.header, ...spec.aliases]) map.set(normalizeKey(name), spec.field);
  }
  return map;
}

/** The text a header cell shows: header cells are read as text whatever their type; unreadable cells are empty. */
export function headerText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value).trim();
  return '';
}

/** How many distinct contract fields the cells of a row name. */
export function headerScore(kind: SheetKind, values: readonly unknown[]): number {
  const fields = new Set<string>();
  for (const value of values) {
    const field = KNOWN_HEADERS[kind].get(normalizeKey(headerText(value)));
    if (field) fields.add(field);
  }
  return fields.size;
}
