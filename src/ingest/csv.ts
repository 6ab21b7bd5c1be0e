/**
 * CSV registers as Dutch Excel saves them: `;`-separated (or `,`), RFC 4180 quoting, UTF-8 with or
 * without BOM or Windows-1252. Every cell stays text: decimal commas and dates are read by validate.
 */
import iconv from 'iconv-lite';
import type { Message } from '../messages.js';
import { headerScore } from './header.js';
import type { SheetKind, Table } from './table.js';
import { buildTable, type RawCell, type RawRow, type SheetPlace } from './table-builder.js';

export type Separator = ';' | ',';

export async function readCsv(bytes: Uint8Array, place: SheetPlace): Promise<{ tables: Table[]; messages: Message[] }> {
  const text = decodeText(bytes);
  const { table, messages } = await buildTable(place, parseCsv(text, detectSeparator(text, place.kind)));
  return { tables: table ? [table] : [], messages };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Windows-1252: Excel's
 * "CSV (gescheiden door lijstscheidingsteken)" on a Dutch Windows. Windows-1252 text with accents or
 * `€` is practically never valid UTF-8, so the test is reliable.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252');
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
    const best = Math.max(0, ...head.map((r) => headerScore(kind, r.cells)));
    return [best, head[0]?.cells.length ?? 0];
  };
  const [semicolonScore, semicolonFields] = rate(';');
  const [commaScore, commaFields] = rate(',');
  return commaScore > semicolonScore || (commaScore === semicolonScore && commaFields > semicolonFields) ? ',' : ';';
}

/**
 * Records with the line on which each starts (a quoted field may span lines). Lenient where Excel
 * is: a quote inside an unquoted field is kept as text, text after a closing quote is appended.
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
    cells.push(trimmed === '' ? null : trimmed);
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
