/**
 * Workbooks read with exceljs's streaming parsers, so rows are handled one at a time and memory
 * stays flat however long the registers are.
 *
 * The zip is unpacked by ./zip.ts and each part handed to exceljs's WorkbookReader in a fixed
 * order (relations, workbook, shared strings, styles, sheets). Its own entry loop is not used: it
 * decodes every chunk on its own, turning a character split over two chunks into `�`; it hangs on
 * a damaged file; and it can lose the parts after a large sheet when the input ends before the
 * sheet is read (the zip parser announces its end as soon as its input is consumed).
 *
 * Not needed from exceljs: merged cells (a merged title row is a row with one filled cell, which the
 * header search skips; a merged header keeps its text in its first cell) and hyperlinks (their
 * cells arrive as their text).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { message, type Message } from '../messages.js';
import { readCell } from './cell.js';
import type { SheetKind, Table } from './table.js';
import { buildTable, type RawCell, type RawRow } from './table-builder.js';
import { unzip } from './zip.js';

/** Decides per sheet name whether it is read, and as which register. */
export type SheetSelector = (sheet: string) => SheetKind | undefined;

export interface WorkbookResult {
  tables: Table[];
  messages: Message[];
}

type Chunks = AsyncIterable<string>;
interface WorksheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
}
/** The steps of exceljs 4.4's WorkbookReader.parse that are driven here; its type definitions leave them out. */
interface WorkbookParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Chunks, sheetNo: string): Iterable<{ eventType: string; value: WorksheetReader }>;
  properties?: { model?: { date1904?: boolean } };
}

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/** Parts are handed to the parser in pieces of this many bytes, so rows stream out as it goes (larger pieces cost more in garbage collection). */
const CHUNK_BYTES = 1 << 14;

export async function readWorkbook(bytes: Buffer, file: string, select: SheetSelector): Promise<WorkbookResult> {
  const fail = (ruleId: string, reason: string, actual?: string): WorkbookResult => ({
    tables: [],
    messages: [message('error', ruleId, reason, { file, actual, expected: 'een Excel-werkmap (.xlsx) die Excel zonder herstel opent' })],
  });
  const problem = checkContainer(bytes);
  if (problem) return fail(problem.ruleId, problem.reason);
  const unzipped = unzip(bytes);
  if ('damage' in unzipped) return fail('bestand-beschadigd', unzipped.damage);
  const { entries } = unzipped;
  if (!entries.has('xl/workbook.xml')) return fail('bestand-beschadigd', 'Het bestand is geen Excel-werkmap: het onderdeel xl/workbook.xml ontbreekt.');
  const part = (path: string) => Readable.from(chunks(entries.get(path) ?? Buffer.alloc(0)));

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  }) as unknown as WorkbookParts;
  const tables: Table[] = [];
  const messages: Message[] = [];
  let sheets = 0;
  try {
    await reader._parseRels(part('xl/_rels/workbook.xml.rels'));
    await reader._parseWorkbook(part('xl/workbook.xml'));
    // With sharedStrings 'cache' this yields nothing; iterating it fills the cache.
    if (entries.has('xl/sharedStrings.xml')) for await (const _ of reader._parseSharedStrings(part('xl/sharedStrings.xml')));
    if (entries.has('xl/styles.xml')) await reader._parseStyles(part('xl/styles.xml'));
    const date1904 = reader.properties?.model?.date1904 ?? false;
    for (const [path, xml] of entries) {
      const sheetNo = WORKSHEET.exec(path)?.[1];
      if (sheetNo === undefined) continue;
      for (const { value: worksheet } of reader._parseWorksheet(chunks(xml), sheetNo)) {
        sheets++;
        const kind = select(worksheet.name);
        if (!kind) continue;
        const built = await buildTable({ file, sheet: worksheet.name, kind }, rawRows(worksheet, date1904));
        if (built.table) tables.push(built.table);
        messages.push(...built.messages);
      }
    }
  } catch (error) {
    return fail('bestand-beschadigd', 'De werkmap is beschadigd en kan niet worden gelezen.', error instanceof Error ? error.message : String(error));
  }
  if (sheets === 0) return fail('bestand-beschadigd', 'De werkmap bevat geen werkbladen.');
  return { tables, messages };
}

/** UTF-8 decoded across chunk boundaries. */
async function* chunks(xml: Buffer): Chunks {
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < xml.length; at += CHUNK_BYTES) yield decoder.decode(xml.subarray(at, at + CHUNK_BYTES), { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

async function* rawRows(worksheet: WorksheetReader, date1904: boolean): AsyncGenerator<RawRow> {
  for await (const row of worksheet) {
    const cells: RawCell[] = [];
    row.eachCell((cell, column) => {
      cells[column - 1] = readCell(cell.value, cell, date1904);
    });
    yield { row: row.number, cells };
  }
}

const ZIP_LOCAL_HEADER = Buffer.from('PK\x03\x04', 'latin1');
/** Also the container of password-protected .xlsx files. */
const OLE2_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function checkContainer(bytes: Buffer): { ruleId: string; reason: string } | undefined {
  if (bytes.length === 0) return { ruleId: 'bestand-leeg', reason: 'Het bestand is leeg.' };
  if (bytes.subarray(0, OLE2_HEADER.length).equals(OLE2_HEADER)) {
    return { ruleId: 'bestand-formaat', reason: 'Het bestand is met een wachtwoord beveiligd of in het oude Excel-formaat (.xls) opgeslagen.' };
  }
  if (!bytes.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return { ruleId: 'bestand-beschadigd', reason: 'Het bestand is geen Excel-werkmap of is beschadigd.' };
  return undefined;
}
