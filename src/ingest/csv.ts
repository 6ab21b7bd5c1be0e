/**
 * CSV registers as Excel and LibreOffice save them: `;`-separated (or `,`), RFC 4180 quoting, in
 * UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252. Every cell stays text: decimal
 * commas and dates are read by validate.
 */
import iconv from 'iconv-lite';
import { message, type Message } from '../messages.js';
import { headerScore } from './header.js';
import { countLabel, LIMITS } from './limits.js';
import type { SheetKind, Table } from './table.js';
import { buildTable, tooLong, type RawCell, type RawRow, type SheetPlace } from './table-builder.js';

export type Separator = ';' | ',';

export async function readCsv(bytes: Uint8Array, place: SheetPlace): Promise<{ tables: Table[]; messages: Message[] }> {
  const decoded = decodeText(bytes);
  const where = { file: place.file, sheet: place.sheet };
  if ('problem' in decoded) return { tables: [], messages: [message('error', 'bestand-codering', decoded.problem, { ...where, expected: 'CSV in UTF-8, UTF-16 met BOM of Windows-1252' })] };
  const notes: Message[] = [];
  if (decoded.encoding === 'win1252') {
    notes.push(
      message('warning', 'csv-codering', 'Het bestand is geen geldige UTF-8 en is gelezen als Windows-1252; controleer letters met accenten en het euroteken.', {
        ...where,
        expected: 'CSV in UTF-8 (in Excel: "CSV UTF-8")',
      }),
    );
  }
  const rows = parseCsv(decoded.text, detectSeparator(decoded.text, place.kind), LIMITS.rows + 1);
  if (rows.length > LIMITS.rows) {
    return {
      tables: [],
      messages: [...notes, message('error', 'te-veel-rijen', `Het bestand heeft meer dan ${countLabel(LIMITS.rows)} rijen en wordt niet gelezen.`, { ...where, row: rows[LIMITS.rows]!.row, expected: `hoogstens ${countLabel(LIMITS.rows)} rijen` })],
    };
  }
  const { table, messages } = await buildTable(place, rows);
  return { tables: table ? [table] : [], messages: [...notes, ...messages] };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type Decoded = { text: string; encoding: 'utf8' | 'utf16' | 'win1252' } | { problem: string };

/**
 * UTF-16 when the file starts with its BOM; UTF-8 when the bytes are valid UTF-8 (a BOM is dropped);
 * otherwise Windows-1252, what Excel's "CSV (gescheiden door lijstscheidingsteken)" writes on a Dutch
 * Windows (Windows-1252 text with accents or `€` is practically never valid UTF-8). UTF-16 without
 * a BOM shows as NUL bytes between the letters, which no text register has: it is named, not guessed.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buffer.subarray(2)), encoding: 'utf16' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buffer.subarray(2)), encoding: 'utf16' };
  if (buffer.subarray(0, 4096).includes(0)) return { problem: 'Het bestand lijkt UTF-16 zonder BOM (of is geen tekstbestand) en kan niet worden gelezen.' };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: iconv.decode(buffer, 'win1252'), encoding: 'win1252' };
  }
}

/** How many records the separator detection looks at; the header is within these. */
const DETECTION_RECORDS = 50;

/**
 * The separator under which some early line reads as the contract's header best; when no line
 * does (the header check then reports it), the one giving the first line the most fields.
 * `;` wins ties: it is what Dutch Excel writes.
 */
export function detectSeparator(text: string, kind: SheetKind): Separator {
  const rate = (separator: Separator): [number, number] => {
    const head = parseCsv(text, separator, DETECTION_RECORDS);
    let best = 0;
    for (const record of head) best = Math.max(best, headerScore(kind, record.cells));
    return [best, head[0]?.cells.length ?? 0];
  };
  const [semicolonScore, semicolonFields] = rate(';');
  const [commaScore, commaFields] = rate(',');
  return commaScore > semicolonScore || (commaScore === semicolonScore && commaFields > semicolonFields) ? ',' : ';';
}

/**
 * Records with the line on which each starts (a quoted field may span lines). Lenient where Excel
 * is: a quote inside an unquoted field is kept as text, text after a closing quote is appended.
 * A field longer than Excel's cell limit becomes a cell problem (see tooLong).
 */
export function parseCsv(text: string, separator: Separator, limit = Infinity): RawRow[] {
  const rows: RawRow[] = [];
  let cells: RawCell[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    const trimmed = field.trim();
    cells.push(trimmed === '' ? null : (tooLong(trimmed) ?? trimmed));
    field = '';
  };
  for (let i = 0; i < text.length && rows.length < limit; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
        continue;
      }
      if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
      field += ch;
    } else if (ch === '"' && field.trim() === '') {
      inQuotes = true;
      field = '';
    } else if (ch === separator) {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push({ row: recordLine, cells });
      cells = [];
      recordLine = ++line;
    } else field += ch;
  }
  if ((field !== '' || cells.length > 0) && rows.length < limit) {
    endField();
    rows.push({ row: recordLine, cells });
  }
  return rows;
}
