/**
 * The committed sample analysis covers what issue 2 asks of it, is what the generator writes
 * (byte for byte), and the benchmark generator writes loadable registers of the asked size.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchRegisters } from '../bench/registers.js';
import { COLUMNS } from '../src/columns.js';
import { LEVEL_LABEL } from '../src/classify/levels.js';
import type { SheetKind } from '../src/ingest/table.js';
import { DEFAULT_METHOD, MEASURE_STATUSES, RISK_STATUSES } from '../src/model.js';
import { loadData, loadPrevious } from '../src/load.js';
import { score } from '../src/score/index.js';
import { makeSample } from '../scripts/make-sample.js';
import { CATEGORIES } from '../scripts/sample-content.js';

const DATA = fileURLToPath(new URL('../data/', import.meta.url));
const HEADER_ROW = 3;

/** A cell as text, whatever its shape (formula result, rich text, date), trimmed as ingest does. */
function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return text(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
  }
  return String(value).trim();
}

type Row = Record<string, ExcelJS.CellValue>;

/** The data rows of a register sheet, keyed by contract header; blank rows left out. */
function register(workbook: ExcelJS.Workbook, name: string, kind: SheetKind): Row[] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`sheet ${name} missing`);
  const names = COLUMNS[kind].map((c) => c.header);
  expect(names.map((_, i) => text(sheet.getRow(HEADER_ROW).getCell(i + 1).value))).toEqual(names);
  const rows: Row[] = [];
  sheet.eachRow((row, number) => {
    if (number <= HEADER_ROW || text(row.getCell(1).value) === '') return;
    rows.push(Object.fromEntries(names.map((header, i) => [header, row.getCell(i + 1).value])));
  });
  return rows;
}

const list = (value: ExcelJS.CellValue) =>
  text(value)
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
const values = (rows: Row[], header: string) => new Set(rows.map((row) => text(row[header])));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe('sample analysis 2025', () => {
  let workbook: ExcelJS.Workbook;
  let risks: Row[];
  let measures: Row[];
  let incidents: Row[];
  beforeAll(async () => {
    workbook = await load(path.join(DATA, 'voorbeeld-2025/registers.xlsx'));
    risks = register(workbook, "Risico's", 'risks');
    measures = register(workbook, 'Maatregelen', 'measures');
    incidents = register(workbook, 'Incidenten', 'incidents');
  });

  it('has a merged bold title row above the header, as kept workbooks do', () => {
    const sheet = workbook.getWorksheet("Risico's")!;
    expect(text(sheet.getCell('A1').value)).toBe('Risicoregister NAFIN 2025 — Stg. Confidentieel');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('B1').isMerged).toBe(true);
    expect(sheet.getRow(2).cellCount).toBe(0);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
  });

  it('holds at least 30 risks over all indicators, threat categories and statuses', () => {
    expect(risks.length).toBeGreaterThanOrEqual(30);
    const indicators = risks.map((r) => list(r.Indicatoren));
    expect(new Set(indicators.flat())).toEqual(new Set(DEFAULT_METHOD.indicatoren.map((i) => i.code)));
    expect(indicators.filter((codes) => codes.length >= 2).length).toBeGreaterThanOrEqual(5);
    expect(values(risks, 'Dreigingscategorie')).toEqual(new Set(Object.values(CATEGORIES)));
    expect(values(risks, 'Status')).toEqual(new Set(RISK_STATUSES));
    expect(values(risks, 'ID').size).toBe(risks.length);
  });

  it('holds at least 40 measures in every status, naming existing risks', () => {
    expect(measures.length).toBeGreaterThanOrEqual(40);
    expect(values(measures, 'Status')).toEqual(new Set(MEASURE_STATUSES));
    const riskIds = values(risks, 'ID');
    for (const measure of measures) for (const id of list(measure["Risico's"])) expect(riskIds).toContain(id);
  });

  it('has late measures and risks not reviewed for more than 12 months at the peildatum', () => {
    const isoOf = (value: ExcelJS.CellValue) => (value instanceof Date ? text(value) : text(value).split('-').reverse().join('-'));
    const late = measures.filter(
      (m) => ['gepland', 'in uitvoering', 'vertraagd'].includes(text(m.Status)) && isoOf(m.Streefdatum) < '2025-12-31',
    );
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(risks.filter((r) => isoOf(r['Laatste beoordeling']) < '2024-12-31').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the seed measures with their costs, among them a formula cell', () => {
    const byTitle = (title: string) => measures.find((m) => text(m.Titel) === title)!;
    expect(byTitle('Versterken beheer NAFIN')['Kosten structureel (M€)']).toBe(3);
    expect(byTitle('Voorraad kernapparatuur aanschaffen en aanhouden')['Kosten eenmalig (M€)']).toBe(9);
    const formula = measures.find((m) => text(m.ID) === 'NAF-M-029')!['Kosten eenmalig (M€)'];
    expect(formula).toMatchObject({ formula: '1.5*2', result: 3 });
  });

  it('varies cell shapes: Excel dates, text dates, percent cells, numbers as text, rich text, trailing spaces, a blank row', () => {
    const sheet = workbook.getWorksheet('Maatregelen')!;
    const voortgang = COLUMNS.measures.findIndex((c) => c.header === 'Voortgang') + 1;
    const formats: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > HEADER_ROW) formats.push(row.getCell(voortgang).numFmt);
    });
    expect(formats).toContain('0%');
    expect(measures.some((m) => m.Streefdatum instanceof Date)).toBe(true);
    expect(measures.some((m) => /^\d{2}-\d{2}-\d{4}$/.test(text(m.Streefdatum)))).toBe(true);
    expect(risks.some((r) => typeof r.Kans === 'string')).toBe(true);
    expect(risks.some((r) => typeof r.Titel === 'object' && r.Titel !== null && 'richText' in r.Titel)).toBe(true);
    expect(measures.some((m) => typeof m.Status === 'string' && m.Status.endsWith(' '))).toBe(true);
    expect(sheet.rowCount - HEADER_ROW).toBeGreaterThan(measures.length);
  });

  it('lists at least 6 incidents and exercises, the 2024 outage among them (13 hours against 4)', () => {
    expect(incidents.length).toBeGreaterThanOrEqual(6);
    expect(values(incidents, 'Soort')).toEqual(new Set(['incident', 'oefening']));
    const outage = incidents.find((i) => text(i.Datum) === '2024-08-27' || text(i.Datum) === '27-08-2024');
    expect(outage).toMatchObject({ 'Hersteltijd (uur)': 13, 'Norm (uur)': 4 });
  });

  it('has items at Openbaar, Departementaal Vertrouwelijk and Stg. Confidentieel', () => {
    const levels = new Set([...risks, ...measures, ...incidents].map((row) => text(row.Rubricering)));
    expect(levels).toEqual(new Set([LEVEL_LABEL.openbaar, LEVEL_LABEL['dep-v'], LEVEL_LABEL['stg-c']]));
  });
});

describe('sample analysis 2024', () => {
  it('keeps its measures as a Dutch Excel CSV: Windows-1252, `;`, decimal commas, CRLF', async () => {
    const bytes = await readFile(path.join(DATA, 'voorbeeld-2024/maatregelen.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const csv = iconv.decode(bytes, 'win1252');
    expect(csv).toContain('Continuïteitsplannen herzien');
    expect(csv).toContain('geëscaleerde');
    const lines = csv.split('\r\n');
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(lines[2]?.split(';')).toEqual(COLUMNS.measures.map((c) => c.header));
    expect(csv).toMatch(/;0,5;/);
  });

  it('is an earlier state: fewer risks and measures, one risk still open that 2025 closed', async () => {
    const workbook = await load(path.join(DATA, 'voorbeeld-2024/registers.xlsx'));
    const risks2024 = register(workbook, "Risico's", 'risks');
    expect(workbook.getWorksheet('Maatregelen')).toBeUndefined();
    const risks2025 = register(await load(path.join(DATA, 'voorbeeld-2025/registers.xlsx')), "Risico's", 'risks');
    expect(risks2024.length).toBeLessThan(risks2025.length);
    const status = (rows: Row[], id: string) => text(rows.find((r) => text(r.ID) === id)?.Status);
    expect(status(risks2024, 'NAF-R-025')).toBe('open');
    expect(status(risks2025, 'NAF-R-025')).toBe('gesloten');

    const csv = iconv.decode(await readFile(path.join(DATA, 'voorbeeld-2024/maatregelen.csv')), 'win1252');
    const riskIds = values(risks2024, 'ID');
    const referenced = csv.match(/NAF-R-\d{3}/g) ?? [];
    expect(referenced.length).toBeGreaterThan(0);
    for (const id of referenced) expect(riskIds).toContain(id);
  });

  it('points 2025 at 2024 and 2024 at 2023 as last year', async () => {
    expect(await readFile(path.join(DATA, 'voorbeeld-2025/analyse.yaml'), 'utf8')).toMatch(/^vorige: \.\.\/voorbeeld-2024$/m);
    expect(await readFile(path.join(DATA, 'voorbeeld-2024/analyse.yaml'), 'utf8')).toMatch(/^vorige: \.\.\/voorbeeld-2023$/m);
    expect(await readFile(path.join(DATA, 'voorbeeld-2023/analyse.yaml'), 'utf8')).not.toMatch(/vorige/);
  });

  it('has accepted risks with who accepted them and until when: one expired, one ending within 90 days', async () => {
    const risks = register(await load(path.join(DATA, 'voorbeeld-2025/registers.xlsx')), "Risico's", 'risks');
    const accepted = risks.filter((r) => text(r.Status) === 'geaccepteerd');
    expect(accepted.length).toBeGreaterThanOrEqual(3);
    for (const r of accepted) expect(text(r['Geaccepteerd door']), text(r.ID)).not.toBe('');
    const until = accepted.map((r) => (r['Geaccepteerd tot'] instanceof Date ? text(r['Geaccepteerd tot']) : text(r['Geaccepteerd tot']).split('-').reverse().join('-')));
    expect(until.some((d) => d < '2025-12-31')).toBe(true);
    expect(until.some((d) => d >= '2025-12-31' && d <= '2026-03-31')).toBe(true);
  });
});

describe('sample analysis as input', () => {
  const errors = (messages: { severity: string }[]) => messages.filter((m) => m.severity === 'error');

  it('is valid: every year loads without errors', async () => {
    for (const year of ['voorbeeld-2025', 'voorbeeld-2024', 'voorbeeld-2023']) {
      const loaded = await loadData(path.join(DATA, year));
      expect(errors(loaded.messages), year).toEqual([]);
      expect(loaded.registers?.measures.length, year).toBeGreaterThan(30);
    }
  });

  it('gives the trend something to show: indicator scores move both ways', async () => {
    const dir = path.join(DATA, 'voorbeeld-2025');
    const loaded = await loadData(dir);
    const previous = await loadPrevious(dir, '../voorbeeld-2024');
    const analysis = score(loaded.registers!, loaded.settings!, previous.previous);
    const deltas = analysis.indicators.map((i) => (i.score ?? NaN) - (i.vorigeScore ?? NaN));
    expect(deltas.some((d) => d > 1)).toBe(true);
    expect(deltas.some((d) => d < -1)).toBe(true);
  });

  it('gives the history three years through the chain of vorige, each comparable', async () => {
    const dir = path.join(DATA, 'voorbeeld-2025');
    const loaded = await loadData(dir);
    const previous = await loadPrevious(dir, '../voorbeeld-2024');
    expect(previous.inputs.map((i) => i.path)).toContain('../voorbeeld-2023/registers.xlsx');
    const analysis = score(loaded.registers!, loaded.settings!, previous.previous);
    expect(analysis.historie.map((h) => [h.jaar, h.methodeVergelijkbaar])).toEqual([
      [2024, true],
      [2023, true],
    ]);
    expect(analysis.historie[1]!.totaalScore).not.toBe(analysis.historie[0]!.totaalScore);
  });
});

describe('generated files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'weerbaarheid-sample-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the committed sample is exactly what make-sample writes', async () => {
    await makeSample(dir);
    for (const file of ['voorbeeld-2025/analyse.yaml', 'voorbeeld-2025/registers.xlsx', 'voorbeeld-2024/analyse.yaml', 'voorbeeld-2024/registers.xlsx', 'voorbeeld-2024/maatregelen.csv', 'voorbeeld-2023/analyse.yaml', 'voorbeeld-2023/registers.xlsx']) {
      expect(Buffer.compare(await readFile(path.join(dir, file)), await readFile(path.join(DATA, file))), file).toBe(0);
    }
  });

  it('writeBenchRegisters writes a loadable workbook with the asked row counts', async () => {
    const bench = path.join(dir, 'bench');
    await writeBenchRegisters(bench, { risks: 100, measures: 200 });
    const workbook = await load(path.join(bench, 'registers.xlsx'));
    const risks = register(workbook, "Risico's", 'risks');
    const measures = register(workbook, 'Maatregelen', 'measures');
    expect(risks).toHaveLength(100);
    expect(measures).toHaveLength(200);
    expect(register(workbook, 'Incidenten', 'incidents').length).toBeGreaterThanOrEqual(6);
    const riskIds = values(risks, 'ID');
    expect(riskIds.size).toBe(100);
    for (const measure of measures) {
      for (const id of list(measure["Risico's"])) expect(riskIds).toContain(id);
      if (['in uitvoering', 'vertraagd'].includes(text(measure.Status))) expect(text(measure.Voortgang)).not.toBe('');
    }
    const loaded = await loadData(bench);
    expect(loaded.messages.filter((m) => m.severity === 'error')).toEqual([]);
  });
});
