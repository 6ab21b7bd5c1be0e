/**
 * The empty register workbook of `init`: per sheet a bold, frozen header row with every column of
 * the input contract (required ones filled and with a note), a check on every column with a closed
 * set of values, number and date formats, and a sheet Toelichting with one line per column.
 */
import ExcelJS from 'exceljs';
import { SHEET_LABEL } from '../columns.js';
import type { SheetKind } from '../ingest/table.js';
import { columnLetter } from '../text/column-letter.js';
import { initColumns, type InitColumn } from './columns.js';

const KINDS: readonly SheetKind[] = ['risks', 'measures', 'incidents'];
/** Rows that carry the checks and formats: far more than a register holds. */
const ROWS = 2000;
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const REQUIRED_NOTE = 'Verplicht';
const DATE_FORMAT = 'dd-mm-yyyy';

/** Excel keeps a list of a data validation as one quoted, comma-separated string. */
const listFormula = (values: readonly string[]) => `"${values.join(',')}"`;

/** Every code, separator and space removed leaves nothing: a custom check for a list of codes in one cell. */
function codesFormula(cell: string, codes: readonly string[]): string {
  const stripped = [...codes, ',', ';', ' '].reduce((inner, code) => `SUBSTITUTE(${inner},"${code}","")`, `UPPER(${cell})`);
  return `LEN(${stripped})=0`;
}

function validation(column: InitColumn, firstCell: string): ExcelJS.DataValidation | undefined {
  const common = { allowBlank: !column.required, showErrorMessage: true, errorTitle: column.header, error: `Toegestaan: ${column.explanation}.` };
  const v = column.value;
  switch (v.kind) {
    case 'choice':
      return { ...common, type: 'list', formulae: [listFormula(v.values)] };
    case 'multi':
      // A cell may name several indicators (or their names): warn, do not refuse.
      return { ...common, type: 'custom', errorStyle: 'warning', formulae: [codesFormula(firstCell, v.values)], showInputMessage: true, prompt: column.explanation };
    case 'number':
      if (v.min === undefined && v.max === undefined) return undefined;
      return {
        ...common,
        type: v.integer ? 'whole' : 'decimal',
        operator: v.max === undefined ? 'greaterThanOrEqual' : 'between',
        formulae: v.max === undefined ? [v.min] : [v.min ?? 0, v.max],
      };
    default:
      return undefined;
  }
}

function numberFormat(column: InitColumn): string | undefined {
  if (column.value.kind === 'date') return DATE_FORMAT;
  if (column.value.kind === 'number') return column.value.integer ? '0' : '0.0#';
  return undefined;
}

/** exceljs keeps range validations in `dataValidations` (one entry per range, not per cell), which its typings leave out. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function addRegister(wb: ExcelJS.Workbook, kind: SheetKind): void {
  const columns = initColumns(kind);
  const ws = wb.addWorksheet(SHEET_LABEL[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 4), style: numberFormat(c) ? { numFmt: numberFormat(c) } : {} }));
  columns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.font = { bold: true };
    cell.numFmt = 'General';
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    if (c.required) cell.note = REQUIRED_NOTE;
    const letter = columnLetter(i);
    const check = validation(c, `${letter}2`);
    if (check) (ws as WithValidations).dataValidations.add(`${letter}2:${letter}${ROWS}`, check);
  });
}

function addExplanation(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Toelichting', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Blad', width: 14 },
    { header: 'Kolom', width: 26 },
    { header: 'Verplicht', width: 10 },
    { header: 'Wat erin hoort', width: 90 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const kind of KINDS) {
    for (const c of initColumns(kind)) ws.addRow([SHEET_LABEL[kind], c.header, c.required ? 'ja' : 'nee', `${c.explanation[0]!.toUpperCase()}${c.explanation.slice(1)}.`]);
  }
}

export async function initWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'weerbaarheid';
  // Fixed, so that two inits write the same workbook.
  wb.created = wb.modified = new Date(0);
  for (const kind of KINDS) addRegister(wb, kind);
  addExplanation(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
