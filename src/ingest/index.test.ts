import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, removeTempDirs, SAMPLE_2024, SAMPLE_2025, tempDir } from '../../test/helpers/fixtures.js';
import { ingest, sheetKind } from './index.js';

afterEach(removeTempDirs);

/** Writes files into a fresh temp folder: workbooks as sheet name → rows, anything else as bytes. */
async function folder(files: Record<string, Record<string, unknown[][]> | Uint8Array | string>): Promise<string> {
  const dir = await tempDir('weerbaarheid-ingest-');
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === 'string' || content instanceof Uint8Array) {
      await writeFile(join(dir, name), content);
      continue;
    }
    const workbook = new ExcelJS.Workbook();
    for (const [sheet, rows] of Object.entries(content)) workbook.addWorksheet(sheet).addRows(rows);
    await workbook.xlsx.writeFile(join(dir, name));
  }
  return dir;
}

const RISKS = [['ID', 'Titel', 'Kans', 'Impact'], ['R-1', 'Uitval', 3, 5]];
const MEASURES = [['ID', 'Titel', "Risico's", 'Status'], ['M-1', 'Plan', 'R-1', 'gepland']];
const brief = (m: { severity: string; ruleId: string; file?: string; sheet?: string; row?: number }) => [m.severity, m.ruleId, m.file, m.sheet, m.row];

describe('sheetKind', () => {
  it.each([
    ["Risico's", 'risks'],
    ['Risico’s', 'risks'],
    ["RISICO'S", 'risks'],
    ['risicos', 'risks'],
    ['Risicoregister', 'risks'],
    ['Maatregelen', 'measures'],
    ['maatregelen ', 'measures'],
    ['Incidenten en oefeningen', 'incidents'],
    ['Toelichting', undefined],
  ])('%s → %s', (name, kind) => {
    expect(sheetKind(name)).toBe(kind);
  });
});

describe('ingest', () => {
  it('reads the worked example cleanly', async () => {
    const { tables, inputs, messages } = await ingest(EXAMPLE_DIR);
    expect(messages).toEqual([]);
    expect(inputs.map((i) => i.path)).toEqual(['registers.xlsx']);
    expect(inputs[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(tables.map((t) => [t.file, t.sheet, t.kind, t.headerRow, t.rows.length])).toEqual([
      ['registers.xlsx', "Risico's", 'risks', 1, 8],
      ['registers.xlsx', 'Maatregelen', 'measures', 1, 12],
    ]);
    expect(tables[1]?.rows[11]).toEqual({
      row: 13,
      cells: {
        id: 'VM-012', titel: 'CIO in crisisteam', omschrijving: 'Maatregel 12 ter versterking van de weerbaarheid.', risicos: 'VR-003, VR-004',
        type: 'intern', status: 'gereed', voortgang: 100, streefdatum: '2025-03-19', gereedop: '2025-11-22', kansreductie: 2, impactreductie: 1,
        kostenstructureelm: 0.25, kosteneenmaligm: 1.5, eigenaar: 'DMO', contactpersoon: 'L. de Boer', rubricering: 'Openbaar',
      },
    });
  });

  it.each([SAMPLE_2025, SAMPLE_2024])('reads the sample data without errors: %s', async (dir) => {
    const { tables, messages } = await ingest(dir);
    // Last year's measures are a CSV as Dutch Excel saves it, in Windows-1252: that is said, nothing else.
    expect(messages.filter((m) => m.severity !== 'info' && m.ruleId !== 'csv-codering')).toEqual([]);
    expect(new Set(tables.map((t) => t.kind))).toContain('measures');
  });

  it('reads registers spread over a workbook and CSV files, recognising sheets and files by name', async () => {
    const incidents = '\ufeffID,Soort,Datum,Titel\r\nI-1,incident,27-08-2024,"Uitval, routering"\r\n';
    const csv = iconv.encode("Maatregelen\r\nID;Titel;Risico's;Status;Kosten eenmalig (M€)\r\nM-1;Continuïteitsplan;R-1;gereed;9,0\r\n", 'win1252');
    const dir = await folder({
      'registers 2025.xlsx': { "RISICO'S": RISKS, Toelichting: [['Uitleg']] },
      'Maatregelen.csv': csv,
      'notities.csv': 'wat;dan\n',
      'Incidenten.CSV': incidents,
      '~$registers 2025.xlsx': 'lock',
      '.verborgen.csv': 'x',
      'oud.xlsb': 'x',
      'analyse.yaml': 'jaar: 2025\n',
    });
    const { tables, inputs, messages } = await ingest(dir);
    expect(inputs.map((i) => [i.path, i.bytes])).toEqual([
      ['Incidenten.CSV', Buffer.byteLength(incidents)],
      ['Maatregelen.csv', csv.length],
      ['registers 2025.xlsx', expect.any(Number)],
    ]);
    expect(tables.map((t) => [t.file, t.sheet, t.kind, t.headerRow, t.rows.map((r) => r.row)])).toEqual([
      ['Incidenten.CSV', 'Incidenten', 'incidents', 1, [2]],
      ['Maatregelen.csv', 'Maatregelen', 'measures', 2, [3]],
      ['registers 2025.xlsx', "RISICO'S", 'risks', 1, [2]],
    ]);
    expect(tables[0]?.rows[0]?.cells).toEqual({ id: 'I-1', soort: 'incident', datum: '27-08-2024', titel: 'Uitval, routering' });
    expect(tables[1]?.rows[0]?.cells).toEqual({ id: 'M-1', titel: 'Continuïteitsplan', risicos: 'R-1', status: 'gereed', kosteneenmaligm: '9,0' });
    expect(messages.map(brief)).toEqual([
      ['warning', 'bestand-formaat', 'oud.xlsb', undefined, undefined],
      ['warning', 'csv-codering', 'Maatregelen.csv', 'Maatregelen', undefined],
      ['info', 'blad-overgeslagen', 'notities.csv', undefined, undefined],
      ['info', 'blad-overgeslagen', 'registers 2025.xlsx', 'Toelichting', undefined],
    ]);
  });

  it('reports a missing data folder without throwing', async () => {
    const dir = join(await tempDir(), 'bestaat-niet');
    const { tables, inputs, messages } = await ingest(dir);
    expect([tables, inputs]).toEqual([[], []]);
    expect(messages.map((m) => [m.severity, m.ruleId, m.reason, m.actual])).toEqual([['error', 'map-ontbreekt', 'De gegevensmap bestaat niet.', dir]]);
  });

  it('reports missing required sheets, naming what was found and what is expected', async () => {
    const dir = await folder({ 'registers.xlsx': { Blad1: RISKS } });
    const { tables, messages } = await ingest(dir);
    expect(tables).toEqual([]);
    expect(messages.filter((m) => m.severity === 'error').map((m) => [m.ruleId, m.reason, m.actual, m.expected])).toEqual([
      ['blad-ontbreekt', "Blad Risico's ontbreekt.", 'registers.xlsx › Blad1', "een werkblad Risico's in een werkmap (.xlsx, .xlsm, .xls, .ods) of een bestand risicos.csv"],
      ['blad-ontbreekt', 'Blad Maatregelen ontbreekt.', 'registers.xlsx › Blad1', 'een werkblad Maatregelen in een werkmap (.xlsx, .xlsm, .xls, .ods) of een bestand maatregelen.csv'],
    ]);
  });

  it('treats a missing incidents sheet as fine', async () => {
    const dir = await folder({ 'registers.xlsx': { "Risico's": RISKS, Maatregelen: MEASURES } });
    const { tables, messages } = await ingest(dir);
    expect(messages).toEqual([]);
    expect(tables.map((t) => t.kind)).toEqual(['risks', 'measures']);
  });

  it('reports a register found twice, naming both places, and reads the first', async () => {
    const dir = await folder({ 'a.xlsx': { "Risico's": RISKS, Maatregelen: MEASURES }, 'risicos.csv': 'ID;Titel\nR-9;Dubbel\n' });
    const { tables, messages } = await ingest(dir);
    expect(tables.map((t) => [t.file, t.kind])).toEqual([['a.xlsx', 'risks'], ['a.xlsx', 'measures']]);
    expect(messages.map((m) => [...brief(m), m.reason])).toEqual([
      ['error', 'blad-dubbel', 'risicos.csv', 'risicos', undefined, "Het blad Risico's komt twee keer voor: in a.xlsx › Risico's en in risicos.csv. Alleen het eerste wordt gelezen."],
    ]);
  });

  it('reports a corrupt workbook by name and still reads the other files', async () => {
    // Fixed pseudo-random bytes: deterministic garbage.
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    const dir = await folder({ 'kapot.xlsx': garbage, 'registers.xlsx': { "Risico's": RISKS, Maatregelen: MEASURES } });
    const { tables, inputs, messages } = await ingest(dir);
    expect(inputs.map((i) => i.path)).toEqual(['kapot.xlsx', 'registers.xlsx']);
    expect(tables.map((t) => t.kind)).toEqual(['risks', 'measures']);
    expect(messages.map(brief)).toEqual([['error', 'bestand-beschadigd', 'kapot.xlsx', undefined, undefined]]);
  });

  it('reports an unreadable file by name', async () => {
    const dir = await folder({ 'registers.xlsx': { "Risico's": RISKS, Maatregelen: MEASURES } });
    await mkdir(join(dir, 'map.xlsx'));
    await symlink(join(dir, 'weg.xlsx'), join(dir, 'link.xlsx'));
    const { messages } = await ingest(dir);
    expect(messages.map((m) => [...brief(m), m.reason])).toEqual([
      ['error', 'bestand-onleesbaar', 'link.xlsx', undefined, undefined, 'Het bestand kan niet worden gelezen (het bestaat niet (meer)).'],
    ]);
  });
});
