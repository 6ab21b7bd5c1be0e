/** The building blocks of the view model: captioned tables and figures, Markdown-safe. */
import type { Chart } from './svg.js';
import { md } from './escape.js';

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
}

/** A totals row in bold, for tables whose total is quoted elsewhere in the report. */
const totalRow = (cells: string[]): string[] => cells.map((c) => (c === '' ? '' : `**${c}**`));

export interface Figure {
  pad: string;
  alt: string;
  titel: string;
}

export type Column<T> = [header: string, cell: (row: T) => string, numeric?: boolean];

export function table<T>(bijschrift: string, columns: Column<T>[], rows: readonly T[], opts: { limit?: number; meer?: (left: number) => string; leeg: string; totaal?: string[] }): Table {
  const limit = opts.limit ?? rows.length;
  const shown = rows.slice(0, limit);
  const left = rows.length - shown.length;
  return {
    bijschrift,
    kop: columns.map(([h]) => h),
    uitlijning: columns.map(([, , numeric]) => (numeric ? '---:' : '---')),
    rijen: [...shown.map((r) => columns.map(([, cell]) => cell(r))), ...(opts.totaal && shown.length ? [totalRow(opts.totaal)] : [])],
    ...(left > 0 && opts.meer ? { meer: opts.meer(left) } : {}),
    leeg: opts.leeg,
  };
}

export function figure(charts: readonly Chart[], name: string): Figure {
  const c = charts.find((x) => x.file === `figuren/${name}.svg`);
  if (!c) throw new Error(`figuur ${name} ontbreekt`);
  return { pad: c.file, alt: md(c.alt), titel: md(c.title) };
}

