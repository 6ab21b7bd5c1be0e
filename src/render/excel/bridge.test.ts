import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleAnalysis } from '../../../test/fixtures/analysis/sample.js';
import { context } from '../../../test/fixtures/excel/analysis.js';
import { buildWorkbook } from '../excel.js';

async function verklaring(analysis = sampleAnalysis()): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await buildWorkbook(analysis, context)) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Verklaring')!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('workbook sheet Verklaring', () => {
  it('has the bridge of every indicator, its parts adding up to the change as rounded in the report', async () => {
    const analysis = sampleAnalysis();
    const rows = await verklaring(analysis);
    const header = rows.findIndex((r) => r[0] === 'Code');
    expect(rows[header]).toEqual(['Code', 'Indicator', 'Score 2024', "Nieuwe en vervallen risico's", 'Herbeoordeling van kans en impact', 'Voortgang van maatregelen', 'Score 2025', 'Verandering']);
    for (const indicator of analysis.indicators) {
      const row = rows.find((r) => r[0] === indicator.code)!;
      if (!indicator.brug) continue;
      const [, , before, p1, p2, p3, after, change] = row as number[];
      expect(Math.round((after! - before!) * 10)).toBe(Math.round(change! * 10));
      expect(Math.round((p1! + p2! + p3!) * 10)).toBe(Math.round(change! * 10));
      expect(Math.abs(change! - indicator.verandering!)).toBeLessThan(0.1);
    }
  });

  it('lists the earlier years and the step that moved each class', async () => {
    const analysis = sampleAnalysis();
    const rows = await verklaring(analysis);
    const years = rows.findIndex((r) => r[0] === 'Jaar');
    expect(rows[years]).toEqual(['Jaar', 'Methode vergelijkbaar', ...analysis.indicators.map((i) => i.code), 'Totaal']);
    expect(rows[years + 1]?.slice(0, 2)).toEqual([2024, 'ja']);
    const changes = analysis.trend!.klasseWijzigingen;
    expect(changes.length).toBeGreaterThan(0);
    const first = rows.find((r) => r[0] === changes[0]!.id);
    expect(first?.slice(1)).toEqual([changes[0]!.van, changes[0]!.naar, { herbeoordeling: 'herbeoordeling', maatregelen: 'voortgang van maatregelen', beide: 'beide' }[changes[0]!.door!]]);
  });

  it('says why there is no bridge without last year', async () => {
    const rows = await verklaring(sampleAnalysis((r) => r, false));
    expect(rows.flat()).toContain('Er is geen vergelijking met vorig jaar: de gegevens van vorig jaar zijn niet opgegeven.');
    expect(rows.flat()).not.toContain('Code');
  });
});
