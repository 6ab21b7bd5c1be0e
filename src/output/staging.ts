/**
 * Atomic report folders. Everything is written into a staging folder beside the target; only when
 * every requested format succeeded does `commit` swap it in. Until then the previous report stays
 * exactly as it was, and `discard` (called on every failure path) leaves no staging folder behind.
 *
 * A lock file beside the target keeps two runs out of one folder. A run that was killed outright
 * (no `discard`) leaves its lock, staging folder and, if it died between the two renames of the
 * swap, the previous report as `…-vorig`: the next run finds the lock's process gone, puts that
 * report back and removes the rest before it starts.
 */
import { chmod, cp, link, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface Staging {
  readonly dir: string;
  /** Writes a file (relative path, folders created) into the staging folder. */
  write(relPath: string, data: string | Uint8Array): Promise<void>;
  /**
   * Swaps the staging folder in for the target. Of the target's old contents only what is not
   * a report output (`isReportOutput`) is kept: a user's notes stay, an old report does not.
   */
  commit(): Promise<void>;
  /** Removes the staging folder; safe to call more than once and after commit. */
  discard(): Promise<void>;
}

/** Another run holds the folder (its lock names a live process). */
export class OutputBusyError extends Error {
  override readonly name = 'OutputBusyError';
}

export async function createStaging(target: string, isReportOutput: (name: string) => boolean): Promise<Staging> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const lock = join(parent, `.${basename(target)}.lock`);
  await acquire(lock, target);
  let dir: string;
  try {
    await recover(target);
    dir = await mkdtemp(join(parent, `${STAGING_PREFIX}${basename(target)}-`));
  } catch (e) {
    await rm(lock, { force: true });
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
      if (!done) await rm(dir, { recursive: true, force: true });
      done = true;
      await rm(lock, { force: true });
    },
  };
}

const STAGING_PREFIX = '.tmp-';

/** Takes the lock, or the lock of a run that no longer exists; refuses while its process lives. */
async function acquire(lock: string, target: string): Promise<void> {
  for (;;) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
      throw new OutputBusyError(
        `Een andere run (proces ${owner}) schrijft al naar ${target}; wacht tot die klaar is. Loopt er geen andere run, verwijder dan ${lock}.`,
      );
    }
    // Left by a run that was killed: gone, so whoever removes it first may take the folder.
    await rm(lock, { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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
