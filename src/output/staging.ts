/**
 * Atomic report folders. Everything is written into a staging folder beside the target; only when
 * every requested format succeeded does `commit` swap it in. Until then the previous report stays
 * exactly as it was, and `discard` (called on every failure path) leaves no staging folder behind.
 */
import { cp, link, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface Staging {
  readonly dir: string;
  /** Writes a file (relative path, folders created) into the staging folder. */
  write(relPath: string, data: string | Uint8Array): Promise<void>;
  /** Swaps the staging folder in for the target; files of the target this run did not write are kept. */
  commit(): Promise<void>;
  /** Removes the staging folder; safe to call more than once and after commit. */
  discard(): Promise<void>;
}

export async function createStaging(target: string): Promise<Staging> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(join(parent, `.tmp-${basename(target)}-`));
  let done = false;
  return {
    dir,
    async write(relPath, data) {
      const path = join(dir, relPath);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    },
    async commit() {
      await carryOver(target, dir);
      const old = `${dir}-vorig`;
      const hadTarget = await rename(target, old).then(() => true, (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      });
      try {
        await rename(dir, target);
      } catch (e) {
        if (hadTarget) await rename(old, target);
        throw e;
      }
      done = true;
      if (hadTarget) await rm(old, { recursive: true, force: true });
    },
    async discard() {
      if (!done) await rm(dir, { recursive: true, force: true });
      done = true;
    },
  };
}

/** Keeps what the target holds besides this run's outputs (another level's report, a user's notes). */
async function carryOver(target: string, staging: string): Promise<void> {
  const existing = await readdir(target, { withFileTypes: true }).catch(() => []);
  const written = new Set(await readdir(staging));
  for (const entry of existing) {
    if (written.has(entry.name)) continue;
    const from = join(target, entry.name);
    const to = join(staging, entry.name);
    if (entry.isFile()) await link(from, to).catch(() => cp(from, to));
    else await cp(from, to, { recursive: true });
  }
}
