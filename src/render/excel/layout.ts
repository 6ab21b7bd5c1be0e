/**
 * Free-form sheets (Samenvatting, Methode) are written top to bottom as blocks: a title, headings,
 * small tables. A cursor keeps the row number so the streaming writer only ever moves forward.
 */
import type ExcelJS from 'exceljs';
import { HEADER_FILL, HEADER_FONT, TITLE_FONT, cellText, solidFill } from './format.js';
import type { Plain } from './table.js';

/** A cell with its own number format, fill and text colour (ARGB) or bold text. */
export interface StyledCell {
  value: Plain;
  numFmt?: string;
  fill?: string;
  color?: string;
  bold?: boolean;
  center?: boolean;
}
export type BlockCell = Plain | StyledCell;

const isStyled = (cell: BlockCell): cell is StyledCell => cell !== null && typeof cell === 'object' && !(cell instanceof Date);

export class SheetCursor {
  private next = 1;

  constructor(private readonly sheet: ExcelJS.Worksheet) {}

  title(text: string): this {
    this.put([text]).getCell(1).font = TITLE_FONT;
    return this;
  }

  heading(text: string): this {
    this.blank();
    this.put([text]).getCell(1).font = HEADER_FONT;
    return this;
  }

  /** A table header: bold on the header fill. */
  header(cells: readonly string[]): this {
    this.put(cells).eachCell((cell) => {
      cell.font = HEADER_FONT;
      cell.fill = HEADER_FILL;
    });
    return this;
  }

  line(cells: readonly BlockCell[]): this {
    this.put(cells);
    return this;
  }

  blank(): this {
    this.next++;
    return this;
  }

  private put(cells: readonly BlockCell[]): ExcelJS.Row {
    const row = this.sheet.getRow(this.next++);
    cells.forEach((cell, i) => {
      const target = row.getCell(i + 1);
      const value = isStyled(cell) ? cell.value : cell;
      target.value = typeof value === 'string' ? cellText(value) : value;
      if (!isStyled(cell)) return;
      if (cell.numFmt) target.numFmt = cell.numFmt;
      if (cell.fill) target.fill = solidFill(cell.fill);
      if (cell.bold || cell.color) target.font = { ...(cell.bold ? HEADER_FONT : {}), ...(cell.color ? { color: { argb: cell.color } } : {}) };
      if (cell.center) target.alignment = { horizontal: 'center' };
    });
    return row;
  }
}
