/** Reads every entry of a zip (an .xlsx) with the system's `unzip`, an independent reader. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function zipEntryNames(path: string): string[] {
  return execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
}

/** Entry name → text. Extracted whole: unzip would read a member name like `[Content_Types].xml` as a wildcard. */
export async function zipEntries(path: string): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'unzip-'));
  try {
    execFileSync('unzip', ['-q', '-d', dir, path]);
    return Object.fromEntries(zipEntryNames(path).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
