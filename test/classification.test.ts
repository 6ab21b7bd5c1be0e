/**
 * Rendering for a level, checked with independent readers: canary strings in items above
 * Openbaar and in contact persons never reach an Openbaar report in any format, while a
 * Stg. Geheim report of the same register holds them.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGenerate } from '../src/run.js';
import { removeTempDirs, tempDir } from './helpers/fixtures.js';
import { readable } from './helpers/readable.js';

afterAll(removeTempDirs);

const CANARY = {
  dvRisk: 'KANARIE-DV-RISICO-7f3a',
  stgcRisk: 'KANARIE-STGC-RISICO-91be',
  stggMeasure: 'KANARIE-STGG-MAATREGEL-4c2d',
  stgcPartner: 'KANARIE-STGC-PARTNER-a0e1',
  stgcIncident: 'KANARIE-STGC-INCIDENT-5d9c',
  person: 'Kanarie-Persoon-Jansen-13ab',
  dvMeasurePerson: 'Kanarie-Persoon-Visser-88cd',
  /** The ID of a hidden measure that is late: data-quality messages name it. */
  hiddenLateId: 'M-KANARIE-77',
};

/** The classification decision on the full (Stg. Geheim) report, from analyse.yaml. */
const DECISION = { vervalt: '2031-12-31', vastgesteldDoor: 'Directeur CIO Defensie' };
const DECISION_TEXT = 'vastgesteld door Directeur CIO Defensie; vervalt op 31 december 2031';

async function writeRegister(dir: string) {
  await writeFile(
    join(dir, 'analyse.yaml'),
    `jaar: 2025\norganisatie: Ministerie van Defensie\nnetwerk: NAFIN\npeildatum: 2025-12-31\nrubricering:\n  niveau: Stg. Geheim\n  vervalt: ${DECISION.vervalt}\n  vastgesteldDoor: ${DECISION.vastgesteldDoor}\n`,
  );
  const wb = new ExcelJS.Workbook();
  const risks = wb.addWorksheet("Risico's");
  risks.addRow(['ID', 'Titel', 'Omschrijving', 'Dreigingscategorie', 'Indicatoren', 'Kans', 'Impact', 'Eigenaar', 'Contactpersoon', 'Rubricering', 'Ketenpartners', 'Status', 'Laatste beoordeling']);
  risks.addRow(['R-1', 'Uitval tijdsynchronisatie', 'Openbaar risico', 'Technisch falen', 'DIG', 4, 5, 'JIVC', CANARY.person, 'Openbaar', 'KPN; Politie', 'open', '2025-06-01']);
  risks.addRow(['R-2', `Spionage ${CANARY.dvRisk}`, 'Vertrouwelijk', 'Statelijke actoren', 'DIG, KET', 3, 4, 'DMO', CANARY.person, 'Departementaal Vertrouwelijk', 'Cisco', 'open', '2025-06-01']);
  risks.addRow(['R-3', `Sabotage ${CANARY.stgcRisk}`, `Details ${CANARY.stgcRisk}`, 'Statelijke actoren', 'FYS', 5, 5, `Eigenaar ${CANARY.stgcRisk}`, CANARY.person, 'Stg. Confidentieel', `${CANARY.stgcPartner}; KPN`, 'open', '2025-06-01']);
  risks.addRow(['R-4', 'Stroomuitval', 'Openbaar risico', 'Klimaat en extreem weer', 'FYS, CRI', 2, 4, 'JIVC', CANARY.person, 'Openbaar', 'Meldkamers', 'open', '2025-06-01']);
  const measures = wb.addWorksheet('Maatregelen');
  measures.addRow(['ID', 'Titel', 'Omschrijving', "Risico's", 'Type', 'Status', 'Voortgang', 'Streefdatum', 'Gereed op', 'Kansreductie', 'Impactreductie', 'Kosten structureel (M€)', 'Kosten eenmalig (M€)', 'Eigenaar', 'Contactpersoon', 'Rubricering']);
  measures.addRow(['M-1', 'Versterken beheer', 'Openbaar', 'R-1, R-3', 'intern', 'in uitvoering', 50, '2026-06-30', '', 1, 1, 3, 0, 'JIVC', CANARY.dvMeasurePerson, 'Openbaar']);
  measures.addRow(['M-2', `Geheime maatregel ${CANARY.stggMeasure}`, CANARY.stggMeasure, 'R-3', 'intern', 'gereed', 100, '2025-06-30', '2025-06-01', 2, 1, 0, 9, 'DMO', CANARY.person, 'Stg. Geheim']);
  measures.addRow([CANARY.hiddenLateId, 'Late geheime maatregel', 'Stg. G', 'R-1', 'intern', 'in uitvoering', 40, '2025-03-01', '', 1, 0, 0, 0, 'DMO', '', 'Stg. Geheim']);
  measures.addRow(['M-3', 'Crisiscommunicatie', 'Openbaar', 'R-4', 'extern', 'gepland', '', '2026-03-01', '', 0.5, 1, 0, 0.5, 'DMO', CANARY.person, 'Openbaar']);
  const incidents = wb.addWorksheet('Incidenten');
  incidents.addRow(['ID', 'Soort', 'Datum', 'Titel', 'Omschrijving', 'Indicatoren', 'Hersteltijd (uur)', 'Norm (uur)', 'Rubricering']);
  incidents.addRow(['I-1', 'incident', '2024-08-27', 'Storing tijdsynchronisatie', 'Routering viel weg', 'DIG', 13, 4, 'Openbaar']);
  incidents.addRow(['I-2', 'incident', '2025-03-02', `Inbraak ${CANARY.stgcIncident}`, CANARY.stgcIncident, 'FYS', 6, 4, 'Stg. Confidentieel']);
  await wb.xlsx.writeFile(join(dir, 'registers.xlsx'));
}


const found = (texts: Record<string, string>, needle: string) => Object.keys(texts).filter((k) => texts[k]!.includes(needle));

let data: string;
let openbaar: Record<string, string>;
let geheim: Record<string, string>;
let openbaarFiles: string[];
let outOpen: string;
let outGeheim: string;

beforeAll(async () => {
  data = await tempDir();
  await writeRegister(data);
  outOpen = join(await tempDir(), 'openbaar');
  outGeheim = join(await tempDir(), 'geheim');
  const a = await runGenerate({ dataDir: data, outDir: outOpen, level: 'openbaar' });
  expect(a.messages.filter((m) => m.severity === 'error')).toEqual([]);
  expect(a.exitCode).toBe(0);
  const b = await runGenerate({ dataDir: data, outDir: outGeheim, level: 'stg-g' });
  expect(b.exitCode).toBe(0);
  openbaar = await readable(outOpen);
  geheim = await readable(outGeheim);
  openbaarFiles = await readdir(outOpen);
}, 180_000);

describe('an Openbaar report of a Stg. Geheim register', () => {
  it('reads the formats with independent readers (md, html, pdf, every workbook part, json)', () => {
    const kinds = Object.keys(openbaar).map((k) => k.split(/[:( ]/)[0]!.split('.').pop());
    expect(new Set(kinds)).toEqual(new Set(['md', 'html', 'pdf', 'xlsx', 'json', 'svg']));
  });

  for (const [name, canary] of Object.entries(CANARY)) {
    it(`holds no trace of ${name}, while the Stg. Geheim report does`, () => {
      expect(found(openbaar, canary)).toEqual([]);
      expect(found(geheim, canary).length).toBeGreaterThan(0);
    });
  }

  it('names its level in the file names, the front matter, every PDF page, the PDF and workbook metadata', () => {
    expect(openbaarFiles.filter((f) => /\.(md|pdf|xlsx|html)$/.test(f)).every((f) => f.includes('-openbaar.'))).toBe(true);
    const md = Object.entries(openbaar).find(([k]) => k.endsWith('.md'))![1];
    expect(md).toMatch(/^---\n[\s\S]*rubricering: Openbaar[\s\S]*\n---\n/);
    const pdf = Object.entries(openbaar).find(([k]) => k.endsWith('.pdf'))![1];
    const pages = pdf.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page).toContain('Openbaar');
    const info = Object.entries(openbaar).find(([k]) => k.endsWith('(info)'))![1];
    expect(info).toMatch(/(Subject|Keywords):.*Openbaar/);
    const core = Object.entries(openbaar).find(([k]) => k.endsWith('docProps/core.xml'))![1];
    expect(core).toContain('Openbaar');
  });

  it('keeps the contact persons in the Stg. Geheim report only', () => {
    expect(found(geheim, CANARY.person).some((f) => f.endsWith('.xlsx:xl/worksheets/sheet3.xml') || f.includes('xlsx:'))).toBe(true);
    expect(found(openbaar, 'Kanarie-Persoon')).toEqual([]);
  });
});

const file = (texts: Record<string, string>, suffix: string) => Object.entries(texts).find(([k]) => k.endsWith(suffix))![1];

async function workbookProperties(out: string) {
  const name = (await readdir(out)).find((f) => f.endsWith('.xlsx'))!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(out, name));
  const summary: [string, unknown][] = [];
  wb.getWorksheet('Samenvatting')!.eachRow((row) => summary.push([String(row.getCell(1).value), row.getCell(2).value]));
  return { description: wb.description, summary };
}

describe('the classification decision (who set it, when it lapses): on the full report only', () => {
  it('shows it on the cover of the full report: Markdown, HTML and the first PDF page', () => {
    expect(file(geheim, '.md')).toContain(`Rubricering: Stg. Geheim (${DECISION_TEXT}).`);
    const html = file(geheim, '.html');
    expect(html).toContain('<dt>Rubricering vastgesteld door</dt><dd>Directeur CIO Defensie</dd>');
    expect(html).toContain('<dt>Rubricering vervalt op</dt><dd>31 december 2031</dd>');
    const cover = file(geheim, '.pdf').split('\f')[0]!;
    expect(cover).toMatch(/Rubricering vastgesteld door\s+Directeur CIO Defensie/);
    expect(cover).toMatch(/Rubricering vervalt op\s+31 december 2031/);
  });

  it('puts it in the metadata of every format: front matter, analysis.json, manifest, HTML, PDF Info and XMP, workbook', async () => {
    const matter = file(geheim, '.md').split('\n---\n')[0]!;
    // The level stays a string of its own: extract reads it so.
    expect(matter).toMatch(/^rubricering: Stg\. Geheim$/m);
    expect(matter).toMatch(/^rubriceringVervalt: 2031-12-31$/m);
    expect(matter).toMatch(/^rubriceringVastgesteldDoor: Directeur CIO Defensie$/m);
    expect(JSON.parse(file(geheim, 'analysis.json')).rubriceringBesluit).toEqual(DECISION);
    expect(JSON.parse(file(geheim, 'manifest.json'))).toMatchObject({ rubricering: 'Stg. Geheim', rubriceringBesluit: DECISION });
    const subject = `rubricering Stg. Geheim (${DECISION_TEXT})`;
    expect(file(geheim, '.html')).toContain(`<meta name="description" content="Weerbaarheidsanalyse van NAFIN over 2025, ${subject}">`);
    expect(file(geheim, '(info)')).toMatch(new RegExp(`^Subject: +.*${subject.replace(/[.()]/g, '\\$&')}$`, 'm'));
    const pdf = (await readdir(outGeheim)).find((f) => f.endsWith('.pdf'))!;
    expect(execFileSync('pdfinfo', ['-meta', join(outGeheim, pdf)], { encoding: 'utf8' })).toMatch(new RegExp(`<dc:description>.*${subject.replace(/[.()]/g, '\\$&')}`));
    const workbook = await workbookProperties(outGeheim);
    expect(workbook.description).toBe(`Rubricering: Stg. Geheim (${DECISION_TEXT}). Peildatum: 2025-12-31.`);
    expect(workbook.summary).toEqual(expect.arrayContaining([['Rubricering', 'Stg. Geheim'], ['Rubricering vastgesteld door', 'Directeur CIO Defensie']]));
    expect((workbook.summary.find(([label]) => label === 'Rubricering vervalt op')?.[1] as Date).toISOString()).toBe('2031-12-31T00:00:00.000Z');
  });

  it('leaves it out of a version below the analysis’ own level, which shows only its own level', async () => {
    // manifest.json records analyse.yaml as it was (settings), not what this version carries.
    const { settings, ...manifest } = JSON.parse(file(openbaar, 'manifest.json')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('rubriceringBesluit');
    expect(settings).toMatchObject({ rubricering: 'stg-g', rubriceringBesluit: DECISION });
    const rest = Object.fromEntries(Object.entries(openbaar).filter(([k]) => k !== 'manifest.json'));
    for (const trace of ['2031-12-31', '31 december 2031', 'Directeur CIO', 'vastgesteld door', 'vervalt op']) expect(found(rest, trace), trace).toEqual([]);
    expect(JSON.parse(file(openbaar, 'analysis.json'))).not.toHaveProperty('rubriceringBesluit');
    expect(file(openbaar, '(info)')).toMatch(/^Subject: +Weerbaarheidsanalyse van NAFIN over 2025, rubricering Openbaar$/m);
    expect((await workbookProperties(outOpen)).description).toBe('Rubricering: Openbaar. Peildatum: 2025-12-31.');
  });
});

describe('levels the analysis does not allow', () => {
  it('refuses a level above the analysis’ own', async () => {
    const own = await tempDir();
    await writeRegister(own);
    const yaml = await readFile(join(own, 'analyse.yaml'), 'utf8');
    await writeFile(join(own, 'analyse.yaml'), yaml.replace('Stg. Geheim', 'Departementaal Vertrouwelijk'));
    await expect(runGenerate({ dataDir: own, outDir: join(own, 'uit'), level: 'stg-g', formats: ['md'] })).rejects.toThrow(/boven de rubricering/);
  });
});
