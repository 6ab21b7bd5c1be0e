/**
 * Nothing lost: every failure path leaves the previous report byte for byte as it was and no
 * staging folder behind.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, lstat, mkdir, readFile, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAN_EXCHANGE } from '../src/output/exchange.js';
import { CLOSE_WAIT_MS, createBrowserSession, findChromium, PROTOCOL_TIMEOUT_MS, RenderError, type BrowserSession } from '../src/render/browser.js';
import { PRINT_TIMEOUT_MS } from '../src/render/pdf.js';
import { runGenerate } from '../src/run.js';
import { aliasBomb } from './corpus/files.js';
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

  it.each([
    ['an alias bomb', aliasBomb, /^analyse\.yaml\n {2}rij \d+: fout: .*aliassen.*100 .*\[te-veel-aliassen\]$/m],
    ['a netwerk of 100,000 letters', (yaml: string) => yaml.replace(/^netwerk: .*$/m, `netwerk: ${'N'.repeat(100_000)}`), /^analyse\.yaml\n {2}rij \d+, kolom netwerk: fout: .*bestandsnamen.*\[waarde-te-lang\]$/m],
  ])('on %s in analyse.yaml: exit 1 with a located Dutch error, quickly', async (_, edit, line) => {
    const { out, before } = await previousReport();
    const broken = await copyData(EXAMPLE_DIR);
    await writeFile(join(broken, 'analyse.yaml'), edit(await readFile(join(broken, 'analyse.yaml'), 'utf8')));
    const start = performance.now();
    const run = await runMain(['generate', broken, '--out', out, '--quiet']);
    expect(performance.now() - start).toBeLessThan(30_000);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(line);
    expect(run.stderr).not.toMatch(/resource|exhaustion|ENAMETOOLONG|Error/);
    expect(run.stderr.length).toBeLessThan(2_000);
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
    expect(result.failure).toBe('Chromium stopte onverwacht terwijl de PDF werd gemaakt.');
    expect(await snapshot(out)).toEqual(before);
    await noStaging(out);
    expect(alive(real.pid()!)).toBe(false);
  });

  it('when Chromium freezes the moment it prints: exit 3 with one Dutch line in seconds, the frozen browser killed, no profile left', async () => {
    const { out, before } = await previousReport();
    // Short time-outs: the production ones bring the same end within 60 s (next test).
    const real = createBrowserSession({ protocolTimeoutMs: 3_000 });
    const frozen: BrowserSession = {
      ...real,
      page: (fn) =>
        real.page((page) => {
          const print = page.pdf.bind(page);
          page.pdf = (options) => (process.kill(real.pid()!, 'SIGSTOP'), print(options));
          return fn(page);
        }),
    };
    const start = performance.now();
    try {
      const result = await runGenerate({ dataDir: data, outDir: out, browser: () => frozen, printTimeoutMs: 2_000 });
      expect(performance.now() - start).toBeLessThan(30_000);
      expect(result.exitCode).toBe(3);
      expect(result.failure).toBe('PDF weerbaarheidsanalyse-nafin-2025-departementaal-vertrouwelijk.pdf niet gemaakt: Chromium deed er langer dan 2 s over.');
      expect(await snapshot(out)).toEqual(before);
      await noStaging(out);
      expect(alive(real.pid()!)).toBe(false);
      expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`weerbaarheid-chromium-${process.pid}-`))).toEqual([]);
    } finally {
      if (alive(real.pid()!)) process.kill(real.pid()!, 'SIGKILL');
    }
  });

  it('the production time-outs end a frozen print within 60 s: the longest wait plus closing a context, the browser and its process', () => {
    expect(PRINT_TIMEOUT_MS).toBeLessThan(PROTOCOL_TIMEOUT_MS);
    expect(Math.max(PRINT_TIMEOUT_MS, PROTOCOL_TIMEOUT_MS) + 3 * CLOSE_WAIT_MS).toBeLessThan(60_000);
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

  it.each([0, 0.4, 0.8, 1.2])('when Chromium is killed %f s after it appears (the real binary): exit 3, one Dutch line, no profile left', async (delay) => {
    const { out, before } = await previousReport();
    const child = spawn(process.execPath, [BIN, 'generate', data, '--out', out, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const start = performance.now();
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let browser: number | undefined;
    while (browser === undefined && child.exitCode === null) {
      browser = childrenOf(child.pid!).find((p) => /chrom/i.test(p.args))?.pid;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, delay * 1000));
    if (browser !== undefined) process.kill(browser, 'SIGKILL');
    const code = await exited;
    // Noticed when it happens, not at the launch's 30 s deadline.
    expect(performance.now() - start).toBeLessThan(20_000);
    // Killed after it had printed, the run may have finished; otherwise exit 3 with one line.
    if (code === 0) return;
    expect(code).toBe(3);
    expect(failureLines(stderr)).toEqual([
      expect.toBeOneOf(['Chromium stopte onverwacht terwijl de PDF werd gemaakt.', `Chromium kon niet worden gestart (${findChromium()}): het stopte tijdens het starten.`]),
    ]);
    expect(await snapshot(out)).toEqual(before);
    await noStaging(out);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`weerbaarheid-chromium-${child.pid}-`))).toEqual([]);
  });

  it('when Chromium starts but never answers: exit 3 with one Dutch line within 60 s', async () => {
    const { out, before } = await previousReport();
    const fake = join(await tempDir(), 'chromium');
    await writeFile(fake, '#!/bin/sh\nexec sleep 600\n', { mode: 0o755 });
    const start = performance.now();
    const run = await runMain(['generate', data, '--out', out, '--quiet'], { PUPPETEER_EXECUTABLE_PATH: fake });
    expect(performance.now() - start).toBeLessThan(60_000);
    expect(run.status).toBe(3);
    expect(failureLines(run.stderr)).toEqual([`Chromium kon niet worden gestart (${fake}): het antwoordde niet binnen 30 s.`]);
    expect(await snapshot(out)).toEqual(before);
    await noStaging(out);
  }, 90_000);

  it('when PUPPETEER_EXECUTABLE_PATH points at nothing: exit 3 naming it, not another browser', async () => {
    const { out, before } = await previousReport();
    const run = await runMain(['generate', data, '--out', out, '--quiet'], { PUPPETEER_EXECUTABLE_PATH: '/nergens/chrome' });
    expect(run.status).toBe(3);
    expect(failureLines(run.stderr)).toHaveLength(1);
    expect(failureLines(run.stderr)[0]).toMatch(/^PUPPETEER_EXECUTABLE_PATH wijst naar \/nergens\/chrome, maar daar staat geen uitvoerbaar programma/);
    expect(await snapshot(out)).toEqual(before);
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

    it('a full disk when the PDF is written: exit 3, one Dutch line naming it, after the PDF was printed', async () => {
      const mnt = await tempDir();
      mount(mnt, 'size=8m');
      try {
        const out = join(mnt, 'rapport');
        expect((await runGenerate({ dataDir: data, outDir: out, formats: ['md', 'pdf'] })).exitCode).toBe(0);
        const before = await snapshot(out);
        // The run writes the same files again, the PDF (about 2 MB) last: room for all of the
        // others (tmpfs counts whole pages, and the manifest's timings vary) and half the PDF.
        const page = (bytes: number) => Math.ceil(bytes / 4096) * 4096;
        const sizes = Object.entries(before).map(([file, base64]) => [file, Buffer.from(base64, 'base64').length] as const);
        const pdf = sizes.find(([file]) => file.endsWith('.pdf'))![1];
        const others = sizes.filter(([file]) => !file.endsWith('.pdf')).reduce((sum, [, bytes]) => sum + page(bytes), 0);
        const room = others + 64 * 1024 + pdf / 2;
        const free = Number(execFileSync('df', ['--output=avail', '-B1', mnt], { encoding: 'utf8' }).split('\n')[1]);
        expect(free).toBeGreaterThan(room);
        await writeFile(join(mnt, 'vulling'), Buffer.alloc(free - room));
        const run = await runMain(['generate', data, '--out', out, '--formats', 'md,pdf', '--verbose']);
        expect(run.status).toBe(3);
        expect(run.stderr).toMatch(/✓ PDF/);
        expect(failureLines(run.stderr)).toEqual([`Kan de uitvoer niet schrijven in ${out}: de schijf is vol (ENOSPC); het vorige rapport is ongewijzigd.`]);
        await rm(join(mnt, 'vulling'));
        expect(await snapshot(out)).toEqual(before);
        await noStaging(out);
      } finally {
        execFileSync('umount', [mnt]);
      }
    });

    it('a full temporary folder while Chromium prints the PDF: exit 3, one Dutch line naming the folder', async () => {
      const { out, before } = await previousReport();
      const full = await tempDir();
      mount(full, 'size=1m');
      const saved = process.env.TMPDIR;
      const restore = () => (saved === undefined ? delete process.env.TMPDIR : (process.env.TMPDIR = saved));
      let session: BrowserSession | undefined;
      try {
        // Chromium takes its temporary folder (and its profile's) from TMPDIR when it starts; the run keeps the usual one.
        process.env.TMPDIR = full;
        session = createBrowserSession();
        await session.version();
        restore();
        const free = Number(execFileSync('df', ['--output=avail', '-B1', full], { encoding: 'utf8' }).split('\n')[1]);
        await writeFile(join(full, 'vulling'), Buffer.alloc(Math.max(0, free - 4096)));
        const browser = session;
        const result = await runGenerate({ dataDir: data, outDir: out, browser: () => browser });
        expect(result.exitCode).toBe(3);
        expect(result.failure).toBe(`Chromium kon de PDF niet schrijven in zijn tijdelijke map ${full}; is die schijf vol?`);
        expect(await snapshot(out)).toEqual(before);
        await noStaging(out);
      } finally {
        restore();
        await session?.close();
        execFileSync('umount', [full]);
      }
    });

    it('an output folder that is a mount point: exit 2 with a Dutch line before anything is rendered', async () => {
      const mnt = await tempDir();
      mount(mnt, 'size=1m');
      try {
        const run = await runMain(['generate', data, '--out', mnt, '--verbose']);
        expect(run.status).toBe(2);
        expect(run.stderr).not.toMatch(/✓ (Markdown|PDF|Excel)/);
        expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^weerbaarheid: De uitvoermap .* is een koppelpunt \(mount point\)/);
        expect(await readdir(mnt)).toEqual([]);
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

/** What the CLI printed after the data's warnings and their summary line: the failure, one line. */
function failureLines(stderr: string): string[] {
  const lines = stderr.trim().split('\n');
  return lines.slice(lines.findIndex((l) => /^\d+ fouten?, \d+ waarschuwingen?$/.test(l)) + 1);
}

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

  it('at any moment around the swap: the report folder is always whole, the old report or the new one', async () => {
    const { out, before } = await previousReport();
    const stable = (snap: Record<string, string>) => Object.fromEntries(Object.entries(snap).filter(([f]) => f !== 'manifest.json'));
    for (const delay of [0, 10, 25, 45, 70]) {
      const child = spawn(process.execPath, [BIN, 'generate', data, '--out', out, '--formats', 'md,xlsx', '--verbose'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // The last format is done: the manifest, the fsyncs and the swap follow.
        if (/✓ Excel/.test(stderr)) setTimeout(() => child.kill('SIGKILL'), delay);
      });
      await exited;
      expect(existsSync(out)).toBe(true);
      const now = await snapshot(out);
      expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
      expect(stable(now)).toEqual(stable(before));
    }
    expect((await runGenerate({ dataDir: data, outDir: out, formats: ['md', 'xlsx'] })).exitCode).toBe(0);
    await noStaging(out);
  });

  it.skipIf(!CAN_EXCHANGE || !hasStrace())('the swap is one renameat2(RENAME_EXCHANGE), after every file and folder of the new report is fsynced', async () => {
    const { out } = await previousReport();
    const log = join(await tempDir(), 'strace.log');
    execFileSync('strace', ['-f', '-qq', '-y', '-e', 'trace=fsync,rename,renameat,renameat2', '-o', log, process.execPath, BIN, 'generate', data, '--out', out, '--formats', 'md', '--quiet']);
    const calls = (await readFile(log, 'utf8')).split('\n');
    const swaps = calls.filter((l) => /rename/.test(l) && l.includes(`"${out}"`));
    expect(swaps).toEqual([expect.stringMatching(/renameat2\(.*RENAME_EXCHANGE\) = 0$/)]);
    const swapAt = calls.indexOf(swaps[0]!);
    const synced = calls.slice(0, swapAt).flatMap((l) => /fsync\(\d+<(.*)>\) = 0/.exec(l)?.[1] ?? []);
    const staging = /"(.*?\.tmp-rapport-[A-Za-z0-9]{6})"/.exec(swaps[0]!)![1]!;
    const files = Object.keys(await snapshot(out)).map((f) => join(staging, f));
    expect(synced).toEqual(expect.arrayContaining([...files, staging, join(staging, 'figuren')]));
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

  it('--out through a symbolic link: the report lands in the real folder, the link stays', async () => {
    const { out, before } = await previousReport();
    const link = join(out, '..', 'snelkoppeling');
    await symlink('rapport', link);
    const run = await runMain(['generate', data, '--out', link, '--formats', 'md,xlsx', '--quiet']);
    expect(run.status).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(Object.keys(await snapshot(out)).sort()).toEqual(Object.keys(before).sort());
    expect((await readdir(join(out, '..'))).sort()).toEqual(['rapport', 'snelkoppeling']);
  });

  it('is readable like any folder the user makes, not private like a temporary one', async () => {
    const { out } = await previousReport();
    expect((await stat(out)).mode & 0o777).toBe(0o777 & ~process.umask());
  });
});

function hasStrace(): boolean {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

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
