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

/** The entries as a zip again, stored without compression: what the parser reads. */
export function storedZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, content, crc } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(STORED, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(DIRECTORY_ENTRY, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(STORED, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, content);
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + content.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}
