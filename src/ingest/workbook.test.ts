import { PassThrough } from 'node:stream';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SheetKind } from './table.js';
import { readWorkbook } from './workbook.js';

/** The bytes exceljs writes for a workbook, exactly what a .xlsx file on disk holds. */
async function bytesOf(build: (workbook: ExcelJS.Workbook) => void, compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression } } as ExcelJS.XlsxWriteOptions));
}

/**
 * Edits an uncompressed (STORE) entry in place, same length, and fixes its checksums in the local
 * header and the central directory: a sound zip around broken content.
 */
function patchStoredEntry(zip: Buffer, name: string, edit: (content: string) => string): Buffer {
  const out = Buffer.from(zip);
  // The central directory comes last; [Content_Types].xml names the entry too, so search from the end.
  const central = out.lastIndexOf(name) - 46;
  const local = out.readUInt32LE(central + 42);
  const start = local + 30 + out.readUInt16LE(local + 26) + out.readUInt16LE(local + 28);
  const end = start + out.readUInt32LE(central + 20);
  const content = Buffer.from(edit(out.toString('latin1', start, end)), 'latin1');
  expect(content.length).toBe(end - start);
  content.copy(out, start);
  out.writeUInt32LE(crc32(content), local + 14);
  out.writeUInt32LE(crc32(content), central + 16);
  return out;
}

const asRisks = (): SheetKind => 'risks';

interface Shape {
  name: string;
  value: ExcelJS.CellValue;
  numFmt?: string;
  /** What ingest hands on; `undefined`: the cell is left out (with a warning). */
  expected: unknown;
}

const shapes: Shape[] = [
  { name: 'getal als tekst', value: '3', expected: '3' },
  { name: 'decimale komma als tekst', value: '2,5', expected: '2,5' },
  { name: 'getal', value: 3.5, expected: 3.5 },
  { name: 'datumcel', value: new Date(Date.UTC(2025, 1, 3)), expected: new Date(Date.UTC(2025, 1, 3)) },
  { name: 'datumcel met eigen opmaak', value: new Date(Date.UTC(2025, 11, 31)), numFmt: 'dd-mm-yyyy', expected: new Date(Date.UTC(2025, 11, 31)) },
  { name: 'datum als serienummer', value: 45000, expected: 45000 },
  { name: 'dd-mm-jjjj als tekst', value: '31-12-2025', expected: '31-12-2025' },
  { name: 'ISO-datum als tekst', value: '2025-12-31', expected: '2025-12-31' },
  { name: 'percentage', value: 0.6, numFmt: '0%', expected: '60%' },
  { name: 'percentage zonder afrondingsruis', value: 0.07, numFmt: '0%', expected: '7%' },
  { name: 'percentage met decimaal', value: 0.125, numFmt: '0.0%', expected: '12.5%' },
  { name: 'percentage als tekst', value: '60%', expected: '60%' },
  { name: 'bedrag met valuta-opmaak', value: 1.5, numFmt: '"€" #,##0.00', expected: 1.5 },
  { name: 'formule', value: { formula: '2+3', result: 5 }, expected: 5 },
  { name: 'formule met tekst', value: { formula: 'A1', result: 'tekst ' }, expected: 'tekst' },
  { name: 'formule met datum', value: { formula: 'DATE(2025,1,1)', result: 45658 }, numFmt: 'dd-mm-yyyy', expected: new Date(Date.UTC(2025, 0, 1)) },
  { name: 'formule met percentage', value: { formula: 'B2/2', result: 0.45 }, numFmt: '0%', expected: '45%' },
  { name: 'rijke tekst', value: { richText: [{ text: 'Uitval ', font: { bold: true } }, { text: 'tijdsynchronisatie' }] }, expected: 'Uitval tijdsynchronisatie' },
  { name: 'hyperlink', value: { text: 'Continuïteitsplan', hyperlink: 'https://example.org/plan' }, expected: 'Continuïteitsplan' },
  { name: 'spaties en harde spatie', value: '  open \u00a0', expected: 'open' },
  { name: 'alleen spaties', value: '   ', expected: undefined },
  { name: 'waar/onwaar', value: true, expected: true },
  { name: 'formule met foutwaarde', value: { formula: '1/0', result: { error: '#DIV/0!' } }, expected: undefined },
  { name: 'formule zonder opgeslagen uitkomst', value: { formula: '1+1' } as ExcelJS.CellFormulaValue, expected: undefined },
  { name: 'foutcel', value: { error: '#N/A' }, expected: undefined },
];

describe('readWorkbook: cell shapes', async () => {
  const bytes = await bytesOf((workbook) => {
    const sheet = workbook.addWorksheet('Risico’s');
    sheet.addRow(['ID', 'Titel']);
    for (const shape of shapes) {
      const row = sheet.addRow([shape.name, shape.value]);
      if (shape.numFmt) row.getCell(2).numFmt = shape.numFmt;
    }
  });
  const { tables, messages } = await readWorkbook(bytes, 'registers.xlsx', asRisks);
  const rows = new Map(tables[0]?.rows.map((r) => [r.cells.id, r]));

  it.each(shapes.map((shape, index) => ({ ...shape, row: index + 2 })))('$name', ({ name, expected, row }) => {
    const found = rows.get(name);
    expect(found?.row).toBe(row);
    expect(found?.cells.titel).toEqual(expected);
  });

  it('warns about unreadable cells, naming file, sheet, row, column and cell', () => {
    const row = (name: string) => shapes.findIndex((s) => s.name === name) + 2;
    expect(messages.map((m) => [m.severity, m.ruleId, m.file, m.sheet, m.row, m.column, m.cell, m.actual])).toEqual([
      ['warning', 'cel-foutwaarde', 'registers.xlsx', 'Risico’s', row('formule met foutwaarde'), 'Titel', `B${row('formule met foutwaarde')}`, '=1/0'],
      ['warning', 'cel-foutwaarde', 'registers.xlsx', 'Risico’s', row('formule zonder opgeslagen uitkomst'), 'Titel', `B${row('formule zonder opgeslagen uitkomst')}`, '=1+1'],
      ['warning', 'cel-foutwaarde', 'registers.xlsx', 'Risico’s', row('foutcel'), 'Titel', `B${row('foutcel')}`, '#N/A'],
    ]);
  });
});

describe('readWorkbook: sheet layout', () => {
  it('finds the header below a merged title row and a blank row, and keeps Excel row numbers across blank rows', async () => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet("RISICO'S");
      sheet.getCell('A1').value = 'Risicoregister NAFIN 2025';
      sheet.mergeCells('A1:G1');
      sheet.getCell('A3').value = 'Stand: 31-12-2025';
      // Header with other case, accents, punctuation, an alias and a merged header cell (E5:F5).
      sheet.getRow(5).values = ['id', 'TITEL ', 'Beschrijving', 'Dreigings-categorie', 'Eigenaar', undefined, 'Kans'];
      sheet.mergeCells('E5:F5');
      sheet.getRow(6).values = ['R-1', 'Uitval', 'Tekst', 'Technisch falen', 'CIO', 'naast de kop', 3];
      sheet.getRow(9).values = ['R-2', 'Sabotage', undefined, 'Statelijke actor', 'JIVC', undefined, 4];
      // A row with a value only under the headerless (merged) column is no data row.
      sheet.getRow(10).values = [undefined, undefined, undefined, undefined, undefined, 'los'];
      sheet.getRow(11).values = ['R-3', 'Insider'];
    });
    const { tables, messages } = await readWorkbook(bytes, 'registers.xlsx', asRisks);
    expect(messages).toEqual([]);
    const table = tables[0];
    expect(table?.headerRow).toBe(5);
    expect(table?.sheet).toBe("RISICO'S");
    expect(table?.columns).toEqual([
      { key: 'id', header: 'id', letter: 'A' },
      { key: 'titel', header: 'TITEL', letter: 'B' },
      { key: 'omschrijving', header: 'Beschrijving', letter: 'C' },
      { key: 'dreigingscategorie', header: 'Dreigings-categorie', letter: 'D' },
      { key: 'eigenaar', header: 'Eigenaar', letter: 'E' },
      { key: 'kans', header: 'Kans', letter: 'G' },
    ]);
    expect(table?.rows).toEqual([
      { row: 6, cells: { id: 'R-1', titel: 'Uitval', omschrijving: 'Tekst', dreigingscategorie: 'Technisch falen', eigenaar: 'CIO', kans: 3 } },
      { row: 9, cells: { id: 'R-2', titel: 'Sabotage', dreigingscategorie: 'Statelijke actor', eigenaar: 'JIVC', kans: 4 } },
      { row: 11, cells: { id: 'R-3', titel: 'Insider' } },
    ]);
  });

  it('reads a repeated column once and reports the repeat at its header cell', async () => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet('Risico’s');
      sheet.addRow(['ID', 'Titel', 'Kans', 'titel']);
      sheet.addRow(['R-1', 'eerste', 2, 'tweede']);
    });
    const { tables, messages } = await readWorkbook(bytes, 'registers.xlsx', asRisks);
    expect(tables[0]?.rows[0]?.cells).toEqual({ id: 'R-1', titel: 'eerste', kans: 2 });
    expect(messages.map((m) => [m.ruleId, m.row, m.column, m.cell])).toEqual([['kolom-dubbel', 1, 'titel', 'D1']]);
  });

  it('reports a sheet without a recognisable header row, and an empty sheet', async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet('Risico’s').addRow(['Alleen een titel']);
      workbook.addWorksheet('Maatregelen');
    });
    const selector = (name: string): SheetKind => (name === 'Maatregelen' ? 'measures' : 'risks');
    const { tables, messages } = await readWorkbook(bytes, 'registers.xlsx', selector);
    expect(tables).toEqual([]);
    expect(messages.map((m) => [m.severity, m.ruleId, m.file, m.sheet])).toEqual([
      ['error', 'kopregel-ontbreekt', 'registers.xlsx', 'Risico’s'],
      ['error', 'blad-leeg', 'registers.xlsx', 'Maatregelen'],
    ]);
  });

  it('reads only the sheets the selector names, as the kind it says', async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet('Toelichting').addRow(['ID', 'Titel', 'Kans']);
      workbook.addWorksheet('Blad2').addRows([['ID', 'Soort', 'Datum'], ['I-1', 'oefening', '01-02-2025']]);
    });
    const { tables } = await readWorkbook(bytes, 'registers.xlsx', (name) => (name === 'Blad2' ? 'incidents' : undefined));
    expect(tables.map((t) => [t.sheet, t.kind, t.rows.length])).toEqual([['Blad2', 'incidents', 1]]);
  });
});

describe('readWorkbook: long sheets', () => {
  it('keeps accented characters intact across the pieces the sheet is parsed in', async () => {
    // Inline strings put the text in the sheet XML itself, well over one 64 KiB piece.
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (chunk: Buffer) => parts.push(chunk));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Maatregelen');
    sheet.addRow(['ID', 'Titel']).commit();
    for (let i = 1; i <= 5000; i++) sheet.addRow([`M-${i}`, `Continuïteitsplan € ${i}`]).commit();
    sheet.commit();
    await workbook.commit();
    const { tables } = await readWorkbook(Buffer.concat(parts), 'registers.xlsx', () => 'measures');
    const titles = tables[0]?.rows.map((r) => r.cells.titel);
    expect(titles).toHaveLength(5000);
    expect(titles?.filter((t, i) => t !== `Continuïteitsplan € ${i + 1}`)).toEqual([]);
  });
});

describe('readWorkbook: damaged files', () => {
  it.each([
    ['empty', Buffer.alloc(0), 'bestand-leeg'],
    ['not a zip', Buffer.from('ID;Titel\nR-1;Uitval\n'), 'bestand-beschadigd'],
    ['a damaged compound file (.xls)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'bestand-beschadigd'],
  ])('%s', async (_, bytes, ruleId) => {
    const { tables, messages } = await readWorkbook(bytes, 'kapot.xlsx', asRisks);
    expect(tables).toEqual([]);
    expect(messages.map((m) => [m.severity, m.ruleId, m.file])).toEqual([['error', ruleId, 'kapot.xlsx']]);
  });

  it('reports a truncated workbook instead of waiting forever', async () => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet('Risico’s');
      for (let i = 1; i <= 2000; i++) sheet.addRow([`R-${i}`, `Risico ${i}`, i % 5]);
    });
    const { messages } = await readWorkbook(bytes.subarray(0, bytes.length >> 1), 'half.xlsx', asRisks);
    expect(messages.map((m) => [m.ruleId, m.file])).toEqual([['bestand-beschadigd', 'half.xlsx']]);
  });

  it('reports damage inside the zip', async () => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet('Risico’s');
      for (let i = 1; i <= 2000; i++) sheet.addRow([`R-${i}`, `Risico ${i}`, i % 5]);
    });
    const damaged = Buffer.from(bytes);
    for (let i = 2000; i < 4000; i++) damaged[i] = (damaged[i]! * 7 + 13) & 0xff;
    const { tables, messages } = await readWorkbook(damaged, 'kapot.xlsx', asRisks);
    expect(tables).toEqual([]);
    expect(messages.map((m) => [m.ruleId, m.file])).toEqual([['bestand-beschadigd', 'kapot.xlsx']]);
  });

  it('reports a sound zip holding a broken workbook part in Dutch only, without the reader\'s own words', async () => {
    const bytes = await bytesOf((workbook) => workbook.addWorksheet('Risico’s').addRows([['ID', 'Titel'], ['R-1', 'Uitval']]), 'STORE');
    const broken = patchStoredEntry(bytes, 'xl/workbook.xml', (xml) => xml.replace(/<sheets>.*<\/sheets>/, (m) => '<'.repeat(m.length)));
    const { tables, messages } = await readWorkbook(broken, 'kapot.xlsx', asRisks);
    expect(tables).toEqual([]);
    expect(messages).toEqual([
      { severity: 'error', ruleId: 'bestand-beschadigd', file: 'kapot.xlsx', reason: expect.stringMatching(/^De werkmap (is beschadigd|bevat geen werkbladen)/), expected: expect.any(String) },
    ]);
  });

  it('reports a zip that holds no workbook', async () => {
    const bytes = await bytesOf((workbook) => workbook.addWorksheet('Risico’s').addRow(['ID', 'Titel']), 'STORE');
    // Rename the entry in its local header and in the central directory (names are not checksummed).
    const central = bytes.lastIndexOf('xl/workbook.xml') - 46;
    for (const at of [central + 46, bytes.readUInt32LE(central + 42) + 30]) bytes.write('xl/notebook.xml', at, 'latin1');
    const { messages } = await readWorkbook(bytes, 'archief.xlsx', asRisks);
    expect(messages.map((m) => [m.ruleId, m.file, m.reason])).toEqual([['bestand-beschadigd', 'archief.xlsx', 'De werkmap is beschadigd en kan niet worden gelezen.']]);
  });

  it('accepts the untouched stored workbook the patch starts from', async () => {
    const bytes = await bytesOf((workbook) => workbook.addWorksheet('Risico’s').addRows([['ID', 'Titel'], ['R-1', 'Uitval']]), 'STORE');
    const same = patchStoredEntry(bytes, 'xl/worksheets/sheet1.xml', (xml) => xml);
    const { tables, messages } = await readWorkbook(same, 'goed.xlsx', asRisks);
    expect(messages).toEqual([]);
    expect(tables[0]?.rows).toEqual([{ row: 2, cells: { id: 'R-1', titel: 'Uitval' } }]);
  });
});
