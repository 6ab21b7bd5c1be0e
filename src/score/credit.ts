import type { Measure, Method } from '../model.js';

/** Credit earned by the peildatum, per the method's credit table. A missing Voortgang counts as 0. */
export function measureCredit(measure: Measure, credit: Method['credit']): number {
  const rule = credit[measure.status];
  return rule === 'voortgang' ? (measure.voortgang ?? 0) / 100 : rule;
}

/** The streef level counts every measure that is not cancelled as fully done. */
export function targetCredit(measure: Measure): number {
  return measure.status === 'geannuleerd' ? 0 : 1;
}
