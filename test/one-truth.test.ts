/**
 * One truth in every version (issue 15). The sample (Stg. Confidentieel, with last year) rendered at
 * each lower level:
 * - `alle`: every aggregate figure in the Markdown, the workbook (a fresh exceljs load) and
 *   analysis.json is the full analysis' figure;
 * - `zichtbaar`: the version equals, sentence by sentence, a run on data that holds only the
 *   visible items (input hashes, the coverage sentences and annexes D and E aside).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse, type Analysed } from '../src/analyse.js';
import type { Analysis } from '../src/analysis.js';
import { filterRegisters } from '../src/classify/filter.js';
import type { Level } from '../src/classify/levels.js';
import { levelView } from '../src/classify/view.js';
import { render, type OutputFile } from '../src/render/index.js';
import { SAMPLE_2025, copyData, removeTempDirs } from './helpers/fixtures.js';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';

afterAll(removeTempDirs);

const LOWER: Level[] = ['openbaar', 'dep-v'];

async function analysed(basis: 'alle' | 'zichtbaar'): Promise<Analysed> {
  const data = await copyData(SAMPLE_2025);
  await appendFile(join(data, 'analyse.yaml'), `scoregrondslag: ${basis}\n`);
  const result = await analyse(data);
  if (!result.ok) throw new Error('analyse mislukt');
  return result;
}

async function files(result: Analysed, level?: Level) {
  const rendered = await render(result, { formats: ['md', 'xlsx'], ...(level && { level }) });
  if (!rendered.ok) throw new Error('render mislukt');
  const find = (ext: string) => rendered.files.find((f: OutputFile) => f.path.endsWith(ext))!.data;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(find('.xlsx') as unknown as ArrayBuffer);
  return { markdown: find('.md') as string, analysis: JSON.parse(find('analysis.json') as string) as Analysis, workbook: wb };
}

/** Column B of the Samenvatting sheet per label in column A: the workbook's key figures (the classification lines differ by version on purpose). */
function keyFigures(wb: ExcelJS.Workbook): Record<string, unknown> {
  const sheet = wb.getWorksheet('Samenvatting')!;
  const out: Record<string, unknown> = {};
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string' && !label.startsWith('Rubricering') && label !== 'Datakwaliteit') out[label] = [2, 3, 4, 5, 6].map((c) => row.getCell(c).value);
  });
  return out;
}

/** The Markdown section under a `## ` heading, up to the next one. */
function section(md: string, title: string): string {
  const start = md.indexOf(`\n## ${title}`);
  const end = md.indexOf('\n## ', start + 4);
  return md.slice(start, end < 0 ? undefined : end);
}

/** The tables of a section whose caption starts with `caption`, as text. */
const tableAfter = (md: string, caption: string) => {
  const start = md.indexOf(caption);
  return start < 0 ? '' : md.slice(start, md.indexOf('\n\n', md.indexOf('\n|', start)));
};

/**
 * The threat table, where a reduced version folds the categories that only hidden risks name into
 * one last row (their names are those risks' text): its column sums, and its named rows.
 */
function threatTable(rows: readonly (readonly (string | number)[])[]) {
  const sums = rows[0]!.slice(1).map((_, i) => rows.reduce((n, row) => n + Number(row[i + 1]), 0));
  return { sums, named: rows.filter((row) => row[0] !== null && row[0] !== FOLDED) };
}
const FOLDED = "Overige (alleen hoger gerubriceerde risico's)";
const markdownRows = (table: string) =>
  table
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
const jsonRows = (a: Analysis) => a.totals.aantallen!.dreiging.map((d) => [d.categorie ?? FOLDED, ...a.indicators.map((i) => d.perIndicator[i.code] ?? 0), d.totaal, d.hoog]);

/** The coverage sentence a reduced version opens with: the one paragraph the full version lacks. */
const COVERAGE = /^Deze versie is (bestemd|opgesteld) voor het niveau .*$/gm;

describe('scoregrondslag alle: a reduced version quotes the full analysis', () => {
  let full: Awaited<ReturnType<typeof files>>;
  const reduced: Record<string, Awaited<ReturnType<typeof files>>> = {};
  beforeAll(async () => {
    const result = await analysed('alle');
    full = await files(result);
    for (const level of LOWER) reduced[level] = await files(result, level);
  }, 240_000);

  it.each(LOWER)('analysis.json at %s has the full totals and indicator scores', (level) => {
    const r = reduced[level]!.analysis;
    const withoutThreats = (a: Analysis) => ({ ...a.totals, aantallen: { ...a.totals.aantallen!, dreiging: [] } });
    expect(withoutThreats(r)).toEqual(withoutThreats(full.analysis));
    const [mine, theirs] = [threatTable(jsonRows(r)), threatTable(jsonRows(full.analysis))];
    expect(mine.sums).toEqual(theirs.sums);
    for (const row of mine.named) expect(theirs.named).toContainEqual(row);
    // At Openbaar, some categories are named by hidden risks only.
    if (level === 'openbaar') expect(r.totals.aantallen!.dreiging.at(-1)?.categorie).toBeNull();
    expect(r.indicators.map(({ slechtsteRisico: _s, ...rest }) => rest)).toEqual(full.analysis.indicators.map(({ slechtsteRisico: _s, ...rest }) => rest));
    expect(r.risks.length).toBeLessThan(full.analysis.risks.length);
  });

  it.each(LOWER)('the workbook at %s has the full key figures', (level) => {
    expect(keyFigures(reduced[level]!.workbook)).toEqual(keyFigures(full.workbook));
  });

  it.each(LOWER)('the Markdown at %s gives the full figures in summary, tables and Kernboodschappen', (level) => {
    const md = reduced[level]!.markdown;
    const summary = (m: string) => section(m, 'Samenvatting').replace(COVERAGE, '').replace(/\n{3,}/g, '\n\n').split('Belangrijkste bevindingen')[0]!.trim();
    expect(summary(md)).toBe(summary(full.markdown));
    for (const caption of ['Maatregelen per status, met hun kosten.', "Aantal open risico's per klasse", 'Risicomatrix bruto', 'Risicomatrix streef', 'Score per indicator']) {
      expect(tableAfter(md, caption), caption).not.toBe('');
      expect(tableAfter(md, caption), caption).toBe(tableAfter(full.markdown, caption));
    }
    const threats = (m: string) => threatTable(markdownRows(tableAfter(m, "Open risico's per dreigingscategorie")));
    const [mine, theirs] = [threats(md), threats(full.markdown)];
    expect(mine.sums).toEqual(theirs.sums);
    for (const row of mine.named) expect(theirs.named).toContainEqual(row);
    if (level === 'openbaar') expect(mine.named.length).toBeLessThan(theirs.named.length);
    // The Kernboodschappen's figures are the full version's; only the measures named may differ.
    const figures = (m: string) => section(m, 'Kernboodschappen voor de Kamerbrief').replace(/De maatregelen die het meest bijdragen zijn [^.]*(\([^)]*\)[^.]*)*\./g, '');
    expect(figures(md)).toBe(figures(full.markdown));
    // A list of a reduced version counts what it leaves out.
    expect(md).toMatch(/van de [\p{L}\d]+ risico's staan in deze versie; de overige zijn hoger gerubriceerd\./u);
  });

  it.each(LOWER)('the cover and the summary of %s say what the figures cover, without a configuration key', (level) => {
    const md = reduced[level]!.markdown;
    const lines = md.split('\n').filter((l) => l.startsWith('Deze versie is bestemd'));
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l).toContain('De cijfers gaan over de hele analyse');
      expect(l).not.toMatch(/scoregrondslag|alle\b.*zichtbaar/);
    }
    expect(full.markdown).not.toContain('Deze versie is bestemd');
  });
});

describe('scoregrondslag zichtbaar: a reduced version equals a run on the visible items', () => {
  let result: Analysed;
  beforeAll(async () => {
    result = await analysed('zichtbaar');
  }, 120_000);

  /** The analysis as if its data held only what `level` shows: registers of both years filtered, at that level. */
  function onFilteredData(level: Level): Analysed {
    const prev = result.previous?.data;
    // Data that holds only these items is classified at this level, by no decision of its own (Openbaar cannot lapse).
    const { rubriceringBesluit: _decision, ...settings } = result.settings;
    const source = {
      settings: { ...settings, rubricering: level },
      registers: filterRegisters(result.registers, level),
      previous: prev && { data: { ...prev, settings: { ...prev.settings, rubricering: level }, registers: filterRegisters(prev.registers, level) } },
      messages: [],
    };
    const made = levelView(source, level);
    if (!('view' in made)) throw new Error('geen view');
    return { ok: true, ...source, inputs: result.inputs, view: made.view };
  }

  /** Sentences of the Markdown without front matter, annexes D and E and the coverage sentences. */
  function sentences(md: string): string[] {
    const body = md.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n## Bijlage D')[0]!;
    return body
      .replace(COVERAGE, '')
      .split(/(?<=[.:;])\s+|\n+/)
      .map((s) => s.trim())
      .filter(Boolean);
  }

  it.each(LOWER)('at %s: the same sentences, figures and workbook key figures', async (level) => {
    const version = await files(result, level);
    const filtered = await files(onFilteredData(level), level);
    expect(sentences(version.markdown)).toEqual(sentences(filtered.markdown));
    const { rubricering: _r, ...versionAnalysis } = version.analysis;
    const { rubricering: _f, ...filteredAnalysis } = filtered.analysis;
    expect(versionAnalysis).toEqual(filteredAnalysis);
    expect(keyFigures(version.workbook)).toEqual(keyFigures(filtered.workbook));
    expect(version.markdown).not.toMatch(/hoger gerubriceerd\.|ook over die weggelaten onderdelen/);
  }, 120_000);
});
