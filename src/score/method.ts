import { DEFAULT_METHOD as DEFAULT, MEASURE_STATUSES, type Method } from '../model.js';
const SCALE_NAMES = { kans: 'Kans', impact: 'Impact' } as const;

/** True when the method computes exactly as the default one; a different naam alone does not count. */
export function isDefaultMethod(method: Method): boolean {
  return ruleDifferences(DEFAULT, method).length === 0;
}

/** What may be compared between results computed with these two methods. */
export interface Comparability {
  /** Scores (per risk and per indicator): same scales, matrix and credit table. */
  scores: boolean;
  /** Classes: same matrix. */
  classes: boolean;
}

export function comparability(previous: Method, current: Method): Comparability {
  const classes = sameMatrix(previous.matrix, current.matrix);
  const scales = (['kans', 'impact'] as const).every((s) => sameList(previous.schalen[s], current.schalen[s]));
  const credit = MEASURE_STATUSES.every((s) => previous.credit[s] === current.credit[s]);
  return { classes, scores: classes && scales && credit };
}

/** Every difference from `previous` to `current`, as Dutch sentences for the report; empty when identical. */
export function methodDifferences(previous: Method, current: Method): string[] {
  const name = previous.naam === current.naam ? [] : [`De naam van de methode is gewijzigd van '${previous.naam}' naar '${current.naam}'.`];
  return [...name, ...ruleDifferences(previous, current)];
}

function ruleDifferences(previous: Method, current: Method): string[] {
  const matrix = sameMatrix(previous.matrix, current.matrix) ? [] : ['De risicomatrix is gewijzigd.'];
  return [...scaleDifferences(previous, current), ...matrix, ...creditDifferences(previous, current), ...indicatorDifferences(previous, current)];
}

function scaleDifferences(previous: Method, current: Method): string[] {
  return (['kans', 'impact'] as const).flatMap((scale) =>
    current.schalen[scale].flatMap((label, i) => {
      const before = previous.schalen[scale][i];
      return before === label ? [] : [`Het label van ${SCALE_NAMES[scale]} ${i + 1} is gewijzigd van '${before}' naar '${label}'.`];
    }),
  );
}

function creditDifferences(previous: Method, current: Method): string[] {
  return MEASURE_STATUSES.flatMap((status) => {
    const [before, after] = [previous.credit[status], current.credit[status]];
    return before === after ? [] : [`Het voortgangsaandeel voor '${status}' is gewijzigd van ${creditText(before)} naar ${creditText(after)}.`];
  });
}

function indicatorDifferences(previous: Method, current: Method): string[] {
  const before = new Map(previous.indicatoren.map((i) => [i.code, i.naam]));
  const after = new Map(current.indicatoren.map((i) => [i.code, i.naam]));
  const removed = previous.indicatoren.filter((i) => !after.has(i.code)).map((i) => `Indicator ${i.code} (${i.naam}) is vervallen.`);
  const added = current.indicatoren.filter((i) => !before.has(i.code)).map((i) => `Indicator ${i.code} (${i.naam}) is toegevoegd.`);
  const common = current.indicatoren.filter((i) => before.has(i.code));
  const renamed = common.filter((i) => before.get(i.code) !== i.naam).map((i) => `De naam van indicator ${i.code} is gewijzigd van '${before.get(i.code)}' naar '${i.naam}'.`);
  const previousOrder = previous.indicatoren.filter((i) => after.has(i.code)).map((i) => i.code);
  const order = sameList(previousOrder, common.map((i) => i.code)) ? [] : ['De volgorde van de indicatoren is gewijzigd.'];
  const weights = common.flatMap(({ code }) => {
    const [w0, w1] = [previous.gewichten[code] ?? 1, current.gewichten[code] ?? 1];
    return w0 === w1 ? [] : [`Het gewicht van indicator ${code} is gewijzigd van ${dutchNumber(w0)} naar ${dutchNumber(w1)}.`];
  });
  return [...removed, ...added, ...renamed, ...order, ...weights];
}

function sameMatrix(a: Method['matrix'], b: Method['matrix']): boolean {
  return a.length === b.length && a.every((row, k) => sameList(row, b[k] ?? []));
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function creditText(credit: Method['credit'][keyof Method['credit']]): string {
  return credit === 'voortgang' ? 'Voortgang/100' : dutchNumber(credit);
}

function dutchNumber(x: number): string {
  return String(x).replace('.', ',');
}
