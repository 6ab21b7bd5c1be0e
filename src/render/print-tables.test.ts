import { describe, expect, it } from 'vitest';
import { renderHtml, type HtmlMeta } from './html.js';

const META: HtmlMeta = {
  title: 'Rapport',
  organisatie: 'Ministerie van Defensie',
  jaar: 2025,
  peildatum: '2025-12-31',
  levelLabel: 'Stg. Confidentieel',
  toolVersion: '0.1.0',
  subject: 'Onderwerp',
  keywords: [],
};

const body = async (markdown: string) => {
  const { html } = await renderHtml(markdown, META);
  return html.slice(html.indexOf('<main>'), html.indexOf('</main>'));
};

const table = (headers: string[], rows: string[][]) =>
  [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

describe('rehypePrintTables', () => {
  it('makes each chapter a section; a chapter with a table of more than eight columns goes on landscape pages', async () => {
    const narrow = table(['ID', 'Titel'], [['R-1', 'Een']]);
    const wide = table(['ID', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], [['R-1', '1', '2', '3', '4', '5', '6', '7', '8']]);
    const html = await body(`Voorwoord.\n\n## Eerste\n\n${narrow}\n\n## Bijlage\n\nTabel 2. Breed.\n\n${wide}\n`);
    const sections = [...html.matchAll(/<section class="([^"]+)">\s*(<p>Voorwoord\.<\/p>\s*)?<h2/g)].map((m) => m[1]);
    expect(sections).toEqual(['hoofdstuk', 'hoofdstuk liggend']);
    expect(html).toMatch(/<section class="hoofdstuk">\s*<p>Voorwoord\.<\/p>/);
  });

  it('keeps IDs, dates and amounts whole and gives empty cells a no-break space (so they are tagged)', async () => {
    const html = await body(table(['ID', 'Risico\'s', 'Streefdatum', 'Kosten', 'Leeg'], [['NAF-M-001', 'NAF-R-031, NAF-R-016', '31 december 2026', 'M€ 3,0', '']]));
    for (const token of ['NAF-M-001', 'NAF-R-031', 'NAF-R-016', '31 december 2026', 'M€ 3,0']) expect(html).toContain(`<span class="heel">${token}</span>`);
    expect(html).toMatch(/<td>\u00a0<\/td>|<td>&#xA0;<\/td>|<td>&nbsp;<\/td>/);
  });

  it('splits a table too wide even for landscape into column groups that repeat the ID column, losing no cell', async () => {
    const headers = ['ID', ...Array.from({ length: 20 }, (_, i) => `Kolom${i + 1}`)];
    const row = ['NAF-R-001', ...Array.from({ length: 20 }, (_, i) => `waarde${i + 1}langwoord`)];
    const html = await body(`## Bijlage\n\nTabel 7. Heel breed.\n\n${table(headers, [row])}\n`);
    const tables = html.split(/<table[ >]/).slice(1);
    expect(tables.length).toBeGreaterThan(1);
    tables.forEach((t, i) => {
      expect(t).toContain(`Tabel 7. Heel breed. (deel ${i + 1} van ${tables.length})`);
      expect(t).toContain('<span class="heel">NAF-R-001</span>');
    });
    for (const cell of row.slice(1)) expect(html.split(cell).length - 1, cell).toBe(1);
  });

  it('adds a "Tabel N (vervolg)" header row, hidden from assistive technology, that repeats with the header', async () => {
    const html = await body(`Tabel 4. Met vervolg.\n\n${table(['ID', 'Titel'], [['R-1', 'Een']])}\n`);
    expect(html).toMatch(/<thead>\s*<tr class="vervolg" aria-hidden="true"><th colspan="2">Tabel 4 \(vervolg\)<\/th><\/tr>/);
  });
});
