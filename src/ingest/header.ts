/**
 * Headers: which contract column a header names, how the header row is found (registers often
 * carry a title row, a date line or blank rows above it), and which column an unknown header
 * probably means.
 *
 * A header matches with its units and notes left out: text in brackets (`Kans (1-5)`,
 * `Kosten structureel (M€ per jaar)`) and everything after a line break (`Streefdatum⏎dd-mm-jjjj`).
 */
import { COLUMNS, type ColumnSpec } from '../columns.js';
import { normalizeKey } from '../text/normalize.js';
import type { SheetKind } from './table.js';

/** A row needs this many distinct known headers to count as the header row (a title row has one cell). */
export const MIN_HEADER_MATCHES = 2;

/** Only this many non-blank rows are searched: past them the sheet has no header we can trust. */
export const HEADER_SEARCH_ROWS = 20;

/** normalizeKey of every contract header and alias, with and without its notes, mapped to its column. */
const KNOWN_HEADERS: Record<SheetKind, ReadonlyMap<string, ColumnSpec>> = {
  risks: knownHeaders('risks'),
  measures: knownHeaders('measures'),
  incidents: knownHeaders('incidents'),
};

function knownHeaders(kind: SheetKind): ReadonlyMap<string, ColumnSpec> {
  const map = new Map<string, ColumnSpec>();
  const add = (spec: ColumnSpec, name: string) => {
    for (const key of [normalizeKey(name), headerKey(name)]) if (!map.has(key)) map.set(key, spec);
  };
  // Contract headers before aliases: a header as written is never taken as another column's alias.
  for (const spec of COLUMNS[kind]) add(spec, spec.header);
  for (const spec of COLUMNS[kind]) for (const alias of spec.aliases) add(spec, alias);
  return map;
}

/** The header without its notes, normalized: `Kans (1-5)` → `kans`, `Streefdatum\n(dd-mm-jjjj)` → `streefdatum`. */
export function headerKey(header: string): string {
  const stripped = normalizeKey(header.split(/\r?\n/)[0]!.replace(/\([^)]*\)|\[[^\]]*\]/g, ''));
  // A header that is only a note (`(M€)`) keeps its text.
  return stripped || normalizeKey(header);
}

/** The contract column a header names, if any. */
export function columnOf(kind: SheetKind, header: string): ColumnSpec | undefined {
  return KNOWN_HEADERS[kind].get(headerKey(header)) ?? KNOWN_HEADERS[kind].get(normalizeKey(header));
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
    const spec = columnOf(kind, headerText(value));
    if (spec) fields.add(spec.field);
  }
  return fields.size;
}

/**
 * The contract header an unknown header probably means: one whose key the header's key contains
 * or is contained in (`Datum laatste beoordeling` → `Laatste beoordeling`), or one a few typing
 * errors away (`Strefdatum`). Columns the sheet already has are not suggested.
 */
export function suggestColumn(kind: SheetKind, header: string, present: ReadonlySet<string>): string | undefined {
  const key = headerKey(header);
  if (key.length < 3) return undefined;
  let best: { spec: ColumnSpec; score: number } | undefined;
  for (const [known, spec] of KNOWN_HEADERS[kind]) {
    if (present.has(spec.field) || known.length < 3) continue;
    const contained = known.length >= 4 && (key.includes(known) || known.includes(key));
    const distance = contained ? 0 : editDistance(key, known, 3);
    const score = contained ? Math.abs(key.length - known.length) / 100 : distance;
    if (score > Math.max(1, Math.floor(Math.min(key.length, known.length) / 4))) continue;
    if (!best || score < best.score) best = { spec, score };
  }
  return best?.spec.header;
}

/** Levenshtein distance, stopping early once it exceeds `limit` (returns limit + 1 then). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
