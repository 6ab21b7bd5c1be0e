/**
 * Register text with characters XML cannot hold, and an indicator code with a quote: the workbook
 * stays well-formed XML in every part (checked with a strict parser), Excel's `_xHHHH_` escapes
 * carry the text, and both a fresh exceljs load and our own ingest read it back unchanged.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysis, context } from '../../test/fixtures/excel/analysis.js';
import type { Analysis } from '../analysis.js';
import { sheetKind } from '../ingest/index.js';
import { readWorkbook } from '../ingest/workbook.js';
import { buildWorkbook } from './excel.js';

const CONTROLS = 'nul\u0000een\u0001esc\u001b[31mrood\u000b\u000cff\ufffe\ud800eind';
const LITERAL = 'letterlijk _x0041_ en cr\rlf';
const CODE = 'D"IG';

let bytes: Buffer;
beforeAll(async () => {
  const hostile: Analysis = structuredClone(analysis);
  hostile.organisatie = `Ministerie\u001b van Defensie`;
  hostile.risks[0]!.titel = CONTROLS;
  hostile.risks[0]!.omschrijving = LITERAL;
  const first = hostile.methode.indicatoren[0]!.code;
  hostile.methode.indicatoren[0]!.code = CODE;
  for (const r of hostile.risks) r.indicatoren = r.indicatoren.map((c) => (c === first ? CODE : c));
  bytes = await buildWorkbook(hostile, { ...context, title: `Weerbaarheidsanalyse ${hostile.organisatie}` });
});

describe('a workbook of hostile register text', () => {
  it('is well-formed XML in every part', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
    expect(parts.length).toBeGreaterThan(5);
    for (const name of parts) {
      const parser = new SaxesParser({ xmlns: false });
      const errors: string[] = [];
      parser.on('error', (e) => errors.push(`${name}: ${e.message}`));
      parser.write(await zip.file(name)!.async('string')).close();
      expect(errors).toEqual([]);
    }
  });

  it('writes the control characters as Excel does, `_xHHHH_`', async () => {
    const strings = await (await JSZip.loadAsync(bytes)).file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('nul_x0000_een_x0001_esc_x001B_[31mrood_x000B__x000C_ff_xFFFE__xD800_eind');
    expect(strings).toContain('letterlijk _x005F_x0041_ en cr_x000D_lf');
  });

  it('reads back unchanged in a fresh exceljs load', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = book.getWorksheet("Risico's")!;
    const texts = ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.filter((v) => typeof v === 'string') : []));
    expect(texts).toContain(CONTROLS);
    expect(texts).toContain(LITERAL);
  });

  it('reads back unchanged through our own ingest, as next year’s register', async () => {
    const read = await readWorkbook(bytes, 'vorig.xlsx', sheetKind);
    expect(read.messages.filter((m) => m.severity === 'error')).toEqual([]);
    const risks = read.tables.find((t) => t.kind === 'risks')!;
    const values = risks.rows.flatMap((r) => Object.values(r.cells));
    expect(values).toContain(CONTROLS);
    expect(values).toContain(LITERAL);
    expect(values).toContain(CODE);
  });

  it('quotes the indicator check formula safely: the quote doubled inside its text literal', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = book.getWorksheet("Risico's")!;
    const header = (ws.getRow(1).values as unknown[]).indexOf('Indicatoren');
    const validation = ws.getCell(2, header).dataValidation;
    expect(validation.type).toBe('custom');
    expect(validation.formulae[0]).toContain(',"D""IG",""');
    // Every text literal in the formula closes: an even number of quotes.
    expect((String(validation.formulae[0]).match(/"/g) ?? []).length % 2).toBe(0);
  });
});
