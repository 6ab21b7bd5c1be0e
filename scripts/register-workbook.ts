/**
 * Register sheets shaped the way analysts keep them: a bold title merged across the columns, a
 * blank row, the contract headers (bold, filled, frozen), column widths, and data rows whose cells
 * vary in shape (real dates and dates typed as text, percent cells, numbers as text, a formula).
 * Used by the sample generator (in-memory workbook) and the benchmark (streaming writer) alike:
 * both hand over a workbook, this module only adds sheets to it.
 */
import type ExcelJS from 'exceljs';
import { COLUMNS } from '../src/columns.js';
import { LEVEL_LABEL } from '../src/classify/levels.js';
import type { SheetKind } from '../src/ingest/table.js';
import type { Incident, Measure, Risk } from '../src/model.js';

/** One cell as written: a plain value, a value with its number format, or a formula with its cached result. */
export type Cell =
  | string
  | number
  | Date
  | null
  | { value: number | Date; numFmt: string }
  | { formula: string; result: number }
  | { richText: { text: string; font?: { bold: boolean } }[] };

/** A data row, or `null` for a blank row between blocks. */
export type SheetRow = Cell[] | null;

/**
 * How a row's cells are shaped; the generators choose one per row so that every shape occurs.
 * `plain` writes each value in its natural type.
 */
export interface Shape {
  /** Dates typed as text `dd-mm-jjjj` instead of Excel dates. */
  textDates?: boolean;
  /** Numbers typed as text, with a decimal comma where they have decimals. */
  textNumbers?: boolean;
  /** Voortgang as a fraction in a percent-formatted cell (the way `60%` is stored). */
  percent?: boolean;
  /** List cells separated by `;` instead of `,`. */
  semicolons?: boolean;
  /** Titel as rich text with its first word bold. */
  richTitle?: boolean;
  /** Status and Rubricering with the trailing space a copy-paste leaves. */
  padded?: boolean;
}

const DATE_FORMAT = 'dd-mm-yyyy';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const TITLE_ROWS = 2; // title, blank

/** Column widths per sheet, in header order (characters). */
const WIDTHS: Record<SheetKind, number[]> = {
  risks: [12, 48, 70, 30, 16, 7, 8, 28, 20, 28, 50, 14, 20, 24, 16],
  measures: [12, 50, 70, 24, 9, 15, 11, 13, 13, 13, 15, 22, 20, 28, 20, 28],
  incidents: [12, 10, 12, 50, 70, 16, 18, 12, 28],
};

export function headers(kind: SheetKind): string[] {
  return COLUMNS[kind].map((column) => column.header);
}

/** A calendar date `jjjj-mm-dd` as an Excel date (UTC midnight, as exceljs expects). */
function excelDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

function dateCell(iso: string | undefined, shape: Shape): Cell {
  if (iso === undefined) return null;
  if (shape.textDates) return iso.split('-').reverse().join('-');
  return { value: excelDate(iso), numFmt: DATE_FORMAT };
}

function numberCell(value: number | undefined, shape: Shape): Cell {
  if (value === undefined) return null;
  return shape.textNumbers ? String(value).replace('.', ',') : value;
}

function titleCell(title: string, shape: Shape): Cell {
  if (!shape.richTitle) return title;
  const space = title.indexOf(' ');
  if (space < 0) return title;
  return { richText: [{ text: title.slice(0, space), font: { bold: true } }, { text: title.slice(space) }] };
}

const padded = (text: string, shape: Shape): Cell => (shape.padded ? `${text} ` : text);

function listCell(values: readonly string[], shape: Shape): Cell {
  return values.join(shape.semicolons ? '; ' : ', ');
}

function voortgangCell(value: number | undefined, shape: Shape): Cell {
  if (value === undefined) return null;
  return shape.percent ? { value: value / 100, numFmt: '0%' } : numberCell(value, shape);
}

/** A cost: costs made of a unit price times a count are kept as the formula an analyst would type. */
function costCell(value: number, formula: string | undefined, shape: Shape): Cell {
  if (formula !== undefined) return { formula, result: value };
  return value === 0 ? null : numberCell(value, shape);
}

export function riskCells(risk: Risk, shape: Shape = {}): Cell[] {
  return [
    risk.id,
    titleCell(risk.titel, shape),
    risk.omschrijving,
    risk.dreigingscategorie,
    listCell(risk.indicatoren, shape),
    numberCell(risk.kans, shape),
    numberCell(risk.impact, shape),
    risk.eigenaar,
    risk.contactpersoon ?? null,
    padded(LEVEL_LABEL[risk.rubricering], shape),
    listCell(risk.ketenpartners, shape),
    padded(risk.status, shape),
    dateCell(risk.laatsteBeoordeling, shape),
    risk.geaccepteerdDoor ?? null,
    dateCell(risk.geaccepteerdTot, shape),
  ];
}

/** `kostenFormula`: the eenmalig cost as a formula (its cached result is `kostenEenmalig`). */
export function measureCells(measure: Measure, shape: Shape = {}, kostenFormula?: string): Cell[] {
  return [
    measure.id,
    titleCell(measure.titel, shape),
    measure.omschrijving,
    listCell(measure.risicos, shape),
    measure.type,
    padded(measure.status, shape),
    voortgangCell(measure.voortgang, shape),
    dateCell(measure.streefdatum, shape),
    dateCell(measure.gereedOp, shape),
    numberCell(measure.kansreductie, shape),
    numberCell(measure.impactreductie, shape),
    costCell(measure.kostenStructureel, undefined, shape),
    costCell(measure.kostenEenmalig, kostenFormula, shape),
    measure.eigenaar,
    measure.contactpersoon ?? null,
    padded(LEVEL_LABEL[measure.rubricering], shape),
  ];
}

export function incidentCells(incident: Incident, shape: Shape = {}): Cell[] {
  return [
    incident.id,
    incident.soort,
    dateCell(incident.datum, shape),
    titleCell(incident.titel, shape),
    incident.omschrijving,
    listCell(incident.indicatoren, shape),
    numberCell(incident.hersteltijd, shape),
    numberCell(incident.norm, shape),
    padded(LEVEL_LABEL[incident.rubricering], shape),
  ];
}

function writeCell(cell: ExcelJS.Cell, value: Cell): void {
  if (value === null) return;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value) {
      cell.value = { formula: value.formula, result: value.result };
    } else if ('richText' in value) {
      cell.value = value;
    } else {
      cell.value = value.value;
      cell.numFmt = value.numFmt;
    }
    return;
  }
  cell.value = value;
}

export interface SheetSpec {
  kind: SheetKind;
  /** The sheet name (recognised by ingest through SHEET_ALIASES). */
  name: string;
  /** Title above the header, e.g. `Risicoregister NAFIN 2025 — Departementaal Vertrouwelijk`. */
  title: string;
  rows: Iterable<SheetRow>;
}

/**
 * Adds one register sheet and returns it. Rows are committed as they are written, so a streaming
 * workbook keeps memory flat (its caller commits the sheet); for an in-memory workbook a row commit
 * does nothing.
 */
export function addRegisterSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const names = headers(spec.kind);
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: TITLE_ROWS + 1 }],
  });
  sheet.columns = WIDTHS[spec.kind].map((width) => ({ width }));

  const title = sheet.addRow([spec.title]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, names.length);
  title.commit();
  sheet.addRow([]).commit();

  const header = sheet.addRow(names);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  header.commit();

  for (const values of spec.rows) {
    const row = sheet.addRow([]);
    values?.forEach((value, index) => writeCell(row.getCell(index + 1), value));
    row.commit();
  }
  return sheet;
}
