import type { IsoDate, Measure, MeasureStatus } from '../model.js';

const UNFINISHED: ReadonlySet<MeasureStatus> = new Set<MeasureStatus>(['gepland', 'in uitvoering', 'vertraagd']);
const MS_PER_DAY = 86_400_000;

export interface Lateness {
  teLaat: boolean;
  /** Whole days from Streefdatum to peildatum when te laat, else 0. */
  dagenTeLaat: number;
}

/** Te laat: Streefdatum before the peildatum (on the peildatum itself is still on time) and not finished. */
export function lateness(measure: Measure, peildatum: IsoDate): Lateness {
  const { streefdatum, status } = measure;
  if (streefdatum === undefined || !UNFINISHED.has(status) || streefdatum >= peildatum) return { teLaat: false, dagenTeLaat: 0 };
  return { teLaat: true, dagenTeLaat: dayNumber(peildatum) - dayNumber(streefdatum) };
}

/** Days since 1970-01-01 of an ISO date, in UTC so no time zone or DST shifts a day. */
export function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}
