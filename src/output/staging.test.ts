/**
 * The writer's swap: through links, in one step, user items moved (not copied), and what a run
 * killed at any point of the commit left repaired by the next one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../exit.js';
import { CAN_EXCHANGE, exchange } from './exchange.js';
import { isReportOutput } from './folder.js';
import { createStaging, OutputBusyError } from './staging.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function parent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'weerbaarheid-staging-'));
  dirs.push(dir);
  return dir;
}

const REPORT = 'weerbaarheidsanalyse-nafin-2025-openbaar.md';

/** A report folder with an old report, a user's note and a user's folder. */
function oldReport(root: string): string {
  const out = join(root, 'rapport');
  mkdirSync(join(out, 'eigen', 'diep'), { recursive: true });
  writeFileSync(join(out, REPORT), 'oud');
  writeFileSync(join(out, 'notities.txt'), 'van mij');
  writeFileSync(join(out, 'eigen', 'diep', 'bijlage.txt'), 'ook van mij');
  return out;
}

async function commitNew(out: string): Promise<void> {
  const staging = await createStaging(out, isReportOutput);
  try {
    await staging.write(REPORT, 'nieuw');
    await staging.commit();
  } finally {
    await staging.discard();
  }
}

describe('the swap', () => {
  it.skipIf(process.platform !== 'linux')('is built to be one step on Linux: exchange swaps two folders', () => {
    expect(CAN_EXCHANGE).toBe(true);
    const root = parent();
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    writeFileSync(join(root, 'a', 'x'), 'a');
    writeFileSync(join(root, 'b', 'x'), 'b');
    expect(exchange(join(root, 'a'), join(root, 'b'))).toBe(true);
    expect(readFileSync(join(root, 'a', 'x'), 'utf8')).toBe('b');
    expect(readFileSync(join(root, 'b', 'x'), 'utf8')).toBe('a');
    expect(() => exchange(join(root, 'a'), join(root, 'weg'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it('moves the user’s own files and folders (same inode), replaces the report, leaves nothing beside', async () => {
    const root = parent();
    const out = oldReport(root);
    const inode = statSync(join(out, 'eigen')).ino;
    const note = statSync(join(out, 'notities.txt')).ino;
    await commitNew(out);
    expect(readFileSync(join(out, REPORT), 'utf8')).toBe('nieuw');
    expect(statSync(join(out, 'eigen')).ino).toBe(inode);
    expect(statSync(join(out, 'notities.txt')).ino).toBe(note);
    expect(readFileSync(join(out, 'eigen', 'diep', 'bijlage.txt'), 'utf8')).toBe('ook van mij');
    expect(readdirSync(root)).toEqual(['rapport']);
  });
});

describe('--out through a symbolic link', () => {
  it('writes the report in the real folder and keeps the link', async () => {
    const root = parent();
    const real = oldReport(root);
    const link = join(root, 'snelkoppeling');
    symlinkSync('rapport', link);
    await commitNew(link);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('rapport');
    expect(readFileSync(join(real, REPORT), 'utf8')).toBe('nieuw');
    expect(readFileSync(join(real, 'notities.txt'), 'utf8')).toBe('van mij');
    expect(readdirSync(root).sort()).toEqual(['rapport', 'snelkoppeling']);
  });

  it('to a folder not made yet: made where the link points', async () => {
    const root = parent();
    const link = join(root, 'snelkoppeling');
    symlinkSync(join(root, 'elders', 'rapport'), link);
    await commitNew(link);
    expect(readFileSync(join(root, 'elders', 'rapport', REPORT), 'utf8')).toBe('nieuw');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('locks the real folder: two paths to one folder exclude each other', async () => {
    const root = parent();
    const real = oldReport(root);
    symlinkSync(root, join(root, '..', `${root.split('/').pop()}-link`));
    dirs.push(`${root}-link`);
    const first = await createStaging(real, isReportOutput);
    try {
      const second = await createStaging(join(`${root}-link`, 'rapport'), isReportOutput).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(OutputBusyError);
      expect((second as Error).message).toMatch(/^Een andere run \(proces \d+\) schrijft al naar /);
    } finally {
      await first.discard();
    }
  });
});

describe('a run killed during the commit: the next one repairs', () => {
  it('after moving the user’s items, before the swap: they go back into the report folder', async () => {
    const root = parent();
    const out = oldReport(root);
    // As left then: the staging folder holds the new report and the moved items, listed beside it.
    const staging = join(root, '.tmp-rapport-k1ll3d');
    mkdirSync(staging);
    writeFileSync(join(staging, REPORT), 'half');
    execFileSync('mv', [join(out, 'notities.txt'), join(out, 'eigen'), staging]);
    writeFileSync(`${staging}-verplaatst`, JSON.stringify(['notities.txt', 'eigen']));
    await commitNew(out);
    expect(readFileSync(join(out, 'notities.txt'), 'utf8')).toBe('van mij');
    expect(readFileSync(join(out, 'eigen', 'diep', 'bijlage.txt'), 'utf8')).toBe('ook van mij');
    expect(readFileSync(join(out, REPORT), 'utf8')).toBe('nieuw');
    expect(readdirSync(root)).toEqual(['rapport']);
  });

  it('after the one-step swap, before the old report was removed: the old one goes, the user’s items stay', async () => {
    const root = parent();
    const out = oldReport(root);
    // As left then: the old report (without the user's items) at the staging folder's name.
    const staging = join(root, '.tmp-rapport-k1ll3d');
    mkdirSync(staging);
    writeFileSync(join(staging, REPORT), 'nog ouder');
    writeFileSync(`${staging}-verplaatst`, JSON.stringify(['notities.txt', 'eigen']));
    await commitNew(out);
    expect(readFileSync(join(out, REPORT), 'utf8')).toBe('nieuw');
    expect(readFileSync(join(out, 'notities.txt'), 'utf8')).toBe('van mij');
    expect(readdirSync(root)).toEqual(['rapport']);
  });

  it('a user item made again since is kept, and so is the leftover holding the other one', async () => {
    const root = parent();
    const out = oldReport(root);
    const staging = join(root, '.tmp-rapport-k1ll3d');
    mkdirSync(staging);
    writeFileSync(join(staging, 'notities.txt'), 'eerdere versie');
    writeFileSync(`${staging}-verplaatst`, JSON.stringify(['notities.txt']));
    await commitNew(out);
    expect(readFileSync(join(out, 'notities.txt'), 'utf8')).toBe('van mij');
    expect(readFileSync(join(staging, 'notities.txt'), 'utf8')).toBe('eerdere versie');
  });
});

describe.skipIf(!canMount())('an output folder that is a mount point', () => {
  it('is refused before anything is written, with a Dutch line that says what to choose instead', async () => {
    const root = parent();
    const out = oldReport(root);
    const before = readdirSync(out).sort();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', out]);
    try {
      const error = await createStaging(out, isReportOutput).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe(
        `De uitvoermap ${out} is een koppelpunt (mount point) en kan daarom niet in één keer door het nieuwe rapport worden vervangen; kies een map daarin, zoals ${join(out, 'rapport')}.`,
      );
      expect(readdirSync(root)).toEqual(['rapport']);
    } finally {
      execFileSync('umount', [out]);
    }
    expect(readdirSync(out).sort()).toEqual(before);
    expect(existsSync(join(root, '.rapport.lock'))).toBe(false);
  });
});

function canMount(): boolean {
  try {
    return process.getuid?.() === 0 && execFileSync('sh', ['-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=1m tmpfs "$d" && umount "$d" && rmdir "$d" && echo ok'], { encoding: 'utf8' }).trim() === 'ok';
  } catch {
    return false;
  }
}
