/**
 * One run per report folder: a lock file beside it, `.<folder>.lock`, naming the host and process
 * that holds it. A lock appears with its content at once (written aside, then hard-linked into
 * place), so no run ever reads a half-written one. A lock whose process is gone (a run killed
 * outright) is removed by whichever run holds `.<folder>.lock.overname` at that moment, and only
 * while it still holds that same stale content: nothing else removes a lock it does not own, so
 * after the removal exactly one of the waiting runs links its own lock into place.
 */
import { hostname } from 'node:os';
import { link, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isGone } from '../pid.js';

/** Another run holds the folder. */
export class OutputBusyError extends Error {
  override readonly name = 'OutputBusyError';
}

export interface FolderLock {
  readonly path: string;
  /** Removes the lock if it is still ours; safe to call more than once. */
  release(): Promise<void>;
}

export async function lockFolder(target: string): Promise<FolderLock> {
  const path = join(dirname(target), `.${basename(target)}.lock`);
  const mine = `${hostname()}\n${process.pid}\n`;
  const draft = `${path}.${process.pid}`;
  await writeFile(draft, mine);
  try {
    while (!(await tryLink(draft, path))) {
      const owner = await readFile(path, 'utf8').catch(() => undefined);
      // Released between our attempt and this read: try again.
      if (owner === undefined) continue;
      if (!isStale(owner)) throw busy(owner, target, path);
      await takeOver(path, draft, owner);
    }
  } finally {
    await rm(draft, { force: true });
  }
  await removeStrays(path);
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      if ((await readFile(path, 'utf8').catch(() => undefined)) === mine) await rm(path, { force: true });
    },
  };
}

async function tryLink(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * Removes the stale lock, holding the takeover guard; without the guard, waits a moment for whoever has it.
 * Only while the lock still holds the stale content read before: a racer that read it too and gets
 * the guard after the winner linked its own lock must leave that one alone. Exported for its test.
 */
export async function takeOver(path: string, draft: string, stale: string): Promise<void> {
  const guard = `${path}.overname`;
  if (!(await tryLink(draft, guard))) {
    // A run killed during its takeover, a moment of microseconds, would leave its guard for good.
    const holder = await readFile(guard, 'utf8').catch(() => undefined);
    if (holder !== undefined && isStale(holder)) await rm(guard, { force: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    return;
  }
  try {
    if ((await readFile(path, 'utf8').catch(() => undefined)) === stale) await rm(path, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

/** Only a lock of this host whose process no longer exists; another host's processes cannot be checked. */
function isStale(owner: string): boolean {
  const [host, pid] = owner.split('\n');
  return host === hostname() && isGone(Number(pid));
}

function busy(owner: string, target: string, path: string): OutputBusyError {
  const [host, pid] = owner.split('\n');
  const who = host === hostname() ? `proces ${pid}` : `proces ${pid} op ${host}`;
  return new OutputBusyError(
    `Een andere run (${who}) schrijft al naar ${target}; wacht tot die klaar is. Loopt er geen andere run, verwijder dan ${path}.`,
  );
}

/** Drafts that runs killed while taking the lock left; a live run's draft stays. */
async function removeStrays(path: string): Promise<void> {
  const name = basename(path);
  for (const stray of await readdir(dirname(path))) {
    const pid = /^(\d+)$/.exec(stray.startsWith(`${name}.`) ? stray.slice(name.length + 1) : '')?.[1];
    if (pid && isGone(Number(pid))) await rm(join(dirname(path), stray), { force: true });
  }
}
