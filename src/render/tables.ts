/**
 * Table building for the view model: a GFM table as data (caption, header, alignment, Markdown-safe
 * cells), and the cell formats several chapters share.
 */
import type { RiskClass } from '../model.js';
import { md } from './escape.js';
import { getal, inDezeVersie, score } from './format.js';

/** A GFM table with its caption; every cell is Markdown-safe text. */
export interface Table {
  bijschrift: string;
  kop: string[];
  /** Delimiter cells: `---` or `---:` (numbers right-aligned). */
  uitlijning: string[];
  rijen: string[][];
  /** Sentence after the table when rows were left out (pointer to the annex or workbook). */
  meer?: string;
  /** Sentence instead of the table when there are no rows. */
  leeg: string;
  /** In a reduced version: how many rows are above its level (never which). */
  verborgen?: string;
}

export type Column<T> = [header: string, cell: (row: T) => string, numeric?: boolean];

/** A totals row in bold, for tables whose total is quoted elsewhere in the report. */
const totalRow = (cells: string[]): string[] => cells.map((c) => (c === '' ? '' : `**${c}**`));

/** The number of rows the full analysis has, for a list of a reduced version: `[count, one, many]`. */
type Total = [n: number, one: string, many: string];

export function table<T>(bijschrift: string, columns: Column<T>[], rows: readonly T[], opts: { limit?: number; meer?: (left: number) => string; leeg: string; totaal?: string[]; van?: Total }): Table {
  const limit = opts.limit ?? rows.length;
  const shown = rows.slice(0, limit);
  const left = rows.length - shown.length;
  const hidden = opts.van && opts.van[0] > rows.length ? inDezeVersie(rows.length, ...opts.van) : undefined;
  return {
    bijschrift,
    kop: columns.map(([h]) => h),
    uitlijning: columns.map(([, , numeric]) => (numeric ? '---:' : '---')),
    rijen: [...shown.map((r) => columns.map(([, cell]) => cell(r))), ...(opts.totaal && shown.length ? [totalRow(opts.totaal)] : [])],
    ...(left > 0 && opts.meer ? { meer: opts.meer(left) } : {}),
    leeg: hidden ?? opts.leeg,
    ...(hidden && rows.length ? { verborgen: hidden } : {}),
  };
}

export const count = (n: number) => getal(n, 0);

/** A level's score with its class: `7,3 (midden)`. */
export const level = (l: { score: number; klasse: RiskClass }) => `${score(l.score)} (${l.klasse})`;

/** IDs in the order given (register order), the first `max` and a count of the rest. */
export const ids = (list: readonly string[], max = 10) => md(list.length > max ? `${list.slice(0, max).join(', ')} en ${list.length - max} meer` : list.join(', '));
