/**
 * Workbooks (.xlsx, .xlsm, .xls, .ods) read with SheetJS Community Edition, which knows what
 * Excel for Windows and Mac, Excel Online, LibreOffice, WPS, openpyxl, Apache POI and .NET tools
 * write. This is the only module that talks to it, through its documented `read` only.
 *
 * Bounded before parsing: the file's size is capped when it is read (read-file.ts); a zip
 * container is unpacked and counted by ./zip.ts, and SheetJS gets the counted parts stored without
 * compression, so it never inflates anything itself; rows past the limit are not parsed
 * (`sheetRows`); an .ods is refused when its repeated cells would expand past a count
 * (ods-cells.ts); a legacy .xls, a plain compound file, is capped by its size.
 */
import * as XLSX from '@e965/xlsx';
import { message, type Message } from '../messages.js';
import { readCell } from './cell.js';
import { countLabel, LIMITS, sizeLabel } from './limits.js';
import { odsCells } from './ods-cells.js';
import type { SheetKind, Table } from './table.js';
import { buildTable, type Merge, type RawRow } from './table-builder.js';
import { storedZip, unzip } from './zip.js';

/** Decides per sheet name whether it is read, and as which register. */
export type SheetSelector = (sheet: string) => SheetKind | undefined;

export interface WorkbookResult {
  tables: Table[];
  messages: Message[];
}

const ZIP_LOCAL_HEADER = Buffer.from('PK\x03\x04', 'latin1');
/** Legacy .xls, and also the container of password-protected .xlsx files. */
const OLE2_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Zip parts a reader needs (XML and relations, ODF's mimetype); pictures, macros and the like are left packed. */
const READ_PART = /(\.xml|\.rels|^mimetype)$/i;

const EXPECTED = 'een werkmap (.xlsx, .xlsm, .xls of .ods) die Excel of LibreOffice zonder herstel opent';

export async function readWorkbook(bytes: Buffer, file: string, select: SheetSelector): Promise<WorkbookResult> {
  const fail = (ruleId: string, reason: string, expected = EXPECTED): WorkbookResult => ({ tables: [], messages: [message('error', ruleId, reason, { file, expected })] });
  const container = parserInput(bytes);
  if ('problem' in container) return fail(container.problem.ruleId, container.problem.reason, container.problem.expected);

  let names: string[];
  try {
    names = quietly(() => XLSX.read(container.data, { type: 'buffer', bookSheets: true }).SheetNames);
  } catch (error) {
    return fail(...parserProblem(error));
  }
  if (names.length === 0) return fail('bestand-beschadigd', 'De werkmap bevat geen werkbladen.');
  // SheetJS 0.20.3 leaves the sheet names of an .ods as written in its XML (`Risico&apos;s`).
  const shown = (name: string) => (container.ods ? decodeXml(name) : name);
  const wanted = names.map((key) => ({ key, name: shown(key), kind: select(shown(key)) })).filter((s): s is { key: string; name: string; kind: SheetKind } => s.kind !== undefined);
  if (wanted.length === 0) return { tables: [], messages: [] };

  let workbook: XLSX.WorkBook;
  try {
    workbook = quietly(() => XLSX.read(container.data, {
      type: 'buffer',
      sheets: wanted.map((s) => s.key),
      dense: true,
      cellNF: true,
      cellFormula: true,
      cellHTML: false,
      cellText: false,
      // Dates as Date objects of their wall-clock time in UTC, in either date system (1900, 1904).
      cellDates: true,
      UTC: true,
      // Keeps formulas without a stored result, which are otherwise dropped without a trace.
      sheetStubs: true,
      sheetRows: LIMITS.rows + 1,
    }));
  } catch (error) {
    return fail(...parserProblem(error));
  }
  const tables: Table[] = [];
  const messages: Message[] = [];
  for (const { key, name, kind } of wanted) {
    const sheet = workbook.Sheets[key];
    if (!sheet) continue;
    const data = sheet['!data'] ?? [];
    if (data.length > LIMITS.rows && data[LIMITS.rows]?.some((cell) => cell !== undefined && cell.t !== 'z')) {
      messages.push(
        message('error', 'te-veel-rijen', `Het blad heeft meer dan ${countLabel(LIMITS.rows)} rijen en wordt niet gelezen.`, {
          file,
          sheet: name,
          row: LIMITS.rows + 1,
          expected: `hoogstens ${countLabel(LIMITS.rows)} rijen per blad`,
        }),
      );
      continue;
    }
    const merges: Merge[] = (sheet['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c, bottom: m.e.r + 1, right: m.e.c }));
    const built = await buildTable({ file, sheet: name, kind }, rows(data), merges);
    if (built.table) tables.push(built.table);
    for (const m of built.messages) messages.push(m);
  }
  return { tables, messages };
}

function* rows(data: readonly (XLSX.CellObject | undefined)[][]): Generator<RawRow> {
  for (let index = 0; index < data.length; index++) {
    const row = data[index];
    if (!row) continue;
    yield { row: index + 1, cells: Array.from(row, (cell) => (cell ? readCell(cell) : undefined)) };
  }
}

type Problem = { ruleId: string; reason: string; expected?: string };

/** SheetJS notes formats it can only approximate on the console; what the user reads are our messages. */
function quietly<T>(read: () => T): T {
  const error = console.error;
  console.error = () => undefined;
  try {
    return read();
  } finally {
    console.error = error;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => ENTITIES[e] ?? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))));

/** What SheetJS gets: a zip checked and stored (see zip.ts), or the bytes of a legacy workbook. */
function parserInput(bytes: Buffer): { data: Buffer; ods?: boolean } | { problem: Problem } {
  if (bytes.length === 0) return { problem: { ruleId: 'bestand-leeg', reason: 'Het bestand is leeg.' } };
  if (bytes.subarray(0, OLE2_HEADER.length).equals(OLE2_HEADER)) {
    if (bytes.length <= LIMITS.legacyBytes) return { data: bytes };
    return { problem: { ruleId: 'bestand-te-groot', reason: `De werkmap in het oude Excel-formaat (.xls) is groter dan ${sizeLabel(LIMITS.legacyBytes)}.`, expected: `een .xls van hoogstens ${sizeLabel(LIMITS.legacyBytes)}, of de werkmap opgeslagen als .xlsx` } };
  }
  if (!bytes.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return { problem: { ruleId: 'bestand-beschadigd', reason: 'Het bestand is geen werkmap of is beschadigd.' } };
  const unzipped = unzip(bytes, (name) => READ_PART.test(name));
  if ('damage' in unzipped) return { problem: { ruleId: unzipped.ruleId ?? 'bestand-beschadigd', reason: unzipped.damage, expected: unzipped.ruleId ? unzipped.expected : undefined } };
  const content = unzipped.entries.find((e) => e.name === 'content.xml');
  if (content && odsCells(content.content.toString('utf8')) > LIMITS.odsCells) {
    return { problem: { ruleId: 'bestand-te-groot', reason: `De werkmap telt uitgeschreven meer dan ${countLabel(LIMITS.odsCells)} cellen.`, expected: `een werkmap van hoogstens ${countLabel(LIMITS.odsCells)} gevulde cellen` } };
  }
  return { data: storedZip(unzipped.entries), ods: content !== undefined };
}

/** Why the parser gave up, in Dutch: its own (English) text is never shown. */
function parserProblem(error: unknown): [ruleId: string, reason: string] {
  const text = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(text)) return ['bestand-beveiligd', 'Het bestand is met een wachtwoord beveiligd en kan niet worden gelezen.'];
  if (/unsupported|not supported|BIFF[2-5]|Lotus|Quattro/i.test(text)) return ['bestand-formaat', 'Het bestand is in een werkmapformaat opgeslagen dat niet wordt gelezen.'];
  return ['bestand-beschadigd', 'De werkmap is beschadigd en kan niet worden gelezen.'];
}
