import { describe, expect, it } from 'vitest';
import { percent, readCell } from './cell.js';
import { CellProblem } from './table-builder.js';

describe('readCell: SheetJS cells as plain values', () => {
  it.each([
    ['General', 45658, 45658],
    ['0.00', 1.5, 1.5],
    ['[Red]0.00', 1.5, 1.5],
    ['"dagen" 0', 3, 3],
    ['#,##0_);(#,##0)', 9, 9],
    ['0%', 0.6, '60%'],
    ['0.00%', 0.0725, '7.25%'],
  ])('%s: %s → %o', (numFmt, value, expected) => {
    expect(readCell({ t: 'n', v: value, z: numFmt })).toEqual(expected);
  });

  it('keeps a date as the reader gives it, and reads an ISO date text of a date cell', () => {
    expect(readCell({ t: 'd', v: new Date(Date.UTC(2025, 0, 1)) })).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(readCell({ t: 'd', v: '2025-01-01T00:00:00Z' })).toEqual(new Date(Date.UTC(2025, 0, 1)));
  });

  it('reads booleans as booleans, cached errors by their text, and an empty number as empty', () => {
    expect(readCell({ t: 'b', v: false, f: 'A1' })).toBe(false);
    expect(readCell({ t: 'e', v: 0x07, f: 'A1/0' })).toEqual(new CellProblem('De formule geeft de foutwaarde #DIV/0!.', '=A1/0'));
    expect(readCell({ t: 'e', v: 0x2a })).toEqual(new CellProblem('De cel bevat de Excel-foutwaarde #N/A.', '#N/A'));
    expect(readCell({ t: 'n', v: Number.NaN })).toBeNull();
  });

  it('refuses text past Excel\'s 32,767 characters, quoting only its start', () => {
    const problem = readCell({ t: 's', v: 'x'.repeat(40_000) });
    expect(problem).toMatchObject({ ruleId: 'cel-te-lang', severity: 'error', actual: 'x'.repeat(100) });
  });
});

describe('percent', () => {
  it.each([
    [0.6, '60%'],
    [0.07, '7%'],
    [0.125, '12.5%'],
    [1, '100%'],
    [0, '0%'],
    [0.333333333333333, '33.3333333333%'],
  ])('%s → %s', (value, text) => {
    expect(percent(value)).toBe(text);
  });
});
