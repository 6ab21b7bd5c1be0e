/**
 * Sum in ascending order. Floating-point addition is not associative, so summing in row order would
 * let a reordered register move a result in its last bit. Sorting first makes the sum depend only on
 * the numbers themselves. Two terms need no sorting (a + b equals b + a exactly).
 */
export function canonicalSum(values: readonly number[]): number {
  if (values.length <= 2) return (values[0] ?? 0) + (values[1] ?? 0);
  let total = 0;
  for (const value of Float64Array.from(values).sort()) total += value;
  return total;
}
