import { describe, expect, it } from 'vitest';
import { percent, readCell } from './cell.js';
import { CellProblem } from './table-builder.js';

describe('readCell: numbers by their format', () => {
  // Plain date cells arrive from exceljs as Date already; these are numbers as formula results give them.
  it.each([
    ['General', 45658, 45658],
    ['0.00', 1.5, 1.5],
    ['[Red]0.00', 1.5, 1.5],
    ['"dagen" 0', 3, 3],
    ['#,##0_);(#,##0)', 9, 9],
    ['0%', 0.6, '60%'],
    ['0.00%', 0.0725, '7.25%'],
    ['dd-mm-yyyy', 45658, new Date(Date.UTC(2025, 0, 1))],
    ['[$-413]d mmmm yyyy', 45658.5, new Date(Date.UTC(2025, 0, 1, 12))],
    ['DD-MM-YYYY', 45658, new Date(Date.UTC(2025, 0, 1))],
  ])('%s: %s → %o', (numFmt, value, expected) => {
    expect(readCell({ formula: 'A1', result: value }, { numFmt }, false)).toEqual(expected);
  });

  it('counts days from 1904 in workbooks that use that date system', () => {
    expect(readCell({ formula: 'A1', result: 44196 }, { numFmt: 'dd-mm-yyyy' }, true)).toEqual(new Date(Date.UTC(2025, 0, 1)));
  });

  it('reads a formula with a boolean or a cached error', () => {
    expect(readCell({ formula: 'A1', result: false }, {}, false)).toBe(false);
    expect(readCell({ formula: 'A1/0', result: Number.NaN }, {}, false)).toEqual(new CellProblem('De formule geeft een foutwaarde.', '=A1/0'));
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
