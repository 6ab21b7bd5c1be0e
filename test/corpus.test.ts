/**
 * The malformed-input corpus: each case is a real data folder (analyse.yaml, a workbook written by
 * exceljs, CSV bytes) run through the library's `analyse`, asserting where its message points:
 * file, sheet, Excel row, column and cell, and the rule.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse, type Message } from '../src/index.js';
import { ANALYSE_YAML, writeCsv, writeWorkbook, type SheetSpec } from './corpus/files.js';
import { EXAMPLE_DIR } from './helpers/fixtures.js';
import { INCIDENT, MEASURE, RISK, type Row } from './corpus/tables.js';

interface Folder {
  /** analyse.yaml text; null: no file. */
  yaml: string | null;
  risks: readonly Row[];
  /** null: no Maatregelen sheet. */
  measures: readonly Row[] | null;
  incidents?: readonly Row[];
  /** Number formats per sheet name and header. */
  formats?: Record<string, Record<string, string>>;
  /** Measures as `maatregelen.csv` (Windows-1252) instead of a sheet. */
  measuresCsv?: readonly Row[];
  /** Raw files written as they are. */
  files?: Record<string, string | Buffer>;
}

const VALID: Folder = { yaml: ANALYSE_YAML, risks: [RISK], measures: [MEASURE] };

let root: string;
let count = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'weerbaarheid-corpus-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function write(overrides: Partial<Folder>): Promise<string> {
  const folder = { ...VALID, ...overrides };
  const dir = path.join(root, `case-${++count}`);
  await mkdir(dir);
  if (folder.yaml !== null) await writeFile(path.join(dir, 'analyse.yaml'), folder.yaml);
  const sheets: SheetSpec[] = [{ name: "Risico's", rows: folder.risks, formats: folder.formats?.["Risico's"] }];
  if (folder.measures) sheets.push({ name: 'Maatregelen', rows: folder.measures, formats: folder.formats?.Maatregelen });
  if (folder.incidents) sheets.push({ name: 'Incidenten', rows: folder.incidents });
  await writeWorkbook(dir, 'registers.xlsx', sheets);
  if (folder.measuresCsv) await writeCsv(dir, 'maatregelen.csv', folder.measuresCsv);
  for (const [name, content] of Object.entries(folder.files ?? {})) await writeFile(path.join(dir, name), content);
  return dir;
}

async function run(overrides: Partial<Folder>): Promise<Message[]> {
  return (await analyse(await write(overrides))).messages;
}

const R = "Risico's";
const M = 'Maatregelen';
const XLSX = 'registers.xlsx';
/** Data starts in row 3: a merged title row and the header row above it. */
const risk = (cells: Row) => ({ risks: [{ ...RISK, ...cells }] });
const measure = (cells: Row) => ({ measures: [{ ...MEASURE, ...cells }] });

type Case = [name: string, folder: Partial<Folder>, expected: Partial<Message>];

const ERRORS: Case[] = [
  ['missing analyse.yaml', { yaml: null }, { ruleId: 'bestand-ontbreekt', file: 'analyse.yaml' }],
  ['corrupt workbook', { files: { 'oud.xlsx': 'dit is geen werkmap' } }, { ruleId: 'bestand-beschadigd', file: 'oud.xlsx' }],
  ['missing sheet Maatregelen', { measures: null }, { ruleId: 'blad-ontbreekt', reason: 'Blad Maatregelen ontbreekt.' }],
  ['missing required column', { risks: [Object.fromEntries(Object.entries(RISK).filter(([h]) => h !== 'Kans'))] }, { ruleId: 'kolom-ontbreekt', file: XLSX, sheet: R, row: 2, column: 'Kans' }],
  ['Kans out of range', risk({ Kans: 7 }), { ruleId: 'waarde-buiten-bereik', file: XLSX, sheet: R, row: 3, column: 'Kans', cell: 'F3', actual: '7' }],
  ['Impact of the wrong kind', risk({ Impact: 'hoog' }), { ruleId: 'verkeerde-soort-waarde', sheet: R, row: 3, column: 'Impact', cell: 'G3', actual: 'hoog' }],
  ['Kans as a fraction in text', risk({ Kans: '3,5' }), { ruleId: 'verkeerde-soort-waarde', sheet: R, row: 3, column: 'Kans', cell: 'F3', actual: '3,5' }],
  ['empty Titel', risk({ Titel: null }), { ruleId: 'verplichte-waarde-ontbreekt', sheet: R, row: 3, column: 'Titel', cell: 'B3' }],
  ['unknown risk status', risk({ Status: 'afgehandeld' }), { ruleId: 'onbekende-status', sheet: R, row: 3, column: 'Status', cell: 'L3', actual: 'afgehandeld' }],
  ['unknown indicator', risk({ Indicatoren: 'DIG; SOC' }), { ruleId: 'onbekende-indicator', sheet: R, row: 3, column: 'Indicatoren', cell: 'E3' }],
  ['unknown classification', risk({ Rubricering: 'Intern' }), { ruleId: 'onbekende-rubricering', sheet: R, row: 3, column: 'Rubricering', cell: 'J3', actual: 'Intern' }],
  ['impossible date', risk({ 'Laatste beoordeling': '31-02-2025' }), { ruleId: 'onmogelijke-datum', sheet: R, row: 3, column: 'Laatste beoordeling', cell: 'M3' }],
  ['duplicate ID', { risks: [RISK, { ...RISK, Titel: 'Tweede' }] }, { ruleId: 'dubbele-id', sheet: R, row: 4, column: 'ID', cell: 'A4', actual: 'R-1' }],
  ['measure naming an unknown risk', measure({ "Risico's": 'R-1; R-404' }), { ruleId: 'onbekende-risico-id', sheet: M, row: 3, column: "Risico's", cell: 'D3', actual: 'R-404' }],
  ['Voortgang missing', measure({ Status: 'vertraagd', Voortgang: null }), { ruleId: 'voortgang-ontbreekt', sheet: M, row: 3, column: 'Voortgang', cell: 'G3' }],
  ['unknown measure status', measure({ Status: 'bezig' }), { ruleId: 'onbekende-status', sheet: M, row: 3, column: 'Status', cell: 'F3', actual: 'bezig' }],
  ['unknown measure type', measure({ Type: 'gemengd' }), { ruleId: 'onbekende-waarde', sheet: M, row: 3, column: 'Type', cell: 'E3', actual: 'gemengd' }],
  [
    'percent-formatted Voortgang above 100 %',
    { ...measure({ Voortgang: 1.2 }), formats: { Maatregelen: { Voortgang: '0%' } } },
    { ruleId: 'waarde-buiten-bereik', sheet: M, row: 3, column: 'Voortgang', cell: 'G3', actual: '120%' },
  ],
  ['reduction above 4', measure({ Impactreductie: 4.5 }), { ruleId: 'waarde-buiten-bereik', sheet: M, row: 3, column: 'Impactreductie', cell: 'K3' }],
  [
    'CSV: decimal comma out of range',
    { measures: null, measuresCsv: [{ ...MEASURE, Kansreductie: '5,5' }] },
    { ruleId: 'waarde-buiten-bereik', file: 'maatregelen.csv', row: 2, column: 'Kansreductie', cell: 'J2', actual: '5,5' },
  ],
  [
    'CSV: impossible date',
    { measures: null, measuresCsv: [{ ...MEASURE, Streefdatum: '30-02-2026' }] },
    { ruleId: 'onmogelijke-datum', file: 'maatregelen.csv', row: 2, column: 'Streefdatum', cell: 'H2', actual: '30-02-2026' },
  ],
  [
    'CSV: unknown classification in Windows-1252',
    { measures: null, measuresCsv: [{ ...MEASURE, Rubricering: 'Geheim²' }] },
    { ruleId: 'onbekende-rubricering', file: 'maatregelen.csv', row: 2, column: 'Rubricering', cell: 'P2', actual: 'Geheim²' },
  ],
  ['unknown incident kind', { incidents: [{ ...INCIDENT, Soort: 'storing' }] }, { ruleId: 'onbekende-waarde', sheet: 'Incidenten', row: 3, column: 'Soort', cell: 'B3' }],
  ['incident without date', { incidents: [{ ...INCIDENT, Datum: null }] }, { ruleId: 'verplichte-waarde-ontbreekt', sheet: 'Incidenten', row: 3, column: 'Datum', cell: 'C3' }],
  [
    'YAML syntax error',
    { yaml: ANALYSE_YAML.replace('organisatie: Ministerie van Defensie', 'organisatie: Ministerie: Defensie') },
    { ruleId: 'yaml-syntaxfout', file: 'analyse.yaml', row: 2, actual: 'organisatie: Ministerie: Defensie' },
  ],
  ['YAML left open at the end', { yaml: `${ANALYSE_YAML}methode: {credit: [\n` }, { ruleId: 'yaml-syntaxfout', file: 'analyse.yaml', row: 7 }],
  ['unknown YAML key', { yaml: `${ANALYSE_YAML}auteur: K. Smit\n` }, { ruleId: 'onbekende-sleutel', file: 'analyse.yaml', row: 6, column: 'auteur' }],
  ['wrong YAML type', { yaml: ANALYSE_YAML.replace('jaar: 2025', 'jaar: "twintig"') }, { ruleId: 'verkeerd-type', file: 'analyse.yaml', row: 1, column: 'jaar' }],
  ['unknown rubricering in YAML', { yaml: ANALYSE_YAML.replace('Departementaal Vertrouwelijk', 'Zeer vertrouwelijk') }, { ruleId: 'onbekende-rubricering', file: 'analyse.yaml', row: 5, column: 'rubricering' }],
  ['nonexistent vorige', { yaml: `${ANALYSE_YAML}vorige: ../voorbeeld-1999\n` }, { ruleId: 'vorige-bestaat-niet', file: 'analyse.yaml', row: 6, column: 'vorige' }],
  ['matrix not 5×5', { yaml: `${ANALYSE_YAML}methode:\n  matrix: [[laag, midden]]\n` }, { ruleId: 'waarde-buiten-bereik', file: 'analyse.yaml', row: 7, column: 'methode.matrix' }],
  ['credit above 1', { yaml: `${ANALYSE_YAML}methode:\n  credit:\n    gereed: 2\n` }, { ruleId: 'waarde-buiten-bereik', file: 'analyse.yaml', row: 8, column: 'methode.credit.gereed' }],
];

const WARNINGS: Case[] = [
  ['risk without measures', { risks: [RISK, { ...RISK, ID: 'R-2' }] }, { ruleId: 'risico-zonder-maatregelen', sheet: R, row: 4, column: 'ID', cell: 'A4' }],
  ['measure te laat', measure({ Streefdatum: '01-10-2025' }), { ruleId: 'maatregel-te-laat', sheet: M, row: 3, column: 'Streefdatum', cell: 'H3' }],
  ['risk not reviewed for 12 months', risk({ 'Laatste beoordeling': new Date(Date.UTC(2024, 10, 30)) }), { ruleId: 'beoordeling-verouderd', sheet: R, row: 3, column: 'Laatste beoordeling', cell: 'M3' }],
  ['closed risk with an open measure', risk({ Status: 'gesloten' }), { ruleId: 'gesloten-risico-met-open-maatregelen', sheet: R, row: 3, column: 'Status', cell: 'L3', actual: 'M-1' }],
  ['measure without reduction', measure({ Kansreductie: 0, Impactreductie: 0 }), { ruleId: 'maatregel-zonder-reductie', sheet: M, row: 3, column: 'Kansreductie', cell: 'J3' }],
  ['incident after the peildatum', { incidents: [{ ...INCIDENT, Datum: '05-01-2026' }] }, { ruleId: 'incident-na-peildatum', sheet: 'Incidenten', row: 3, column: 'Datum', cell: 'C3', actual: '2026-01-05' }],
  ['gereed without Gereed op', measure({ Status: 'gereed', Voortgang: 1, 'Gereed op': null }), { ruleId: 'gereed-zonder-datum', sheet: M, row: 3, column: 'Gereed op', cell: 'I3' }],
];

describe('corpus: the valid baseline', () => {
  it('the fixture folder itself has no messages', async () => {
    expect(await run({})).toEqual([]);
  });

  it('the worked example of the method validates without errors', async () => {
    const result = await analyse(EXAMPLE_DIR);
    expect(result.messages.filter((m) => m.file === 'analyse.yaml')).toEqual([]);
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(result.ok && result.registers.risks).toHaveLength(8);
    expect(result.ok && result.registers.measures).toHaveLength(12);
  });
});

describe('corpus: cell shapes as typed in Excel', () => {
  it('reads percent-formatted Voortgang, Excel dates, numbers as text and decimal commas', async () => {
    const dir = await write({
      risks: [{ ...RISK, Kans: ' 3 ', Indicatoren: 'Digitale weerbaarheid; crisisbeheersing', 'Laatste beoordeling': new Date(Date.UTC(2025, 5, 1)) }],
      measures: [{ ...MEASURE, Voortgang: 0.6, Kansreductie: '0,5', Streefdatum: 46203 }],
      formats: { Maatregelen: { Voortgang: '0%', Streefdatum: 'dd-mm-yyyy' } },
    });
    const result = await analyse(dir);
    expect(result.messages).toEqual([]);
    if (!result.ok) throw new Error('niet geanalyseerd');
    const { registers } = result;
    expect(registers.risks[0]).toMatchObject({ kans: 3, indicatoren: ['DIG', 'CRI'], laatsteBeoordeling: '2025-06-01', source: { file: XLSX, sheet: R, row: 3 } });
    expect(registers.measures[0]).toMatchObject({ voortgang: 60, kansreductie: 0.5, streefdatum: '2026-06-30' });
  });
});

describe.each([
  ['error', ERRORS],
  ['warning', WARNINGS],
] as const)('corpus: %s', (severity, cases) => {
  it.each(cases)('%s', async (_, folder, expected) => {
    const messages = await run(folder);
    expect(messages).toContainEqual(expect.objectContaining({ severity, ...expected }));
    // Nothing else goes wrong: every error in the case is the one it is about.
    expect(messages.filter((m) => m.severity === 'error' && m.ruleId !== expected.ruleId)).toEqual([]);
  });
});
