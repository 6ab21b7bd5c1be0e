import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectSeparator, parseCsv, readCsv } from './csv.js';

const measures = { file: 'maatregelen.csv', sheet: 'maatregelen', kind: 'measures' } as const;
const cellsOf = (text: string, separator: ';' | ',' = ';') => parseCsv(text, separator).map((r) => [r.row, r.cells]);

describe('decodeText', () => {
  const text = 'ID;Titel;Kosten eenmalig (M€)\r\nM-1;Continuïteitsplan;9,0\r\n';

  it('reads UTF-8', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf8' });
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'utf8' });
  });

  it('reads Windows-1252 when the bytes are not UTF-8 (ï is 0xEF, € is 0x80)', () => {
    const bytes = iconv.encode(text, 'win1252');
    expect(bytes.includes(0xef)).toBe(true);
    expect(bytes.includes(0x80)).toBe(true);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'win1252' });
  });

  it('reads UTF-16 with its byte order mark, in either byte order', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf16' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]))).toEqual({ text, encoding: 'utf16' });
  });

  it('names UTF-16 without a byte order mark instead of showing its bytes as text', () => {
    expect(decodeText(Buffer.from(text, 'utf16le'))).toEqual({ problem: expect.stringContaining('UTF-16 zonder BOM') });
  });
});

describe('parseCsv', () => {
  it('splits on the separator and trims cells; empty cells are null', () => {
    expect(cellsOf('ID;Titel;Voortgang\nM-1; Voorraad kernapparatuur ;\n')).toEqual([
      [1, ['ID', 'Titel', 'Voortgang']],
      [2, ['M-1', 'Voorraad kernapparatuur', null]],
    ]);
  });

  it('keeps decimal commas and dates as text', () => {
    expect(cellsOf('0,5;9,0;31-12-2025;2025-12-31;60%')).toEqual([[1, ['0,5', '9,0', '31-12-2025', '2025-12-31', '60%']]]);
  });

  it('reads quoted separators, doubled quotes and line breaks inside quotes, numbering each record by its first line', () => {
    const text = 'ID;Omschrijving;Titel\r\nM-1;"Eerste regel\r\ntweede; met ""aanhalingstekens"""; Plan \r\nM-2;"a\nb\nc";x\r\n\r\nM-3;"";"y"';
    expect(cellsOf(text)).toEqual([
      [1, ['ID', 'Omschrijving', 'Titel']],
      [2, ['M-1', 'Eerste regel\r\ntweede; met "aanhalingstekens"', 'Plan']],
      [4, ['M-2', 'a\nb\nc', 'x']],
      [7, [null]],
      [8, ['M-3', null, 'y']],
    ]);
  });

  it('splits on commas when told, leaving semicolons and quoted commas alone', () => {
    expect(cellsOf('ID,Titel,Risico\'s\nM-1,"Plan, herzien",R-1; R-2\n', ',')).toEqual([
      [1, ['ID', 'Titel', "Risico's"]],
      [2, ['M-1', 'Plan, herzien', 'R-1; R-2']],
    ]);
  });

  it('counts lone carriage returns (old Mac line ends) as line breaks', () => {
    expect(cellsOf('a;b\rc;d').map(([row]) => row)).toEqual([1, 2]);
  });

  it('stops after the given number of records', () => {
    expect(parseCsv('a\nb\nc\n', ';', 2).map((r) => r.cells[0])).toEqual(['a', 'b']);
  });
});

describe('detectSeparator', () => {
  it.each([
    ['semicolons', 'ID;Titel;Status;Kansreductie\nM-1;Plan, herzien;gepland;0,5\n', ';'],
    ['commas', 'ID,Titel,Status,Kansreductie\nM-1,"Plan; herzien",gepland,"0,5"\n', ','],
    ['commas below a title line with a semicolon', 'Maatregelen; stand 2024\n\nID,Titel,Status\nM-1,Plan,gepland\n', ','],
    ['semicolons in a header with commas inside quotes', '"Kosten (M€, eenmalig)";ID;Titel\n', ';'],
    ['no header at all: the most fields, ties to semicolon', 'a;b,c;d\n', ';'],
  ])('%s', (_, text, separator) => {
    expect(detectSeparator(text, 'measures')).toBe(separator);
  });
});

describe('readCsv', () => {
  it('reads a Dutch Excel CSV (Windows-1252, semicolons) below a title row, keeping line numbers', async () => {
    const text = 'Maatregelen 2024\r\n\r\nID;Titel;Status;Kosten eenmalig (M€);Kansreductie\r\nM-1;Continuïteitsplan herzien;gereed;9,0;0,5\r\n;;;;\r\nM-2;"Crisis; communicatie";gepland;;1\r\n';
    const { tables, messages } = await readCsv(iconv.encode(text, 'win1252'), measures);
    expect(messages.map((m) => [m.severity, m.ruleId, m.file])).toEqual([['warning', 'csv-codering', 'maatregelen.csv']]);
    expect(tables).toEqual([
      {
        ...measures,
        headerRow: 3,
        columns: [
          { key: 'id', header: 'ID', letter: 'A' },
          { key: 'titel', header: 'Titel', letter: 'B' },
          { key: 'status', header: 'Status', letter: 'C' },
          { key: 'kosteneenmaligm', header: 'Kosten eenmalig (M€)', letter: 'D' },
          { key: 'kansreductie', header: 'Kansreductie', letter: 'E' },
        ],
        rows: [
          { row: 4, cells: { id: 'M-1', titel: 'Continuïteitsplan herzien', status: 'gereed', kosteneenmaligm: '9,0', kansreductie: '0,5' } },
          { row: 6, cells: { id: 'M-2', titel: 'Crisis; communicatie', status: 'gepland', kansreductie: '1' } },
        ],
      },
    ]);
  });

  it('reads a UTF-8 CSV with BOM and commas', async () => {
    const bytes = Buffer.from('\ufeffid,titel,STATUS\nM-1,"Plan, herzien",gepland\n', 'utf8');
    const { tables } = await readCsv(bytes, measures);
    expect(tables[0]?.columns.map((c) => c.key)).toEqual(['id', 'titel', 'status']);
    expect(tables[0]?.rows).toEqual([{ row: 2, cells: { id: 'M-1', titel: 'Plan, herzien', status: 'gepland' } }]);
  });

  it('reports an empty file as an empty sheet', async () => {
    const { tables, messages } = await readCsv(Buffer.alloc(0), measures);
    expect(tables).toEqual([]);
    expect(messages.map((m) => [m.severity, m.ruleId, m.file, m.sheet])).toEqual([['error', 'blad-leeg', 'maatregelen.csv', 'maatregelen']]);
  });
});
