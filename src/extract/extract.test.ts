import { readFileSync } from 'node:fs';
import type { Heading, Nodes, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { extract, type ExtractOptions, type ExtractResult } from './index.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');
const OPENBAAR = fixture('openbaar.md');
const DEP_V = fixture('departementaal-vertrouwelijk.md');

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown);

function output(result: ExtractResult): string {
  if (!result.ok) throw new Error(`geweigerd: ${result.message}`);
  return result.output;
}

const run = (opts: Partial<ExtractOptions>) => extract({ markdown: OPENBAAR, file: 'rapport.md', ...opts });

function headings(markdown: string): string[] {
  const found: string[] = [];
  visit(parse(markdown), 'heading', (node: Heading) => {
    found.push(`${'#'.repeat(node.depth)} ${toString(node)}`);
  });
  return found;
}

function nodeTypes(markdown: string): Set<string> {
  const types = new Set<string>();
  visit(parse(markdown), (node: Nodes) => {
    types.add(node.type);
  });
  return types;
}

/** Text that occurs only in the body of the fixture reports. */
const REPORT_TEXT = ['Weerbaarheidsanalyse', 'Samenvatting', 'Kernboodschappen', 'Maatregelen', 'GEHEIM-CONTACT', 'NAFIN', 'M-01'];

describe('rubricering', () => {
  it.each([
    ['the whole report', {}],
    ['--list', { list: true }],
    ['--section', { sections: ['Kernboodschappen voor de Kamerbrief'] }],
    ['an unknown --section', { sections: ['Bestaat niet'] }],
    ['--format txt at explicit Openbaar', { format: 'txt', level: 'openbaar' }],
  ] as const)('refuses a Dep. V. report below its level: %s', (_, opts) => {
    const result = extract({ markdown: DEP_V, file: 'rapport.md', ...opts });
    expect(result).toEqual({
      ok: false,
      exitCode: 1,
      message: 'rapport.md is gerubriceerd Departementaal Vertrouwelijk; genereer het rapport eerst op niveau Openbaar (weerbaarheid generate --level openbaar).',
    });
  });

  it('releases a Dep. V. report at Dep. V. and above', () => {
    expect(output(extract({ markdown: DEP_V, file: 'rapport.md', level: 'dep-v' }))).toContain('GEHEIM-CONTACT-J.JANSEN');
    expect(output(extract({ markdown: DEP_V, file: 'rapport.md', level: 'stg-g', sections: ['Maatregelen'] }))).toContain('GEHEIM-CONTACT-J.JANSEN');
  });

  it('releases an Openbaar report at the default level', () => {
    expect(run({}).ok).toBe(true);
  });

  it.each([
    ['no front matter', '# Rapport\n\nGEHEIM-CONTACT\n', 'het rapport begint niet met YAML-front matter'],
    ['invalid YAML', '---\nrubricering: [Openbaar\n---\n\n# Rapport\n', 'de front matter is geen geldige YAML'],
    ['no rubricering', '---\ntitel: Rapport\n---\n\n# Rapport\n', 'de front matter noemt geen rubricering'],
    ['a list as rubricering', '---\nrubricering: [Openbaar]\n---\n\n# Rapport\n', 'de front matter noemt geen rubricering'],
    ['an unknown level', '---\nrubricering: Zeer Geheim Weet-ik-veel\n---\n\n# Rapport\n', 'de rubricering in de front matter is geen bekend niveau'],
  ])('refuses a report with %s', (_, markdown, reason) => {
    const result = extract({ markdown, file: 'rapport.md', level: 'stg-zg' });
    expect(result).toMatchObject({ ok: false, exitCode: 1 });
    if (result.ok) return;
    expect(result.message).toContain(`rapport.md: ${reason}`);
    expect(result.message).toContain('; zonder bekende rubricering wordt er niets uit het rapport vrijgegeven.');
    expect(result.message).not.toMatch(/\n/);
    for (const text of ['Rapport', 'GEHEIM-CONTACT', 'Weet-ik-veel']) expect(result.message).not.toContain(text);
  });

  it('reads the usual spellings of a level', () => {
    const markdown = DEP_V.replace('rubricering: Departementaal Vertrouwelijk', 'rubricering: dep. v.');
    expect(extract({ markdown, file: 'rapport.md' }).ok).toBe(false);
    expect(extract({ markdown, file: 'rapport.md', level: 'dep-v' }).ok).toBe(true);
  });
});

describe('without --section', () => {
  it('gives the whole body without front matter', () => {
    const md = output(run({}));
    expect(nodeTypes(md).has('yaml')).toBe(false);
    expect(md).not.toContain('rubricering');
    expect(headings(md)).toEqual(headings(OPENBAAR));
  });
});

describe('--list', () => {
  it('prints the section tree indented by depth', () => {
    expect(output(run({ list: true }))).toBe(
      [
        '- Weerbaarheidsanalyse NAFIN 2025',
        '  - Samenvatting',
        '    - Kerncijfers',
        '  - Kernboodschappen voor de Kamerbrief',
        '  - Risicobeeld',
        '    - Verschuiving van bruto naar actueel',
        '  - Maatregelen',
        '    - Maatregelen te laat',
        '    - Financiële gevolgen',
        '  - Bijlagen',
        '    - Methode',
        '',
      ].join('\n'),
    );
  });

  it('prints the tree of the chosen sections only', () => {
    expect(output(run({ list: true, sections: ['Maatregelen'], format: 'txt' }))).toBe('- Maatregelen\n  - Maatregelen te laat\n  - Financiële gevolgen\n');
  });
});

describe('--section', () => {
  it.each([
    ['kernboodschappen VOOR de kamerbrief', ['## Kernboodschappen voor de Kamerbrief']],
    ['Risicobéeld', ['## Risicobeeld', '### Verschuiving van bruto naar actueel']],
    ['financiele GEVOLGEN', ['### Financiële gevolgen']],
    ['  kerncijfers ', ['### Kerncijfers']],
    ['Samenvatting', ['## Samenvatting', '### Kerncijfers']],
  ])('matches %j ignoring case and accents, with its subsections', (title, expected) => {
    expect(headings(output(run({ sections: [title] })))).toEqual(expected);
  });

  it('stops at the next heading of the same or a higher level', () => {
    const md = output(run({ sections: ['Risicobeeld'] }));
    expect(md).toContain('waarvan digitaal: 2');
    expect(md).not.toContain('Netwerkbeheer versterken');
    const last = output(run({ sections: ['Methode'] }));
    expect(headings(last)).toEqual(['### Methode']);
    expect(last).toContain('Kans × Impact');
  });

  it('gives several sections in the given order', () => {
    expect(headings(output(run({ sections: ['Maatregelen te laat', 'Samenvatting', 'Kernboodschappen voor de Kamerbrief'] })))).toEqual([
      '### Maatregelen te laat',
      '## Samenvatting',
      '### Kerncijfers',
      '## Kernboodschappen voor de Kamerbrief',
    ]);
  });

  it('takes a unique heading that starts with the title when none equals it', () => {
    expect(headings(output(run({ sections: ['Kernboodschappen'] })))).toEqual(['## Kernboodschappen voor de Kamerbrief']);
    // Maatregelen (##) is shallower than Maatregelen te laat (###).
    expect(headings(output(run({ sections: ['maatregel'] })))[0]).toBe('## Maatregelen');
  });

  it('refuses an unknown title, naming the chapters', () => {
    expect(run({ sections: ['Samenvatting', 'Conclusies'] })).toEqual({
      ok: false,
      exitCode: 1,
      message:
        'Sectie "Conclusies" niet gevonden in rapport.md. Beschikbare secties: "Samenvatting", "Kernboodschappen voor de Kamerbrief", "Risicobeeld", "Maatregelen", "Bijlagen".',
    });
  });
});

describe('--format md', () => {
  it('keeps tables as GFM tables', () => {
    const tables: Table[] = [];
    visit(parse(output(run({ sections: ['Maatregelen'] }))), 'table', (node: Table) => {
      tables.push(node);
    });
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.children.map((row) => row.children.map((cell) => toString(cell)));
    expect(rows[0]).toEqual(['ID', 'Maatregel', 'Status', 'Voortgang']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['M-01', 'M-02', 'M-03']);
    expect(tables[0]!.align).toEqual([null, null, null, 'right']);
  });

  it('keeps lists, images, emphasis, links and inline code as markup', () => {
    const types = nodeTypes(output(run({})));
    for (const type of ['heading', 'table', 'list', 'listItem', 'image', 'emphasis', 'strong', 'link', 'inlineCode']) expect(types, type).toContain(type);
    const tree = parse(output(run({ sections: ['Risicobeeld'] })));
    const alts: string[] = [];
    visit(tree, 'image', (node) => {
      alts.push(`${node.alt}|${node.url}`);
    });
    expect(alts).toEqual(["Risicomatrix actueel: aantal risico's per cel|risicomatrix-actueel.svg"]);
  });
});

describe('--format txt', () => {
  const txt = output(run({ format: 'txt' }));

  it('holds no Markdown markup', () => {
    const types = nodeTypes(txt);
    for (const type of ['heading', 'table', 'emphasis', 'strong', 'link', 'image', 'inlineCode', 'code', 'html', 'yaml', 'thematicBreak']) {
      expect(types, type).not.toContain(type);
    }
    for (const syntax of ['#', '*', '|', '`', '](', '![', 'https://']) expect(txt).not.toContain(syntax);
  });

  it('writes headings and paragraphs as plain lines, emphasis and links as their text', () => {
    expect(txt.startsWith('Weerbaarheidsanalyse NAFIN 2025\n\nSamenvatting\n\n')).toBe(true);
    expect(txt).toContain('De weerbaarheid van NAFIN is in 2025 licht verbeterd. Van de vijf indicatoren scoort crisisbeheersing het laagst.');
    expect(txt).toContain('Zie de Strategische Visie NAFIN voor de achtergrond.');
    expect(txt).toContain('op de peildatum (31 december 2025):');
  });

  it('writes a table as one line per row, each cell named after its column', () => {
    expect(txt).toContain(
      [
        'ID: M-01; Maatregel: Netwerkbeheer versterken; Status: in uitvoering; Voortgang: 60%',
        'ID: M-02; Maatregel: Voorraad kernapparatuur; Status: gereed; Voortgang: 100%',
        'ID: M-03; Maatregel: Gezamenlijke IT- en cyberincidentprocedure; Status: vertraagd; Voortgang: 30%',
      ].join('\n'),
    );
  });

  it('writes lists with dashes or numbers, nested items indented, and a figure as its alt text', () => {
    expect(txt).toContain('- Zeer hoog: van 3 naar 1\n- Hoog: van 5 naar 4\n  - waarvan digitaal: 2\n- Midden: van 4 naar 7');
    expect(txt).toContain('1. Gezamenlijke IT- en cyberincidentprocedure: 92 dagen te laat\n2. Crisiscommunicatieplan: 15 dagen te laat');
    expect(txt).toContain("Figuur: Risicomatrix actueel: aantal risico's per cel");
  });

  it('gives the chosen sections only', () => {
    expect(output(run({ format: 'txt', sections: ['Kernboodschappen voor de Kamerbrief'] }))).toBe(
      [
        'Kernboodschappen voor de Kamerbrief',
        '',
        'Het netwerk is robuuster geworden: het netwerkbeheer is versterkt en er ligt een voorraad kernapparatuur.',
        '',
        'Twee maatregelen lopen achter op schema. Zie de Strategische Visie NAFIN voor de achtergrond.',
        '',
      ].join('\n'),
    );
  });
});

it('prints nothing of a refused report in any option combination', () => {
  for (const opts of [{}, { list: true }, { format: 'txt' as const }, { sections: ['Maatregelen'], format: 'txt' as const }]) {
    const result = extract({ markdown: DEP_V, file: 'x.md', ...opts });
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    for (const t of REPORT_TEXT) expect(text).not.toContain(t);
  }
});
