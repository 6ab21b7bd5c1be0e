import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { expect, it } from 'vitest';
import { toPlainText } from './plaintext.js';

const plain = (markdown: string) => toPlainText((unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root).children);

it.each([
  ['raw HTML, breaks and link definitions are left out', 'Tekst <b>vet</b>\n\n<div>blok</div>\n\n---\n\n[a]: https://example.org', 'Tekst vet\n'],
  ['a hard break stays a line break', 'regel een  \nregel twee', 'regel een\nregel twee\n'],
  ['a soft break becomes a space', 'regel een\nregel twee', 'regel een regel twee\n'],
  ['an ordered list keeps its start number', '3. drie\n4. vier', '3. drie\n4. vier\n'],
  ['a list item with two paragraphs is indented', '- een\n\n  vervolg\n- twee', '- een\n  vervolg\n- twee\n'],
  ['an empty cell is left out of its row', '| A | B |\n| - | - |\n| x |  |\n|  |  |', 'A: x\n'],
  ['a cell without column name is its value', '|  | B |\n| - | - |\n| x | y |', 'x; B: y\n'],
  ['an image without alt text vanishes', '![](a.svg)', ''],
  ['a blockquote and a code block keep their words', '> citaat\n\n```\ncode\n```', 'citaat\n\ncode\n'],
  ['strike-through and reference links keep their text', '~~oud~~ [tekst][a]\n\n[a]: https://x.nl', 'oud tekst\n'],
  ['the word joiner that breaks autolinks in the report is gone', 'zie www\u2060.defensie.nl', 'zie www.defensie.nl\n'],
])('%s', (_, markdown, expected) => {
  expect(plain(markdown)).toBe(expected);
});
