/** Shared helpers for the end-to-end tests: temp folders and copies of the sample data. */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/version.js';

/** The worked example of the method: a small data folder and its result by an independent implementation. */
export const EXAMPLE_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'methode');
export const SAMPLE_2025 = join(PROJECT_ROOT, 'data', 'voorbeeld-2025');
export const SAMPLE_2024 = join(PROJECT_ROOT, 'data', 'voorbeeld-2024');
export const SAMPLE_2023 = join(PROJECT_ROOT, 'data', 'voorbeeld-2023');
export const BIN = join(PROJECT_ROOT, 'bin', 'weerbaarheid.js');

const made: string[] = [];

export async function tempDir(prefix = 'weerbaarheid-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** A copy of a data folder (and, for the 2025 and 2024 samples, the chain of `vorige` behind it) that a test may change. */
export async function copyData(from: string, root?: string): Promise<string> {
  const base = root ?? (await tempDir());
  const name = from.split('/').pop() ?? 'data';
  await cp(from, join(base, name), { recursive: true });
  if (from === SAMPLE_2025) await cp(SAMPLE_2024, join(base, 'voorbeeld-2024'), { recursive: true });
  if (from === SAMPLE_2025 || from === SAMPLE_2024) await cp(SAMPLE_2023, join(base, 'voorbeeld-2023'), { recursive: true });
  return join(base, name);
}

/** Every file below a folder with its bytes, relative paths sorted: a byte-for-byte snapshot. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const full = join(entry.parentPath, entry.name);
    out[full.slice(dir.length + 1)] = (await readFile(full)).toString('base64');
  }
  return out;
}

/** The id of a process that has ended (for lock files left by a killed run). */
export function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}
