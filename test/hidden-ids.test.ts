/**
 * Nothing of a hidden item reaches a reduced report or its terminal output, whatever characters
 * its ID holds: messages are filtered on the IDs they carry, never on their text. Canaries: hidden
 * IDs with `. : ( ) '` and spaces that data-quality warnings name, and a non-register sheet whose
 * name only the full version may show. Grepped in every file (the workbook's XML and the PDF's
 * text too) and in what the terminal printed.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Terminal } from '../src/cli/terminal.js';
import { removeTempDirs, tempDir } from './helpers/fixtures.js';
import { readable } from './helpers/readable.js';

afterAll(removeTempDirs);

const HIDDEN_IDS = ['2025.M.01', 'M 7 (oud)', "M:'x'", 'R.9 (geheim)'];
const SHEET = 'Kanarieblad 4e1f';

async function writeData(dir: string) {
  await writeFile(join(dir, 'analyse.yaml'), 'jaar: 2025\norganisatie: Ministerie van Defensie\nnetwerk: NAFIN\npeildatum: 2025-12-31\nrubricering: Stg. Geheim\n');
  const wb = new ExcelJS.Workbook();
  const risks = wb.addWorksheet("Risico's");
  risks.addRow(['ID', 'Titel', 'Dreigingscategorie', 'Indicatoren', 'Kans', 'Impact', 'Rubricering', 'Status', 'Laatste beoordeling']);
  risks.addRow(['R-1', 'Uitval', 'Technisch falen', 'DIG', 4, 5, 'Openbaar', 'gesloten', '2025-06-01']);
  // Hidden, never reviewed and without measures: two warnings name it.
  risks.addRow([HIDDEN_IDS[3], 'Geheim risico', 'Statelijke actoren', 'FYS', 3, 3, 'Stg. Geheim', 'open', '2020-01-01']);
  const measures = wb.addWorksheet('Maatregelen');
  measures.addRow(['ID', 'Titel', "Risico's", 'Type', 'Status', 'Voortgang', 'Streefdatum', 'Kansreductie', 'Impactreductie', 'Rubricering']);
  // Late, hidden and open on the closed visible risk: the warnings about R-1 and about each measure name them.
  for (const id of HIDDEN_IDS.slice(0, 3)) measures.addRow([id, 'Geheime maatregel', 'R-1', 'intern', 'in uitvoering', 40, '2025-03-01', 1, 0, 'Stg. Geheim']);
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
});
