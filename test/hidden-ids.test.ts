/**
 * Nothing of a hidden item reaches a reduced report or its terminal output, whatever characters
 * its ID holds: messages are filtered on the IDs they carry, never on their text. Canaries: hidden
 * IDs with `. : ( ) '` and spaces that data-quality warnings name, a non-register sheet whose
 * name only the full version may show, and a hidden risk, measure and incident with a canary of
 * their own in every text column of the field table. Grepped in every file (the workbook's XML and
 * the PDF's text too) and in what the terminal printed.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Terminal } from '../src/cli/terminal.js';
import { COLUMNS, type ColumnSpec } from '../src/columns.js';
import type { SheetKind } from '../src/ingest/table.js';
import { DEFAULT_METHOD } from '../src/model.js';
import { toList, toText } from '../src/validate/cells.js';
import { removeTempDirs, tempDir } from './helpers/fixtures.js';
import { readable } from './helpers/readable.js';

afterAll(removeTempDirs);

const HIDDEN_IDS = ['2025.M.01', 'M 7 (oud)', "M:'x'", 'R.9 (geheim)'];
const SHEET = 'Kanarieblad 4e1f';

/** The columns that hold the user's own words: read as text or as a list of texts (IDs, names), per the field table. */
const textColumns = (kind: SheetKind): ColumnSpec[] => COLUMNS[kind].filter((c) => [toText, toList].includes(c.rule(DEFAULT_METHOD).read));

/**
 * One canary per text column of each register, for a hidden item: short and without hyphens or
 * spaces, so that no line break in a narrow table cell splits it in the PDF's text.
 */
const CANARIES = Object.fromEntries(
  (['risks', 'measures', 'incidents'] as const).map((kind) => [kind, Object.fromEntries(textColumns(kind).map((c, i) => [c.field, `Kanarie${kind[0]!.toUpperCase()}${i}q`]))]),
) as Record<SheetKind, Record<string, string>>;
// `Risico's` of a measure holds IDs of risks in the register: the hidden measure names the hidden risk.
CANARIES.measures.risicos = CANARIES.risks.id!;

/** The other cells of the hidden items: valid, so that only the canaries are of interest. */
const HIDDEN_ITEM: Record<SheetKind, Record<string, unknown>> = {
  // Accepted, so that the register of accepted risks names who accepted it.
  risks: { indicatoren: 'FYS', kans: 4, impact: 4, rubricering: 'Stg. Geheim', status: 'geaccepteerd', laatsteBeoordeling: '2025-06-01', geaccepteerdTot: '2026-06-30' },
  measures: { type: 'intern', status: 'in uitvoering', voortgang: 40, streefdatum: '2026-03-01', kansreductie: 1, impactreductie: 0, kostenStructureel: 1, kostenEenmalig: 2, rubricering: 'Stg. Geheim' },
  incidents: { soort: 'incident', datum: '2025-03-02', indicatoren: 'FYS', hersteltijd: 6, norm: 4, rubricering: 'Stg. Geheim' },
};

/** Every column of the field table, in its order; a row is filled in by field name. */
function addRegister(wb: ExcelJS.Workbook, kind: SheetKind, name: string, rows: Record<string, unknown>[]) {
  const sheet = wb.addWorksheet(name);
  sheet.addRow(COLUMNS[kind].map((c) => c.header));
  for (const row of rows) sheet.addRow(COLUMNS[kind].map((c) => row[c.field] ?? null));
}

const hiddenItem = (kind: SheetKind) => ({ ...CANARIES[kind], ...HIDDEN_ITEM[kind] });

async function writeData(dir: string) {
  await writeFile(join(dir, 'analyse.yaml'), 'jaar: 2025\norganisatie: Ministerie van Defensie\nnetwerk: NAFIN\npeildatum: 2025-12-31\nrubricering: Stg. Geheim\n');
  const wb = new ExcelJS.Workbook();
  addRegister(wb, 'risks', "Risico's", [
    { id: 'R-1', titel: 'Uitval', dreigingscategorie: 'Technisch falen', indicatoren: 'DIG', kans: 4, impact: 5, rubricering: 'Openbaar', status: 'gesloten', laatsteBeoordeling: '2025-06-01' },
    // Hidden, never reviewed and without measures: two warnings name it.
    { id: HIDDEN_IDS[3], titel: 'Geheim risico', dreigingscategorie: 'Statelijke actoren', indicatoren: 'FYS', kans: 3, impact: 3, rubricering: 'Stg. Geheim', status: 'open', laatsteBeoordeling: '2020-01-01' },
    hiddenItem('risks'),
  ]);
  addRegister(wb, 'measures', 'Maatregelen', [
    // Late, hidden and open on the closed visible risk: the warnings about R-1 and about each measure name them.
    ...HIDDEN_IDS.slice(0, 3).map((id) => ({ id, titel: 'Geheime maatregel', risicos: 'R-1', type: 'intern', status: 'in uitvoering', voortgang: 40, streefdatum: '2025-03-01', kansreductie: 1, impactreductie: 0, rubricering: 'Stg. Geheim' })),
    hiddenItem('measures'),
  ]);
  addRegister(wb, 'incidents', 'Incidenten', [
    { id: 'I-1', soort: 'oefening', datum: '2025-05-01', titel: 'Oefening uitval', indicatoren: 'DIG', hersteltijd: 2, norm: 4, rubricering: 'Openbaar' },
    hiddenItem('incidents'),
  ]);
  wb.addWorksheet(SHEET).addRow(['aantekeningen']);
  await wb.xlsx.writeFile(join(dir, 'registers.xlsx'));
}


/** Generates through the CLI, as a user would, and keeps what the terminal showed. */
async function generate(data: string, level: string) {
  const lines: string[] = [];
  const term: Terminal = { out: (t) => void lines.push(t), err: (t) => void lines.push(t), isTTY: false };
  const out = join(await tempDir(), level);
  expect(await main(['generate', data, '--out', out, '--level', level], term)).toBe(0);
  return { texts: { ...(await readable(out)), terminal: lines.join('\n') }, out };
}

const escapedForms = (id: string) => [id, id.replace(/[.()'\\[\]]/g, (c) => `\\${c}`), id.replaceAll("'", '&#39;'), id.replaceAll("'", '&apos;')];
const where = (texts: Record<string, string>, needle: string) => Object.keys(texts).filter((k) => texts[k]!.includes(needle));

describe('hidden items at a lower level', () => {
  let openbaar: Record<string, string>;
  let geheim: Record<string, string>;
  beforeAll(async () => {
    const data = await tempDir();
    await writeData(data);
    openbaar = (await generate(data, 'Openbaar')).texts;
    geheim = (await generate(data, 'Stg. Geheim')).texts;
  }, 180_000);

  it('the full version names them (the canaries would be seen)', () => {
    for (const id of HIDDEN_IDS) expect(where(geheim, id).length, id).toBeGreaterThan(0);
    expect(where(geheim, SHEET).length).toBeGreaterThan(0);
  });

  it('no ID of a hidden item, whatever its characters, in any file or on the terminal', () => {
    expect(Object.keys(openbaar).some((k) => k.endsWith('.pdf'))).toBe(true);
    expect(Object.keys(openbaar).some((k) => k.includes('.xlsx:xl/'))).toBe(true);
    for (const id of HIDDEN_IDS) for (const form of escapedForms(id)) expect(where(openbaar, form), form).toEqual([]);
  });

  it('no name of a sheet only the full version shows', () => {
    expect(where(openbaar, SHEET)).toEqual([]);
  });

  it('puts a canary in every text column of every register', () => {
    expect(Object.keys(CANARIES.risks)).toEqual(expect.arrayContaining(['id', 'titel', 'omschrijving', 'dreigingscategorie', 'eigenaar', 'contactpersoon', 'ketenpartners', 'geaccepteerdDoor']));
    expect(Object.keys(CANARIES.measures)).toEqual(expect.arrayContaining(['id', 'titel', 'omschrijving', 'risicos', 'eigenaar', 'contactpersoon']));
    expect(Object.keys(CANARIES.incidents)).toEqual(expect.arrayContaining(['id', 'titel', 'omschrijving']));
  });

  for (const kind of ['risks', 'measures', 'incidents'] as const) {
    it(`the full version shows each text column of a hidden item of ${kind} (the canaries would be seen)`, () => {
      for (const [field, canary] of Object.entries(CANARIES[kind])) expect(where(geheim, canary).length, `${kind}.${field}`).toBeGreaterThan(0);
    });

    it(`no text column of a hidden item of ${kind} in any file or on the terminal`, () => {
      for (const [field, canary] of Object.entries(CANARIES[kind])) expect(where(openbaar, canary), `${kind}.${field}`).toEqual([]);
    });
  }
});
