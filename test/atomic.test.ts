/**
 * Nothing lost: every failure path leaves the previous report byte for byte as it was and no
 * staging folder behind.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFile, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserSession, RenderError, type BrowserSession } from '../src/render/browser.js';
import { runGenerate } from '../src/run.js';
import { runMain } from './helpers/cli.js';
import { BIN, EXAMPLE_DIR, copyData, deadPid, removeTempDirs, snapshot, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

let data: string;
beforeAll(async () => {
  data = await copyData(EXAMPLE_DIR);
});

/** A folder holding a finished report of the example, and its snapshot. */
async function previousReport(parent?: string) {
  const out = join(parent ?? (await tempDir()), 'rapport');
  const first = await runGenerate({ dataDir: data, outDir: out, formats: ['md', 'xlsx'] });
  expect(first.exitCode).toBe(0);
  return { out, before: await snapshot(out) };
}

async function noStaging(out: string) {
  const parent = join(out, '..');
  expect((await readdir(parent)).filter((f) => f.startsWith('.tmp-') || f.endsWith('.lock'))).toEqual([]);
}

/** A browser that never starts, counting how often it is closed. */
function failingBrowser(): BrowserSession & { closed: number } {
  const browser = {
    closed: 0,
    prepare: async () => undefined,
    page: async () => {
      throw new RenderError('launch-failed', 'Chromium kon niet starten.');
    },
    version: async () => 'kapot',
    pid: () => undefined,
    close: async () => void browser.closed++,
    [Symbol.asyncDispose]: async () => void browser.closed++,
  };
  return browser;
}

describe('a failed run leaves the previous report intact', () => {
  it('on invalid input', async () => {
    const { out, before } = await previousReport();
    const broken = await copyData(EXAMPLE_DIR);
    await appendFile(join(broken, 'analyse.yaml'), 'onbekendeSleutel: 1\n');
    const result = await runGenerate({ dataDir: broken, outDir: out, formats: ['md', 'xlsx'] });
    expect(result.exitCode).toBe(1);
    expect(result.messages.some((m) => m.severity === 'error' && m.file === 'analyse.yaml')).toBe(true);
    expect(await snapshot(out)).toEqual(before);
    await noStaging(out);
  });

  it('when the browser fails to start', async () => {
    const { out, before } = await previousReport();
    const browser = failingBrowser();
    const result = await runGenerate({ dataDir: data, outDir: out, browser: () => browser });
    expect(result.exitCode).toBe(3);
    expect(result.failure).toContain('Chromium');
    expect(browser.closed).toBeGreaterThan(0);
    expect(await snapshot(out)).toEqual(before);
    await noStaging(out);
  });

  it('when Chromium is killed during the print', async () => {
    const { out, before } = await previousReport();
    const real = createBrowserSession();
    const killed: BrowserSession = {
      ...real,
      page: (fn) =>
        real.page(async (page) => {
          process.kill(real.pid()!, 'SIGKILL');
          return fn(page);
        }),
    };
    const result = await runGenerate({ dataDir: data, outDir: out, browser: () => killed });
    expect(result.exitCode).toBe(3);
    expect(result.failure).toMatch(/^PDF weerbaarheidsanalyse-.*\.pdf niet gemaakt: /);
    expect(await snapshot(out)).toEqual(before);
    await noStaging(out);
    expect(alive(real.pid()!)).toBe(false);
  });

  it('when Chromium is not an executable browser (exit 3, one Dutch line)', async () => {
    const { out, before } = await previousReport();
    const fake = join(await tempDir(), 'chromium');
    await writeFile(fake, '#!/bin/sh\necho kapot >&2\nexit 1\n', { mode: 0o755 });
    const run = await runMain(['generate', data, '--out', out, '--quiet'], { PUPPETEER_EXECUTABLE_PATH: fake });
    expect(run.status).toBe(3);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(out)).toEqual(before);
    await noStaging(out);
  });

  describe.skipIf(!canMount())('on a file system that refuses writes', () => {
    it('a read-only output folder', async () => {
      const mnt = await tempDir();
      mount(mnt, 'size=8m');
      try {
        const { out, before } = await previousReport(mnt);
        execFileSync('mount', ['-o', 'remount,ro', mnt]);
        const result = await runGenerate({ dataDir: data, outDir: out, formats: ['md', 'xlsx'] });
        expect(result.exitCode).toBe(3);
        expect(result.failure).toMatch(/schrijven/);
        expect(await snapshot(out)).toEqual(before);
      } finally {
        execFileSync('umount', [mnt]);
      }
    });

    it('a write error in the middle of the run (disk full)', async () => {
      const mnt = await tempDir();
      mount(mnt, 'size=4m');
      try {
        const { out, before } = await previousReport(mnt);
        // Leave room for the first few outputs only, so a later write fails with ENOSPC.
        const free = Number(execFileSync('df', ['--output=avail', '-B1', mnt], { encoding: 'utf8' }).split('\n')[1]);
        await writeFile(join(mnt, 'vulling'), Buffer.alloc(Math.max(0, free - 24 * 1024)));
        const result = await runGenerate({ dataDir: data, outDir: out, formats: ['md', 'xlsx'] });
        expect(result.exitCode).toBe(3);
        await rm(join(mnt, 'vulling'));
        expect(await snapshot(out)).toEqual(before);
        await noStaging(out);
      } finally {
        execFileSync('umount', [mnt]);
      }
    });
  });

  it('on Ctrl-C during the PDF: exit 3, previous report intact, no browser left running', async () => {
    const { out, before } = await previousReport();
    const child = spawn(process.execPath, [BIN, 'generate', data, '--out', out, '--verbose'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let browsers: number[] = [];
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // The HTML is done: the browser (started during rendering) is printing now.
      if (/✓ HTML/.test(stderr) && !browsers.length) {
        browsers = childrenOf(child.pid!).filter((p) => /chrom/i.test(p.args)).map((p) => p.pid);
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toMatch(/✓ HTML/);
    expect(stderr).toMatch(/Afgebroken/);
    expect(code).toBe(3);
    expect(await snapshot(out)).toEqual(before);
    await noStaging(out);
    expect(browsers.length).toBeGreaterThan(0);
    expect(browsers.filter(alive)).toEqual([]);
  });
});

function childrenOf(pid: number): { pid: number; args: string }[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === pid)
    .map((m) => ({ pid: Number(m[1]), args: m[3]! }));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a run that was killed outright (no clean-up of its own)', () => {
  it('between the two renames: the next run puts the previous report back and removes what was left', async () => {
    const { out, before } = await previousReport();
    const parent = join(out, '..');
    // As left by a run killed after moving the old report aside, before moving its own in.
    await rename(out, join(parent, '.tmp-rapport-k1ll3d-vorig'));
    await mkdir(join(parent, '.tmp-rapport-k1ll3d'));
    await writeFile(join(parent, '.tmp-rapport-k1ll3d', 'half.pdf'), '%PDF-');
    await writeFile(join(parent, '.rapport.lock'), `${hostname()}\n${deadPid()}\n`);
    // Another report's staging folder in the same parent is not ours to touch.
    await mkdir(join(parent, '.tmp-rapport-openbaar-a1b2c3'));
    const browser = failingBrowser();
    const result = await runGenerate({ dataDir: data, outDir: out, browser: () => browser });
    expect(result.exitCode).toBe(3);
    expect(await snapshot(out)).toEqual(before);
    expect((await readdir(parent)).sort()).toEqual(['.tmp-rapport-openbaar-a1b2c3', 'rapport']);
  });

  it('a live run holds the folder: a second run is refused (exit 3, one Dutch line) and changes nothing', async () => {
    const { out, before } = await previousReport();
    const lock = join(out, '..', '.rapport.lock');
    await writeFile(lock, `${hostname()}\n${process.pid}\n`);
    const result = await runGenerate({ dataDir: data, outDir: out, formats: ['md'] });
    expect(result.exitCode).toBe(3);
    expect(result.failure).toBe(`Een andere run (proces ${process.pid}) schrijft al naar ${out}; wacht tot die klaar is. Loopt er geen andere run, verwijder dan ${lock}.`);
    expect(await snapshot(out)).toEqual(before);
    expect(await readFile(lock, 'utf8')).toBe(`${hostname()}\n${process.pid}\n`);
    await rm(lock);
    expect((await runGenerate({ dataDir: data, outDir: out, formats: ['md'] })).exitCode).toBe(0);
    await noStaging(out);
  });
});

describe('the output folder', () => {
  it('refuses a report of another analysis with exit 2; --force replaces it, leaving none of the old report', async () => {
    const { out } = await previousReport();
    await writeFile(join(out, 'notities.txt'), 'eigen aantekeningen');
    const kept = await snapshot(out);
    const other = await copyData(EXAMPLE_DIR);
    const yaml = await readFile(join(other, 'analyse.yaml'), 'utf8');
    await writeFile(join(other, 'analyse.yaml'), yaml.replace('jaar: 2025', 'jaar: 2024').replace('peildatum: 2025-12-31', 'peildatum: 2024-12-31'));
    const refused = await runMain(['generate', other, '--out', out, '--formats', 'md', '--quiet']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--force/);
    expect(await snapshot(out)).toEqual(kept);
    const forced = await runMain(['generate', other, '--out', out, '--formats', 'md', '--quiet', '--force']);
    expect(forced.status).toBe(0);
    const files = Object.keys(await snapshot(out));
    expect(files.some((f) => f.includes('-2024-'))).toBe(true);
    expect(files.filter((f) => f.includes('-2025-'))).toEqual([]);
    expect(files).toContain('notities.txt');
  });

  it('refuses a folder that holds other things than a report, and a file, with exit 2', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, 'scriptie.docx'), 'niet van ons');
    const busy = await runMain(['generate', data, '--out', folder, '--formats', 'md', '--quiet']);
    expect(busy.status).toBe(2);
    expect(await readdir(folder)).toEqual(['scriptie.docx']);
    const file = join(folder, 'scriptie.docx');
    const onFile = await runMain(['generate', data, '--out', file, '--formats', 'md', '--quiet', '--force']);
    expect(onFile.status).toBe(2);
    expect(await readFile(file, 'utf8')).toBe('niet van ons');
  });

  it('is readable like any folder the user makes, not private like a temporary one', async () => {
    const { out } = await previousReport();
    expect((await stat(out)).mode & 0o777).toBe(0o777 & ~process.umask());
  });
});

function canMount(): boolean {
  try {
    return process.getuid?.() === 0 && execFileSync('sh', ['-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=1m tmpfs "$d" && umount "$d" && rmdir "$d" && echo ok'], { encoding: 'utf8' }).trim() === 'ok';
  } catch {
    return false;
  }
}

function mount(dir: string, options: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
}
