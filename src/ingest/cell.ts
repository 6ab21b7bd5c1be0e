/**
 * One SheetJS cell reduced to plain data (see CellValue): what the analyst sees in Excel, not how
 * the file stores it.
 */
import type { CellObject } from '@e965/xlsx';
import type { CellValue } from './table.js';
import { CellProblem, tooLong, type RawCell } from './table-builder.js';

/** Excel's error codes as the file stores them (BIFF and SheetJS), and as Excel shows them. */
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/** Dates arrive from the reader as UTC Dates already (see workbook.ts), whatever the date system. */
export function readCell(cell: CellObject): RawCell {
  const formula = cell.f === undefined ? undefined : `=${cell.f}`;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? text(cell.v) : null;
    case 'n':
      // An empty <v></v> is no number; a cell that shows nothing is empty.
      if (typeof cell.v !== 'number' || !Number.isFinite(cell.v)) return formula ? noResult(formula) : null;
      return number(cell.v, typeof cell.z === 'string' ? cell.z : undefined);
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'd':
      return cell.v instanceof Date ? cell.v : typeof cell.v === 'string' ? isoDate(cell.v) : null;
    case 'e': {
      const shown = typeof cell.w === 'string' && cell.w.startsWith('#') ? cell.w : (ERRORS[Number(cell.v)] ?? '#FOUT');
      return formula
        ? new CellProblem(`De formule geeft de foutwaarde ${shown}.`, formula, 'cel-foutwaarde')
        : new CellProblem(`De cel bevat de Excel-foutwaarde ${shown}.`, shown, 'cel-foutwaarde');
    }
    default:
      return formula ? noResult(formula) : null;
  }
}

const noResult = (formula: string) => new CellProblem('De formule heeft geen opgeslagen uitkomst (het bestand is niet in Excel of LibreOffice bewaard).', formula, 'cel-foutwaarde');

function text(value: string): RawCell {
  const long = tooLong(value);
  if (long) return long;
  // trim() also removes non-breaking spaces, common in text pasted from web pages.
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** An ISO date (`2025-12-31`, time optional) as the UTC wall-clock Date that Excel date cells give. */
function isoDate(value: string): RawCell {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : text(value);
}

/** A number formatted as a percentage reads as the text Excel shows (`60%`); others as the number. */
function number(value: number, numFmt: string | undefined): CellValue {
  return numFmt && visibleFormat(numFmt).includes('%') ? percent(value) : value;
}

/** The format codes that act on the number: quoted text, [colour]/[locale] parts and escapes removed. */
function visibleFormat(numFmt: string): string {
  return numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, '');
}

/** `0.6` → `"60%"`, `0.07` → `"7%"` (not `7.000000000000001%`), `0.125` → `"12.5%"`. */
export function percent(value: number): string {
  return `${Number((value * 100).toPrecision(12))}%`;
}
