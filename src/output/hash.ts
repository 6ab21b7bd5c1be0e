import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One hash over a list of named hashes, independent of the order they were found in. */
export function combinedHash(entries: readonly { path: string; sha256: string }[]): string {
  const lines = entries.map((e) => `${e.path}\0${e.sha256}\n`).sort();
  return sha256(lines.join(''));
}
