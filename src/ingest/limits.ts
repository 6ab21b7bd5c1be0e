/**
 * The bounds of what ingest reads. Real registers stay far below them (10,000 risks and 20,000
 * measures: a 3 MB file, 20 MB of XML); past them a file is refused with a message naming the limit,
 * so that no input can exhaust memory or time. Together they keep a run below 1 GiB: SheetJS needs
 * about ten times the XML it parses (two sheets of 23 MB of the smallest cells: 500 MiB in all).
 */
const MiB = 1024 * 1024;

export const LIMITS = {
  /** Bytes of one register file on disk. */
  fileBytes: 50 * MiB,
  /** Inflated bytes of one part of a workbook (a sheet's XML). */
  partBytes: 32 * MiB,
  /** Inflated bytes of all parts of a workbook together. */
  totalBytes: 48 * MiB,
  /** Bytes of a legacy .xls (not compressed, but denser than XML: a number takes 6 bytes). */
  legacyBytes: 16 * MiB,
  /** Cells an .ods expands to (see ods-cells.ts). */
  odsCells: 4_000_000,
  /** Rows per sheet or CSV file. */
  rows: 100_000,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
} as const;

/** `64 MiB`, `100.000`: a limit as a user reads it. */
export function sizeLabel(bytes: number): string {
  return bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}

export const countLabel = (n: number): string => n.toLocaleString('nl-NL');
