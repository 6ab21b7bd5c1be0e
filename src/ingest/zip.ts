/**
 * The zip container of a workbook (.xlsx, .xlsm, .ods), checked and unpacked here before any
 * parser sees it: every entry's declared size against the limits, then inflated with the output
 * capped at that size, its length and checksum verified. The parser is then given a copy of the
 * verified entries stored without compression (see storedZip), so it inflates nothing itself and
 * can never see more bytes than were counted here: a zip bomb ends in a message, not in gigabytes.
 * The reader is written out here (over node:zlib) because no zip library at hand checks declared
 * sizes before it inflates and caps the inflated output at them; the writer is fflate's.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { zipSync, type ZipOptions } from 'fflate';
import { LIMITS, sizeLabel } from './limits.js';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Sizes and offsets with this value live in ZIP64 records, which workbooks of register size never need. */
const ZIP64_MARK = 0xffffffff;

export interface ZipEntry {
  name: string;
  content: Buffer;
  crc: number;
}

export type Unzipped = { entries: ZipEntry[] } | { damage: string; ruleId?: string; expected?: string };

/**
 * The entries `keep` wants, in the order of the zip's directory; or, in Dutch, why the file is
 * damaged or too large. Other entries (pictures, macros) are neither inflated nor counted.
 */
export function unzip(bytes: Buffer, keep: (name: string) => boolean = () => true): Unzipped {
  const end = findEndOfDirectory(bytes);
  if (end < 0) return { damage: 'De werkmap is onvolledig (afgebroken bij het opslaan, kopiëren of downloaden).' };
  const count = bytes.readUInt16LE(end + 10);
  let entry = bytes.readUInt32LE(end + 16);
  if (entry === ZIP64_MARK) return { damage: 'De werkmap is groter dan 4 GB of in een onbekend zip-formaat opgeslagen.' };
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (entry + 46 > bytes.length || bytes.readUInt32LE(entry) !== DIRECTORY_ENTRY) return { damage: 'De inhoudsopgave van de werkmap is beschadigd.' };
    const method = bytes.readUInt16LE(entry + 10);
    const crc = bytes.readUInt32LE(entry + 16);
    const packed = bytes.readUInt32LE(entry + 20);
    const size = bytes.readUInt32LE(entry + 24);
    const nameLength = bytes.readUInt16LE(entry + 28);
    const local = bytes.readUInt32LE(entry + 42);
    const name = bytes.toString('utf8', entry + 46, entry + 46 + nameLength);
    entry += 46 + nameLength + bytes.readUInt16LE(entry + 30) + bytes.readUInt16LE(entry + 32);
    if (!keep(name)) continue;
    if (size > LIMITS.partBytes) {
      return tooLarge(`Het onderdeel ${name} van de werkmap is uitgepakt groter dan ${sizeLabel(LIMITS.partBytes)}.`, `elk onderdeel uitgepakt hoogstens ${sizeLabel(LIMITS.partBytes)}`);
    }
    total += size;
    if (total > LIMITS.totalBytes) return tooLarge(`De werkmap is uitgepakt groter dan ${sizeLabel(LIMITS.totalBytes)}.`, `een werkmap van uitgepakt hoogstens ${sizeLabel(LIMITS.totalBytes)}`);
    const damaged = { damage: `Het onderdeel ${name} van de werkmap is beschadigd.` };
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_HEADER) return damaged;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const content = inflate(bytes.subarray(start, start + packed), method, size);
    if (!content || content.length !== size || crc32(content) !== crc) return damaged;
    entries.push({ name, content, crc });
  }
  return { entries };
}

const tooLarge = (damage: string, expected: string): Unzipped => ({ damage, ruleId: 'bestand-te-groot', expected });

/** At most `size` bytes come out: an entry that inflates to more than it declares is damaged, and is never inflated further. */
function inflate(data: Buffer, method: number, size: number): Buffer | undefined {
  if (method === STORED) return data;
  if (method !== DEFLATED) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
  } catch {
    return undefined;
  }
}

/** The end-of-directory record sits in the last 22 bytes plus an optional comment of up to 64 KiB. */
function findEndOfDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** Any fixed moment: what the parser reads must not depend on the clock. */
const STORED_AT = new Date(2000, 0, 1);

/**
 * The verified entries as a zip again, stored without compression: what the parser reads. Written
 * by fflate (version pinned, see zip.test.ts); the only zip writer of the tool besides JSZip's.
 */
export const storedZip = (entries: readonly ZipEntry[]): Buffer =>
  Buffer.from(zipSync(Object.fromEntries(entries.map(({ name, content }): [string, [Uint8Array, ZipOptions]] => [name, [content, { level: 0 }]])), { mtime: STORED_AT }));
