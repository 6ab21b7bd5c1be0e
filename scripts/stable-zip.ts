/**
 * exceljs zips with JSZip, which stamps every entry with the current time. For committed sample
 * files that would mean a new binary on every run, so the DOS time and date of every entry (in the
 * central directory and in each local header it points to) are set to one fixed moment. It patches
 * bytes JSZip laid out, so test/stable-zip.test.ts pins the exceljs and JSZip versions it was made for.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** DOS date/time of 2025-12-31 12:00:00. */
const DOS_TIME = (12 << 11) | (0 << 5) | 0;
const DOS_DATE = ((2025 - 1980) << 9) | (12 << 5) | 31;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('Geen zip-bestand: einde van de centrale map niet gevonden');
}

/** Returns a copy of `zip` with every entry's modification time fixed. */
export function withFixedTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const end = findEndOfCentralDirectory(out);
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`Zip: centrale kop ${i} onleesbaar`);
    out.writeUInt16LE(DOS_TIME, at + 12);
    out.writeUInt16LE(DOS_DATE, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`Zip: lokale kop ${i} onleesbaar`);
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
