/**
 * The zip container of a workbook, unpacked in memory with every entry's checksum verified.
 * Registers are a few MB, so this costs little, and it keeps exceljs's own unzipping out of the
 * way: that one stops without a word on a truncated or damaged file, and can drop entries when the
 * input ends before its consumer has caught up (see xlsx.ts).
 */
import { crc32, inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Sizes and offsets with this value live in ZIP64 records, which workbooks of register size never need. */
const ZIP64_MARK = 0xffffffff;

export type Unzipped = { entries: Map<string, Buffer> } | { damage: string };

/** Entries by path, in the order of the zip's directory; or, in Dutch, why the file is damaged. */
export function unzip(bytes: Buffer): Unzipped {
  const end = findEndOfDirectory(bytes);
  if (end < 0) return { damage: 'De werkmap is onvolledig (afgebroken bij het opslaan, kopiëren of downloaden).' };
  const count = bytes.readUInt16LE(end + 10);
  let entry = bytes.readUInt32LE(end + 16);
  if (entry === ZIP64_MARK) return { damage: 'De werkmap is groter dan 4 GB of in een onbekend zip-formaat opgeslagen.' };
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (entry + 46 > bytes.length || bytes.readUInt32LE(entry) !== DIRECTORY_ENTRY) return { damage: 'De inhoudsopgave van de werkmap is beschadigd.' };
    const method = bytes.readUInt16LE(entry + 10);
    const checksum = bytes.readUInt32LE(entry + 16);
    const packed = bytes.readUInt32LE(entry + 20);
    const size = bytes.readUInt32LE(entry + 24);
    const nameLength = bytes.readUInt16LE(entry + 28);
    const local = bytes.readUInt32LE(entry + 42);
    const name = bytes.toString('utf8', entry + 46, entry + 46 + nameLength);
    entry += 46 + nameLength + bytes.readUInt16LE(entry + 30) + bytes.readUInt16LE(entry + 32);
    const damaged = { damage: `Het onderdeel ${name} van de werkmap is beschadigd.` };
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_HEADER) return damaged;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const content = inflate(bytes.subarray(start, start + packed), method);
    if (!content || content.length !== size || crc32(content) !== checksum) return damaged;
    entries.set(name, content);
  }
  return { entries };
}

function inflate(data: Buffer, method: number): Buffer | undefined {
  if (method === STORED) return data;
  if (method !== DEFLATED) return undefined;
  try {
    return inflateRawSync(data);
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
