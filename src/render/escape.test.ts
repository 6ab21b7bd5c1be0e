import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { md, WORD_JOINER } from './escape.js';

const parser = unified().use(remarkParse).use(remarkGfm);

function nodeTypes(tree: Root): string[] {
  const types: string[] = [];
  const walk = (n: Root | RootContent) => {
    types.push(n.type);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(tree);
  return types;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The text a reader sees: the invisible joiner that breaks autolinks left out. */
const toText = (n: Parameters<typeof toString>[0]) => toString(n).replaceAll(WORD_JOINER, '');

const HOSTILE = [
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![i](http://evil/x.png)',
  '| pipes | in | cells |',
  '# heading',
  '{{handlebars}} en {{{raw}}}',
  '`code` en ``meer``',
  'http://evil.example/pad en www.evil.nl en iemand@evil.nl',
  '<http://evil>',
  '*nadruk* __sterk__ ~~weg~~',
  '> citaat',
  '- lijst',
  '1. genummerd',
  '2) genummerd',
  '---',
  '===',
  '&lt;b&gt; &amp; &#60;',
  'regel\nmet\r\nnieuwe\tregels',
  'eindigt op backslash \\',
  '[^1]: voetnoot',
  'Titel #',
];

describe('md', () => {
  it.each(HOSTILE)('keeps %j literal in a paragraph', (text) => {
    const tree = parser.parse(`Voor ${md(text)} na`);
    expect(nodeTypes(tree)).toEqual(['root', 'paragraph', 'text']);
    expect(toText(tree)).toBe(`Voor ${collapse(text)} na`);
  });

  it.each(HOSTILE)('keeps %j literal at the start of a line and in a heading', (text) => {
    const line = parser.parse(md(text));
    expect(nodeTypes(line)).toEqual(collapse(text) === '' ? ['root'] : ['root', 'paragraph', 'text']);
    const heading = parser.parse(`### ${md(text)}`);
    expect(nodeTypes(heading)).toEqual(['root', 'heading', 'text']);
    expect(toText(heading)).toBe(collapse(text));
  });

  it.each(HOSTILE)('keeps %j inside one table cell', (text) => {
    const tree = parser.parse(`| a | b |\n| --- | --- |\n| ${md(text)} | x |\n`);
    const table = tree.children[0];
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    const row = table.children[1];
    expect(row?.children).toHaveLength(2);
    expect(toText(row!.children[0]!)).toBe(collapse(text));
    expect(nodeTypes(tree).filter((t) => !['root', 'table', 'tableRow', 'tableCell', 'text'].includes(t))).toEqual([]);
  });

  it('keeps any text literal in paragraphs and table cells', () => {
    const chars = fc.constantFrom(...'abc 12.:/@#*_-+=>|<![](){}`~&\\;\n\t'.split(''), 'http://', 'www.', 'x@y.nl', '[a](b)', '<a>', '{{');
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 40 }), (text) => {
        const para = parser.parse(`x ${md(text)}`);
        expect(nodeTypes(para)).toEqual(['root', 'paragraph', 'text']);
        expect(toText(para)).toBe(collapse(`x ${text}`));
        const cell = parser.parse(`| a |\n| --- |\n| ${md(text)} |\n`);
        expect(nodeTypes(cell).filter((t) => t !== 'text')).toEqual(['root', 'table', 'tableRow', 'tableCell', 'tableRow', 'tableCell']);
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('leaves plain Dutch text readable', () => {
    expect(md('Uitval van de tijdsynchronisatie (kern)')).toBe('Uitval van de tijdsynchronisatie (kern)');
    expect(md(undefined)).toBe('');
  });
});
