/**
 * What ingest hands to validate: one table per recognised sheet, cells already reduced to plain
 * values, every row keeping the number Excel shows so that messages can point at it.
 */

/**
 * A cell as plain data. Rich text, hyperlinks and formula cells arrive as their text or cached
 * result; Excel dates as `Date` (UTC, wall-clock of the cell); numbers formatted as percentages
 * as a string like `"60%"`; empty cells are absent or `null`. CSV cells are always strings.
 */
export type CellValue = string | number | boolean | Date | null;

export interface Column {
  /** `normalizeKey` of the header after alias resolution is *not* applied: the raw normalized header. */
  key: string;
  /** The header as written in the file (trimmed). */
  header: string;
  /** Excel column letter (`A`, `B`, … `AA`); for CSV the letter the column would have in Excel. */
  letter: string;
}

export interface TableRow {
  /** The row number as Excel (or a text editor, for CSV) shows it, 1-based. */
  row: number;
  /** Values by `Column.key`. */
  cells: Record<string, CellValue>;
}

export interface Table {
  /** Path relative to the data folder, forward slashes. */
  file: string;
  /** The sheet name as written in the workbook (for CSV: the file name without extension). */
  sheet: string;
  /** Normalized sheet kind this table was recognised as. */
  kind: SheetKind;
  headerRow: number;
  columns: Column[];
  /** Data rows only; blank rows are left out. */
  rows: TableRow[];
}

export type SheetKind = 'risks' | 'measures' | 'incidents';

/** Sheet names (normalized, see normalizeKey) that identify each register; documented aliases included. */
export const SHEET_ALIASES: Record<SheetKind, readonly string[]> = {
  risks: ['risicos', 'risico', 'risicoregister', 'dreigingen', 'dreigingenrisicos', 'risks'],
  measures: ['maatregelen', 'maatregel', 'maatregelregister', 'measures'],
  incidents: ['incidenten', 'incident', 'incidentenenoefeningen', 'oefeningen', 'incidents'],
};

export interface InputFile {
  /** Path relative to the data folder. */
  path: string;
  sha256: string;
  bytes: number;
}
