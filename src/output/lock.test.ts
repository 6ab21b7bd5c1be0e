import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deadPid } from '../../test/helpers/fixtures.js';
import { PROJECT_ROOT } from '../version.js';
import { lockFolder, OutputBusyError } from './lock.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function parent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'weerbaarheid-lock-'));
  dirs.push(dir);
  return dir;
}

describe('lockFolder', () => {
  it('holds the folder for one run: a second is refused while the first lives, and may go once it released', async () => {
    const target = join(parent(), '2025');
    const lock = await lockFolder(target);
    expect(readFileSync(lock.path, 'utf8')).toBe(`${hostname()}\n${process.pid}\n`);
    const refused = await lockFolder(target).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OutputBusyError);
    expect((refused as Error).message).toBe(
      `Een andere run (proces ${process.pid}) schrijft al naar ${target}; wacht tot die klaar is. Loopt er geen andere run, verwijder dan ${lock.path}.`,
    );
    await lock.release();
    await lock.release();
    const again = await lockFolder(target);
    await again.release();
    expect(readdirSync(join(target, '..'))).toEqual([]);
  });

  it("takes over the lock of a process that is gone, and removes what a run killed while locking left", async () => {
    const dir = parent();
    const stale = deadPid();
    writeFileSync(join(dir, '.2025.lock'), `${hostname()}\n${stale}\n`);
    writeFileSync(join(dir, `.2025.lock.${stale}`), 'half');
    writeFileSync(join(dir, '.2025.lock.overname'), `${hostname()}\n${stale}\n`);
    const lock = await lockFolder(join(dir, '2025'));
    expect(readdirSync(dir)).toEqual(['.2025.lock']);
    await lock.release();
  });

  it("does not take over another host's lock: its process cannot be checked from here", async () => {
    const dir = parent();
    writeFileSync(join(dir, '.2025.lock'), `elders.example\n${deadPid()}\n`);
    const refused = await lockFolder(join(dir, '2025')).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/^Een andere run \(proces \d+ op elders\.example\) schrijft al naar /);
  });

  it('releases only its own lock: one another run took over stays', async () => {
    const dir = parent();
    const lock = await lockFolder(join(dir, '2025'));
    writeFileSync(lock.path, `${hostname()}\n1\n`);
    await lock.release();
    expect(readFileSync(lock.path, 'utf8')).toBe(`${hostname()}\n1\n`);
  });

  it('lets exactly one of several runs racing for a stale lock have the folder', { timeout: 30_000 }, async () => {
    const RACERS = 4;
    const module = join(PROJECT_ROOT, 'dist/src/output/lock.js');
    // Each racer waits for the same moment, tries once, holds what it got for a while, and says whether it got it.
    const racer = `const { lockFolder } = await import(${JSON.stringify(module)});
      while (Date.now() < Number(process.argv[2]));
      try { const l = await lockFolder(process.argv[1]); await new Promise((r) => setTimeout(r, 300)); await l.release(); console.log('kreeg'); }
      catch (e) { if (e.name !== 'OutputBusyError') throw e; console.log('bezet'); }`;
    for (let trial = 0; trial < 5; trial++) {
      const dir = parent();
      writeFileSync(join(dir, '.2025.lock'), `${hostname()}\n${deadPid()}\n`);
      const start = String(Date.now() + 500);
      const outcomes = await Promise.all(
        Array.from({ length: RACERS }, () => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', racer, join(dir, '2025'), start], { stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          child.stdout.on('data', (c: Buffer) => (out += c.toString()));
          return new Promise<string>((resolve) => child.on('exit', () => resolve(out.trim())));
        }),
      );
      expect(outcomes.filter((o) => o === 'kreeg')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'bezet')).toHaveLength(RACERS - 1);
      expect(readdirSync(dir)).toEqual([]);
    }
  });
});
