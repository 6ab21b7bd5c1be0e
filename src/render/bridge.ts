/**
 * The bridge as the report shows it: every number rounded to one decimal such that the shown parts
 * add up to the shown change, and the shown change is the difference of the shown scores. Also the
 * summary sentence per indicator that moved most.
 */
import { BRIDGE_STEPS, type IndicatorResult } from '../analysis.js';
import { getal, shown, verandering } from './format.js';

export type BridgeStep = (typeof BRIDGE_STEPS)[number];

/** Labels of the steps in tables and charts. */
export const STEP_LABEL: Record<BridgeStep, string> = {
  nieuwEnVervallen: "Nieuwe en vervallen risico's",
  herbeoordeling: 'Herbeoordeling van kans en impact',
  maatregelen: 'Voortgang van maatregelen',
};

/** What a step stands for, after "vooral door". */
const STEP_CAUSE: Record<BridgeStep, string> = {
  nieuwEnVervallen: "nieuwe en vervallen risico's",
  herbeoordeling: "herbeoordeling van risico's",
  maatregelen: 'voortgang van maatregelen',
};

/** Indicators the summary explains, those that moved most. */
export const SUMMARY_BRIDGES = 3;

export interface ShownBridge {
  code: string;
  naam: string;
  /** All in tenths of a point, as integers, so sums are exact. */
  vorige: number;
  score: number;
  verandering: number;
  delen: Record<BridgeStep, number>;
  /** The score after each step: the running sum of the parts from `vorige`; after the last, `score`. */
  na: Record<BridgeStep, number>;
}

/** Tenths of a point, of the value exactly as the report shows it. */
const tenths = (x: number) => Math.round(shown(x, 1) * 10);
export const fromTenths = (t: number) => t / 10;

/**
 * The shown bridge of an indicator, null without one. The parts are rounded by largest remainder:
 * each part's tenths rounded down, then the tenths the shown change still needs go to the parts with
 * the largest remainders. A part that is exactly 0 stays 0.
 */
export function shownBridge(i: IndicatorResult): ShownBridge | null {
  if (!i.brug || i.score === null || i.vorigeScore === null) return null;
  const vorige = tenths(i.vorigeScore);
  const score = tenths(i.score);
  const raw = BRIDGE_STEPS.map((step) => i.brug![step] * 10);
  const floors = raw.map(Math.floor);
  let missing = score - vorige - floors.reduce((s, x) => s + x, 0);
  const byRemainder = BRIDGE_STEPS.map((_, k) => k).sort((a, b) => raw[b]! - floors[b]! - (raw[a]! - floors[a]!) || Math.abs(raw[b]!) - Math.abs(raw[a]!) || a - b);
  for (const k of byRemainder) {
    if (missing <= 0) break;
    floors[k]! += 1;
    missing -= 1;
  }
  // The shown change is within three tenths of the sum of the floors (see docs/methode.md), so nothing is left here.
  const delen = Object.fromEntries(BRIDGE_STEPS.map((step, k) => [step, floors[k]!])) as Record<BridgeStep, number>;
  let level = vorige;
  const na = Object.fromEntries(BRIDGE_STEPS.map((step) => [step, (level += delen[step])])) as Record<BridgeStep, number>;
  return { code: i.code, naam: i.naam, vorige, score, verandering: score - vorige, delen, na };
}

/** The step that contributed most in the direction of the change. */
export function mainStep(b: ShownBridge): BridgeStep {
  const sign = Math.sign(b.verandering);
  let best: BridgeStep = BRIDGE_STEPS[0];
  for (const step of BRIDGE_STEPS) if (b.delen[step] * sign > b.delen[best] * sign) best = step;
  return best;
}

/** "DIG steeg 10,7 punten, vooral door voortgang van maatregelen (+8,9)." */
export function bridgeSentence(b: ShownBridge): string {
  const step = mainStep(b);
  const verb = b.verandering > 0 ? 'steeg' : 'daalde';
  return `${b.code} ${verb} ${getal(Math.abs(fromTenths(b.verandering)), 1)} punten, vooral door ${STEP_CAUSE[step]} (${verandering(fromTenths(b.delen[step]))}).`;
}

/** One sentence for each of the indicators whose shown score moved most (not at all: none). */
export function bridgeSentences(indicators: readonly IndicatorResult[]): string[] {
  return indicators
    .flatMap((i) => {
      const b = shownBridge(i);
      return b && b.verandering !== 0 ? [b] : [];
    })
    .sort((x, y) => Math.abs(y.verandering) - Math.abs(x.verandering))
    .slice(0, SUMMARY_BRIDGES)
    .map(bridgeSentence);
}
