/**
 * scripts/stable-zip.ts patches the zip that exceljs has JSZip write, so it is pinned to those
 * versions: a JSZip that lays out its headers differently must fail here, not in a sample file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withFixedTimestamps } from '../scripts/stable-zip.js';

const exceljsRequire = createRequire(createRequire(import.meta.url).resolve('exceljs/package.json'));
const version = (req: NodeRequire, pkg: string) => (req(`${pkg}/package.json`) as { version: string }).version;

/** A workbook as exceljs writes it, its entries re-stamped with `date` by the JSZip exceljs uses. */
async function workbookAt(date: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2025, 11, 31));
  wb.addWorksheet('Blad').addRow(['ID', 'Titel']);
  const JSZip = exceljsRequire('jszip') as typeof import('jszip');
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  for (const file of Object.values(zip.files)) if (!file.dir) zip.file(file.name, await file.async('nodebuffer'), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('stable zip timestamps', () => {
  it('patches the zips of exceljs 4.4.0 with JSZip 3.10.2', () => {
    expect(version(createRequire(import.meta.url), 'exceljs')).toBe('4.4.0');
    expect(version(exceljsRequire, 'jszip')).toBe('3.10.2');
  });

  it('the same workbook written at two moments gives the same bytes, which unzip and Python read', async () => {
    const early = await workbookAt(new Date(2020, 0, 1, 8, 0, 0));
    const late = await workbookAt(new Date(2026, 5, 15, 17, 30, 10));
    expect(early.equals(late)).toBe(false);
    const fixed = withFixedTimestamps(early);
    expect(withFixedTimestamps(late).equals(fixed)).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'stable-zip-'));
    try {
      await writeFile(join(dir, 'a.xlsx'), fixed);
      execFileSync('unzip', ['-tq', join(dir, 'a.xlsx')]);
      const stamps = execFileSync('python3', ['-c', 'import sys, zipfile; print(sorted({i.date_time for i in zipfile.ZipFile(sys.argv[1]).infolist()}))', join(dir, 'a.xlsx')], { encoding: 'utf8' });
      expect(stamps.trim()).toBe('[(2025, 12, 31, 12, 0, 0)]');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
