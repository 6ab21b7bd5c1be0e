/**
 * LibreOffice opens the workbook: every sheet converted to CSV (as shown, so number and date formats
 * apply) holds the expected values, and formula-like register text stays text.
 * Separate from excel.test.ts because the first start of LibreOffice takes up to half a minute.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysis, context, HOSTILE } from '../../test/fixtures/excel/analysis.js';
import { buildWorkbook } from './excel.js';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
/** CSV filter: `;`, `"`, UTF-8, from row 1, Dutch, cells as shown, every sheet to its own file (-1). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1043,false,true,true,false,false,-1';

let dir: string;

async function sheetCsv(name: string): Promise<string> {
  return readFile(join(dir, 'csv', `analyse-${name}.csv`), 'utf8');
}

describe.skipIf(!hasSoffice)('LibreOffice (skipped: soffice is not installed)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'excel-lo-'));
    const file = join(dir, 'analyse.xlsx');
    await writeFile(file, await buildWorkbook(analysis, context));
    // A profile of its own, so a running LibreOffice or a parallel test does not interfere.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await promisify(execFile)('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', join(dir, 'csv'), file], { timeout: 120_000 });
  }, 150_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens every sheet', async () => {
    expect(await sheetCsv('Samenvatting')).toContain('Peildatum;31-12-2025');
    expect(await sheetCsv('Methode')).toContain('Standaardmethode;ja');
    expect(await sheetCsv('Matrix bruto')).toMatch(/^Kans \\ Impact;1 beperkt;2 aanzienlijk/);
    const verklaring = await sheetCsv('Verklaring');
    expect(verklaring).toContain('FYS;fysieke weerbaarheid;48.1;+1.0;+2.0;+1.2;52.3;+4.2');
    expect(verklaring).toContain('DIG;digitale weerbaarheid;85.0;-1.0;-2.0;-0.7;81.3;-3.7');
  });

  it('reads the registers with their contract headers and values, dates as dd-mm-jjjj', async () => {
    const risks = (await sheetCsv("Risico's")).split('\n');
    expect(risks[0]).toMatch(/^ID;Titel;Omschrijving;Dreigingscategorie;Indicatoren;Kans;Impact;Eigenaar;Contactpersoon;Rubricering;Ketenpartners;Status;Laatste beoordeling;Geaccepteerd door;Geaccepteerd tot;Bruto score/);
    expect(risks[1]).toMatch(/^VR-001;Uitval tijdsynchronisatie in kernrouters;.*;DIG, FYS;3;5;JIVC;K\. Smit;Departementaal Vertrouwelijk;"KPN; Haagse Ring";open;26-03-2025;/);
    expect(await sheetCsv('Maatregelen')).toMatch(/\nVM-003;Herzien ondersteuningscontracten;.*;vertraagd;45%;01-10-2025;.*;ja;91;1.20;0.00;\r?\n/);
  });

  it('keeps formula-like text as text', async () => {
    const risks = await sheetCsv("Risico's");
    expect(risks).toContain(`VR-002;"${HOSTILE.hyperlink.replaceAll('"', '""')}";${HOSTILE.formula};`);
    expect(risks).toContain(`;${HOSTILE.at};`);
    expect(risks).toContain(`;${HOSTILE.cmd};`);
    expect(await sheetCsv('Maatregelen')).toContain(`VM-004;${HOSTILE.formula};`);
  });
});
