import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deadPid } from '../../test/helpers/fixtures.js';
import { PROJECT_ROOT } from '../version.js';
import { lockFolder, OutputBusyError, takeOver } from './lock.js';

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

  it('a late racer that read the stale lock leaves the winner\'s lock in place', async () => {
    const dir = parent();
    const path = join(dir, '.2025.lock');
    const stale = `${hostname()}\n${deadPid()}\n`;
    // The winner took the stale lock over and linked its own before this racer got the guard.
    const winner = await lockFolder(join(dir, '2025'));
    const draft = `${path}.laat`;
    writeFileSync(draft, `${hostname()}\n${process.pid}\n`);
    await takeOver(path, draft, stale);
    expect(readFileSync(path, 'utf8')).toBe(`${hostname()}\n${process.pid}\n`);
    expect(readdirSync(dir).sort()).toEqual(['.2025.lock', '.2025.lock.laat']);
    await winner.release();
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

  it('lets exactly one of several runs racing for a stale lock have the folder', { timeout: 60_000 }, async () => {
    const RACERS = 4;
    const module = join(PROJECT_ROOT, 'dist/src/output/lock.js');
    // Each racer says it is ready, tries once when the test says go, reports, and holds what it
    // got until the test closes its input: the winner holds the lock until every racer has tried,
    // so a racer that the busy machine starts late cannot take a lock legitimately released.
    const racer = `const { lockFolder } = await import(${JSON.stringify(module)});
      const lines = process.stdin.setEncoding('utf8')[Symbol.asyncIterator]();
      console.log('klaar'); await lines.next();
      let l;
      try { l = await lockFolder(process.argv[1]); console.log('kreeg'); }
      catch (e) { if (e.name !== 'OutputBusyError') throw e; console.log('bezet'); }
      await lines.next(); await l?.release();`;
    for (let trial = 0; trial < 5; trial++) {
      const dir = parent();
      writeFileSync(join(dir, '.2025.lock'), `${hostname()}\n${deadPid()}\n`);
      const racers = Array.from({ length: RACERS }, () => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', racer, join(dir, '2025')], { stdio: ['pipe', 'pipe', 'inherit'] });
        const said: string[] = [];
        const waiters: Array<() => void> = [];
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          said.push(...c.split('\n').filter(Boolean));
          waiters.splice(0).forEach((w) => w());
        });
        const nth = (n: number) => new Promise<string>((resolve) => {
          const check = () => (said.length >= n ? resolve(said[n - 1]!) : waiters.push(check));
          check();
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
        return { child, nth, exited };
      });
      await Promise.all(racers.map((r) => r.nth(1)));
      racers.forEach((r) => r.child.stdin.write('go\n'));
      const outcomes = await Promise.all(racers.map((r) => r.nth(2)));
      racers.forEach((r) => r.child.stdin.end());
      expect(await Promise.all(racers.map((r) => r.exited))).toEqual(Array(RACERS).fill(0));
      expect(outcomes.filter((o) => o === 'kreeg')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'bezet')).toHaveLength(RACERS - 1);
      expect(readdirSync(dir)).toEqual([]);
    }
  });
});
