import { describe, expect, it } from 'vitest';
import type { ScoredMeasure } from '../analysis.js';
import { rankMeasures } from './effect-view.js';

const m = (id: string, status: ScoredMeasure['status'], effect: number | null, restkosten: number | null) =>
  ({ id, status, effect, restkosten, effectPerMEuro: effect === null || !restkosten ? null : effect / restkosten }) as ScoredMeasure;

describe('rankMeasures', () => {
  it('ranks by effect per M€, ties by effect, then by ID in natural order; without cost apart by effect; done and cancelled left out', () => {
    const { ranked, free } = rankMeasures([
      m('M-10', 'gepland', 2, 1), // 2 per M€, effect 2
      m('M-2', 'gepland', 2, 1), // the same: M-2 before M-10
      m('M-3', 'vertraagd', 4, 2), // 2 per M€, larger effect: first
      m('M-4', 'in uitvoering', 9, 1), // 9 per M€
      m('M-5', 'gepland', 1, 0),
      m('M-6', 'gepland', 3, 0),
      m('M-7', 'gereed', null, null),
      m('M-8', 'geannuleerd', null, null),
    ]);
    expect(ranked.map((x) => x.id)).toEqual(['M-4', 'M-3', 'M-2', 'M-10']);
    expect(free.map((x) => x.id)).toEqual(['M-6', 'M-5']);
  });
});
