/**
 * The zip container of a workbook (.xlsx, .xlsm, .ods), checked and unpacked here before any
 * parser sees it: every entry's declared size against the limits, then inflated with the output
 * capped at that size, its length and checksum verified. The parser is then given a copy of the
 * verified entries stored without compression (see storedZip), so it inflates nothing itself and
 * can never see more bytes than were counted here: a zip bomb ends in a message, not in gigabytes.
 */
import { crc32, inflateRawSync } from 'node:zlib';
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

/** One entry as a zip holds it: `data` is stored (method 0) or deflated (8), `size` what it unpacks to. */
export interface ZipPart {
  name: string;
  crc: number;
  size: number;
  data: Buffer;
  method?: typeof STORED | typeof DEFLATED;
}

/** The verified entries as a zip again, stored without compression: what the parser reads. */
export const storedZip = (entries: readonly ZipEntry[]): Buffer => writeZip(entries.map(({ name, content, crc }) => ({ name, crc, size: content.length, data: content })));

/** A zip of the given parts, their sizes and checksums as given (tests build damaged and oversized files with it). */
export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, crc, size, data, method = STORED } of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(DIRECTORY_ENTRY, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}
