/**
 * `weerbaarheid init`: a data folder a newcomer fills in. Its workbook is opened by our own ingest,
 * by a fresh exceljs load and by LibreOffice; validate accepts the fresh folder and says it is empty.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COLUMNS, SHEET_LABEL } from '../src/columns.js';
import { ingest } from '../src/ingest/index.js';
import type { SheetKind } from '../src/ingest/table.js';
import { REQUIRED_NOTE } from '../src/init/workbook.js';
import { ConfigSchema, RISK_STATUSES } from '../src/model.js';
import { loadConfig } from '../src/validate/config.js';
import { runMain as cli } from './helpers/cli.js';
import { removeTempDirs, tempDir } from './helpers/fixtures.js';

const KINDS: SheetKind[] = ['risks', 'measures', 'incidents'];
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

let dir: string;
beforeAll(async () => {
  dir = join(await tempDir(), 'mijn-analyse');
  expect((await cli(['init', dir])).status).toBe(0);
});
afterAll(removeTempDirs);

type Validated = ExcelJS.Cell & { dataValidation?: ExcelJS.DataValidation };

describe('init', () => {
  it('writes analyse.yaml with every key, a Dutch comment on each, this year, Departementaal Vertrouwelijk', async () => {
    const text = await readFile(join(dir, 'analyse.yaml'), 'utf8');
    for (const key of Object.keys(ConfigSchema.in.shape)) expect(text, key).toMatch(new RegExp(`^(# )?${key}: .+ # \\S`, 'm'));
    const yaml = parse(text) as Record<string, unknown>;
    const year = new Date().getUTCFullYear();
    expect(yaml.jaar).toBe(year);
    expect(String(yaml.peildatum)).toBe(`${year}-12-31`);
    expect(yaml.rubricering).toBe('Departementaal Vertrouwelijk');
    const { settings, messages } = await loadConfig(dir);
    expect(messages).toEqual([]);
    expect(settings?.rubricering).toBe('dep-v');
    expect(settings?.voorbeeld).toBe(false);
  });

  it('shows the classification decision in a form that validates', async () => {
    const text = await readFile(join(dir, 'analyse.yaml'), 'utf8');
    const example = /^rubricering: .*# .*rubriceringsbesluit.*?(\{ niveau: .* \})$/m.exec(text)?.[1];
    expect(example).toBeDefined();
    const own = join(await tempDir(), 'besluit');
    await cli(['init', own, '--quiet']);
    const lapses = `${new Date().getUTCFullYear() + 5}-12-31`;
    await writeFile(join(own, 'analyse.yaml'), text.replace(/^rubricering: .*$/m, `rubricering: ${example!.replace('jjjj-mm-dd', lapses)}`));
    const { settings, messages } = await loadConfig(own);
    expect(messages).toEqual([]);
    expect(settings).toMatchObject({ rubricering: 'dep-v', rubriceringBesluit: { vervalt: lapses, vastgesteldDoor: 'Directeur CIO' } });
  });

  it('gives a folder that validates: exit 0, with a Dutch warning that the registers are still empty', async () => {
    const r = await cli(['validate', dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/waarschuwing: De registers zijn nog leeg.*\[registers-leeg\]/);
  });

  it('refuses a folder that already holds an analysis (exit 2, Dutch) unless --force', async () => {
    await writeFile(join(dir, 'analyse.yaml'), 'jaar: 1999\n');
    const refused = await cli(['init', dir]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^weerbaarheid: De map .* bevat al een analyse .*--force/);
    expect(await readFile(join(dir, 'analyse.yaml'), 'utf8')).toBe('jaar: 1999\n');
    expect((await cli(['init', dir, '--force', '--quiet'])).status).toBe(0);
    expect(await readFile(join(dir, 'analyse.yaml'), 'utf8')).toMatch(/^jaar: \d{4} /m);
  });

  it('writes a workbook our ingest reads: every register with every column of the contract, and a filled-in row validates', async () => {
    const { tables } = await ingest(dir);
    for (const kind of KINDS) expect(tables.find((t) => t.kind === kind)?.columns.map((c) => c.header)).toEqual(COLUMNS[kind].map((c) => c.header));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'registers.xlsx'));
    const row = { ID: 'R-1', Titel: 'Uitval', Dreigingscategorie: 'techniek', Indicatoren: 'DIG, KET', Kans: 3, Impact: 4, Rubricering: 'Openbaar', Status: 'open' };
    const risks = wb.getWorksheet("Risico's")!;
    risks.getRow(2).values = COLUMNS.risks.map((c) => row[c.header as keyof typeof row] ?? null);
    const measure = { ID: 'M-1', Titel: 'Reserve', "Risico's": 'R-1', Type: 'intern', Status: 'gepland', Kansreductie: 1, Impactreductie: 0.5, Rubricering: 'Openbaar' };
    wb.getWorksheet('Maatregelen')!.getRow(2).values = COLUMNS.measures.map((c) => measure[c.header as keyof typeof measure] ?? null);
    const filled = join(await tempDir(), 'gevuld');
    await cli(['init', filled, '--quiet']);
    await wb.xlsx.writeFile(join(filled, 'registers.xlsx'));
    const r = await cli(['validate', filled]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('registers-leeg');
  });

  it('writes a workbook a fresh exceljs load shows with bold frozen headers, required marks, drop-downs and formats', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'registers.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...KINDS.map((k) => SHEET_LABEL[k]), 'Toelichting']);
    for (const kind of KINDS) {
      const ws = wb.getWorksheet(SHEET_LABEL[kind])!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      COLUMNS[kind].forEach((c, i) => {
        const head = ws.getRow(1).getCell(i + 1);
        expect(head.value).toBe(c.header);
        expect(head.font?.bold).toBe(true);
        expect(Boolean(head.note), `${kind} ${c.header}`).toBe(c.required);
        if (c.required) expect(JSON.stringify(head.note)).toContain(REQUIRED_NOTE);
      });
    }
    const cell = (sheet: string, header: string, row = 2): Validated => {
      const ws = wb.getWorksheet(sheet)!;
      const col = (ws.getRow(1).values as unknown[]).indexOf(header);
      return ws.getRow(row).getCell(col) as Validated;
    };
    expect(cell("Risico's", 'Status').dataValidation).toMatchObject({ type: 'list', formulae: [`"${RISK_STATUSES.join(',')}"`] });
    expect(cell("Risico's", 'Status', 500).dataValidation?.type).toBe('list');
    expect(cell("Risico's", 'Kans').dataValidation).toMatchObject({ type: 'list', formulae: ['"1,2,3,4,5"'] });
    expect(cell("Risico's", 'Rubricering').dataValidation?.formulae?.[0]).toContain('Departementaal Vertrouwelijk');
    expect(cell('Maatregelen', 'Type').dataValidation).toMatchObject({ type: 'list', formulae: ['"intern,extern"'] });
    expect(cell('Incidenten', 'Soort').dataValidation).toMatchObject({ type: 'list', formulae: ['"incident,oefening"'] });
    // Indicatoren takes several codes at once ("DIG, KET"): a check that warns, not a single-choice list.
    expect(cell("Risico's", 'Indicatoren').dataValidation).toMatchObject({ type: 'custom', errorStyle: 'warning' });
    expect(cell("Risico's", 'Titel').dataValidation).toBeUndefined();
    expect(cell("Risico's", 'Laatste beoordeling').numFmt).toBe('dd-mm-yyyy');
    // The BIO2 register of accepted risks: who (a role) and until when (a date).
    expect(cell("Risico's", 'Geaccepteerd door').dataValidation).toBeUndefined();
    expect(cell("Risico's", 'Geaccepteerd tot').numFmt).toBe('dd-mm-yyyy');
    expect(cell('Incidenten', 'Datum').numFmt).toBe('dd-mm-yyyy');
    expect(cell('Maatregelen', 'Kansreductie').numFmt).toMatch(/^0/);
    expect(cell('Maatregelen', 'Kosten eenmalig (M€)').numFmt).toMatch(/^0/);
    const explained = wb.getWorksheet('Toelichting')!;
    expect(explained.rowCount - 1).toBe(KINDS.reduce((n, k) => n + COLUMNS[k].length, 0));
    expect(explained.getRow(2).values).toEqual([undefined, "Risico's", 'ID', 'ja', 'Een niet-lege tekst.']);
  });

  it.skipIf(!hasSoffice)('writes a workbook LibreOffice opens: every sheet, the headers, and the drop-down lists', async () => {
    const out = await tempDir();
    const profile = pathToFileURL(join(out, 'profile')).href;
    const file = join(dir, 'registers.xlsx');
    // `;`-separated, UTF-8, every sheet to its own file (-1).
    const csv = 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1043,false,true,true,false,false,-1';
    await promisify(execFile)('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', csv, '--outdir', out, file], { timeout: 120_000 });
    await promisify(execFile)('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'fods', '--outdir', out, file], { timeout: 120_000 });
    const files = await readdir(out);
    for (const kind of KINDS) {
      const text = await readFile(join(out, files.find((f) => f.endsWith(`-${SHEET_LABEL[kind]}.csv`))!), 'utf8');
      expect(text.split(/\r?\n/)[0]).toBe(COLUMNS[kind].map((c) => c.header).join(';'));
    }
    expect(await readFile(join(out, 'registers-Toelichting.csv'), 'utf8')).toContain("Risico's;Status;ja;Open, geaccepteerd of gesloten.");
    const fods = await readFile(join(out, 'registers.fods'), 'utf8');
    expect(fods).toMatch(/table:condition="of:cell-content-is-in-list\(&quot;open&quot;;&quot;geaccepteerd&quot;;&quot;gesloten&quot;\)"/);
    expect(fods).toContain(REQUIRED_NOTE);
  });
});
