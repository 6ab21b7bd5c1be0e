/**
 * Atomic report folders. Everything is written into a staging folder beside the target; only when
 * every requested format succeeded does `commit` swap it in. Until then the previous report stays
 * exactly as it was, and `discard` (called on every failure path) leaves no staging folder behind.
 *
 * The target is the real folder: `--out` through a symbolic link writes where the link points and
 * keeps the link. The swap is one step where the system allows it (./exchange.ts), after every
 * file and folder of the new report is on disk (fsync), so a crash leaves the old report or the
 * new one, never a mix or none. Without that, two renames; a run killed between them leaves the
 * previous report as `…-vorig`, which the next run puts back.
 *
 * A lock beside the target (./lock.ts) keeps two runs out of one folder. A run that was killed
 * outright (no `discard`) leaves its lock and staging folder: the next run takes over the lock of
 * the process that is gone, returns the user's own files it finds in what was left, and removes
 * the rest before it starts.
 */
import { chmod, cp, mkdir, mkdtemp, open, readdir, readFile, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../exit.js';
import { exchange } from './exchange.js';
import { lockFolder } from './lock.js';

export { OutputBusyError } from './lock.js';

export interface Staging {
  readonly dir: string;
  /** Writes a file (relative path, folders created) into the staging folder. */
  write(relPath: string, data: string | Uint8Array): Promise<void>;
  /**
   * Swaps the staging folder in for the target. Of the target's old contents only what is not
   * a report output (`isReportOutput`) is kept, moved over: a user's notes stay, an old report does not.
   */
  commit(): Promise<void>;
  /** Removes the staging folder and releases the folder's lock; safe to call more than once and after commit. */
  discard(): Promise<void>;
}

export async function createStaging(outDir: string, isReportOutput: (name: string) => boolean): Promise<Staging> {
  const target = await realTarget(resolve(outDir));
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const lock = await lockFolder(target);
  let dir: string;
  try {
    await refuseMountPoint(target, outDir);
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
      await syncTree(dir);
      const moved = previous ? await moveUserItems(target, dir, isReportOutput) : [];
      let old: string | undefined;
      try {
        old = await swap(dir, target, previous !== undefined);
      } catch (e) {
        for (const name of moved) await rename(join(dir, name), join(target, name));
        await rm(movedList(dir), { force: true });
        throw e;
      }
      done = true;
      await syncFolder(parent);
      if (old) await rm(old, { recursive: true, force: true });
      await rm(movedList(dir), { force: true });
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

/** The folder a path names, through links, also when it (or a folder above it) does not exist yet. */
async function realTarget(path: string, hops = 0): Promise<string> {
  try {
    return await realpath(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || hops > 40) throw e;
  }
  // A link to a folder not made yet: where it points.
  const link = await readlink(path).catch(() => undefined);
  if (link !== undefined) return realTarget(resolve(dirname(path), link), hops + 1);
  const up = dirname(path);
  return up === path ? path : join(await realTarget(up, hops), basename(path));
}

/** A mount point cannot be renamed (EBUSY), so no report could ever be swapped into it: say so before the run. */
async function refuseMountPoint(target: string, outDir: string): Promise<void> {
  const here = await stat(target).catch(() => undefined);
  if (!here?.isDirectory()) return;
  const above = await stat(dirname(target));
  const mounts = await readFile('/proc/self/mountinfo', 'utf8').catch(() => '');
  // Field 5 is the mount point, with spaces and the like written as octal escapes.
  const listed = mounts.split('\n').some((line) => line.split(' ')[4]?.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))) === target);
  if (here.dev !== above.dev || listed) {
    throw new UsageError(
      `De uitvoermap ${outDir} is een koppelpunt (mount point) en kan daarom niet in één keer door het nieuwe rapport worden vervangen; kies een map daarin, zoals ${join(outDir, 'rapport')}.`,
    );
  }
}

/**
 * The new report takes the target's place; returns where the old report is now (to be removed).
 * `exists`: whether there is an old report folder at all.
 */
async function swap(staging: string, target: string, exists: boolean): Promise<string | undefined> {
  if (!exists) {
    await rename(staging, target);
    return undefined;
  }
  if (exchange(staging, target)) return staging;
  const old = `${staging}-vorig`;
  await rename(target, old);
  try {
    await rename(staging, target);
  } catch (e) {
    await rename(old, target);
    throw e;
  }
  return old;
}

/**
 * The user's own files and folders in the target, moved (not copied) into the staging folder;
 * their names. The list is written beside the staging folder first, so that the successor of a
 * run killed now knows exactly what to return.
 */
async function moveUserItems(target: string, staging: string, isReportOutput: (name: string) => boolean): Promise<string[]> {
  const written = new Set(await readdir(staging));
  const names = (await readdir(target)).filter((name) => !written.has(name) && !isReportOutput(name));
  if (!names.length) return [];
  await writeFile(movedList(staging), JSON.stringify(names));
  await syncPath(movedList(staging));
  await syncFolder(dirname(staging));
  for (const name of names) {
    await rename(join(target, name), join(staging, name)).catch(async (e: NodeJS.ErrnoException) => {
      // A folder that is a mount point of its own cannot move: copy it, as before.
      if (e.code !== 'EBUSY' && e.code !== 'EXDEV') throw e;
      await cp(join(target, name), join(staging, name), { recursive: true });
    });
  }
  return names;
}

const movedList = (staging: string) => `${staging}-verplaatst`;

/** Every file and folder of the new report on disk before the swap makes it the report. */
async function syncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await syncTree(path);
    else if (entry.isFile()) await syncPath(path);
  }
  await syncFolder(dir);
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A folder's entries (a rename into it) on disk; file systems that cannot sync a folder are left as they are. */
async function syncFolder(dir: string): Promise<void> {
  await syncPath(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EINVAL' && e.code !== 'EISDIR') throw e;
  });
}

/**
 * What a killed run left beside the target: its previous report goes back if the target is gone,
 * the user's own files it had moved go back into the target, and the rest goes.
 */
async function recover(target: string): Promise<void> {
  const parent = dirname(target);
  // Exactly this target's (mkdtemp adds six letters or digits): `.tmp-2025-…` must not take `.tmp-2025-openbaar-…`.
  const ours = new RegExp(`^${escapeRegExp(STAGING_PREFIX + basename(target))}-[A-Za-z0-9]{6}(-vorig|-verplaatst)?$`);
  const leftovers = (await readdir(parent)).filter((name) => ours.test(name)).sort();
  const previous = leftovers.find((name) => name.endsWith('-vorig'));
  if (previous && !(await stat(target).catch(() => undefined))) await rename(join(parent, previous), target);
  for (const name of leftovers.filter((n) => !n.endsWith('-verplaatst'))) {
    const left = join(parent, name);
    if (await returnUserItems(left, target)) await rm(left, { recursive: true, force: true });
  }
  for (const name of leftovers.filter((n) => n.endsWith('-verplaatst'))) await rm(join(parent, name), { force: true });
}

/** Moves the user's items a killed commit had moved (its list) back into the target; false if one could not go back. */
async function returnUserItems(left: string, target: string): Promise<boolean> {
  const listed = await readFile(movedList(left), 'utf8').then((text) => JSON.parse(text) as unknown, () => []);
  const names = Array.isArray(listed) ? listed.filter((n): n is string => typeof n === 'string' && basename(n) === n) : [];
  let all = true;
  for (const name of names) {
    const from = join(left, name);
    // Already back in the target (the swap had happened), or never moved.
    if (!(await stat(from).catch(() => undefined))) continue;
    // The user made a new one of the same name since: keep the leftover for them to see.
    if (await stat(join(target, name)).catch(() => undefined)) all = false;
    else await rename(from, join(target, name));
  }
  return all;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
