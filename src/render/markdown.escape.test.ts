import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Registers } from '../model.js';
import { sampleAnalysis } from '../../test/fixtures/analysis/sample.js';
import { allNodes, frontMatter, headings, parseReport, tables } from '../../test/fixtures/analysis/mdast.js';
import { WORD_JOINER } from './escape.js';
import { renderMarkdown, SECTION_TITLES } from './markdown.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![i](http://evil/x.png)',
  '| pipes | in | cellen |',
  '# heading',
  '{{handlebars}} en {{{raw}}}',
  '`backticks` en ```fence```',
  'zie http://evil.example/pad of www.evil.nl of iemand@evil.nl',
  '*nadruk* __sterk__ ~~weg~~',
  '> citaat\n- lijst\n1. genummerd\n\n---\n===',
  '&lt;b&gt; &amp; <!-- commentaar -->',
  '[^1]: voetnoot [ref][1]\n\n[1]: http://evil',
];

/** Replace register text by `pick(i)`: titles, categories, owners, partners, contact persons. */
function patch(pick: (i: number) => string) {
  return (r: Registers): Registers => ({
    risks: r.risks.map((x, i) => ({
      ...x,
      titel: pick(i),
      dreigingscategorie: pick(i + 1),
      eigenaar: pick(i + 2),
      contactpersoon: pick(i + 3),
      ketenpartners: x.ketenpartners.length ? [pick(i + 4)] : [],
      // Every third risk accepted, by someone whose name is register text too.
      ...(i % 3 === 0 ? { status: 'geaccepteerd' as const, geaccepteerdDoor: pick(i + 9), geaccepteerdTot: '2025-06-30' } : {}),
    })),
    measures: r.measures.map((x, i) => ({ ...x, titel: pick(i + 5), eigenaar: pick(i + 6), contactpersoon: pick(i + 7) })),
    incidents: r.incidents.map((x, i) => ({ ...x, titel: pick(i + 8) })),
  });
}

// Charts are not drawn: only the Markdown is read here (register text does not reach the charts' labels).
const CTX = { toolVersion: '0.1.0', inputsHash: 'f'.repeat(64), inputs: [{ path: 'evil|<b>.xlsx', sha256: 'f'.repeat(64), bytes: 1 }], dataQuality: [], slug: 'x', annexRowLimit: 500, reducedLevel: false, drawCharts: false };

function typeCounts(markdown: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of allNodes(parseReport(markdown))) if (n.type !== 'text') counts[n.type] = (counts[n.type] ?? 0) + 1;
  return counts;
}

describe('renderMarkdown with hostile register text', async () => {
  const hostile = sampleAnalysis(patch((i) => HOSTILE[i % HOSTILE.length]!));
  const { markdown } = await renderMarkdown({ ...hostile, organisatie: '<b>Ministerie</b>\n---\n# x' }, CTX);
  const tree = parseReport(markdown);
  const benign = sampleAnalysis(patch((i) => `tekst ${i % HOSTILE.length}`));
  const baseline = await renderMarkdown({ ...benign, organisatie: 'Ministerie' }, { ...CTX, inputs: [{ ...CTX.inputs[0]!, path: 'ok.xlsx' }] });

  it('has exactly the structure of the same report with harmless text', () => {
    expect(typeCounts(markdown)).toEqual(typeCounts(baseline.markdown));
  });

  it('has no HTML, links or images from the data', () => {
    const nodes = allNodes(tree);
    for (const type of ['html', 'link', 'linkReference', 'imageReference', 'definition', 'footnoteReference', 'footnoteDefinition', 'inlineCode', 'code', 'emphasis', 'delete', 'blockquote', 'thematicBreak']) {
      expect(nodes.filter((n) => n.type === type), type).toEqual([]);
    }
    // The only bold text is the template's own wording and the totals row of the measures table.
    expect(nodes.flatMap((n) => (n.type === 'strong' ? [toString(n)] : []))).toEqual(['bruto', 'actueel', 'streef', 'Totaal niet geannuleerd', '10', 'M€ 4,4', 'M€ 11,5', 'effect', 'restkosten']);
    const images = nodes.flatMap((n) => (n.type === 'image' ? [n.url] : []));
    expect(images.every((u) => /^figuren\/[a-z0-9-]+\.svg$/.test(u))).toBe(true);
    expect(headings(tree, 2)).toEqual([...SECTION_TITLES]);
    expect(headings(tree, 1)).toHaveLength(1);
  });

  it('keeps every table row at its header width', () => {
    for (const t of tables(tree.children)) for (const row of t.rows) expect(row).toHaveLength(t.header.length);
  });

  it('keeps the text literally, newlines collapsed', () => {
    const text = toString(tree).replaceAll(WORD_JOINER, '');
    for (const h of HOSTILE) expect(text).toContain(h.replace(/\s+/g, ' '));
    const register = tables(tree.children).find((t) => t.caption.includes('Risicoregister'))!;
    expect(register.rows[0]![1]!.replaceAll(WORD_JOINER, '')).toBe(HOSTILE[0]);
    expect(register.rows[3]![1]).toBe('| pipes | in | cellen |');
    expect(frontMatter(tree).organisatie).toBe('<b>Ministerie</b>\n---\n# x');
  });
});
