/**
 * Real input files for the corpus: workbooks written by exceljs (with the title row analysts put
 * above the header), CSV bytes as Dutch Excel saves them, and analyse.yaml text.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { CellValue } from '../../src/ingest/table.js';
import type { Row } from './tables.js';

export const ANALYSE_YAML = 'jaar: 2025\norganisatie: Ministerie van Defensie\nnetwerk: NAFIN\npeildatum: 2025-12-31\nrubricering: Departementaal Vertrouwelijk\n';

/** `yaml` with a billion-laughs chain of aliases appended: nine levels of ten, 10⁹ values if expanded. */
export const aliasBomb = (yaml: string): string => `${yaml}${[...'abcdefghi'].map((n, i, all) => `${n}: &${n} [${Array(10).fill(i ? `*${all[i - 1]}` : 'x').join(', ')}]`).join('\n')}\n`;

export interface SheetSpec {
  name: string;
  rows: readonly Row[];
  /** Headers in order; default the keys of the first row. */
  headers?: readonly string[];
  /** Number formats per header, e.g. `{ Voortgang: '0%' }`. */
  formats?: Record<string, string>;
}

/** A workbook with a merged title row above the header (row 1), header in row 2, data from row 3. */
export async function writeWorkbook(dir: string, file: string, sheets: readonly SheetSpec[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    const headers = spec.headers ?? Object.keys(spec.rows[0] ?? {});
    sheet.addRow([`Register ${spec.name} 2025`]);
    sheet.mergeCells(1, 1, 1, Math.max(2, headers.length));
    sheet.addRow([...headers]);
    for (const row of spec.rows) {
      const added = sheet.addRow(headers.map((h) => toExcel(row[h] ?? null)));
      headers.forEach((h, i) => {
        const format = spec.formats?.[h];
        if (format) added.getCell(i + 1).numFmt = format;
      });
    }
  }
  await workbook.xlsx.writeFile(path.join(dir, file));
}

const toExcel = (value: CellValue): ExcelJS.CellValue => (value === '' ? null : value);

/** CSV as Dutch Excel saves it: `;`-separated, header on line 1, in UTF-8 (with BOM) or Windows-1252. */
export async function writeCsv(dir: string, file: string, rows: readonly Row[], encoding: 'utf8' | 'win1252' = 'win1252'): Promise<void> {
  const headers = Object.keys(rows[0] ?? {});
  const quote = (value: CellValue) => {
    const text = value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const text = [headers, ...rows.map((row) => headers.map((h) => row[h] ?? null))].map((line) => line.map(quote).join(';')).join('\r\n') + '\r\n';
  await writeFile(path.join(dir, file), encoding === 'utf8' ? `\uFEFF${text}` : iconv.encode(text, 'win1252'));
}
