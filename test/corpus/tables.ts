/**
 * Fixture builders: register rows that are valid under the default method, and the same rows as
 * a hand-built Table (unit tests) or as a real workbook/CSV (corpus test). Each test overrides the
 * cells it is about, by header as an analyst writes it.
 */
import type { CellValue, Column, SheetKind, Table } from '../../src/ingest/table.js';
import { normalizeKey } from '../../src/text/normalize.js';

export type Row = Record<string, CellValue>;

export const RISK: Row = {
  ID: 'R-1',
  Titel: 'Uitval tijdsynchronisatie',
  Omschrijving: 'Routering valt weg.',
  Dreigingscategorie: 'Technisch falen',
  Indicatoren: 'DIG',
  Kans: 3,
  Impact: 4,
  Eigenaar: 'JIVC',
  Contactpersoon: 'K. Smit',
  Rubricering: 'Departementaal Vertrouwelijk',
  Ketenpartners: 'KPN; Politie',
  Status: 'open',
  'Laatste beoordeling': '2025-06-01',
};

export const MEASURE: Row = {
  ID: 'M-1',
  Titel: 'Versterken beheer',
  Omschrijving: '',
  "Risico's": 'R-1',
  Type: 'intern',
  Status: 'in uitvoering',
  Voortgang: 50,
  Streefdatum: '2026-06-30',
  'Gereed op': '',
  Kansreductie: 1,
  Impactreductie: 0.5,
  'Kosten structureel (M€)': 3,
  'Kosten eenmalig (M€)': 0,
  Eigenaar: 'DMO',
  Contactpersoon: 'E. Meijer',
  Rubricering: 'Openbaar',
};

export const INCIDENT: Row = {
  ID: 'I-1',
  Soort: 'incident',
  Datum: '27-08-2024',
  Titel: 'Storing tijdsynchronisatie',
  Omschrijving: '',
  Indicatoren: 'DIG; CRI',
  'Hersteltijd (uur)': 13,
  'Norm (uur)': 4,
  Rubricering: 'Openbaar',
};

export const columnLetter = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : columnLetter(Math.floor(index / 26) - 1) + columnLetter(index % 26);

/** Rows as a Table the way ingest hands it over: header in `headerRow`, data right below it. */
export function makeTable(kind: SheetKind, rows: readonly Row[], options: { file?: string; sheet?: string; headerRow?: number; headers?: readonly string[] } = {}): Table {
  const headers = options.headers ?? Object.keys(rows[0] ?? {});
  const headerRow = options.headerRow ?? 1;
  const columns: Column[] = headers.map((header, i) => ({ key: normalizeKey(header), header, letter: columnLetter(i) }));
  return {
    file: options.file ?? 'registers.xlsx',
    sheet: options.sheet ?? { risks: "Risico's", measures: 'Maatregelen', incidents: 'Incidenten' }[kind],
    kind,
    headerRow,
    columns,
    rows: rows.map((cells, i) => ({ row: headerRow + 1 + i, cells: Object.fromEntries(columns.map((c) => [c.key, cells[c.header] ?? null])) })),
  };
}
