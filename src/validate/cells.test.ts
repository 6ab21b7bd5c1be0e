import { describe, expect, it } from 'vitest';
import { cellText, parseDate, remember, toChoice, toList, toNumber, toPercent, toText } from './cells.js';

describe('toNumber', () => {
  it.each([
    [3, 3],
    ['3', 3],
    [' 3 ', 3],
    ['0,5', 0.5],
    ['0.25', 0.25],
    ['-1', -1],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
    ['drie', 'drie'],
    ['1.234,5', '1.234,5'],
    [true, true],
  ])('%j → %j', (cell, expected) => expect(toNumber(cell)).toEqual(expected));
});

describe('toPercent', () => {
  it.each([
    [60, 60],
    ['60', 60],
    ['60%', 60],
    ['60 %', 60],
    ['62,5%', 62.5],
    ['65.5%', 65.5],
    ['', undefined],
    ['veel%', 'veel%'],
    ['half', 'half'],
  ])('%j → %j', (cell, expected) => expect(toPercent(cell)).toEqual(expected));
});

describe('parseDate', () => {
  it.each([
    [new Date(Date.UTC(2025, 2, 26)), '2025-03-26'],
    [25569, '1970-01-01'],
    [45657, '2024-12-31'],
    [45657.75, '2024-12-31'],
    ['31-12-2025', '2025-12-31'],
    ['1-2-2025', '2025-02-01'],
    ['13/02/2025', '2025-02-13'],
    ['10/25/2025', '2025-10-25'],
    ['01/01/2025', '2025-01-01'],
    ['01.02.2025', '2025-02-01'],
    ['30-12-2025 00:00', '2025-12-30'],
    ['30-12-2025 13:45:10', '2025-12-30'],
    ['46021', '2025-12-30'],
    ['46021,5', '2025-12-30'],
    ['2025-03-26', '2025-03-26'],
    ['2025-3-6', '2025-03-06'],
    ['2025-03-26T00:00:00Z', '2025-03-26'],
    [' 29-02-2024 ', '2024-02-29'],
  ])('%j → %s', (cell, iso) => expect(parseDate(cell)).toEqual({ ok: true, iso }));

  it.each([
    ['31-02-2025'],
    ['29-02-2025'],
    ['2025-13-01'],
    ['00-01-2025'],
  ])('%j is a date that does not exist', (cell) => expect(parseDate(cell)).toEqual({ ok: false, impossible: true }));

  it.each([['10/01/2025'], ['01/02/2025']])('%j can be day-month or month-day: ambiguous, not guessed', (cell) =>
    expect(parseDate(cell)).toEqual({ ok: false, impossible: false, ambiguous: true }),
  );

  it.each([['morgen'], ['31-12-25'], ['01-02/2025'], [-5], [true], [null]])('%j is no date', (cell) =>
    expect(parseDate(cell)).toEqual({ ok: false, impossible: false }),
  );
});

describe('lists, choices and text', () => {
  it.each([
    ['DIG, FYS', ['DIG', 'FYS']],
    ['KPN; Politie ;', ['KPN', 'Politie']],
    [' R-1 ;; R-2,R-3 ', ['R-1', 'R-2', 'R-3']],
    [12, ['12']],
    ['', undefined],
  ])('toList %j → %j', (cell, expected) => expect(toList(cell)).toEqual(expected));

  const status = toChoice(['gepland', 'in uitvoering']);
  it.each([
    ['In uitvoering', 'in uitvoering'],
    ['in_uitvoering', 'in uitvoering'],
    ['IN UITVOERING ', 'in uitvoering'],
    ['bezig', 'bezig'],
    [null, undefined],
  ])('choice %j → %j', (cell, expected) => expect(status(cell)).toEqual(expected));

  it('reads text trimmed, numbers and dates as text, empty as undefined', () => {
    expect(toText('  R-1 ')).toBe('R-1');
    expect(toText(12)).toBe('12');
    expect(toText('   ')).toBeUndefined();
    expect(cellText(new Date(Date.UTC(2025, 0, 5)))).toBe('2025-01-05');
  });
});

describe('remember', () => {
  it('computes each text once', () => {
    const calls: string[] = [];
    const upper = remember((text) => (calls.push(text), text.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('remembers undefined results too', () => {
    let calls = 0;
    const none = remember(() => (calls++, undefined));
    none('x');
    none('x');
    expect(calls).toBe(1);
  });
});
