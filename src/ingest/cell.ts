/**
 * One exceljs cell reduced to plain data (see CellValue): what the analyst sees in Excel, not how
 * Excel stores it.
 */
import type { CellValue as ExcelValue } from 'exceljs';
import type { CellValue } from './table.js';
import { CellProblem, type RawCell } from './table-builder.js';

export interface CellStyle {
  /** Number format of the cell, when the reader caches styles. */
  numFmt?: string;
}

/** Excel's day 0 in each date system, as a Unix timestamp in days. */
const EPOCH_1900 = -25569;
const EPOCH_1904 = -24107;

export function readCell(value: ExcelValue, style: CellStyle, date1904: boolean): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number') return number(value, style.numFmt, date1904);
  if (typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return text(value.richText.map((run) => run.text ?? '').join(''));
  if ('error' in value) return new CellProblem('De cel bevat een Excel-foutwaarde.', value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = `=${'formula' in value ? value.formula : value.sharedFormula}`;
    const result: unknown = value.result;
    // The streaming reader turns a cached error (#DIV/0!, #N/A) into NaN and loses its text.
    if (result === undefined) return new CellProblem('De formule heeft geen opgeslagen uitkomst (het bestand is niet in Excel bewaard).', formula);
    if (typeof result === 'number' && Number.isNaN(result)) return new CellProblem('De formule geeft een foutwaarde.', formula);
    if (typeof result === 'object' && result !== null && 'error' in result) return new CellProblem('De formule geeft een foutwaarde.', formula);
    return readCell(result as ExcelValue, style, date1904);
  }
  // Hyperlinks are ignored by the reader (their cells arrive as text), so nothing else is expected.
  return null;
}

function text(value: string): string | null {
  // trim() also removes non-breaking spaces, common in text pasted from web pages.
  const trimmed = unescapeOoxml(value).trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Excel writes characters XML cannot hold (NUL, ESC, a bare CR) as `_xHHHH_`, and a literal
 * `_xHHHH_` as `_x005F_xHHHH_`; exceljs's streaming reader hands them on as written.
 */
function unescapeOoxml(value: string): string {
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function number(value: number, numFmt: string | undefined, date1904: boolean): CellValue {
  const format = numFmt ? visibleFormat(numFmt) : '';
  if (format.includes('%')) return percent(value);
  // Plain date cells arrive as Date already; formula results with a date format do not.
  if (/[ymdhs]/i.test(format)) return new Date(Math.round((value + (date1904 ? EPOCH_1904 : EPOCH_1900)) * 86_400_000));
  return value;
}

/** The format codes that act on the number: quoted text, [colour]/[locale] parts and escapes removed. */
function visibleFormat(numFmt: string): string {
  return numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, '');
}

/** `0.6` → `"60%"`, `0.07` → `"7%"` (not `7.000000000000001%`), `0.125` → `"12.5%"`. */
export function percent(value: number): string {
  return `${Number((value * 100).toPrecision(12))}%`;
}
