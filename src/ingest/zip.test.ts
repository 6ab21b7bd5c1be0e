/**
 * The zip adapter of ingest: the bounded reader refuses a bomb in Dutch before it inflates it, and
 * what the parser is given is fflate's stored zip of exactly the verified entries, checked here
 * with Python's zipfile as an independent reader. fflate is pinned: a new version is a new writer.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SAMPLE_2025 } from '../../test/helpers/fixtures.js';
import { writeZip } from '../../test/helpers/lying-zip.js';
import { storedZip, unzip, type ZipEntry } from './zip.js';

const PYTHON_READ = `
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps([[i.filename, i.compress_type, hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]))
`;

async function readWithPython(zip: Buffer): Promise<[string, number, string][]> {
  const dir = await mkdtemp(join(tmpdir(), 'zip-adapter-'));
  try {
    await writeFile(join(dir, 'a.zip'), zip);
    return JSON.parse(execFileSync('python3', ['-c', PYTHON_READ, join(dir, 'a.zip')], { encoding: 'utf8' })) as [string, number, string][];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const entriesOf = (bytes: Buffer): ZipEntry[] => {
  const result = unzip(bytes);
  if (!('entries' in result)) throw new Error(result.damage);
  return result.entries;
};

describe('the zip adapter of ingest', () => {
  it('writes with fflate 0.8.3', () => {
    expect((createRequire(import.meta.url)('fflate/package.json') as { version: string }).version).toBe('0.8.3');
  });

  it('a normal workbook passes, and the parser gets its entries stored, same bytes every time', async () => {
    const entries = entriesOf(await readFile(join(SAMPLE_2025, 'registers.xlsx')));
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    const stored = storedZip(entries);
    expect(storedZip(entries).equals(stored)).toBe(true);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(await readWithPython(stored)).toEqual(entries.map((e) => [e.name, 0, sha(e.content)]));
    expect(entriesOf(stored)).toEqual(entries);
  });

  it('a part declaring more than the limit is refused before it is inflated, in Dutch', () => {
    const data = deflateRawSync(Buffer.alloc(1024, 0x20));
    const bomb = writeZip([{ name: 'xl/worksheets/sheet1.xml', crc: 0, size: 2 ** 31, data, method: 8 }]);
    expect(unzip(bomb)).toEqual({
      damage: 'Het onderdeel xl/worksheets/sheet1.xml van de werkmap is uitgepakt groter dan 32 MiB.',
      ruleId: 'bestand-te-groot',
      expected: 'elk onderdeel uitgepakt hoogstens 32 MiB',
    });
  });

  it('a part inflating to more than it declares is damaged, not inflated on', () => {
    const part = Buffer.alloc(4 * 1024 * 1024, 0x20);
    const bomb = writeZip([{ name: 'xl/styles.xml', crc: crc32(part), size: 1000, data: deflateRawSync(part), method: 8 }]);
    expect(unzip(bomb)).toEqual({ damage: 'Het onderdeel xl/styles.xml van de werkmap is beschadigd.' });
  });
});
