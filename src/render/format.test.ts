import { describe, expect, it } from 'vitest';
import { aantal, datum, geld, getal, opsomming, procent, score, verandering } from './format.js';

describe('Dutch formatting', () => {
  it.each([
    [3, 1, '3,0'],
    [7.25, 1, '7,3'],
    [12345.65, 1, '12.345,7'],
    [-0.01, 1, '0,0'],
    [10000, 0, '10.000'],
  ])('getal(%d, %d) = %s', (n, d, expected) => expect(getal(n, d)).toBe(expected));

  it('formats scores, changes and money', () => {
    expect(score(64.25)).toBe('64,3');
    expect(score(null)).toBe('–');
    expect(verandering(3.21)).toBe('+3,2');
    expect(verandering(-1)).toBe('-1,0');
    expect(verandering(0.01)).toBe('0,0');
    expect(verandering(null)).toBe('–');
    expect(geld(9)).toBe('M€ 9,0');
    expect(geld(1234.56)).toBe('M€ 1.234,6');
    expect(procent(0.6)).toBe('60%');
  });

  it('writes dates in words without a time zone', () => {
    expect(datum('2025-09-03')).toBe('3 september 2025');
    expect(datum('2025-12-31')).toBe('31 december 2025');
    expect(datum(undefined)).toBe('–');
  });

  it('counts and lists in Dutch', () => {
    expect(aantal(1, 'maatregel', 'maatregelen')).toBe('1 maatregel');
    expect(aantal(1200, 'risico', "risico's")).toBe("1.200 risico's");
    expect(opsomming(['a'])).toBe('a');
    expect(opsomming(['a', 'b', 'c'])).toBe('a, b en c');
  });
});
