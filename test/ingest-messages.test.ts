/**
 * One test per message that ingest (and the cell readers of validate) give for what other writers
 * and analysts put in a register: each asserts file, sheet, row, column, cell and rule, on a real
 * data folder read through loadData.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { loadData } from '../src/load.js';
import { formatMessage, type Message } from '../src/messages.js';
import { ANALYSE_YAML, writeCsv, writeWorkbook, type SheetSpec } from './corpus/files.js';
import { INCIDENT, MEASURE, RISK, type Row } from './corpus/tables.js';
import { applyVariant } from './corpus/variants.js';
import { removeTempDirs, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

const R = "Risico's";
const M = 'Maatregelen';
const XLSX = 'registers.xlsx';

/** A header renamed, keeping the column's place. */
const renamed = (row: Row, from: string, to: string): Row => Object.fromEntries(Object.entries(row).map(([h, v]) => [h === from ? to : h, v]));

interface Input {
  risks?: readonly Row[];
  measures?: readonly Row[] | null;
  /** XML edits of the workbook, by part. */
  patch?: Record<string, (xml: string) => string>;
  merges?: string[];
  files?: Record<string, string | Buffer>;
}

async function load(input: Input) {
  const dir = await tempDir();
  await writeFile(join(dir, 'analyse.yaml'), ANALYSE_YAML);
  const sheets: SheetSpec[] = [{ name: R, rows: input.risks ?? [RISK] }];
  if (input.measures !== null) sheets.push({ name: M, rows: input.measures ?? [MEASURE] });
  await writeWorkbook(dir, XLSX, sheets);
  if (input.patch || input.merges) {
    const bytes = await applyVariant(await readFile(join(dir, XLSX)), (parts) => {
      for (const [path, edit] of Object.entries(input.patch ?? {})) parts.set(path, edit(parts.get(path)!));
      if (input.merges) {
        const path = 'xl/worksheets/sheet1.xml';
        parts.set(path, parts.get(path)!.replace(/<mergeCells count="\d+">(.*?)<\/mergeCells>/, (_, own: string) => `<mergeCells count="${input.merges!.length + 1}">${own}${input.merges!.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`));
      }
    });
    await writeFile(join(dir, XLSX), bytes);
  }
  for (const [name, content] of Object.entries(input.files ?? {})) await writeFile(join(dir, name), content);
  return loadData(dir);
}

const messagesOf = async (input: Input): Promise<Message[]> => (await load(input)).messages;
const sheet1 = (edit: (xml: string) => string) => ({ 'xl/worksheets/sheet1.xml': edit });
/** The XML of cell `ref` replaced, whatever exceljs wrote for it. */
const cellXml = (ref: string, xml: string) => sheet1((s) => s.replace(new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`), xml));

describe('headers', () => {
  it('an unknown header is named, with the column it probably means', async () => {
    const messages = await messagesOf({ risks: [renamed(RISK, 'Laatste beoordeling', 'Datum laatste beoordeling')] });
    expect(messages).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        ruleId: 'kolom-onbekend',
        file: XLSX,
        sheet: R,
        row: 2,
        column: 'Datum laatste beoordeling',
        cell: 'M2',
        reason: "Kolom 'Datum laatste beoordeling' niet herkend; bedoelt u 'Laatste beoordeling'?",
      }),
    );
  });

  it('an unknown header with nothing close is named too', async () => {
    const messages = await messagesOf({ risks: [{ ...RISK, Opmerkingen: 'zie notulen' }] });
    expect(messages).toContainEqual(expect.objectContaining({ ruleId: 'kolom-onbekend', sheet: R, row: 2, column: 'Opmerkingen', cell: 'N2', reason: "Kolom 'Opmerkingen' niet herkend; de kolom wordt niet gelezen." }));
  });

  it('units and notes in brackets or after a line break are left out when matching', async () => {
    const risk = renamed(renamed(RISK, 'Kans', 'Kans (1-5)'), 'Laatste beoordeling', 'Laatste beoordeling\n(datum)');
    const measure = renamed(renamed(MEASURE, 'Streefdatum', 'Streefdatum (dd-mm-jjjj)'), 'Kosten structureel (M€)', 'Kosten structureel (M€ per jaar)');
    const { messages, registers } = await load({ risks: [risk], measures: [measure] });
    expect(messages).toEqual([]);
    expect(registers?.risks[0]).toMatchObject({ kans: 3, laatsteBeoordeling: '2025-06-01' });
    expect(registers?.measures[0]).toMatchObject({ streefdatum: '2026-06-30', kostenStructureel: 3 });
  });
});

describe('cells', () => {
  it('a cached error names the error', async () => {
    const messages = await messagesOf({ patch: cellXml('F3', '<c r="F3" t="e"><f>1/0</f><v>#DIV/0!</v></c>') });
    expect(messages).toContainEqual(
      expect.objectContaining({ severity: 'warning', ruleId: 'cel-foutwaarde', file: XLSX, sheet: R, row: 3, column: 'Kans', cell: 'F3', actual: '=1/0', reason: expect.stringContaining('#DIV/0!') }),
    );
  });

  it('an empty <v></v> is an empty cell, never NaN', async () => {
    const messages = await messagesOf({ patch: cellXml('F3', '<c r="F3"><v></v></c>') });
    expect(messages).toContainEqual(expect.objectContaining({ ruleId: 'verplichte-waarde-ontbreekt', sheet: R, row: 3, column: 'Kans', cell: 'F3' }));
    expect(messages.map(formatMessage).join('\n')).not.toMatch(/NaN|undefined|Cannot/);
  });

  it('a boolean is not a number, and shows as Excel shows it', async () => {
    const messages = await messagesOf({ patch: cellXml('F3', '<c r="F3" t="b"><v>1</v></c>') });
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'verkeerde-soort-waarde', sheet: R, row: 3, column: 'Kans', cell: 'F3', actual: 'WAAR' }));
  });

  it('a merged data cell is named as merged', async () => {
    const messages = await messagesOf({ risks: [RISK, { ...RISK, ID: 'R-2', Status: null }], merges: ['L3:L4'] });
    expect(messages).toContainEqual(
      expect.objectContaining({ severity: 'warning', ruleId: 'cel-samengevoegd', file: XLSX, sheet: R, row: 3, column: 'Status', cell: 'L3', actual: 'L3:L4' }),
    );
  });

  it('escapes, entities and phonetic runs read as the text Excel shows', async () => {
    const { registers } = await load({
      patch: cellXml('B3', '<c r="B3" t="inlineStr"><is><r><t>a &amp;lt; b_x000D_</t></r><r><t>c</t></r><rPh sb="0" eb="1"><t>ふり</t></rPh></is></c>'),
    });
    expect(registers?.risks[0]?.titel).toBe('a &lt; b\rc');
  });

  it('text past 32,767 characters is refused at its cell and never reaches the registers', async () => {
    const { messages, registers } = await load({ risks: [{ ...RISK, Titel: 'x'.repeat(40_000) }] });
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'cel-te-lang', sheet: R, row: 3, column: 'Titel', cell: 'B3', actual: 'x'.repeat(100) }));
    expect(JSON.stringify(registers ?? {})).not.toContain('x'.repeat(200));
  });

  it('a date outside 1990-2100 is a warning', async () => {
    const messages = await messagesOf({ risks: [{ ...RISK, 'Laatste beoordeling': '01-06-1925' }] });
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: 'datum-onwaarschijnlijk', sheet: R, row: 3, column: 'Laatste beoordeling', cell: 'M3', actual: '01-06-1925' }));
  });

  it('a register with a header and no rows is a warning', async () => {
    const messages = await messagesOf({ files: { 'incidenten.csv': `${Object.keys(INCIDENT).join(';')}\r\n` } });
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: 'register-leeg', file: 'incidenten.csv', row: 1 }));
  });
});

describe('CSV', () => {
  const csvFolder = async (rows: readonly Row[], encoding: 'utf8' | 'win1252' = 'utf8') => {
    const dir = await tempDir();
    await writeCsv(dir, 'maatregelen.csv', rows, encoding);
    return { 'maatregelen.csv': await readFile(join(dir, 'maatregelen.csv')) };
  };

  it('date-times and serial numbers as Excel writes date cells read as dates', async () => {
    const files = await csvFolder([{ ...MEASURE, Streefdatum: '30-06-2026 00:00', Status: 'gereed', Voortgang: 100, 'Gereed op': '46021' }]);
    const { messages, registers } = await load({ measures: null, files });
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(registers?.measures[0]).toMatchObject({ streefdatum: '2026-06-30', gereedOp: '2025-12-30' });
  });

  it('an ambiguous dd/mm or mm/dd date is an error that says so', async () => {
    const messages = await messagesOf({ measures: null, files: await csvFolder([{ ...MEASURE, Streefdatum: '10/01/2026' }]) });
    expect(messages).toContainEqual(
      expect.objectContaining({ severity: 'error', ruleId: 'dubbelzinnige-datum', file: 'maatregelen.csv', row: 2, column: 'Streefdatum', cell: 'H2', actual: '10/01/2026', reason: expect.stringContaining('maand-dag') }),
    );
  });

  it('LibreOffice names for every sheet (registers-Maatregelen.csv) are recognised', async () => {
    const files = await csvFolder([MEASURE]);
    const { messages, registers } = await load({ measures: null, files: { 'registers-Maatregelen.csv': files['maatregelen.csv'] } });
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(registers?.measures).toHaveLength(1);
  });

  it('UTF-16 with a byte order mark is read', async () => {
    const text = (await csvFolder([{ ...MEASURE, Titel: 'Continuïteit €' }]))['maatregelen.csv'].toString('utf8').replace(/^\uFEFF/, '');
    const { messages, registers } = await load({ measures: null, files: { 'maatregelen.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) } });
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(registers?.measures[0]?.titel).toBe('Continuïteit €');
  });

  it('UTF-16 without a byte order mark is named, not shown as mojibake', async () => {
    const text = (await csvFolder([MEASURE]))['maatregelen.csv'].toString('utf8');
    const messages = await messagesOf({ measures: null, files: { 'maatregelen.csv': Buffer.from(text.replace(/^\uFEFF/, ''), 'utf16le') } });
    expect(messages.map((m) => [m.severity, m.ruleId, m.file, m.reason])).toContainEqual(['error', 'bestand-codering', 'maatregelen.csv', expect.stringContaining('UTF-16')]);
    expect(messages.map(formatMessage).join('\n')).not.toMatch(/\u0000|�/);
  });

  it('Windows-1252 is read, with a warning that says so', async () => {
    const { messages, registers } = await load({ measures: null, files: { 'maatregelen.csv': iconv.encode(`ID;Titel;Risico's;Type;Status;Kansreductie;Impactreductie;Rubricering\r\nM-1;Continuïteit €;R-1;intern;gepland;1;0;Openbaar\r\n`, 'win1252') } });
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: 'csv-codering', file: 'maatregelen.csv' }));
    expect(registers?.measures[0]?.titel).toBe('Continuïteit €');
  });
});

describe('a damaged workbook', () => {
  it('is reported in Dutch, without the parser\'s English or a doubled "gevonden:"', async () => {
    const messages = await messagesOf({ measures: null, files: { 'maatregelen.xlsx': Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]) } });
    const lines = messages.map(formatMessage);
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'bestand-beschadigd', file: 'maatregelen.xlsx' }));
    for (const line of lines) {
      expect(line).not.toMatch(/gevonden:[^;]*gevonden:/);
      expect(line).not.toMatch(/\b(Cannot|undefined|Error|Unexpected|properties)\b/);
    }
  });
});
