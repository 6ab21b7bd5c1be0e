/**
 * Effect, restkosten and effectPerMEuro against a recomputation written here from the method's
 * formulas: the whole register is scored twice (as it is, and with one measure's credit at 1) and the
 * sums of the actueel scores compared. It shares nothing with effect.ts but the register.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEASURE_STATUSES, type Measure, type Registers, type Risk } from '../model.js';
import { buildMeasure, buildRisk, buildSettings } from './fixtures/build.js';
import { score } from './index.js';

const CREDIT: Record<Measure['status'], (m: Measure) => number> = {
  gepland: () => 0,
  'in uitvoering': (m) => (m.voortgang ?? 0) / 100,
  vertraagd: (m) => (m.voortgang ?? 0) / 100,
  gereed: () => 1,
  geannuleerd: () => 0,
};

/** Σ actueel score over the risks not gesloten, with `done` (an ID) at credit 1. */
function totalActueel(registers: Registers, done?: string): number {
  let total = 0;
  for (const risk of registers.risks) {
    if (risk.status === 'gesloten') continue;
    let kans = risk.kans;
    let impact = risk.impact;
    for (const m of registers.measures) {
      if (!m.risicos.includes(risk.id)) continue;
      const credit = m.id === done ? 1 : CREDIT[m.status](m);
      kans -= credit * m.kansreductie;
      impact -= credit * m.impactreductie;
    }
    total += Math.max(1, kans) * Math.max(1, impact);
  }
  return total;
}

function expected(registers: Registers, m: Measure) {
  if (m.status === 'gereed' || m.status === 'geannuleerd') return { effect: null, restkosten: null, effectPerMEuro: null };
  const effect = totalActueel(registers) - totalActueel(registers, m.id);
  const restkosten = m.kostenEenmalig * (1 - CREDIT[m.status](m)) + m.kostenStructureel;
  return { effect, restkosten, effectPerMEuro: restkosten === 0 ? null : effect / restkosten };
}

function expectClose(got: number | null | undefined, want: number | null, label: string): void {
  if (want === null) expect(got, label).toBeNull();
  else expect(Math.abs((got ?? NaN) - want), label).toBeLessThan(1e-9);
}

function check(registers: Registers): void {
  const result = score(registers, buildSettings());
  registers.measures.forEach((m, i) => {
    const want = expected(registers, m);
    const got = result.measures[i];
    expectClose(got?.effect, want.effect, `${m.id} effect`);
    expectClose(got?.restkosten, want.restkosten, `${m.id} restkosten`);
    expectClose(got?.effectPerMEuro, want.effectPerMEuro, `${m.id} effectPerMEuro`);
  });
}

const risks: Risk[] = [
  buildRisk({ id: 'R1', kans: 4, impact: 5 }),
  buildRisk({ id: 'R2', kans: 3, impact: 3 }),
  buildRisk({ id: 'R3', kans: 5, impact: 5, status: 'gesloten' }),
];

describe('what a measure still brings', () => {
  it('matches the recomputation, clamped, without cost, on a closed and an unknown risk, and null when done or cancelled', () => {
    const measures = [
      // Clamped: done, it would take the kans below 1 without the max(1; …).
      buildMeasure({ id: 'CLAMP', risicos: ['R1'], status: 'in uitvoering', voortgang: 50, kansreductie: 4, impactreductie: 0, kostenEenmalig: 2, kostenStructureel: 0.5 }),
      // No cost: effectPerMEuro null; the closed R3 and the unknown ID bring nothing; R2 named twice counts once.
      buildMeasure({ id: 'FREE', risicos: ['R2', 'R3', 'ONBEKEND', 'R2'], status: 'gepland', kansreductie: 1, impactreductie: 1 }),
      buildMeasure({ id: 'LATE', risicos: ['R1', 'R2'], status: 'vertraagd', voortgang: 20, kansreductie: 0.5, impactreductie: 1, kostenEenmalig: 3 }),
      buildMeasure({ id: 'DONE', risicos: ['R1'], status: 'gereed', kansreductie: 0, impactreductie: 1, kostenStructureel: 1 }),
      buildMeasure({ id: 'GONE', risicos: ['R1'], status: 'geannuleerd', kansreductie: 1, impactreductie: 1, kostenEenmalig: 4 }),
    ];
    const registers = { risks, measures, incidents: [] };
    check(registers);
    const result = score(registers, buildSettings());
    const byId = new Map(result.measures.map((m) => [m.id, m]));
    // CLAMP at credit 1 alone would take R1's kans from 4 − 0,5 × 4 − 0,2 × 0,5 = 1,9 to 4 − 4 − 0,1 → 1.
    const r1 = result.risks.find((r) => r.id === 'R1');
    expect(r1?.actueel.kans).toBeCloseTo(1.9, 12);
    expect(byId.get('CLAMP')?.effect).toBeCloseTo(r1!.actueel.score - 1 * r1!.actueel.impact, 12);
    expect(byId.get('CLAMP')?.restkosten).toBeCloseTo(1.5, 12); // 2 × (1 − 0,5) + 0,5
    expect(byId.get('FREE')).toMatchObject({ restkosten: 0, effectPerMEuro: null });
    expect(byId.get('FREE')?.effect).toBeGreaterThan(0);
    expect(byId.get('DONE')).toMatchObject({ effect: null, restkosten: null, effectPerMEuro: null });
    expect(byId.get('GONE')).toMatchObject({ effect: null, restkosten: null, effectPerMEuro: null });
  });

  it('matches the recomputation on any register', () => {
    const arb = fc.integer({ min: 1, max: 6 }).chain((n) => {
      const ids = Array.from({ length: n }, (_, i) => `R${i}`);
      const risk = (id: string) =>
        fc
          .record({ kans: fc.integer({ min: 1, max: 5 }), impact: fc.integer({ min: 1, max: 5 }), status: fc.constantFrom('open', 'geaccepteerd', 'gesloten' as const) })
          .map((f) => buildRisk({ id, ...f }));
      const measure = (id: string) =>
        fc
          .record({
            risicos: fc.subarray(ids, { minLength: 1 }),
            status: fc.constantFrom(...MEASURE_STATUSES),
            voortgang: fc.integer({ min: 0, max: 100 }),
            kansreductie: fc.constantFrom(0, 0.5, 1, 2, 4),
            impactreductie: fc.constantFrom(0, 0.25, 1, 3),
            kostenEenmalig: fc.constantFrom(0, 1.5, 9),
            kostenStructureel: fc.constantFrom(0, 0.25, 3),
          })
          .map((f) => buildMeasure({ id, ...f }));
      return fc.record({
        risks: fc.tuple(...ids.map(risk)),
        measures: fc.integer({ min: 0, max: 8 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => measure(`M${i}`)))),
        incidents: fc.constant<Registers['incidents']>([]),
      });
    });
    fc.assert(fc.property(arb, (registers) => check(registers)));
  });
});
