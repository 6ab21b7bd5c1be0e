/**
 * Turns the rows of one sheet, as either reader delivers them, into a Table: finds the header row,
 * names the columns, drops blank rows and keeps every data row's own row number.
 */
import { COLUMNS, SHEET_LABEL } from '../columns.js';
import { message, type Message } from '../messages.js';
import { normalizeKey } from '../text/normalize.js';
import { columnLetter } from '../text/column-letter.js';
import { HEADER_SEARCH_ROWS, headerScore, headerText, MIN_HEADER_MATCHES } from './header.js';
import type { CellValue, Column, SheetKind, Table, TableRow } from './table.js';

/** A cell whose value cannot be read (an Excel error or a formula without a stored result). */
export class CellProblem {
  constructor(
    readonly reason: string,
    readonly actual: string,
  ) {}
}

export type RawCell = CellValue | CellProblem | undefined;

/** One row as read: cells by 0-based column index (sparse), row numbered as Excel shows it. */
export interface RawRow {
  row: number;
  cells: readonly RawCell[];
}

export interface SheetPlace {
  file: string;
  sheet: string;
  kind: SheetKind;
}

export interface BuiltTable {
  table?: Table;
  messages: Message[];
}

const isBlank = (cell: RawCell): cell is undefined | null | '' => cell === undefined || cell === null || cell === '';

export async function buildTable(place: SheetPlace, rows: AsyncIterable<RawRow> | Iterable<RawRow>): Promise<BuiltTable> {
  const messages: Message[] = [];
  let headerRow: number | undefined;
  /** Column per 0-based index; holes are columns without a header (or a repeated one), ignored. */
  let byIndex: (Column | undefined)[] = [];
  const columns: Column[] = [];
  const data: TableRow[] = [];
  let rowsSearched = 0;

  for await (const raw of rows) {
    if (raw.cells.every(isBlank)) continue;
    if (headerRow === undefined) {
      if (rowsSearched++ >= HEADER_SEARCH_ROWS) break;
      if (headerScore(place.kind, raw.cells) < MIN_HEADER_MATCHES) continue;
      headerRow = raw.row;
      byIndex = nameColumns(place, raw, columns, messages);
      continue;
    }
    const cells: Record<string, CellValue> = {};
    let filled = false;
    raw.cells.forEach((cell, index) => {
      const column = byIndex[index];
      if (!column || isBlank(cell)) return;
      if (cell instanceof CellProblem) {
        messages.push(
          message('warning', 'cel-foutwaarde', `${cell.reason} De cel telt als leeg.`, {
            ...where(place),
            row: raw.row,
            column: column.header,
            cell: `${column.letter}${raw.row}`,
            actual: cell.actual,
            expected: 'een waarde of een formule met een geldige uitkomst',
          }),
        );
        return;
      }
      cells[column.key] = cell;
      filled = true;
    });
    if (filled) data.push({ row: raw.row, cells });
  }

  if (headerRow === undefined) {
    messages.push(missingHeader(place, rowsSearched));
    return { messages };
  }
  return { table: { ...place, headerRow, columns, rows: data }, messages };
}

function nameColumns(place: SheetPlace, raw: RawRow, columns: Column[], messages: Message[]): (Column | undefined)[] {
  const byIndex: (Column | undefined)[] = [];
  const seen = new Map<string, Column>();
  raw.cells.forEach((cell, index) => {
    const header = headerText(cell);
    const key = normalizeKey(header);
    // A merged header gives its text to the first cell only; the others are empty and ignored.
    if (!key) return;
    const letter = columnLetter(index);
    const first = seen.get(key);
    if (first) {
      messages.push(
        message('error', 'kolom-dubbel', `De kolom ${header} komt twee keer voor; alleen kolom ${first.letter} wordt gelezen.`, {
          ...where(place),
          row: raw.row,
          column: header,
          cell: `${letter}${raw.row}`,
          actual: header,
          expected: 'elke kolomkop één keer',
        }),
      );
      return;
    }
    const column: Column = { key, header, letter };
    seen.set(key, column);
    columns.push(column);
    byIndex[index] = column;
  });
  return byIndex;
}

function missingHeader(place: SheetPlace, rowsSearched: number): Message {
  const headers = COLUMNS[place.kind].filter((c) => c.required).map((c) => c.header);
  if (rowsSearched === 0) {
    return message(place.kind === 'incidents' ? 'warning' : 'error', 'blad-leeg', `Het blad ${SHEET_LABEL[place.kind]} is leeg.`, {
      ...where(place),
      expected: `een kopregel met ${headers.join(', ')} en daaronder de gegevens`,
    });
  }
  return message('error', 'kopregel-ontbreekt', `Geen kopregel gevonden in de eerste ${HEADER_SEARCH_ROWS} gevulde rijen.`, {
    ...where(place),
    expected: `een rij met kolomkoppen zoals ${headers.join(', ')}`,
  });
}

const where = (place: SheetPlace) => ({ file: place.file, sheet: place.sheet });
