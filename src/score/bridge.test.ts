import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisSchema, BRIDGE_STEPS, type Analysis, type Bridge } from '../analysis.js';
import { DEFAULT_METHOD, type Measure, type Method, type Registers, type Risk } from '../model.js';
import { buildMeasure, buildRisk, buildSettings } from './fixtures/build.js';
import { score } from './index.js';

/** Last year's result as this year's run reads it: through analysis.json. */
const lastYear = (registers: Registers, methode: Partial<Method> = {}): Analysis =>
  AnalysisSchema.parse(JSON.parse(JSON.stringify(score(registers, buildSettings(methode, '2024-12-31')))));
const thisYear = (registers: Registers, previous: Analysis, methode: Partial<Method> = {}) => score(registers, buildSettings(methode, '2025-12-31'), previous);
const registers = (risks: Risk[], measures: Measure[] = []): Registers => ({ risks, measures, incidents: [] });

const dig = (a: Analysis) => a.indicators.find((i) => i.code === 'DIG')!;
const sum = (b: Bridge) => b.nieuwEnVervallen + b.herbeoordeling + b.maatregelen;
/** Which parts are exactly 0. */
const zeros = (b: Bridge | null) => BRIDGE_STEPS.filter((step) => b?.[step] === 0);

// Last year: R1 and R2 on DIG, each with a measure under way.
const R1 = buildRisk({ id: 'R1', kans: 4, impact: 4 });
const R2 = buildRisk({ id: 'R2', kans: 3, impact: 4 });
const M1 = buildMeasure({ id: 'M1', risicos: ['R1'], status: 'in uitvoering', voortgang: 30, kansreductie: 2, impactreductie: 1 });
const M2 = buildMeasure({ id: 'M2', risicos: ['R2'], status: 'in uitvoering', voortgang: 50, kansreductie: 1, impactreductie: 0.5 });
const before = lastYear(registers([R1, R2], [M1, M2]));

describe('bridge', () => {
  it('puts progress of measures alone under maatregelen', () => {
    const now = thisYear(registers([R1, R2], [{ ...M1, voortgang: 80 }, { ...M2, status: 'gereed' }]), before);
    const { brug, verandering } = dig(now);
    expect(zeros(brug)).toEqual(['nieuwEnVervallen', 'herbeoordeling']);
    expect(brug!.maatregelen).toBeGreaterThan(0);
    expect(Math.abs(sum(brug!) - verandering!)).toBeLessThan(1e-9);
  });

  it('puts new bruto values alone under herbeoordeling', () => {
    const now = thisYear(registers([{ ...R1, kans: 5 }, { ...R2, impact: 2 }], [M1, M2]), before);
    const { brug, verandering } = dig(now);
    expect(zeros(brug)).toEqual(['nieuwEnVervallen', 'maatregelen']);
    expect(brug!.herbeoordeling).not.toBe(0);
    expect(Math.abs(sum(brug!) - verandering!)).toBeLessThan(1e-9);
  });

  it.each<[string, Risk[]]>([
    ['a new risk', [R1, R2, buildRisk({ id: 'R3', kans: 5, impact: 5 })]],
    ['a risk that left the register', [R1]],
    ['a closed risk', [R1, { ...R2, status: 'gesloten' }]],
    ['a risk that changed indicator', [R1, { ...R2, indicatoren: ['FYS'] }]],
  ])('puts %s alone under nieuwEnVervallen', (_, risks) => {
    const measures = [M1, M2].filter((m) => risks.some((r) => m.risicos.includes(r.id)));
    const { brug, verandering } = dig(thisYear(registers(risks, measures), before));
    expect(zeros(brug)).toEqual(['herbeoordeling', 'maatregelen']);
    expect(brug!.nieuwEnVervallen).not.toBe(0);
    expect(Math.abs(sum(brug!) - verandering!)).toBeLessThan(1e-9);
  });

  it('counts a reopened risk as new, at this year\'s level', () => {
    const closed = lastYear(registers([R1, { ...R2, status: 'gesloten' }], [M1, M2]));
    const { brug } = dig(thisYear(registers([R1, { ...R2, kans: 5 }], [M1, { ...M2, status: 'gereed' }]), closed));
    expect(zeros(brug)).toEqual(['herbeoordeling', 'maatregelen']);
  });

  it('splits a change of everything at once over the three steps, in the order of substitution', () => {
    const now = thisYear(registers([{ ...R1, kans: 5 }, buildRisk({ id: 'R3', kans: 2, impact: 2 })], [{ ...M1, voortgang: 100 }]), before);
    const { brug, verandering, vorigeScore } = dig(now);
    // Step 1: {R1 at last year's 3,4 × 3,7, R3 new at 2 × 2}. Step 2: R1 bruto 5 with last year's reduction 0,6 and 0,3.
    const s1 = 100 * (1 - (3.4 * 3.7 + 4) / 50);
    const s2 = 100 * (1 - (4.4 * 3.7 + 4) / 50);
    const s3 = 100 * (1 - (3 * 3 + 4) / 50);
    expect(brug!.nieuwEnVervallen).toBeCloseTo(s1 - vorigeScore!, 9);
    expect(brug!.herbeoordeling).toBeCloseTo(s2 - s1, 9);
    expect(brug!.maatregelen).toBeCloseTo(s3 - s2, 9);
    expect(Math.abs(sum(brug!) - verandering!)).toBeLessThan(1e-9);
  });

  it('applies last year\'s reduction before the floor of 1 to new bruto values', () => {
    // Last year kans 2 − 3 × 1 = −1, shown as 1; with bruto 4 this year the same reduction still gives 1.
    const strong = buildMeasure({ id: 'M', risicos: ['R'], status: 'gereed', kansreductie: 3, impactreductie: 0 });
    const old = lastYear(registers([buildRisk({ id: 'R', kans: 2, impact: 4 })], [strong]));
    const { brug } = dig(thisYear(registers([buildRisk({ id: 'R', kans: 4, impact: 4 })], [strong]), old));
    expect(zeros(brug)).toEqual(['nieuwEnVervallen', 'herbeoordeling', 'maatregelen']);
  });

  it('reads last year\'s reduction back from an analysis.json of an older version, which kept none', () => {
    const old = { ...before, risks: before.risks.map(({ reductie: _r, ...risk }) => risk) };
    const now = thisYear(registers([{ ...R1, kans: 5 }, R2], [{ ...M1, voortgang: 80 }, M2]), old);
    const exact = thisYear(registers([{ ...R1, kans: 5 }, R2], [{ ...M1, voortgang: 80 }, M2]), before);
    // Without the floor of 1 in play, bruto − actueel is the reduction itself.
    expect(dig(now).brug!.herbeoordeling).toBeCloseTo(dig(exact).brug!.herbeoordeling, 12);
    expect(Math.abs(sum(dig(now).brug!) - dig(now).verandering!)).toBeLessThan(1e-9);
  });

  it('is absent when the method is not comparable, as the change is', () => {
    const now = thisYear(registers([R1, R2], [{ ...M1, voortgang: 80 }, M2]), before, { credit: { ...DEFAULT_METHOD.credit, vertraagd: 0.5 } });
    expect(now.indicators.every((i) => i.verandering === null && i.brug === null)).toBe(true);
  });

  it('is absent without last year, and for an indicator without risks this year', () => {
    expect(score(registers([R1]), buildSettings()).indicators.every((i) => i.brug === null)).toBe(true);
    const now = thisYear(registers([{ ...R1, indicatoren: ['FYS'] }], [M1]), before);
    expect(dig(now)).toMatchObject({ score: null, verandering: null, brug: null });
  });

  it('adds up to the change of any two years within 1e-9', () => {
    const ids = ['R1', 'R2', 'R3', 'R4', 'R5'];
    const year = fc.record({
      risks: fc.subarray(ids).chain((chosen) =>
        fc.tuple(
          ...chosen.map((id) =>
            fc
              .record({ kans: fc.integer({ min: 1, max: 5 }), impact: fc.integer({ min: 1, max: 5 }), indicatoren: fc.subarray(['DIG', 'FYS'], { minLength: 1 }), status: fc.constantFrom('open', 'geaccepteerd', 'gesloten' as const) })
              .map((f) => buildRisk({ id, ...f })),
          ),
        ),
      ),
      measures: fc.array(
        fc
          .record({ risicos: fc.subarray(ids, { minLength: 1 }), voortgang: fc.integer({ min: 0, max: 100 }), kansreductie: fc.double({ min: 0, max: 4, noNaN: true }), impactreductie: fc.double({ min: 0, max: 4, noNaN: true }) })
          .map((f) => buildMeasure({ id: 'M', status: 'in uitvoering', ...f })),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(year, year, (a, b) => {
        const now = thisYear(registers(b.risks, b.measures), lastYear(registers(a.risks, a.measures)));
        for (const i of now.indicators) {
          expect(i.brug === null).toBe(i.verandering === null);
          if (i.brug) expect(Math.abs(sum(i.brug) - i.verandering!)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('class changes', () => {
  const low = lastYear(registers([buildRisk({ id: 'R', kans: 4, impact: 4 })], [buildMeasure({ id: 'M', risicos: ['R'], status: 'in uitvoering', voortgang: 0, kansreductie: 2, impactreductie: 0 })]));
  const change = (risk: Partial<Risk>, voortgang: number) =>
    thisYear(registers([buildRisk({ id: 'R', kans: 4, impact: 4, ...risk })], [buildMeasure({ id: 'M', risicos: ['R'], status: 'in uitvoering', voortgang, kansreductie: 2, impactreductie: 0 })]), low).trend?.klasseWijzigingen;

  it.each<[string, Partial<Risk>, number, object[]]>([
    ['the reassessment as what moved the class', { kans: 2 }, 0, [{ id: 'R', van: 'hoog', naar: 'midden', door: 'herbeoordeling' }]],
    ['the measures as what moved the class', {}, 100, [{ id: 'R', van: 'hoog', naar: 'midden', door: 'maatregelen' }]],
    // Bruto 2 × 4 is midden with last year's reduction 0; the measure then brings kans to 1: laag.
    ['both, one after the other', { kans: 2 }, 100, [{ id: 'R', van: 'hoog', naar: 'laag', door: 'beide' }]],
    // Bruto 5 × 5 is zeer hoog; the measure brings it back to 3 × 5, hoog as last year: no change.
    ['nothing when the measures undo the reassessment', { kans: 5, impact: 5 }, 100, []],
  ])('names %s', (_, risk, voortgang, expected) => {
    expect(change(risk, voortgang)).toEqual(expected);
  });
});
