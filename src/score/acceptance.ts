/**
 * Temporarily accepted risks (the BIO2 register): where an acceptance stands on the peildatum. One
 * place for the rule, read by the warnings, the report's list and its recommendations.
 */
import type { IsoDate, Risk } from '../model.js';
import { dayNumber } from './late.js';

/** An acceptance ending within this many days after the peildatum is announced. */
export const ACCEPTANCE_NOTICE_DAYS = 90;

/** `verlopen`: Geaccepteerd tot before the peildatum; `loopt-af`: ending within the notice period; `geldig`: later; `onbepaald`: no end date. */
export type AcceptanceState = 'verlopen' | 'loopt-af' | 'geldig' | 'onbepaald';

export function acceptanceState(risk: Pick<Risk, 'geaccepteerdTot'>, peildatum: IsoDate): AcceptanceState {
  const until = risk.geaccepteerdTot;
  if (until === undefined) return 'onbepaald';
  if (until < peildatum) return 'verlopen';
  return dayNumber(until) - dayNumber(peildatum) <= ACCEPTANCE_NOTICE_DAYS ? 'loopt-af' : 'geldig';
}
