/**
 * Swapping two folders in one step: Linux's renameat2(RENAME_EXCHANGE) through a tiny addon that
 * `npm run build` compiles (scripts/build-native.mjs). Where it is missing (no compiler at build
 * time, another system, a file system without the flag) `exchange` says so and the caller does
 * two renames, which a killed run's successor repairs (see staging.ts).
 */
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../version.js';

type Addon = { exchange(a: string, b: string): number };

const addon: Addon | undefined = (() => {
  try {
    return createRequire(import.meta.url)(join(PROJECT_ROOT, 'dist', 'native', 'exchange.node')) as Addon;
  } catch {
    return undefined;
  }
})();

/** Whether this build can swap in one step at all (for tests and the manifest of a support case). */
export const CAN_EXCHANGE = addon !== undefined;

/** Errors that mean "not here": the system or file system lacks the call, not a failure of the swap. */
const UNSUPPORTED = new Set([constants.errno.ENOSYS, constants.errno.EINVAL, constants.errno.EOPNOTSUPP]);

/** Swaps `a` and `b` (both must exist); false when only two renames can do it here. */
export function exchange(a: string, b: string): boolean {
  if (!addon) return false;
  const errno = addon.exchange(a, b);
  if (errno === 0) return true;
  if (UNSUPPORTED.has(errno)) return false;
  const code = Object.entries(constants.errno).find(([, n]) => n === errno)?.[0] ?? `errno ${errno}`;
  throw Object.assign(new Error(`${code}: renameat2 ${a} ${b}`), { code, errno: -errno, path: a, dest: b });
}
