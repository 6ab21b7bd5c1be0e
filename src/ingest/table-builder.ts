/**
 * Turns the rows of one sheet, as either reader delivers them, into a Table: finds the header row
 * (with a second header row under merged group cells), names the columns, drops blank rows and
 * keeps every data row's own row number.
 */
import { COLUMNS, SHEET_LABEL } from '../columns.js';
import { message, type Message } from '../messages.js';
import { columnLetter } from '../text/column-letter.js';
import { normalizeKey } from '../text/normalize.js';
import { countLabel, LIMITS } from './limits.js';
import { columnOf, HEADER_SEARCH_ROWS, headerKey, headerScore, headerText, MIN_HEADER_MATCHES, suggestColumn } from './header.js';
import type { CellValue, Column, SheetKind, Table, TableRow } from './table.js';

/** A cell whose value cannot be used (an Excel error, a formula without a stored result, text past Excel's length). */
export class CellProblem {
  constructor(
    readonly reason: string,
    readonly actual: string,
    readonly ruleId = 'cel-foutwaarde',
    readonly severity: 'warning' | 'error' = 'warning',
  ) {}
}

export type RawCell = CellValue | CellProblem | undefined;

/** Text past Excel's own limit per cell is refused here, so megabytes of text never reach a report. */
export function tooLong(text: string): CellProblem | undefined {
  if (text.length <= LIMITS.cellChars) return undefined;
  return new CellProblem(
    `De cel bevat ${countLabel(text.length)} tekens, meer dan de ${countLabel(LIMITS.cellChars)} die Excel in een cel toestaat.`,
    text.slice(0, 100),
    'cel-te-lang',
    'error',
  );
}

/** One row as read: cells by 0-based column index (sparse), row numbered as Excel shows it. */
export interface RawRow {
  row: number;
  cells: readonly RawCell[];
}

/** A merged range: rows as Excel numbers them, columns 0-based. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
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

export async function buildTable(place: SheetPlace, rows: AsyncIterable<RawRow> | Iterable<RawRow>, merges: readonly Merge[] = []): Promise<BuiltTable> {
  const messages: Message[] = [];
  /** The header row as found, with its texts (group cells of the row above combined in). */
  let header: { raw: RawRow; texts: string[] } | undefined;
  let headerRows: [number, number] | undefined;
  /** Column per 0-based index; holes are columns without a header (or a repeated one), ignored. */
  let byIndex: (Column | undefined)[] | undefined;
  const columns: Column[] = [];
  const data: TableRow[] = [];
  let rowsSearched = 0;
  let previous: RawRow | undefined;

  const name = (texts: string[], last: number) => {
    headerRows = [header!.raw.row, last];
    byIndex = nameColumns(place, header!.raw.row, texts, columns, messages);
  };

  for await (const raw of rows) {
    if (raw.cells.every(isBlank)) continue;
    if (!header) {
      if (rowsSearched++ >= HEADER_SEARCH_ROWS) break;
      if (headerScore(place.kind, raw.cells) < MIN_HEADER_MATCHES) {
        previous = raw;
        continue;
      }
      const texts = Array.from(raw.cells, headerText);
      const above = previous?.row === raw.row - 1 ? previous : undefined;
      if (above) combineGroups(place.kind, texts, groupsIn(merges, above.row), above);
      header = { raw, texts };
      // Group cells merged in the header row itself: their sub-headers are in the next row.
      if (groupsIn(merges, raw.row).length === 0) name(texts, raw.row);
      continue;
    }
    if (!byIndex) {
      const groups = groupsIn(merges, header.raw.row);
      const isSubHeader = raw.row === header.raw.row + 1 && raw.cells.every((cell, i) => isBlank(cell) || groups.some((g) => g.left <= i && i <= g.right));
      if (isSubHeader) {
        name(subHeaders(place.kind, header.texts, groups, raw), raw.row);
        continue;
      }
      name(header.texts, header.raw.row);
    }
    readRow(place, raw, byIndex!, data, messages);
  }

  if (!header) {
    messages.push(missingHeader(place, rowsSearched));
    return { messages };
  }
  if (!byIndex) name(header.texts, header.raw.row);
  const [headerRow, lastHeaderRow] = headerRows!;
  mergedDataCells(place, merges, lastHeaderRow, byIndex!, messages);
  if (data.length === 0) {
    messages.push(
      message('warning', 'register-leeg', `Het blad ${SHEET_LABEL[place.kind]} heeft een kopregel maar geen gegevens.`, {
        ...where(place),
        row: lastHeaderRow,
        expected: 'onder de kopregel een rij per item',
      }),
    );
  }
  return { table: { ...place, headerRow, columns, rows: data }, messages };
}

function readRow(place: SheetPlace, raw: RawRow, byIndex: readonly (Column | undefined)[], data: TableRow[], messages: Message[]): void {
  const cells: Record<string, CellValue> = {};
  let filled = false;
  raw.cells.forEach((cell, index) => {
    const column = byIndex[index];
    if (!column || isBlank(cell)) return;
    if (cell instanceof CellProblem) {
      messages.push(
        message(cell.severity, cell.ruleId, `${cell.reason} De cel telt als leeg.`, {
          ...where(place),
          row: raw.row,
          column: column.header,
          cell: `${column.letter}${raw.row}`,
          actual: cell.actual,
          expected: cell.ruleId === 'cel-te-lang' ? `een tekst van hoogstens ${countLabel(LIMITS.cellChars)} tekens` : 'een waarde of een formule met een geldige uitkomst',
        }),
      );
      return;
    }
    cells[column.key] = cell;
    filled = true;
  });
  if (filled) data.push({ row: raw.row, cells });
}

/** Horizontal merges starting in `row`: group cells such as a merged `Kosten (M€)` above its sub-headers. */
function groupsIn(merges: readonly Merge[], row: number): Merge[] {
  return merges.filter((m) => m.top === row && m.right > m.left);
}

/** Headers under a group cell of the row above become `group sub` where that names a column (`Kosten (M€)` + `structureel`). */
function combineGroups(kind: SheetKind, texts: string[], groups: readonly Merge[], above: RawRow): void {
  for (const group of groups) {
    const title = headerText(above.cells[group.left]);
    if (!title) continue;
    for (let i = group.left; i <= group.right; i++) {
      const combined = `${title} ${texts[i] ?? ''}`.trim();
      if (texts[i] && columnOf(kind, combined)) texts[i] = combined;
    }
  }
}

/** The header row's texts with each group cell's columns named by the sub-header row below. */
function subHeaders(kind: SheetKind, texts: readonly string[], groups: readonly Merge[], sub: RawRow): string[] {
  const result = [...texts];
  for (const group of groups) {
    const title = texts[group.left] ?? '';
    for (let i = group.left; i <= group.right; i++) {
      const part = headerText(sub.cells[i]);
      const combined = `${title} ${part}`.trim();
      result[i] = !part || columnOf(kind, combined) || !columnOf(kind, part) ? combined : part;
    }
  }
  return result;
}

function nameColumns(place: SheetPlace, row: number, texts: readonly string[], columns: Column[], messages: Message[]): (Column | undefined)[] {
  const byIndex: (Column | undefined)[] = [];
  const seen = new Map<string, Column>();
  const unknown: Column[] = [];
  const present = new Set<string>();
  texts.forEach((header, index) => {
    const spec = columnOf(place.kind, header);
    // Known headers get the contract's key, so `Kans (1-5)` and `Kans` are the same column.
    const key = spec ? normalizeKey(spec.header) : headerKey(header);
    // A merged header gives its text to the first cell only; the others are empty and ignored.
    if (!key) return;
    const letter = columnLetter(index);
    const first = seen.get(key);
    if (first) {
      messages.push(
        message('error', 'kolom-dubbel', `De kolom ${header} komt twee keer voor; alleen kolom ${first.letter} wordt gelezen.`, {
          ...where(place),
          row,
          column: header,
          cell: `${letter}${row}`,
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
    if (spec) present.add(spec.field);
    else unknown.push(column);
  });
  for (const column of unknown) {
    const suggestion = suggestColumn(place.kind, column.header, present);
    messages.push(
      message('warning', 'kolom-onbekend', `Kolom '${column.header}' niet herkend${suggestion ? `; bedoelt u '${suggestion}'?` : '; de kolom wordt niet gelezen.'}`, {
        ...where(place),
        row,
        column: column.header,
        cell: `${column.letter}${row}`,
        expected: `een kolom van het blad ${SHEET_LABEL[place.kind]}: ${COLUMNS[place.kind].map((c) => c.header).join(', ')}`,
      }),
    );
  }
  return byIndex;
}

/** A data cell merged with its neighbours holds the value once; the cells it covers read as empty. */
function mergedDataCells(place: SheetPlace, merges: readonly Merge[], lastHeaderRow: number, byIndex: readonly (Column | undefined)[], messages: Message[]): void {
  for (const merge of merges) {
    const column = byIndex[merge.left];
    if (merge.top <= lastHeaderRow || !column) continue;
    const range = `${columnLetter(merge.left)}${merge.top}:${columnLetter(merge.right)}${merge.bottom}`;
    messages.push(
      message('warning', 'cel-samengevoegd', `De cel is samengevoegd (${range}): alleen ${column.letter}${merge.top} heeft een waarde, de andere cellen van het bereik tellen als leeg.`, {
        ...where(place),
        row: merge.top,
        column: column.header,
        cell: `${column.letter}${merge.top}`,
        actual: range,
        expected: 'elke cel apart ingevuld, niet samengevoegd',
      }),
    );
  }
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
