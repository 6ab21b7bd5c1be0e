/**
 * Shared look of the workbook: class colours, number formats, header style, and the two value
 * conversions every sheet needs (ISO date → Excel date, text → a plain string cell that reads back
 * unchanged).
 */
import type { Fill, Font } from 'exceljs';
import type { RiskClass } from '../../model.js';
import { hasBidiControls, isolate } from '../../text/bidi.js';

/** Light fills so black text stays readable; green, yellow, orange, red. */
export const CLASS_COLOR: Record<RiskClass, string> = {
  laag: 'FFA9D08E',
  midden: 'FFFFE699',
  hoog: 'FFF4B183',
  'zeer hoog': 'FFFF7C80',
};

/** A class as a column header. */
export const CLASS_HEADER: Record<RiskClass, string> = { laag: 'Laag', midden: 'Midden', hoog: 'Hoog', 'zeer hoog': 'Zeer hoog' };

export const LATE_COLOR = 'FFFFC7CE';
export const WARNING_COLOR = 'FFFFEB9C';
export const HEADER_COLOR = 'FFD9E1F2';

/** Excel stores formats locale-neutral; Excel and LibreOffice show the user's decimal comma. */
export const NUM = {
  integer: '0',
  oneDecimal: '0.0',
  twoDecimals: '0.00',
  /** Kans- and Impactreductie: a whole class or a fraction of one. */
  reduction: '0.0#',
  money: '#,##0.00',
  change: '+0.0;-0.0;0.0',
  percent: '0%',
  date: 'dd-mm-yyyy',
} as const;

/** A font without a name falls back to the viewer's default (a serif in LibreOffice); name the workbook's own. */
export const HEADER_FONT: Partial<Font> = { name: 'Calibri', size: 11, bold: true };
export const TITLE_FONT: Partial<Font> = { name: 'Calibri', size: 14, bold: true };

export function solidFill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export const HEADER_FILL = solidFill(HEADER_COLOR);

/** `2025-12-31` → the Excel date of that day (UTC midnight, which exceljs writes as a whole serial). */
export function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Excel refuses a workbook with a longer text in a cell. */
export const MAX_CELL_TEXT = 32_767;
const CUT = ' … (ingekort)';

/** Characters XML 1.0 cannot hold at all, not even as a character reference: most C0 controls, U+FFFE/U+FFFF, lone surrogates. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;
const ESCAPED = new RegExp(`_x[0-9A-Fa-f]{4}_|\r|${XML_INVALID.source}`, 'gu');

const hex4 = (char: string) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

/**
 * OOXML text can carry any character only through `_xHHHH_` escapes, as Excel writes them: a
 * control character such as NUL or ESC would make the part no XML at all, a bare CR is turned
 * into LF by every XML parser, and a literal `_x0041_` in the text would be read back as `A`.
 * Escaping them keeps register text byte-for-byte through a write and a read. Only a text beyond
 * Excel's cell limit (such as the risk list of a partner among 10,000 risks) is cut, and says so.
 */
export function cellText(text: string): string {
  // A cell is a paragraph of its own, so only bidi controls could turn the text after them (the
  // tool's words in a message, say) around; such text is isolated, other text stays byte-for-byte.
  const safe = hasBidiControls(text) ? isolate(text) : text;
  const fitted = safe.length > MAX_CELL_TEXT ? safe.slice(0, MAX_CELL_TEXT - CUT.length) + CUT : safe;
  return fitted.replace(ESCAPED, (m) => (m.length > 1 ? `_x005F${m}` : hex4(m)));
}

/** Whether text can go into the workbook's XML where no `_xHHHH_` escape is read (formulas, prompts, properties). */
export function isXmlText(text: string): boolean {
  return !XML_INVALID.test(text);
}

/** Text for such places: what XML cannot hold becomes U+FFFD, visible and harmless. */
export function xmlText(text: string): string {
  return text.replace(new RegExp(XML_INVALID.source, 'gu'), '\uFFFD');
}
