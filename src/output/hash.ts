import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { InputFile } from '../ingest/table.js';
import { compareText } from '../messages.js';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One hash over a list of named hashes, independent of the order they were found in. */
export function combinedHash(entries: readonly { path: string; sha256: string }[]): string {
  const lines = entries.map((e) => `${e.path}\0${e.sha256}\n`).sort();
  return sha256(lines.join(''));
}

/** Every file below a folder, hashed, with paths relative to it (a --templates override). */
export async function hashTree(dir: string): Promise<InputFile[]> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const hashed = await Promise.all(
    files.map(async (e) => {
      const full = join(e.parentPath, e.name);
      const bytes = await readFile(full);
      return { path: relative(dir, full).split('\\').join('/'), sha256: sha256(bytes), bytes: bytes.length };
    }),
  );
  return hashed.sort((a, b) => compareText(a.path, b.path));
}
