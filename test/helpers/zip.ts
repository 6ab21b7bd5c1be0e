/** Reads every entry of a zip (an .xlsx) with the system's `unzip`, an independent reader. */
import { execFileSync } from 'node:child_process';

export function zipEntryNames(path: string): string[] {
  return execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
}

export async function zipEntries(path: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // unzip reads member names as wildcards: `[Content_Types].xml` needs its brackets quoted.
  for (const name of zipEntryNames(path)) out[name] = execFileSync('unzip', ['-p', path, name.replace(/[[\]*?]/g, '[$&]')], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return out;
}
