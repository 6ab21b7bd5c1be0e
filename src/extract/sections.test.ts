import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { findSection, formatOutline, outline, topLevel } from './sections.js';

const sectionsOf = (markdown: string) => outline((unified().use(remarkParse).parse(markdown) as Root).children);

const REPORT = sectionsOf(
  [
    '# Rapport',
    '## Dreigingsbeeld',
    '## Dreigingen per indicator',
    '### Maatregelen',
    '## Maatregelen',
    '### Maatregelen te laat',
    '## Bijlagen',
  ].join('\n\n'),
);

describe('outline', () => {
  it('gives each heading the nodes up to the next heading of the same or a higher level', () => {
    expect(REPORT.map((s) => [s.title, s.start, s.end])).toEqual([
      ['Rapport', 0, 7],
      ['Dreigingsbeeld', 1, 2],
      ['Dreigingen per indicator', 2, 4],
      ['Maatregelen', 3, 4],
      ['Maatregelen', 4, 6],
      ['Maatregelen te laat', 5, 6],
      ['Bijlagen', 6, 7],
    ]);
  });

  it('formats an empty tree as nothing', () => {
    expect(formatOutline([])).toBe('');
  });
});

describe('findSection', () => {
  it('prefers an exact title at the shallowest depth', () => {
    const match = findSection(REPORT, 'MAATREGELEN', 'r.md');
    expect(match.ok && [match.section.depth, match.section.start]).toEqual([2, 4]);
  });

  it('refuses a prefix that fits several headings at the same depth', () => {
    expect(findSection(REPORT, 'dreiging', 'r.md')).toEqual({
      ok: false,
      message: 'Sectie "dreiging" is niet eenduidig in r.md: "Dreigingsbeeld", "Dreigingen per indicator". Geef de volledige titel.',
    });
  });

  it('matches nothing for a title without letters or digits', () => {
    expect(findSection(REPORT, ' - ', 'r.md').ok).toBe(false);
  });
});

describe('topLevel', () => {
  it('skips a single document title', () => {
    expect(topLevel(REPORT).map((s) => s.title)).toEqual(['Dreigingsbeeld', 'Dreigingen per indicator', 'Maatregelen', 'Bijlagen']);
  });

  it('keeps several headings of the shallowest depth', () => {
    expect(topLevel(sectionsOf('## A\n\n### A1\n\n## B')).map((s) => s.title)).toEqual(['A', 'B']);
  });
});

describe('many headings', () => {
  it('lists 200,000 sections without overflowing the stack', () => {
    const sections = Array.from({ length: 200_000 }, (_, i) => ({ title: `H${i}`, depth: (2 + (i % 2)) as 2 | 3, start: i, end: i + 1 }));
    expect(formatOutline(sections).split('\n')).toHaveLength(200_001);
    expect(topLevel(sections)).toHaveLength(100_000);
  });
});
