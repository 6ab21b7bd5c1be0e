/**
 * Escaping of register text for Markdown (CommonMark + GFM). Everything an analyst typed (titles,
 * owners, partners, category names, messages) passes through `md` before a template sees it, so no
 * HTML, link, image, autolink, emphasis, code span, table cell break, block start or template syntax
 * can come from the data. Templates are compiled with `noEscape`, so this is the only escaping.
 */
import { isolate } from '../text/bidi.js';

/**
 * Characters escaped wherever they appear. Every one is ASCII punctuation, which CommonMark lets a
 * backslash escape, so the reader sees the character itself. `{}` keep `{{…}}` from reading as
 * template syntax in any later templating step; `&` keeps entity references literal; `#` anywhere,
 * because a heading drops a trailing ` #`.
 */
const ALWAYS = /[\\`*_[\]<>|~!&{}#]/g;

/**
 * GFM turns `http://…`, `www.…` and `a@b.nl` into links after escapes are resolved, so a backslash
 * cannot stop it. An invisible WORD JOINER (U+2060) inside the pattern does: the reader sees the
 * same text, but no link.
 */
export const WORD_JOINER = '\u2060';
const AUTOLINK = /(?<=[a-z])(?=:\/\/)|(?<=www)(?=\.)|(?=@)/gi;

/**
 * Register text as inline Markdown: whitespace (newlines included) collapses to one space, so a value
 * can never start a new block or end a table row, bidi controls cannot reach the text after it, and
 * markup characters are backslash-escaped.
 * Safe in paragraphs, headings, list items, table cells and image alt text.
 */
export function md(text: string | undefined | null): string {
  if (text === undefined || text === null) return '';
  // Isolated from the tool's own text around it (see bidi.ts), in every format made from the Markdown.
  const flat = isolate(String(text).replace(/\s+/g, ' ').trim());
  const escaped = flat.replace(AUTOLINK, WORD_JOINER).replace(ALWAYS, '\\$&');
  // Block starts that only count at the beginning of a line: bullet, setext underline, ordered list.
  return escaped.replace(/^[-+=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}
