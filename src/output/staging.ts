/**
 * Atomic report folders. Everything is written into a staging folder beside the target; only when
 * every requested format succeeded does `commit` swap it in. Until then the previous report stays
 * exactly as it was, and `discard` (called on every failure path) leaves no staging folder behind.
 *
 * A lock beside the target (./lock.ts) keeps two runs out of one folder. A run that was killed
 * outright (no `discard`) leaves its lock, staging folder and, if it died between the two renames
 * of the swap, the previous report as `…-vorig`: the next run takes over the lock of the process
 * that is gone, puts that report back and removes the rest before it starts.
 */
import { chmod, cp, link, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { lockFolder } from './lock.js';

export { OutputBusyError } from './lock.js';

export interface Staging {
  readonly dir: string;
  /** Writes a file (relative path, folders created) into the staging folder. */
  write(relPath: string, data: string | Uint8Array): Promise<void>;
  /**
   * Swaps the staging folder in for the target. Of the target's old contents only what is not
   * a report output (`isReportOutput`) is kept: a user's notes stay, an old report does not.
   */
  commit(): Promise<void>;
  /** Removes the staging folder and releases the folder's lock; safe to call more than once and after commit. */
  discard(): Promise<void>;
}

export async function createStaging(target: string, isReportOutput: (name: string) => boolean): Promise<Staging> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const lock = await lockFolder(target);
  let dir: string;
  try {
    await recover(target);
    dir = await mkdtemp(join(parent, `${STAGING_PREFIX}${basename(target)}-`));
  } catch (e) {
    await lock.release();
    throw e;
  }
  let done = false;
  return {
    dir,
    async write(relPath, data) {
      const path = join(dir, relPath);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    },
    async commit() {
      const previous = await stat(target).catch(() => undefined);
      // mkdtemp makes the folder private; the report gets the old folder's mode or the usual one.
      await chmod(dir, previous ? previous.mode & 0o7777 : 0o777 & ~process.umask());
      await carryOver(target, dir, isReportOutput);
      const old = `${dir}-vorig`;
      if (previous) await rename(target, old);
      try {
        await rename(dir, target);
      } catch (e) {
        if (previous) await rename(old, target);
        throw e;
      }
      done = true;
      if (previous) await rm(old, { recursive: true, force: true });
    },
    async discard() {
      try {
        if (!done) await rm(dir, { recursive: true, force: true });
        done = true;
      } finally {
        await lock.release();
      }
    },
  };
}

const STAGING_PREFIX = '.tmp-';

/** What a killed run left beside the target: its previous report goes back if the target is gone, the rest goes. */
async function recover(target: string): Promise<void> {
  const parent = dirname(target);
  // Exactly this target's (mkdtemp adds six letters or digits): `.tmp-2025-…` must not take `.tmp-2025-openbaar-…`.
  const ours = new RegExp(`^${escapeRegExp(STAGING_PREFIX + basename(target))}-[A-Za-z0-9]{6}(-vorig)?$`);
  const leftovers = (await readdir(parent)).filter((name) => ours.test(name)).sort();
  const previous = leftovers.find((name) => name.endsWith('-vorig'));
  if (previous && !(await stat(target).catch(() => undefined))) await rename(join(parent, previous), target);
  for (const name of leftovers) await rm(join(parent, name), { recursive: true, force: true });
}

async function carryOver(target: string, staging: string, isReportOutput: (name: string) => boolean): Promise<void> {
  const existing = await readdir(target, { withFileTypes: true }).catch(() => []);
  const written = new Set(await readdir(staging));
  for (const entry of existing) {
    if (written.has(entry.name) || isReportOutput(entry.name)) continue;
    const from = join(target, entry.name);
    const to = join(staging, entry.name);
    if (entry.isFile()) await link(from, to).catch(() => cp(from, to));
    else await cp(from, to, { recursive: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
