import { describe, expect, it } from 'vitest';
import { AnalysisSchema, type Analysis } from '../analysis.js';
import { DEFAULT_METHOD, type Method } from '../model.js';
import { buildRisk, buildSettings } from './fixtures/build.js';
import { score } from './index.js';

/** A year scored with the year before as `vorige`, and read back as next year reads analysis.json. */
function year(jaar: number, kans: number, previous: Analysis | null, methode: Partial<Method> = {}): Analysis {
  const result = score({ risks: [buildRisk({ id: 'R1', kans, impact: 5 })], measures: [], incidents: [] }, buildSettings(methode, `${jaar}-12-31`), previous);
  return AnalysisSchema.parse(JSON.parse(JSON.stringify(result)));
}

describe('historie', () => {
  it('is empty without last year', () => {
    expect(year(2025, 3, null).historie).toEqual([]);
  });

  it('follows the chain of vorige, newest first, with the scores of each year', () => {
    const y2023 = year(2023, 5, null);
    const y2024 = year(2024, 4, y2023);
    const y2025 = year(2025, 3, y2024);
    const near = (x: number | null | undefined) => (x == null ? x : Math.round(x * 1e9) / 1e9);
    expect(y2025.historie.map((h) => [h.jaar, near(h.indicators.DIG), near(h.totaalScore), h.methodeVergelijkbaar])).toEqual([
      [2024, 20, 20, true],
      [2023, 0, 0, true],
    ]);
    expect(y2025.historie[0]?.indicators.FYS).toBeNull();
  });

  it('keeps at most five earlier years', () => {
    let previous: Analysis | null = null;
    for (let jaar = 2015; jaar <= 2025; jaar++) previous = year(jaar, 1 + (jaar % 5), previous);
    expect(previous!.historie.map((h) => h.jaar)).toEqual([2024, 2023, 2022, 2021, 2020]);
  });

  it('judges every year against this year\'s method, not against the year after it', () => {
    const other = { credit: { ...DEFAULT_METHOD.credit, vertraagd: 0.5 } };
    const y2022 = year(2022, 3, null);
    const y2023 = year(2023, 3, y2022, other);
    const y2024 = year(2024, 3, y2023);
    expect(y2024.historie.map((h) => [h.jaar, h.methodeVergelijkbaar])).toEqual([
      [2023, false],
      [2022, true],
    ]);
    expect(year(2025, 3, y2024, other).historie.map((h) => h.methodeVergelijkbaar)).toEqual([false, true, false]);
  });

  it('stops where a chain of vorige loops back to a later year', () => {
    const y2024 = year(2024, 3, null);
    const looped = { ...y2024, historie: [{ jaar: 2026, indicators: {}, totaalScore: null, methodeVergelijkbaar: true, methode: y2024.methode }] };
    expect(year(2025, 3, looped).historie.map((h) => h.jaar)).toEqual([2024]);
  });
});
