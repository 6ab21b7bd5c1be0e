/**
 * Ingest: every register in the data folder read into plain tables, with located messages for
 * whatever could not be read. Never throws for a user's mistake; validate interprets the cells.
 */
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SHEET_LABEL } from '../columns.js';
import { message, type Message } from '../messages.js';
import { sha256 } from '../output/hash.js';
import { normalizeKey } from '../text/normalize.js';
import { readCsv } from './csv.js';
import { readProblem, readRegisterFile } from './read-file.js';
import { SHEET_ALIASES, type InputFile, type SheetKind, type Table } from './table.js';
import { readWorkbook } from './workbook.js';

export interface IngestResult {
  tables: Table[];
  inputs: InputFile[];
  messages: Message[];
}

const KINDS: readonly SheetKind[] = ['risks', 'measures', 'incidents'];
const REQUIRED: readonly SheetKind[] = ['risks', 'measures'];
/** Workbook formats that are read; a sheet in any of them is recognised by its name. */
const WORKBOOK_FORMATS = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);
/** Spreadsheet formats that are not read; named so that a register saved in one is not silently missing. */
const UNREAD_FORMATS = new Set(['.xlsb', '.numbers', '.fods']);

export async function ingest(dataDir: string): Promise<IngestResult> {
  const listed = await listRegisters(dataDir);
  if ('error' in listed) return { tables: [], inputs: [], messages: [listed.error] };

  const messages: Message[] = [...listed.messages];
  const tables: Table[] = [];
  const inputs: InputFile[] = [];
  /** Where each register was found first, as `file › sheet`. */
  const found = new Map<SheetKind, string>();
  const seen: string[] = [];

  /** Claims a sheet for its register; `sheet` is undefined for a CSV file, `name` what is matched. */
  const select = (file: string, sheet: string | undefined, place: string, name: string): SheetKind | undefined => {
    seen.push(place);
    const kind = sheetKind(name);
    if (!kind) {
      const reason = sheet === undefined ? 'Dit bestand is geen register en wordt niet gelezen.' : 'Dit blad is geen register en wordt overgeslagen.';
      messages.push(message('info', 'blad-overgeslagen', reason, { file, sheet, expected: registerNames() }));
      return undefined;
    }
    const first = found.get(kind);
    if (first) {
      messages.push(
        message('error', 'blad-dubbel', `Het blad ${SHEET_LABEL[kind]} komt twee keer voor: in ${first} en in ${place}. Alleen het eerste wordt gelezen.`, {
          file,
          sheet: sheet ?? name,
          expected: `één blad ${SHEET_LABEL[kind]} in de gegevensmap`,
        }),
      );
      return undefined;
    }
    found.set(kind, place);
    return kind;
  };

  for (const file of listed.files) {
    const ext = extname(file);
    const sheet = file.slice(0, -ext.length);
    const isCsv = ext.toLowerCase() === '.csv';
    // A CSV file's name says what it holds: other CSV files are not even read.
    const csvKind = isCsv ? select(file, undefined, file, csvSheetName(sheet)) : undefined;
    if (isCsv && !csvKind) continue;
    const read = await readRegisterFile(join(dataDir, file));
    if ('problem' in read) {
      messages.push(message('error', read.problem.ruleId, read.problem.reason, { file, expected: read.problem.expected }));
      continue;
    }
    const { bytes } = read;
    inputs.push({ path: file, sha256: sha256(bytes), bytes: bytes.length });
    const result = csvKind
      ? await readCsv(bytes, { file, sheet, kind: csvKind })
      : await readWorkbook(bytes, file, (name) => select(file, name, `${file} › ${name}`, name));
    for (const table of result.tables) tables.push(table);
    for (const m of result.messages) messages.push(m);
  }

  for (const kind of REQUIRED) {
    if (found.has(kind)) continue;
    messages.push(
      message('error', 'blad-ontbreekt', `Blad ${SHEET_LABEL[kind]} ontbreekt.`, {
        actual: seen.length ? seen.join('; ') : 'geen werkmappen of .csv-bestanden',
        expected: `een werkblad ${SHEET_LABEL[kind]} in een werkmap (.xlsx, .xlsm, .xls, .ods) of een bestand ${SHEET_ALIASES[kind][0]}.csv`,
      }),
    );
  }
  return { tables, inputs, messages };
}

const SHEET_KEYS: ReadonlyMap<string, SheetKind> = new Map(KINDS.flatMap((kind) => SHEET_ALIASES[kind].map((alias) => [normalizeKey(alias), kind] as const)));

/** The register a sheet (or CSV file) name stands for, matched like headers. */
export function sheetKind(name: string): SheetKind | undefined {
  return SHEET_KEYS.get(normalizeKey(name));
}

/**
 * The sheet a CSV file's name stands for: the name itself, or the part after a `-`, as LibreOffice
 * names the files when it saves every sheet of `registers.ods` (`registers-Risico's.csv`).
 */
export function csvSheetName(name: string): string {
  if (sheetKind(name)) return name;
  for (let at = name.indexOf('-'); at >= 0; at = name.indexOf('-', at + 1)) {
    const tail = name.slice(at + 1);
    if (sheetKind(tail)) return tail;
  }
  return name;
}

const registerNames = () => `een blad ${KINDS.map((kind) => SHEET_LABEL[kind]).join(', ')}`;

type Listing = { files: string[]; messages: Message[] } | { error: Message };

/** The workbooks and .csv files directly in the folder, by name; lock files (`~$…`, `.~lock.…#`) and hidden files left out. */
async function listRegisters(dataDir: string): Promise<Listing> {
  let entries;
  try {
    entries = await readdir(dataDir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'De gegevensmap bestaat niet.' : code === 'ENOTDIR' ? 'De gegevensmap is geen map.' : `De gegevensmap kan niet worden gelezen${readProblem(error)}.`;
    return { error: message('error', 'map-ontbreekt', reason, { actual: dataDir, expected: 'een map met analyse.yaml en de registers (werkmappen of .csv)' }) };
  }
  const files: string[] = [];
  const messages: Message[] = [];
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.') || name.startsWith('~$') || entry.isDirectory()) continue;
    const ext = extname(name).toLowerCase();
    if (WORKBOOK_FORMATS.has(ext) || ext === '.csv') files.push(name);
    else if (UNREAD_FORMATS.has(ext)) {
      messages.push(
        message('warning', 'bestand-formaat', `Het bestand wordt niet gelezen: alleen werkmappen (.xlsx, .xlsm, .xls, .ods) en .csv-bestanden worden gelezen.`, {
          file: name,
          expected: 'de registers opgeslagen als Excel-werkmap (.xlsx), OpenDocument (.ods) of CSV',
        }),
      );
    }
  }
  // Code-unit order, not locale order: the same on every machine.
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, messages };
}
