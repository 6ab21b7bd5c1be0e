/**
 * The browser session under faults: a Chromium that dies at any moment or never answers ends in a
 * RenderError with one Dutch line, in bounded time, leaving no process and no profile behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBrowserSession, findChromium, RenderError, type BrowserSession } from './browser.js';

const chromium = findChromium({});
const scratch = mkdtempSync(join(tmpdir(), 'weerbaarheid-browser-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const profiles = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`weerbaarheid-chromium-${process.pid}-`));
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
/** A killed child is a zombie until Node reaps it: that counts as gone. */
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

async function failure(work: Promise<unknown>): Promise<RenderError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RenderError);
  return error as RenderError;
}

/** No English from puppeteer or Chromium in what the user reads. */
function expectDutchLine(message: string): void {
  expect(message).not.toContain('\n');
  expect(message).not.toMatch(/\b(Protocol|error|Target|closed|timed out|Session|browser)\b/);
}

describe('PUPPETEER_EXECUTABLE_PATH', () => {
  it('is taken as given, even when nothing is there: no silent fallback to another browser', () => {
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: '/gone/chrome' }, () => true)).toBe('/gone/chrome');
  });

  it('pointing nowhere fails the launch with a Dutch line naming the variable and the path', async () => {
    const old = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = '/gone/chrome';
    try {
      const session = createBrowserSession();
      const error = await failure(session.version());
      expect(error.code).toBe('no-browser');
      expect(error.message).toMatch(/^PUPPETEER_EXECUTABLE_PATH wijst naar \/gone\/chrome, maar daar staat geen uitvoerbaar programma/);
      await session.close();
    } finally {
      if (old === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = old;
    }
  });
});

describe('a Chromium that starts but never answers', () => {
  it('ends the launch after its time-out with one Dutch line, killing the process and removing the profile', async () => {
    const fake = join(scratch, 'stom');
    const pidFile = join(scratch, 'stom.pid');
    writeFileSync(fake, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 600\n`, { mode: 0o755 });
    const session = createBrowserSession({ executablePath: fake, timeoutMs: 1_500 });
    const start = performance.now();
    const error = await failure(session.page(async () => 'geprint'));
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(error.code).toBe('launch-failed');
    expect(error.message).toBe(`Chromium kon niet worden gestart (${fake}): het antwoordde niet binnen 1.5 s.`);
    await session.close();
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(pid)).toBe(false);
    expect(profiles()).toEqual([]);
  });
});

describe('a Chromium that dies during the launch', () => {
  it('ends the launch at once, not at its deadline, even when puppeteer is still waiting for the first tab', async () => {
    // Speaks just enough of the DevTools protocol for puppeteer to wait for the start-up tab's
    // page, then exits: puppeteer itself would wait for that page without end.
    const fake = join(scratch, 'sterft');
    writeFileSync(
      fake,
      `#!${process.execPath}
      const { Socket } = require('node:net');
      const out = new Socket({ fd: 4 });
      const send = (message) => out.write(JSON.stringify(message) + '\\0');
      let buffered = '';
      new Socket({ fd: 3 }).setEncoding('utf8').on('data', (chunk) => {
        buffered += chunk;
        for (let end; (end = buffered.indexOf('\\0')) !== -1; buffered = buffered.slice(end + 1)) {
          const { id, method, sessionId } = JSON.parse(buffered.slice(0, end));
          if (method === 'Target.setAutoAttach' && !sessionId) {
            const targetInfo = { targetId: 'tab', type: 'tab', title: '', url: 'about:blank', attached: true, canAccessOpener: false };
            send({ method: 'Target.attachedToTarget', params: { sessionId: 'tab', targetInfo, waitingForDebugger: false } });
            setTimeout(() => process.kill(process.pid, 'SIGKILL'), 200);
          }
          send({ id, sessionId, result: method === 'Target.getBrowserContexts' ? { browserContextIds: [] } : {} });
        }
      });
`,
      { mode: 0o755 },
    );
    const session = createBrowserSession({ executablePath: fake, timeoutMs: 20_000 });
    const start = performance.now();
    const error = await failure(session.page(async () => 'geprint'));
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(error.message).toBe(`Chromium kon niet worden gestart (${fake}): het stopte tijdens het starten.`);
    await session.close();
    expect(profiles()).toEqual([]);
  });
});

describe.skipIf(!chromium)('a Chromium that dies', () => {
  it.each([
    ['after start-up, before the first page', (s: BrowserSession) => s.page((page) => page.pdf())],
    ['while a page is in use', (s: BrowserSession) => s.page(async (page) => (process.kill(s.pid()!, 'SIGKILL'), page.pdf()))],
    ['before the version is asked', (s: BrowserSession) => s.version()],
  ] as const)('%s: a Dutch RenderError, no profile left', async (when, work) => {
    const session = createBrowserSession();
    try {
      await session.prepare();
      if (!when.startsWith('while')) process.kill(session.pid()!, 'SIGKILL');
      const start = performance.now();
      const error = await failure(work(session));
      expect(performance.now() - start).toBeLessThan(30_000);
      expect(error.code).toBe('browser-died');
      expect(error.message).toBe('Chromium stopte onverwacht terwijl de PDF werd gemaakt.');
      expectDutchLine(error.message);
    } finally {
      await session.close();
    }
    expect(profiles()).toEqual([]);
  });
});

describe.skipIf(!chromium)('a Chromium that freezes (SIGSTOP)', () => {
  it('before its start-up tab is ready: one protocol time-out ends the page, not one for each way of getting a page', async () => {
    const session = createBrowserSession({ protocolTimeoutMs: 2_000 });
    try {
      await session.version();
      process.kill(session.pid()!, 'SIGSTOP');
      const start = performance.now();
      const error = await failure(session.page(async () => 'geprint'));
      expect(performance.now() - start).toBeLessThan(3_500);
      expect(error.code).toBe('timeout');
      expect(error.message).toBe('Chromium antwoordde 2 s lang niet en is gestopt.');
      await session.close();
      expect(alive(session.pid()!)).toBe(false);
    } finally {
      if (alive(session.pid()!)) process.kill(session.pid()!, 'SIGKILL');
    }
    expect(profiles()).toEqual([]);
  });
});

describe.skipIf(!chromium)('profiles of killed runs', () => {
  it('are removed by the next launch; a live run’s profile stays', async () => {
    const gone = deadPid();
    const stale = join(tmpdir(), `weerbaarheid-chromium-${gone}-abcdef`);
    const old = join(tmpdir(), 'weerbaarheid-chromium-oud123');
    const live = join(tmpdir(), `weerbaarheid-chromium-${process.ppid}-levend`);
    for (const dir of [stale, old, live]) mkdirSync(join(dir, 'Default'), { recursive: true });
    symlinkSync(`${hostname()}-${gone}`, join(old, 'SingletonLock'));
    const session = createBrowserSession();
    try {
      await session.version();
    } finally {
      await session.close();
    }
    expect(existsSync(live)).toBe(true);
    rmSync(live, { recursive: true, force: true });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(old)).toBe(false);
  });
});
