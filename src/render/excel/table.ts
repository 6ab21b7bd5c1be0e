/**
 * One table sheet: a header row in row 1 (frozen, with an autofilter over the data), one row per
 * item, widths from the content, number formats, data validation and conditional formatting per
 * column. Cell values are only ever plain strings, numbers or dates.
 */
import type ExcelJS from 'exceljs';
import { CLASSES } from '../../model.js';
import { CLASS_COLOR, HEADER_FILL, HEADER_FONT, cellText, isXmlText, xmlText } from './format.js';
import { columnLetter } from '../../text/column-letter.js';

/** Adds a worksheet with the workbook's print setup (classification in header and footer). */
export type NewSheet = (name: string, options?: Partial<ExcelJS.AddWorksheetOptions>) => ExcelJS.Worksheet;

/** A plain cell value: no formula, hyperlink or rich-text object can be built from register text. */
export type Plain = string | number | Date | null;

export interface TableColumn<T> {
  header: string;
  value: (item: T) => Plain | undefined;
  numFmt?: string;
  validation?: ExcelJS.DataValidation;
  /** Colour cells holding a class name (laag … zeer hoog) by that class. */
  classColors?: boolean;
}

export interface TableOptions {
  /** Columns frozen at the left besides the header row (e.g. the ID). */
  freezeColumns?: number;
  /** Fill a whole data row when the cell in the column with this header holds `value`. */
  highlightRows?: { header: string; value: string; argb: string };
  /** Fill cells holding a value in the columns with these headers. */
  highlightValues?: { header: string; value: string; argb: string }[];
}

/** Validated rows below the data, so rows an analyst adds are checked too (readers expand the range per cell, so not the whole column). */
const VALIDATION_RESERVE = 500;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const DATE_WIDTH = 11;
const NUMBER_WIDTH = 10;


function width(value: Plain | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return value.split('\n').reduce((max, line) => Math.max(max, line.length), 0);
  return value instanceof Date ? DATE_WIDTH : NUMBER_WIDTH;
}

/** Empty text becomes an empty cell, as an analyst leaves it. */
function plain(value: Plain | undefined): Plain {
  if (value === undefined || value === '') return null;
  return typeof value === 'string' ? cellText(value) : value;
}

/** Adds a sheet with this table and commits it. */
export function addTableSheet<T>(
  newSheet: NewSheet,
  name: string,
  columns: readonly TableColumn<T>[],
  items: readonly T[],
  options: TableOptions = {},
): void {
  const freezeColumns = options.freezeColumns ?? 0;
  const sheet = newSheet(name, {
    views: [{ state: 'frozen', xSplit: freezeColumns, ySplit: 1, topLeftCell: `${columnLetter(freezeColumns)}2`, activeCell: 'A2' }],
  });
  const rows = items.map((item) => columns.map((c) => c.value(item)));
  sheet.columns = columns.map((c, i) => ({
    width: Math.min(MAX_WIDTH, rows.reduce((w, r) => Math.max(w, width(r[i])), Math.max(MIN_WIDTH, c.header.length)) + 2),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));

  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell, column) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    // A header over numbers and dates (which Excel right-aligns) stands right above them.
    if (columns[column - 1]?.numFmt) cell.alignment = { horizontal: 'right' };
  });
  header.commit();
  // One style object per column, shared by its cells: exceljs caches a style's id per object, so
  // this saves it hashing a fresh copy for each of the (many) cells.
  const styles = columns.map((c) => (c.numFmt ? { numFmt: c.numFmt } : {}));
  for (const values of rows) {
    const row = sheet.addRow(values.map(plain));
    row.eachCell((cell, column) => {
      cell.style = styles[column - 1] ?? {};
    });
    row.commit();
  }

  const lastRow = rows.length + 1;
  const lastLetter = columnLetter(columns.length - 1);
  sheet.autoFilter = `A1:${lastLetter}${lastRow}`;
  // The header row on every printed page.
  sheet.pageSetup.printTitlesRow = '1:1';
  addRules(sheet, columns, options, lastRow);
  sheet.commit();
}

function addRules<T>(sheet: ExcelJS.Worksheet, columns: readonly TableColumn<T>[], options: TableOptions, lastRow: number): void {
  const letterOf = (header: string): string => {
    const index = columns.findIndex((c) => c.header === header);
    if (index < 0) throw new Error(`Kolom ${header} bestaat niet`);
    return columnLetter(index);
  };
  // Typed loosely by exceljs; `add(range, rule)` keeps one rule per column instead of one per cell.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  let priority = 0;
  const nextPriority = () => ++priority;
  columns.forEach((column, i) => {
    const letter = columnLetter(i);
    if (column.validation) validations.add(`${letter}2:${letter}${lastRow + VALIDATION_RESERVE}`, column.validation);
    if (column.classColors && lastRow > 1) {
      sheet.addConditionalFormatting({
        ref: `${letter}2:${letter}${lastRow}`,
        rules: CLASSES.map((klasse) => equalsRule(formulaString(klasse), CLASS_COLOR[klasse], nextPriority())),
      });
    }
  });
  if (lastRow < 2) return;
  for (const h of options.highlightValues ?? []) {
    const letter = letterOf(h.header);
    sheet.addConditionalFormatting({ ref: `${letter}2:${letter}${lastRow}`, rules: [equalsRule(formulaString(h.value), h.argb, nextPriority())] });
  }
  if (options.highlightRows) {
    const { header, value, argb } = options.highlightRows;
    sheet.addConditionalFormatting({
      ref: `A2:${columnLetter(columns.length - 1)}${lastRow}`,
      rules: [{ type: 'expression', priority: nextPriority(), formulae: [`$${letterOf(header)}2=${formulaString(value)}`], style: { fill: dxfFill(argb) } }],
    });
  }
}

/** Conditional formats (dxf) take the fill colour as bgColor. */
function dxfFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', bgColor: { argb } };
}

function equalsRule(formula: string, argb: string, priority: number): ExcelJS.ConditionalFormattingRule {
  return { type: 'cellIs', operator: 'equal', priority, formulae: [formula], style: { fill: dxfFill(argb) } };
}

/** A text literal in a formula: quotes doubled, as Excel reads them. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Excel refuses (and "repairs" away) a literal list longer than this. */
const MAX_LIST_FORMULA = 255;

/**
 * A list validation for a column of enumerated values; `strict: false` offers the list but accepts
 * other text. None when the values cannot be a literal list: an item with a comma (the list's
 * separator) or a character XML cannot hold, or a list too long for Excel.
 */
export function listValidation(values: readonly string[], prompt: string, strict = true): ExcelJS.DataValidation | undefined {
  const formula = formulaString(values.join(','));
  if (formula.length > MAX_LIST_FORMULA || values.some((v) => v.includes(',') || !isXmlText(v))) return undefined;
  return {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showInputMessage: true,
    prompt: xmlText(prompt),
    showErrorMessage: strict,
    errorStyle: 'stop',
    errorTitle: 'Ongeldige waarde',
    error: `Kies een van: ${values.join(', ')}.`,
  };
}

/**
 * A check for a column of one or more codes separated by commas or semicolons (`FYS, DIG`): with every
 * code and separator taken out of the cell, nothing may remain. A list drop-down would allow one code only.
 */
export function codesValidation(codes: readonly string[], prompt: string, firstCell: string): ExcelJS.DataValidation | undefined {
  // A code with a character XML cannot hold cannot be in a formula at all: then no check.
  if (!codes.every(isXmlText)) return undefined;
  const stripped = [...codes, ',', ';'].reduce((formula, code) => `SUBSTITUTE(${formula},${formulaString(code)},"")`, `UPPER(${firstCell})`);
  return {
    type: 'custom',
    allowBlank: true,
    formulae: [`LEN(TRIM(${stripped}))=0`],
    showInputMessage: true,
    prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ongeldige waarde',
    error: `Vul een of meer van ${codes.join(', ')} in, gescheiden door een komma.`,
  };
}

/** A number validation from `min` up to `max` (inclusive; no `max`: no upper bound). */
export function rangeValidation(type: 'whole' | 'decimal', min: number, max: number | undefined, prompt: string): ExcelJS.DataValidation {
  const kind = type === 'whole' ? 'een geheel getal' : 'een getal';
  const dutch = (n: number) => String(n).replace('.', ',');
  return {
    type,
    ...(max === undefined ? { operator: 'greaterThanOrEqual', formulae: [min] } : { operator: 'between', formulae: [min, max] }),
    allowBlank: true,
    showInputMessage: true,
    prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ongeldige waarde',
    error: max === undefined ? `Vul ${kind} van ${dutch(min)} of meer in.` : `Vul ${kind} van ${dutch(min)} tot en met ${dutch(max)} in.`,
  };
}
