import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analysis, context, HOSTILE } from '../../test/fixtures/excel/analysis.js';
import { COLUMNS } from '../columns.js';
import type { SheetKind } from '../ingest/table.js';
import { MethodSchema } from '../model.js';
import { normalizeKey } from '../text/normalize.js';
import { SHEET_NAMES, buildWorkbook } from './excel.js';
import { CLASS_COLOR, CLASS_TEXT_COLOR, LATE_COLOR, MAX_CELL_TEXT } from './excel/format.js';
import { KLASSE_AFKORTING } from './format.js';

let dir: string;
let bytes: Buffer;
let book: ExcelJS.Workbook;

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const fresh = new ExcelJS.Workbook();
  await fresh.xlsx.load(buffer as unknown as ArrayBuffer);
  return fresh;
}

function sheet(name: string): ExcelJS.Worksheet {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`blad ${name} ontbreekt`);
  return found;
}

/** The values of one row, column 1 first. */
function rowValues(ws: ExcelJS.Worksheet, row: number): unknown[] {
  const values: unknown[] = [];
  for (let c = 1; c <= ws.columnCount; c++) values.push(ws.getRow(row).getCell(c).value);
  while (values.length && values[values.length - 1] === null) values.pop();
  return values;
}

/** The data row whose first cell is `id`, as header → value. */
function record(ws: ExcelJS.Worksheet, id: string): Record<string, unknown> {
  const headers = rowValues(ws, 1) as string[];
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(1).value === id) return Object.fromEntries(headers.map((h, i) => [h, ws.getRow(r).getCell(i + 1).value]));
  }
  throw new Error(`${id} niet gevonden in ${ws.name}`);
}

/** The cell right of the label `label` in column A (free-form sheets). */
function labelled(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r).getCell(2);
  throw new Error(`label ${label} niet gevonden in ${ws.name}`);
}

/** Conditional formats as read back (exceljs reads them but leaves them out of its types). */
function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

function fillColor(cell: ExcelJS.Cell): string | undefined {
  return cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'excel-test-'));
  const path = join(dir, 'analyse.xlsx');
  await writeFile(path, await buildWorkbook(analysis, context));
  bytes = await readFile(path);
  book = await load(bytes);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('structure', () => {
  it('has the sheets in order', () => {
    expect(book.worksheets.map((ws) => ws.name)).toEqual([...SHEET_NAMES]);
  });

  it('has one row per item below a header row', () => {
    expect(sheet("Risico's").rowCount).toBe(analysis.risks.length + 1);
    expect(sheet('Maatregelen').rowCount).toBe(analysis.measures.length + 1);
    expect(sheet('Incidenten').rowCount).toBe(analysis.incidents.length + 1);
    expect(sheet('Indicatoren').rowCount).toBe(analysis.indicators.length + 1);
    expect(sheet('Datakwaliteit').rowCount).toBe(context.dataQuality.length + 1);
    expect(sheet('Ketenpartners').rowCount).toBe(4 + 1);
  });

  it.each(['Indicatoren', "Risico's", 'Maatregelen', 'Ketenpartners', 'Incidenten', 'Datakwaliteit'])('%s has a frozen header row and an autofilter over the table', (name) => {
    const ws = sheet(name);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const lastColumn = ws.getRow(1).cellCount;
    expect(ws.autoFilter).toBe(`A1:${ws.getColumn(lastColumn).letter}${ws.rowCount}`);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it('sizes columns to their content', () => {
    const ws = sheet("Risico's");
    expect(ws.getColumn(1).width).toBe(8); // "VR-001" + margin
    expect(ws.getColumn(2).width).toBeGreaterThan(30); // the longest title
  });

  it('prints the classification in the header and footer of every sheet', () => {
    for (const ws of book.worksheets) {
      expect(ws.headerFooter.oddHeader, ws.name).toContain('Departementaal Vertrouwelijk');
      expect(ws.headerFooter.oddFooter, ws.name).toContain('Departementaal Vertrouwelijk');
    }
  });

  it('sets the document properties from the context and the peildatum', () => {
    expect(book.title).toBe(context.title);
    expect(book.creator).toBe('weerbaarheid 0.1.0');
    expect(book.lastModifiedBy).toBe('weerbaarheid');
    expect(book.subject).toBe('Jaarlijkse weerbaarheidsanalyse NAFIN 2025');
    expect(book.keywords).toContain('Departementaal Vertrouwelijk');
    expect(book.created.toISOString()).toBe('2025-12-31T00:00:00.000Z');
    expect(book.modified.toISOString()).toBe('2025-12-31T00:00:00.000Z');
  });
});

describe('re-importable registers', () => {
  const computedHeaders = (kind: SheetKind, name: string) => {
    const headers = rowValues(sheet(name), 1) as string[];
    const contract = COLUMNS[kind].map((c) => c.header);
    expect(headers.slice(0, contract.length)).toEqual(contract);
    return headers.slice(contract.length);
  };

  it.each([
    ['risks', "Risico's"],
    ['measures', 'Maatregelen'],
    ['incidents', 'Incidenten'],
  ] as const)('%s: contract headers in contract order, then computed headers that match no contract header or alias', (kind, name) => {
    const computed = computedHeaders(kind, name);
    expect(computed.length).toBeGreaterThan(0);
    const taken = new Set(COLUMNS[kind].flatMap((c) => [c.header, ...c.aliases].map(normalizeKey)));
    for (const header of computed) expect(taken.has(normalizeKey(header)), header).toBe(false);
    expect(new Set(computed.map(normalizeKey)).size).toBe(computed.length);
  });

  it('writes risks as an analyst types them', () => {
    const r = record(sheet("Risico's"), 'VR-001');
    expect(r).toMatchObject({
      Titel: 'Uitval tijdsynchronisatie in kernrouters',
      Indicatoren: 'DIG, FYS',
      Kans: 3,
      Impact: 5,
      Contactpersoon: 'K. Smit',
      Rubricering: 'Departementaal Vertrouwelijk',
      Ketenpartners: 'KPN; Haagse Ring',
      Status: 'open',
      'Laatste beoordeling': new Date('2025-03-26T00:00:00Z'),
      'Bruto score': 15,
      'Bruto klasse': 'hoog',
      'Actueel kans': 1.725,
      'Actueel klasse': 'midden',
      'Streef score': 6,
      'Gekoppelde maatregelen': 'VM-001, VM-002, VM-003, VM-004, VM-005',
    });
    const ws = sheet("Risico's");
    expect(ws.getCell('M2').numFmt).toBe('dd-mm-yyyy');
    expect(ws.getCell('O2').numFmt).toBe('dd-mm-yyyy');
    expect(ws.getCell('T2').numFmt).toBe('0.0');
  });

  it('leaves missing values empty (a report without Contactpersoon keeps the column)', () => {
    expect(record(sheet("Risico's"), 'VR-003')).toMatchObject({ Contactpersoon: null, Ketenpartners: null });
    expect(record(sheet("Risico's"), 'VR-005')['Laatste beoordeling']).toBeNull();
    expect(record(sheet('Maatregelen'), 'VM-004')).toMatchObject({ Contactpersoon: null, Voortgang: null });
  });

  it('writes measures with numbers, dates and the computed columns', () => {
    expect(record(sheet('Maatregelen'), 'VM-003')).toMatchObject({
      "Risico's": 'VR-001',
      Type: 'intern',
      Status: 'vertraagd',
      Voortgang: 0.45,
      Streefdatum: new Date('2025-10-01T00:00:00Z'),
      Kansreductie: 0.5,
      Impactreductie: 1,
      Voortgangsaandeel: 0.45,
      'Te laat': 'ja',
      'Dagen te laat': 91,
    });
    expect(record(sheet('Maatregelen'), 'VM-005')).toMatchObject({ "Risico's": 'VR-001, VR-003', 'Kosten eenmalig (M€)': 1.25, 'Te laat': 'nee' });
    expect(record(sheet('Maatregelen'), 'VM-001')['Gereed op']).toEqual(new Date('2025-05-01T00:00:00Z'));
  });

  it('carries effect, restkosten and effect per M€ on the Maatregelen sheet, empty where they are null', () => {
    expect(record(sheet('Maatregelen'), 'VM-002')).toMatchObject({ Effect: 2.5, 'Restkosten (M€)': 3.6, 'Effect per M€': 2.5 / 3.6 });
    expect(record(sheet('Maatregelen'), 'VM-003')).toMatchObject({ Effect: 1.2, 'Restkosten (M€)': 0 });
    const done = record(sheet('Maatregelen'), 'VM-001');
    for (const header of ['Effect', 'Restkosten (M€)', 'Effect per M€']) expect(done[header] ?? null, header).toBeNull();
    expect(record(sheet('Maatregelen'), 'VM-003')['Effect per M€'] ?? null).toBeNull();
  });

  it('writes incidents with the contract columns first', () => {
    expect(record(sheet('Incidenten'), 'INC-001')).toMatchObject({ Soort: 'incident', Datum: new Date('2025-08-27T00:00:00Z'), Indicatoren: 'DIG, CRI', 'Hersteltijd (uur)': 13, 'Norm (uur)': 4, 'Binnen norm': 'nee' });
    expect(record(sheet('Incidenten'), 'OEF-002')).toMatchObject({ Indicatoren: null, 'Binnen norm': null });
  });
});

describe('register text is only plain text', () => {
  it.each(Object.entries(HOSTILE))('%s reads back unchanged as a string cell', (_, text) => {
    const found: ExcelJS.Cell[] = [];
    book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (cell.value === text && found.push(cell)))));
    expect(found.length).toBeGreaterThan(0);
    for (const cell of found) expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it('has no formula in any sheet, and hostile text sits in shared-string cells', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const strings = sharedStrings(await zip.file('xl/sharedStrings.xml')!.async('string'));
    const hostile = new Set(strings.flatMap((s, i) => (Object.values(HOSTILE).includes(s as never) ? [String(i)] : [])));
    expect(hostile.size).toBe(Object.keys(HOSTILE).length);
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets).toHaveLength(SHEET_NAMES.length);
    let hostileCells = 0;
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).not.toMatch(/<f[\s>/]/);
      expect(xml, name).not.toContain('t="str"');
      for (const [, attributes, value] of xml.matchAll(/<c ([^>]*)><v>([^<]*)<\/v><\/c>/g)) {
        if (attributes?.includes('t="s"') && hostile.has(value ?? '')) hostileCells++;
      }
    }
    expect(hostileCells).toBeGreaterThanOrEqual(Object.keys(HOSTILE).length);
  });
});

/** Shared strings in index order, entities and `_xHHHH_` escapes decoded. */
function sharedStrings(xml: string): string[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map(([, si]) =>
    [...(si ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)]
      .map(([, t]) => t ?? '')
      .join('')
      .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e] ?? '')
      .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
}

describe('formatting', () => {
  it.each(["Risico's", 'Maatregelen', 'Incidenten'])('prints %s landscape, one page wide, with the header row on every page', (name) => {
    const ws = sheet(name);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  });

  it("names the print titles of Risico's with the apostrophe doubled, so Excel can read them", async () => {
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    const sheet = SHEET_NAMES.indexOf("Risico's");
    expect(xml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${sheet}">&apos;Risico&apos;&apos;s&apos;!$1:$1</definedName>`);
  });

  it('right-aligns the headers above numbers and dates, and shows Voortgang as a percentage', () => {
    const ws = sheet('Maatregelen');
    const headers = rowValues(ws, 1) as string[];
    const cell = (h: string) => ws.getRow(1).getCell(headers.indexOf(h) + 1);
    for (const h of ['Voortgang', 'Streefdatum', 'Kansreductie']) expect(cell(h).alignment?.horizontal, h).toBe('right');
    expect(cell('Titel').alignment?.horizontal).toBeUndefined();
    const voortgang = ws.getRow(2).getCell(headers.indexOf('Voortgang') + 1);
    expect(voortgang.numFmt).toBe('0%');
  });

  it('colours the matrix cells by the class of the method (kans 5 at the top, impact 1 at the left)', () => {
    const ws = sheet('Matrix bruto');
    expect(rowValues(ws, 1)).toEqual(['Kans \\ Impact', '1 beperkt', '2 aanzienlijk', '3 ernstig', '4 zeer ernstig', '5 catastrofaal']);
    expect(ws.getCell('A2').value).toBe('5 zeer waarschijnlijk');
    expect(ws.getCell('A6').value).toBe('1 zeer onwaarschijnlijk');
    const matrix = analysis.methode.matrix;
    for (let kans = 1; kans <= 5; kans++) {
      for (let impact = 1; impact <= 5; impact++) {
        const klasse = matrix[kans - 1]![impact - 1]!;
        expect(fillColor(ws.getRow(7 - kans).getCell(1 + impact)), `${kans}×${impact}`).toBe(CLASS_COLOR[klasse]);
      }
    }
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });

  it('shows the class letter beside every count, in the palette text colour that reads on the fill', () => {
    const ws = sheet('Matrix bruto');
    const matrix = analysis.methode.matrix;
    for (let kans = 1; kans <= 5; kans++) {
      for (let impact = 1; impact <= 5; impact++) {
        const klasse = matrix[kans - 1]![impact - 1]!;
        const cell = ws.getRow(7 - kans).getCell(1 + impact);
        // An empty cell stays blank (a grid of zeros hides where the risks are): its class shows by fill.
        expect(cell.value === null || typeof cell.value === 'number', `${kans}×${impact}`).toBe(true);
        expect(cell.numFmt, `${kans}×${impact}`).toBe(`0" (${KLASSE_AFKORTING[klasse]})"`);
        expect(cell.font?.color?.argb, `${kans}×${impact}`).toBe(CLASS_TEXT_COLOR[klasse]);
      }
    }
  });

  it('counts risks that are not gesloten at rounded kans and impact', () => {
    const bruto = sheet('Matrix bruto');
    expect(bruto.getCell('F2').value).toBe(1); // VR-002: 5 × 5
    expect(bruto.getCell('C6').value).toBe(1); // VR-007: 1 × 2 (VR-005, 2 × 3, is gesloten)
    // An empty cell stays blank, not 0.
    expect(bruto.getCell('D5').value).toBeNull();
    const actueel = sheet('Matrix actueel');
    expect(actueel.getCell('E5').value).toBe(1); // VR-001: 1.725 × 4.25 → 2 × 4
    expect(actueel.getCell('F3').value).toBe(1); // VR-006: 4 × 4.5 → 4 × 5 (half rounds up)
    let total = 0;
    for (const row of [2, 3, 4, 5, 6]) for (const col of [2, 3, 4, 5, 6]) total += (actueel.getRow(row).getCell(col).value as number | null) ?? 0;
    expect(total).toBe(analysis.risks.filter((r) => r.status !== 'gesloten').length);
  });

  it('colours class cells through conditional formatting on every class column', () => {
    const ws = sheet("Risico's");
    const headers = rowValues(ws, 1) as string[];
    const letter = (header: string) => ws.getColumn(headers.indexOf(header) + 1).letter;
    for (const header of ['Bruto klasse', 'Actueel klasse', 'Streef klasse']) {
      const cf = conditionalFormats(ws).find((c) => c.ref === `${letter(header)}2:${letter(header)}${ws.rowCount}`);
      expect(cf, header).toBeDefined();
      const colours = Object.fromEntries(cf!.rules.map((rule) => ['formulae' in rule ? rule.formulae?.[0] : '', rule.style?.fill?.type === 'pattern' ? rule.style.fill.bgColor?.argb : '']));
      expect(colours).toEqual({ '"laag"': CLASS_COLOR.laag, '"midden"': CLASS_COLOR.midden, '"hoog"': CLASS_COLOR.hoog, '"zeer hoog"': CLASS_COLOR['zeer hoog'] });
    }
  });

  it('highlights late measures by their Te laat cell', () => {
    const ws = sheet('Maatregelen');
    const late = ws.getColumn((rowValues(ws, 1) as string[]).indexOf('Te laat') + 1).letter;
    expect(conditionalFormats(ws)).toEqual([
      expect.objectContaining({ ref: `A2:${ws.getColumn(ws.getRow(1).cellCount).letter}${ws.rowCount}`, rules: [expect.objectContaining({ type: 'expression', formulae: [`$${late}2="ja"`] })] }),
    ]);
    const rule = conditionalFormats(ws)[0]!.rules[0]!;
    expect(rule.style?.fill).toMatchObject({ bgColor: { argb: LATE_COLOR } });
  });

  it('validates the register columns', () => {
    const risks = sheet("Risico's");
    const measures = sheet('Maatregelen');
    expect(risks.getCell('L2').dataValidation).toMatchObject({ type: 'list', formulae: ['"open,geaccepteerd,gesloten"'], showErrorMessage: true });
    expect(risks.getCell('F2').dataValidation).toMatchObject({ type: 'whole', formulae: [1, 5] });
    expect(risks.getCell('G300').dataValidation).toMatchObject({ type: 'whole', formulae: [1, 5] });
    expect(risks.getCell('J2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Openbaar,Departementaal Vertrouwelijk,Stg. Confidentieel,Stg. Geheim,Stg. Zeer Geheim"'] });
    // One or more codes per cell: a custom check that nothing but codes and separators remains.
    expect(risks.getCell('E2').dataValidation).toMatchObject({ type: 'custom', showErrorMessage: true });
    expect(risks.getCell('E2').dataValidation.formulae[0]).toMatch(/^LEN\(TRIM\(SUBSTITUTE\(.*UPPER\(E2\)/);
    expect(measures.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"intern,extern"'] });
    expect(measures.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ['"gepland,in uitvoering,vertraagd,gereed,geannuleerd"'] });
    expect(measures.getCell('G2').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 1] });
    expect(measures.getCell('J2').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 4] });
    expect(measures.getCell('K2').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 4] });
    expect(measures.getCell('P2').dataValidation).toMatchObject({ type: 'list' });
    expect(risks.getCell('A2').dataValidation).toBeUndefined();
  });
});

describe('content of the other sheets', () => {
  it('summarises the key figures with indicator scores beside last year', () => {
    const ws = sheet('Samenvatting');
    expect(ws.getCell('A1').value).toBe(context.title);
    expect(labelled(ws, 'Jaar').value).toBe(2025);
    expect(labelled(ws, 'Peildatum').value).toEqual(new Date('2025-12-31T00:00:00Z'));
    expect(labelled(ws, 'Rubricering').value).toBe('Departementaal Vertrouwelijk');
    expect(labelled(ws, 'Maatregelen te laat').value).toBe(2);
    expect(labelled(ws, 'Kosten structureel (M€ per jaar)').value).toBe(3);
    expect(labelled(ws, 'Kosten eenmalig (M€)').value).toBe(9);
    expect(labelled(ws, 'Totaalscore (0-100)').value).toBe(56.4075);
    expect(labelled(ws, 'Datakwaliteit').value).toBe('1 fout, 1 waarschuwing');
    expect(labelled(ws, 'zeer hoog').value).toBe(3); // bruto; actueel and streef follow
    expect(fillColor(labelled(ws, 'zeer hoog').worksheet.getCell(labelled(ws, 'zeer hoog').row, 1))).toBe(CLASS_COLOR['zeer hoog']);
    const dig = labelled(ws, 'DIG').row;
    // The change is that of the shown scores (81,3 − 85,0), as in the report.
    expect(rowValues(ws, Number(dig))).toEqual(['DIG', 'digitale weerbaarheid', 81.33, 85, -3.7, 2]);
    expect(labelled(ws, 'Methode vergelijkbaar').value).toBe('ja');
    expect(labelled(ws, "Nieuwe risico's").value).toBe(2);
  });

  it('lists indicators with counts per class', () => {
    expect(rowValues(sheet('Indicatoren'), 1)).toEqual(['Code', 'Indicator', 'Score', 'Vorig jaar', 'Verandering', "Aantal risico's", 'Laag', 'Midden', 'Hoog', 'Zeer hoog', 'Slechtste risico']);
    expect(record(sheet('Indicatoren'), 'CRI')).toMatchObject({ Score: null, 'Vorig jaar': 70, Verandering: null, 'Slechtste risico': null });
  });

  it('lists analysis.ketenpartners in its order, with the counts per actueel and streef class', () => {
    const ws = sheet('Ketenpartners');
    expect(rowValues(ws, 1)).toEqual(['Ketenpartner', 'Laag', 'Midden', 'Hoog', 'Zeer hoog', 'Totaal', 'Streef laag', 'Streef midden', 'Streef hoog', 'Streef zeer hoog', 'Slechtste risico', "Risico's (niet gesloten)"]);
    expect([2, 3, 4, 5].map((r) => ws.getRow(r).getCell(1).value)).toEqual(['KPN', 'Cisco', 'Nokia', 'Haagse Ring']);
    expect(rowValues(ws, 2)).toEqual(['KPN', 0, 1, 0, 1, 2, 0, 1, 0, 1, 'VR-002', 'VR-001, VR-002']);
  });

  it('lists the data-quality messages sorted, in Dutch', () => {
    const ws = sheet('Datakwaliteit');
    expect(rowValues(ws, 1)).toEqual(['Bestand', 'Blad', 'Rij', 'Kolom', 'Cel', 'Ernst', 'Melding', 'Gevonden', 'Verwacht', 'Regel']);
    expect(rowValues(ws, 4)).toEqual(['registers.xlsx', "Risico's", 14, 'Kans', 'G14', 'fout', 'Kans moet een geheel getal van 1 tot en met 5 zijn.', '=1+1', 'een geheel getal van 1 tot en met 5', 'waarde-buiten-bereik']);
    expect(conditionalFormats(ws).map((cf) => cf.ref)).toEqual(['F2:F4', 'F2:F4']);
  });

  it('documents the method and says whether it is the default', async () => {
    const ws = sheet('Methode');
    expect(labelled(ws, 'Standaardmethode').value).toBe('ja');
    expect(labelled(ws, 'in uitvoering').value).toBe('voortgang');
    expect(labelled(ws, 'gereed').value).toBe(1);
    expect(fillColor(ws.getCell(labelled(ws, '1 zeer onwaarschijnlijk').row, 2))).toBe(CLASS_COLOR.laag);

    const matrix = analysis.methode.matrix.map((row) => [...row]);
    matrix[0]![0] = 'midden';
    const custom = await load(await buildWorkbook({ ...analysis, methode: MethodSchema.parse({ naam: 'streng', matrix }) }, context));
    const method = custom.getWorksheet('Methode')!;
    expect(method.getCell('A1').value).toBe('Methode: streng');
    expect(labelled(method, 'Standaardmethode').value).toBe('nee');
    expect(fillColor(custom.getWorksheet('Matrix bruto')!.getCell('B6'))).toBe(CLASS_COLOR.midden);
  });
});

describe('edge cases', () => {
  it('writes an analysis without risks, measures, incidents, messages or trend', async () => {
    const empty = await load(
      await buildWorkbook({ ...analysis, risks: [], measures: [], incidents: [], trend: null }, { ...context, dataQuality: [] }),
    );
    expect(empty.worksheets.map((ws) => ws.name)).toEqual([...SHEET_NAMES]);
    const risks = empty.getWorksheet("Risico's")!;
    expect(risks.rowCount).toBe(1);
    expect(rowValues(risks, 1).slice(0, 2)).toEqual(['ID', 'Titel']);
    expect(risks.getCell('L2').dataValidation).toMatchObject({ type: 'list' });
    expect(empty.getWorksheet('Matrix actueel')!.getCell('B2').value).toBeNull();
  });

  it('cuts a text beyond the cell limit of Excel, and says so', async () => {
    const risicos = Array.from({ length: 4000 }, (_, i) => `VR-${String(i).padStart(5, '0')}`);
    const big = await load(await buildWorkbook({ ...analysis, ketenpartners: [{ ...analysis.ketenpartners[0]!, risicos }] }, context));
    const list = big.getWorksheet('Ketenpartners')!.getCell('L2').value as string;
    expect(list.length).toBe(MAX_CELL_TEXT);
    expect(list).toMatch(/^VR-00000, VR-00001, .* … \(ingekort\)$/);
  });
});

describe('determinism', () => {
  it('gives the same bytes in every zip entry (and the same file) on another day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2021-03-04T05:06:07Z'));
      const first = await buildWorkbook(analysis, context);
      vi.setSystemTime(new Date('2033-10-11T12:13:14Z'));
      const second = await buildWorkbook(analysis, context);
      const [a, b] = await Promise.all([JSZip.loadAsync(first), JSZip.loadAsync(second)]);
      const names = Object.keys(a.files).sort();
      expect(Object.keys(b.files).sort()).toEqual(names);
      for (const name of names) expect(await b.file(name)!.async('nodebuffer'), name).toEqual(await a.file(name)!.async('nodebuffer'));
      expect(second.equals(first)).toBe(true);
      expect(second.equals(bytes)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
