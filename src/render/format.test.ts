import { describe, expect, it } from 'vitest';
import { aantal, datum, geld, getal, klasseMetCel, metLidwoord, opsomming, procent, score, shownChange, telwoord, verandering } from './format.js';

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
    expect(verandering(-1)).toBe('\u22121,0');
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

  it('computes a change as the difference of the values shown', () => {
    // The cases: unrounded differences would show −3,2, +7,3 and +16,3.
    expect(verandering(shownChange(72.56, 75.94))).toBe('\u22123,3');
    expect(verandering(shownChange(68.33, 60.94))).toBe('+7,4');
    expect(verandering(shownChange(78.33, 62.06))).toBe('+16,2');
    expect(shownChange(70, null)).toBeNull();
    for (const [now, before] of [[72.56, 75.94], [0.05, 0.04], [99.95, 12.349]] as const) {
      const change = shownChange(now, before)!;
      expect(Number(score(now).replace(',', '.')) - Number(score(before).replace(',', '.'))).toBeCloseTo(change, 9);
    }
  });

  it('shows a class with the rounded kans × impact it is read from', () => {
    expect(klasseMetCel({ kans: 1.7, impact: 5, klasse: 'hoog' })).toBe('hoog (kans 2 × impact 5)');
    expect(klasseMetCel({ kans: 2.5, impact: 3.4, klasse: 'midden' })).toBe('midden (kans 3 × impact 3)');
  });

  it('puts the article before a ministry', () => {
    expect(metLidwoord('Ministerie van Defensie')).toBe('het Ministerie van Defensie');
    expect(metLidwoord('Rijkswaterstaat')).toBe('Rijkswaterstaat');
  });

  it('counts and lists in Dutch', () => {
    expect(aantal(1200, 'risico', "risico's")).toBe("1.200 risico's");
    expect(opsomming(['a'])).toBe('a');
    expect(opsomming(['a', 'b', 'c'])).toBe('a, b en c');
  });
});

/** Feeds the one count helper 0, 1, 2 and many and reads the sentences back. */
describe('aantal: counts as running Dutch', () => {
  const sentence = (n: number) => `${aantal(n, 'maatregel', 'maatregelen', { begin: true, verb: ['is', 'zijn'] })} te laat.`;
  const inText = (n: number) => `Er ${n === 1 ? 'is' : 'zijn'} ${aantal(n, 'risico', "risico's")} nieuw.`;

  it.each([
    [0, 'Geen maatregelen zijn te laat.', "Er zijn geen risico's nieuw."],
    [1, 'Eén maatregel is te laat.', 'Er is één risico nieuw.'],
    [2, 'Twee maatregelen zijn te laat.', "Er zijn twee risico's nieuw."],
    [13, 'Dertien maatregelen zijn te laat.', "Er zijn dertien risico's nieuw."],
    [36, 'Zesendertig maatregelen zijn te laat.', "Er zijn 36 risico's nieuw."],
    [123, 'Honderddrieëntwintig maatregelen zijn te laat.', "Er zijn 123 risico's nieuw."],
  ])('%i', (n, opening, running) => {
    expect(sentence(n)).toBe(opening);
    expect(inText(n)).toBe(running);
    // No sentence opens with a digit, and the noun agrees with the count.
    expect(sentence(n)).not.toMatch(/^\d/);
    expect(sentence(n).includes('maatregelen')).toBe(n !== 1);
  });

  it('writes compound numbers with the diaeresis where Dutch needs it', () => {
    expect(aantal(22, 'x', 'x', { begin: true })).toBe('Tweeëntwintig x');
    expect(aantal(23, 'x', 'x', { begin: true })).toBe('Drieëntwintig x');
    expect(aantal(41, 'x', 'x', { begin: true })).toBe('Eenenveertig x');
    expect(telwoord(20)).toBe('twintig');
    expect(telwoord(21)).toBe('21');
  });
});
