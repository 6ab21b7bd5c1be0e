import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../analysis.js';
import { CLASSES, MEASURE_STATUSES, type Measure, type MeasureStatus, type Registers } from '../model.js';
import { buildMeasure, buildRisk, buildSettings } from './fixtures/build.js';
import { score } from './index.js';

const CODES = ['FYS', 'DIG', 'ECO', 'KET', 'CRI'];
const settings = buildSettings();
/** Sums are canonical, but a larger term can still move the last bit of a sum of several terms. */
const NOISE = 1e-9;

const registersArb: fc.Arbitrary<Registers> = fc.integer({ min: 1, max: 12 }).chain((riskCount) => {
  const ids = Array.from({ length: riskCount }, (_, i) => `R${i}`);
  const risk = (id: string) =>
    fc
      .record({
        kans: fc.integer({ min: 1, max: 5 }),
        impact: fc.integer({ min: 1, max: 5 }),
        indicatoren: fc.subarray(CODES, { minLength: 1 }),
        status: fc.constantFrom('open', 'geaccepteerd', 'gesloten' as const),
      })
      .map((fields) => buildRisk({ id, ...fields }));
  const measure = (id: string) =>
    fc
      .record({
        risicos: fc.subarray(ids, { minLength: 1 }),
        status: fc.constantFrom(...MEASURE_STATUSES),
        voortgang: fc.integer({ min: 0, max: 100 }),
        kansreductie: fc.double({ min: 0, max: 4, noNaN: true }),
        impactreductie: fc.constantFrom(0, 0.25, 0.5, 1, 1.5, 2, 3, 4),
      })
      .map((fields) => buildMeasure({ id, ...fields }));
  return fc.record({
    risks: fc.tuple(...ids.map(risk)),
    measures: fc.integer({ min: 0, max: 20 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => measure(`M${i}`)))),
    incidents: fc.constant([]),
  });
});

const STEP: Record<MeasureStatus, MeasureStatus> = { gepland: 'in uitvoering', 'in uitvoering': 'gereed', vertraagd: 'gereed', gereed: 'gereed', geannuleerd: 'gepland' };

/** The same measure with more credit: higher voortgang, or a status one step closer to gereed. */
function moreCredit(measure: Measure, extra: number, byStatus: boolean): Measure {
  if (byStatus && measure.status !== 'geannuleerd') return { ...measure, status: STEP[measure.status] };
  return { ...measure, voortgang: Math.min(100, (measure.voortgang ?? 0) + extra) };
}

const rank = (klasse: (typeof CLASSES)[number]) => CLASSES.indexOf(klasse);

describe('properties of the default method', () => {
  it('more credit never raises a score or a class', () => {
    fc.assert(
      fc.property(registersArb, fc.nat(), fc.integer({ min: 1, max: 100 }), fc.boolean(), (registers, pick, extra, byStatus) => {
        fc.pre(registers.measures.length > 0);
        const i = pick % registers.measures.length;
        const measures = registers.measures.map((m, j) => (j === i ? moreCredit(m, extra, byStatus) : m));
        const before = score(registers, settings);
        const after = score({ ...registers, measures }, settings);
        after.risks.forEach((risk, r) => {
          const old = before.risks[r]!;
          for (const key of ['kans', 'impact', 'score'] as const) expect(risk.actueel[key]).toBeLessThanOrEqual(old.actueel[key] + NOISE);
          expect(rank(risk.actueel.klasse)).toBeLessThanOrEqual(rank(old.actueel.klasse));
        });
        after.indicators.forEach((indicator, k) => expect(indicator.score ?? 0).toBeGreaterThanOrEqual((before.indicators[k]!.score ?? 0) - NOISE));
      }),
    );
  });

  it('keeps streef ≤ actueel ≤ bruto, scores within 1..25 and indicator scores within 0..100', () => {
    fc.assert(
      fc.property(registersArb, (registers) => {
        const result = score(registers, settings);
        for (const { bruto, actueel, streef } of result.risks) {
          for (const key of ['kans', 'impact', 'score'] as const) {
            expect(streef[key]).toBeLessThanOrEqual(actueel[key] + NOISE);
            expect(actueel[key]).toBeLessThanOrEqual(bruto[key]);
          }
          for (const level of [bruto, actueel, streef]) {
            expect(level.score).toBeGreaterThanOrEqual(1);
            expect(level.score).toBeLessThanOrEqual(25);
          }
        }
        for (const { score: s } of result.indicators) if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
      }),
    );
  });

  it('gives the same result per ID and per indicator whatever the order of the rows', () => {
    const shuffled = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
    fc.assert(
      fc.property(
        registersArb.chain((registers) => fc.tuple(fc.constant(registers), shuffled(registers.risks), shuffled(registers.measures))),
        ([registers, risks, measures]) => {
          const a = score(registers, settings);
          const b = score({ risks, measures, incidents: [] }, settings);
          expect(byId(b.risks)).toEqual(byId(a.risks));
          expect(byId(b.measures)).toEqual(byId(a.measures));
          expect(b.indicators.map(withoutWorst)).toEqual(a.indicators.map(withoutWorst));
          expect(b.totals).toEqual(a.totals);
        },
      ),
    );
  });
});

/** Per ID, with the measure list as a set (it follows register order by design). */
function byId<T extends { id: string; maatregelen?: string[] }>(items: readonly T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.id, item.maatregelen ? { ...item, maatregelen: [...item.maatregelen].sort() } : item]));
}

/** On a tie the worst risk is the first in register order, so it may follow the order; the rest may not. */
function withoutWorst({ slechtsteRisico: _worst, ...rest }: Analysis['indicators'][number]) {
  return rest;
}
