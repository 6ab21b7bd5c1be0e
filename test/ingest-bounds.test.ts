/**
 * Hostile input to ingest, each reproducer built here: zip bombs, special files, sheets past the
 * row limit, and more messages than anyone reads. Each ends in a located Dutch message naming the
 * limit, quickly and with bounded memory; none crashes or hangs.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { loadData } from '../src/load.js';
import { LIMITS } from '../src/ingest/limits.js';
import { writeZip, type ZipPart } from './helpers/lying-zip.js';
import { runBinMeasured } from './helpers/cli.js';
import { boundMessages, formatMessage, message, QUOTE_CHARS, SAME_RULE_SHOWN, type Message } from '../src/messages.js';
import { loadConfig } from '../src/validate/config.js';
import { validate } from '../src/validate/index.js';
import { aliasBomb, ANALYSE_YAML, writeCsv, writeWorkbook } from './corpus/files.js';
import { makeTable, MEASURE, RISK } from './corpus/tables.js';
import { applyVariant } from './corpus/variants.js';
import { removeTempDirs, SAMPLE_2025, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

const GiB = 1024 ** 3;

async function folderWith(files: Record<string, Buffer | string>): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, 'analyse.yaml'), ANALYSE_YAML);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

/**
 * A deflate stream of `chunks` × 16 MiB of spaces in about 16 KiB per chunk: the blocks of one
 * chunk end byte-aligned and not final (sync flush), so the same bytes can follow each other;
 * `03 00` is the final empty block.
 */
function spaceBomb(chunks: number): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 0x20), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: chunks }, () => chunk), Buffer.from([0x03, 0x00])]);
}

/** The sample workbook with its first sheet (Risico's) replaced by the given zip entry. */
async function sampleWithSheet(sheet: Omit<ZipPart, 'name'>): Promise<Buffer> {
  const sample = await readFile(join(SAMPLE_2025, 'registers.xlsx'));
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(sample);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map(async (f) => {
        if (f.name === 'xl/worksheets/sheet1.xml') return { name: f.name, ...sheet };
        const content = await f.async('nodebuffer');
        return { name: f.name, crc: crc32(content), size: content.length, data: content };
      }),
  );
  return writeZip(parts);
}

/** The sample workbook with its first sheet replaced by a bomb that declares `declared` bytes. */
const bombWorkbook = (declared: number) => sampleWithSheet({ crc: 0, size: declared, data: spaceBomb(128), method: 8 });

/** The sample workbook whose Risico's sheet holds one million rows of one cell (26 MB of XML, 130 KB zipped). */
function millionRowsWorkbook(): Promise<Buffer> {
  const xml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row><c><v>1</v></c></row>'.repeat(1_000_000)}</sheetData></worksheet>`);
  return sampleWithSheet({ crc: crc32(xml), size: xml.length, data: deflateRawSync(xml), method: 8 });
}

describe('zip bombs', () => {
  it.each([
    ['declaring its 2 GiB', 2 * GiB - 1, 'Het onderdeel xl/worksheets/sheet1.xml van de werkmap is uitgepakt groter dan 32 MiB.'],
    ['declaring a few bytes but inflating to 2 GiB', 1000, 'Het onderdeel xl/worksheets/sheet1.xml van de werkmap is beschadigd.'],
  ])('a 2 MB workbook %s ends in one located Dutch error, fast and in little memory', async (_, declared, reason) => {
    const bytes = await bombWorkbook(declared);
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
    const started = performance.now();
    const { tables, messages } = await ingest(await folderWith({ 'registers.xlsx': bytes }));
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(tables).toEqual([]);
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'error', file: 'registers.xlsx', reason }));
    // The peak of this whole test process so far: the bomb never came near it.
    expect(process.resourceUsage().maxRSS * 1024).toBeLessThan(GiB);
  });

  it('the sum of all parts is capped too', async () => {
    const part = Buffer.alloc(20 * 1024 * 1024, 0x20);
    const data = deflateRawSync(part);
    const crc = crc32(part);
    const parts = ['xl/a.xml', 'xl/b.xml', 'xl/c.xml', 'xl/d.xml'].map((name) => ({ name, crc, size: part.length, data, method: 8 as const }));
    const { messages } = await ingest(await folderWith({ 'registers.xlsx': writeZip(parts) }));
    expect(messages).toContainEqual(
      expect.objectContaining({ ruleId: 'bestand-te-groot', file: 'registers.xlsx', reason: `De werkmap is uitgepakt groter dan 48 MiB.`, expected: 'een werkmap van uitgepakt hoogstens 48 MiB' }),
    );
  });
});

/** A minimal OpenDocument spreadsheet with one sheet of the given rows (ODF XML). */
function ods(rowsXml: string): Buffer {
  const content = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>' +
      `<table:table table:name="Risico's">${rowsXml}</table:table></office:spreadsheet></office:body></office:document-content>`,
  );
  const type = 'application/vnd.oasis.opendocument.spreadsheet';
  const manifest = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${type}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
  );
  const styles = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>');
  const parts = { mimetype: Buffer.from(type), 'content.xml': content, 'styles.xml': styles, 'META-INF/manifest.xml': manifest };
  return writeZip(Object.entries(parts).map(([name, data]) => ({ name, crc: crc32(data), size: data.length, data })));
}
const odsRow = (cells: string[], repeat = 1) => `<table:table-row table:number-rows-repeated="${repeat}">${cells.map((c) => `<table:table-cell office:value-type="string"><text:p>${c}</text:p></table:table-cell>`).join('')}</table:table-row>`;

describe('repeated cells of an .ods and the size of an .xls', () => {
  it('a small .ods reads as its sheet', async () => {
    const { tables, messages } = await ingest(await folderWith({ 'registers.ods': ods(odsRow(['ID', 'Titel']) + odsRow(['R-1', 'Uitval'])) }));
    expect(messages.filter((m) => m.ruleId !== 'blad-ontbreekt')).toEqual([]);
    expect(tables[0]).toMatchObject({ file: 'registers.ods', sheet: "Risico's", rows: [{ row: 2, cells: { id: 'R-1', titel: 'Uitval' } }] });
  });

  it('an .ods whose repeats declare billions of cells is refused before it is expanded', async () => {
    const bomb = `<table:table-row table:number-rows-repeated="100000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell></table:table-row>`;
    const started = performance.now();
    const { messages } = await ingest(await folderWith({ 'registers.ods': ods(odsRow(['ID', 'Titel']) + bomb) }));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'bestand-te-groot', file: 'registers.ods', reason: 'De werkmap telt uitgeschreven meer dan 4.000.000 cellen.' }));
  });

  it('an .xls over its size limit is refused', async () => {
    const xls = Buffer.alloc(LIMITS.legacyBytes + 1);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
    const { messages } = await ingest(await folderWith({ 'registers.xls': xls }));
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'bestand-te-groot', file: 'registers.xls', reason: 'De werkmap in het oude Excel-formaat (.xls) is groter dan 16 MiB.' }));
  });
});

describe('special files are refused before they are read', () => {
  it('a FIFO, a socket, a link to /dev/zero and a file over the size limit', async () => {
    const dir = await folderWith({});
    execFileSync('mkfifo', [join(dir, 'pijp.xlsx')]);
    await symlink('/dev/zero', join(dir, 'risicos.csv'));
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(dir, 'maatregelen.csv'), done));
    await writeFile(join(dir, 'groot.xlsx'), Buffer.alloc(LIMITS.fileBytes + 1));
    try {
      const started = performance.now();
      const { messages } = await ingest(dir);
      expect(performance.now() - started).toBeLessThan(10_000);
      const refused = messages.filter((m) => m.severity === 'error').map((m) => [m.ruleId, m.file, m.reason]);
      expect(refused).toEqual([
        ['bestand-te-groot', 'groot.xlsx', 'Het bestand is groter dan 50 MiB en wordt niet gelezen.'],
        ['bestand-geen-bestand', 'maatregelen.csv', 'Het is geen gewoon bestand maar een socket en wordt niet gelezen.'],
        ['bestand-geen-bestand', 'pijp.xlsx', 'Het is geen gewoon bestand maar een pijp (FIFO) en wordt niet gelezen.'],
        ['bestand-geen-bestand', 'risicos.csv', 'Het is geen gewoon bestand maar een apparaat en wordt niet gelezen.'],
      ]);
    } finally {
      server.close();
    }
  });
});

describe('cells past Excel\'s length', () => {
  it('a 20 MB Titel in a small workbook is refused at its cell and goes no further', async () => {
    const dir = await folderWith({});
    await writeWorkbook(dir, 'registers.xlsx', [{ name: "Risico's", rows: [{ ...RISK, Titel: 'ab'.repeat(10_000_000) }] }]);
    const { tables, messages } = await ingest(dir);
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'cel-te-lang', sheet: "Risico's", row: 3, column: 'Titel', cell: 'B3', actual: 'ab'.repeat(50) }));
    expect(tables[0]?.rows[0]?.cells.titel).toBeUndefined();
    expect(process.resourceUsage().maxRSS * 1024).toBeLessThan(GiB);
  });
});

describe('one long shared string in many cells', () => {
  it('12,000 cells sharing a 1 MB string give 50 located errors and one line for the rest', async () => {
    const dir = await folderWith({});
    const long = 'Lange tekst. '.repeat(80_000);
    await writeWorkbook(dir, 'registers.xlsx', [{ name: "Risico's", rows: Array.from({ length: 12_000 }, (_, i) => ({ ...RISK, ID: `R-${i}`, Omschrijving: long })) }]);
    const { messages } = await loadData(dir);
    const tooLong = messages.filter((m) => m.ruleId === 'cel-te-lang');
    expect(tooLong).toHaveLength(SAME_RULE_SHOWN + 1);
    expect(tooLong[0]).toMatchObject({ file: 'registers.xlsx', sheet: "Risico's", row: 3, column: 'Omschrijving', cell: 'C3' });
    expect(tooLong.at(-1)?.reason).toBe('… en nog 11950 keer.');
    expect(messages.map(formatMessage).join('\n').length).toBeLessThan(100_000);
    expect(process.resourceUsage().maxRSS * 1024).toBeLessThan(GiB);
  });
});

describe('rows per sheet', () => {
  it('a workbook sheet with a row past the limit is refused at that row', async () => {
    const bytes = await applyVariant(await readFile(join(SAMPLE_2025, 'registers.xlsx')), (parts) => {
      const path = 'xl/worksheets/sheet1.xml';
      parts.set(path, parts.get(path)!.replace('</sheetData>', `<row r="${LIMITS.rows + 1}"><c r="A${LIMITS.rows + 1}"><v>1</v></c></row></sheetData>`));
    });
    const { messages } = await ingest(await folderWith({ 'registers.xlsx': bytes }));
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'te-veel-rijen', file: 'registers.xlsx', sheet: "Risico's", row: LIMITS.rows + 1, expected: 'hoogstens 100.000 rijen per blad' }));
  });

  it('a CSV file with more rows than the limit is refused', async () => {
    const csv = `ID;Titel\r\n${'R-1;x\r\n'.repeat(LIMITS.rows + 5)}`;
    const { messages } = await ingest(await folderWith({ 'risicos.csv': csv }));
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'te-veel-rijen', file: 'risicos.csv', row: LIMITS.rows + 1 }));
  });
});

describe('bounded messages', () => {
  const base = { file: 'registers.xlsx', sheet: "Risico's" };

  it('quotes at most 100 characters of a cell, then …', () => {
    const [m] = boundMessages([message('error', 'x', 'Te lang.', { ...base, row: 3, actual: 'a'.repeat(5000) })]);
    expect(m?.actual).toBe(`${'a'.repeat(QUOTE_CHARS)}…`);
  });

  it('shows the same rule in one sheet 50 times and then one line with the rest', () => {
    const many = Array.from({ length: 1000 }, (_, i) => message('warning', 'herhaald', 'Iets.', { ...base, row: i + 3 }));
    const other = message('warning', 'herhaald', 'Iets.', { ...base, sheet: 'Maatregelen', row: 3 });
    const bounded = boundMessages([...many, other]);
    expect(bounded).toHaveLength(SAME_RULE_SHOWN + 2);
    expect(bounded.slice(0, SAME_RULE_SHOWN)).toEqual(many.slice(0, SAME_RULE_SHOWN));
    expect(bounded).toContainEqual(other);
    expect(bounded.at(-1)).toEqual({ severity: 'warning', ruleId: 'herhaald', reason: '… en nog 950 keer.', ...base, row: SAME_RULE_SHOWN + 3 });
  });

  it('100,000 risks that each raise a warning are validated without overflowing the stack', async () => {
    const dir = await folderWith({});
    const { settings } = await loadConfig(dir);
    const risks = makeTable('risks', Array.from({ length: 100_000 }, (_, i) => ({ ...RISK, ID: `R-${i}` })));
    const { messages } = validate([risks, makeTable('measures', [], { headers: Object.keys(MEASURE) })], settings!);
    expect(messages.filter((m) => m.ruleId === 'risico-zonder-maatregelen')).toHaveLength(100_000);
    const shown: Message[] = boundMessages(messages);
    expect(shown.filter((m) => m.ruleId === 'risico-zonder-maatregelen')).toHaveLength(SAME_RULE_SHOWN + 1);
    expect(shown.map(formatMessage).join('\n').length).toBeLessThan(100_000);
  });
});

describe('a register at the row limit, every row with a warning', () => {
  it('99,999 risks without a measure: a correct report in a whole run, within 60 s and under 1 GiB', { timeout: 120_000 }, async () => {
    const dir = await folderWith({});
    await writeCsv(dir, 'risicos.csv', Array.from({ length: LIMITS.rows - 1 }, (_, i) => ({ ...RISK, ID: `R-${i}` })), 'utf8');
    await writeCsv(dir, 'maatregelen.csv', [MEASURE], 'utf8');
    const out = join(await tempDir(), 'rapport');
    // The PDF alone: the run's highest peak (the workbook's stage lets V8 collect sooner).
    const run = runBinMeasured(['generate', dir, '--out', out, '--formats', 'pdf']);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.peakRss).toBeLessThan(GiB);
    expect(run.status).toBe(0);
    // 50 of the warnings and one line for the rest.
    expect(run.stderr).toMatch(/^ {2}rij 53: waarschuwing: … en nog 99948 keer\. \[risico-zonder-maatregelen\]\n0 fouten, 51 waarschuwingen$/m);
    expect((await readdir(out)).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
  });
});

describe('each hostile input in a whole run of its own', () => {
  it.each([
    [
      'a 20 MB Titel cell',
      (dir: string) => writeWorkbook(dir, 'registers.xlsx', [{ name: "Risico's", rows: [{ ...RISK, Titel: 'ab'.repeat(10_000_000) }] }]),
      /^registers\.xlsx › Risico's\n {2}rij 3, kolom Titel \(B3\): fout: De cel bevat 20\.000\.000 tekens, meer dan de 32\.767 .*\[cel-te-lang\]$/m,
    ],
    [
      'a zip bomb declaring its 2 GiB',
      async (dir: string) => writeFile(join(dir, 'registers.xlsx'), await bombWorkbook(2 * GiB - 1)),
      /^registers\.xlsx\n {2}fout: Het onderdeel xl\/worksheets\/sheet1\.xml van de werkmap is uitgepakt groter dan 32 MiB\. .*\[bestand-te-groot\]$/m,
    ],
    [
      'a zip bomb declaring a few bytes but inflating to 2 GiB',
      async (dir: string) => writeFile(join(dir, 'registers.xlsx'), await bombWorkbook(1000)),
      /^registers\.xlsx\n {2}fout: Het onderdeel xl\/worksheets\/sheet1\.xml van de werkmap is beschadigd\. .*\[bestand-beschadigd\]$/m,
    ],
    [
      'one million one-cell rows in a workbook',
      async (dir: string) => writeFile(join(dir, 'registers.xlsx'), await millionRowsWorkbook()),
      /^registers\.xlsx › Risico's\n {2}rij 100001: fout: Het blad heeft meer dan 100\.000 rijen en wordt niet gelezen\. .*\[te-veel-rijen\]$/m,
    ],
    [
      'one million one-cell rows in a CSV file',
      (dir: string) => writeFile(join(dir, 'risicos.csv'), `ID\r\n${'x\r\n'.repeat(1_000_000)}`),
      /^risicos\.csv › risicos\n {2}rij 100001: fout: Het bestand heeft meer dan 100\.000 rijen en wordt niet gelezen\. .*\[te-veel-rijen\]$/m,
    ],
    [
      'an alias bomb in analyse.yaml',
      (dir: string) => writeFile(join(dir, 'analyse.yaml'), aliasBomb(ANALYSE_YAML)),
      /^analyse\.yaml\n {2}rij \d+: fout: analyse\.yaml herhaalt via aliassen .*\[te-veel-aliassen\]$/m,
    ],
  ])('%s: exit 1 with the located Dutch error, within 60 s and under 1 GiB', async (_, build, line) => {
    const dir = await folderWith({});
    await build(dir);
    const run = runBinMeasured(['generate', dir, '--out', join(await tempDir(), 'rapport'), '--quiet']);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.peakRss).toBeLessThan(GiB);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(line);
    expect(run.stderr).not.toMatch(/\n\s+at |Error/);
  });
});
