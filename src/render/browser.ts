import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readdir, readlink, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import puppeteer, { ProtocolError, type Browser, type ConnectionTransport, type Page } from 'puppeteer-core';
import { isGone } from '../pid.js';

export type RenderErrorCode = 'no-browser' | 'launch-failed' | 'browser-died' | 'print-failed' | 'timeout' | 'template-failed';

/** A rendering failure; the CLI maps every code to exit 3 and prints `message` (Dutch). */
export class RenderError extends Error {
  override readonly name = 'RenderError';
  constructor(
    readonly code: RenderErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const NO_BROWSER_MESSAGE =
  'Chromium niet gevonden: installeer het met `sudo apt-get install chromium` of zet PUPPETEER_EXECUTABLE_PATH op het pad van Chrome of Chromium.';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // Headless Chromium still preloads the omnibox popup's WebUI in a renderer of its own, which
  // burns about a second of CPU right after start-up: on two cores that halves our own speed.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * PUPPETEER_EXECUTABLE_PATH when set, whether or not anything is there: the user chose that
 * browser, and printing with another one instead would hide the mistake. Else the first usual
 * system path that holds an executable.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = isExecutable): string | undefined {
  return env.PUPPETEER_EXECUTABLE_PATH || SYSTEM_PATHS.find(exists);
}

function missingBrowser(path: string | undefined, env: NodeJS.ProcessEnv = process.env): RenderError {
  if (path && path === env.PUPPETEER_EXECUTABLE_PATH) {
    return new RenderError('no-browser', `PUPPETEER_EXECUTABLE_PATH wijst naar ${path}, maar daar staat geen uitvoerbaar programma; zet de variabele op het pad van Chrome of Chromium, of haal hem weg om de Chromium van het systeem te gebruiken.`);
  }
  return new RenderError('no-browser', NO_BROWSER_MESSAGE);
}

export interface BrowserSession extends AsyncDisposable {
  /** Launches Chromium while the caller is still making the HTML. Never rejects: a failure surfaces at `page`. */
  prepare(): Promise<void>;
  /** Runs `fn` on a page no print has used: Chromium's start-up tab first, then a new context each time, closed afterwards. */
  page<T>(fn: (page: Page) => Promise<T>): Promise<T>;
  /** The browser's product and version, e.g. `Chrome/156.0.8078.79` (the PDF producer). */
  version(): Promise<string>;
  /** Closes the browser and removes its profile; idempotent, safe before launch and during it, never rejects. */
  close(): Promise<void>;
  /** The browser's process id from the moment it is started (for tests and diagnostics). */
  pid(): number | undefined;
}

/** How long to wait for a context or the browser to close, and for a killed browser's process to end. */
export const CLOSE_WAIT_MS = 5_000;
/** Chromium starts in a second or two; one that has not answered by then never will. */
const LAUNCH_TIMEOUT_MS = 30_000;
/**
 * The longest any one request to Chromium may take (puppeteer's default is three minutes). Above
 * a print's own time-out (PRINT_TIMEOUT_MS in pdf.ts). A browser that freezes mid-print ends the
 * run within the longer of the two plus the waits of closing (a context, the browser, its process
 * after the kill): 35 + 3 × 5 = 50 s, under the minute a run may take to fail.
 */
export const PROTOCOL_TIMEOUT_MS = 35_000;

const PROFILE_PREFIX = 'weerbaarheid-chromium-';

/**
 * Profiles of runs that were killed outright: this tool's pid is in the name (see launch). Older
 * runs named them without it; for those Chromium's own SingletonLock (`host-pid`) tells.
 */
async function removeStaleProfiles(): Promise<void> {
  const names = (await readdir(tmpdir()).catch(() => [])).filter((name) => name.startsWith(PROFILE_PREFIX));
  const stale = await Promise.all(names.map(async (name) => ((await profileOwnerGone(name)) ? [name] : [])));
  await Promise.all(stale.flat().map((name) => rm(join(tmpdir(), name), { recursive: true, force: true, maxRetries: 2 }).catch(noop)));
}

async function profileOwnerGone(name: string): Promise<boolean> {
  const ours = /^(\d+)-/.exec(name.slice(PROFILE_PREFIX.length))?.[1];
  if (ours !== undefined) return isGone(Number(ours));
  const lock = await readlink(join(tmpdir(), name, 'SingletonLock')).catch(() => undefined);
  const owner = lock === undefined ? undefined : /^(.*)-(\d+)$/.exec(lock);
  return owner !== undefined && owner !== null && owner[1] === hostname() && isGone(Number(owner[2]));
}

function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<void>((done) => (timer = setTimeout(done, ms)));
  return Promise.race([promise.then(noop, noop), cap]).finally(() => clearTimeout(timer));
}

function noop(): void {}

function closedError(): RenderError {
  return new RenderError('launch-failed', 'De browsersessie is al gesloten.');
}

function diedError(): RenderError {
  return new RenderError('browser-died', 'Chromium stopte onverwacht terwijl de PDF werd gemaakt.');
}

/** What Chromium's own failures say in English, as one Dutch line (the original stays the cause). */
function asBrowserError(cause: unknown, l: Launched, protocolMs: number): unknown {
  if (cause instanceof RenderError) return cause;
  if (!l.browser.connected || hasEnded(l.child)) return new RenderError('browser-died', diedError().message, { cause });
  if (cause instanceof ProtocolError && /timed out/i.test(cause.message)) {
    return new RenderError('timeout', `Chromium antwoordde ${protocolMs / 1000} s lang niet en is gestopt.`, { cause });
  }
  // Chromium hands a PDF over through a file in its temporary folder (its profile's, from the same
  // TMPDIR); a full disk there surfaces only as a failed read of that file.
  if (cause instanceof ProtocolError && /\bIO\.read\b/.test(cause.message)) {
    return new RenderError('print-failed', `Chromium kon de PDF niet schrijven in zijn tijdelijke map ${dirname(l.profileDir)}; is die schijf vol?`, { cause });
  }
  return cause;
}

interface Launched {
  browser: Browser;
  child: ChildProcess;
  profileDir: string;
  /** Resolves when the process has ended. */
  ended: Promise<void>;
  /** Rejects with a RenderError once the browser is gone (crashed, killed): every wait races it. */
  gone: Promise<never>;
}

const hasEnded = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** A promise that rejects when the browser disconnects or its process ends, whichever comes first. */
function whenGone(browser: Browser, ended: Promise<void>): Promise<never> {
  const gone = new Promise<never>((_, reject) => {
    browser.once('disconnected', () => reject(diedError()));
    void ended.then(() => reject(diedError()));
    // Disconnected while the launch was finishing: the event is past.
    if (!browser.connected) reject(diedError());
  });
  gone.catch(noop);
  return gone;
}

/**
 * Chromium and the helpers it starts: they form a process group of their own (spawned detached),
 * so a browser that hangs is killed with every renderer it has.
 */
function killBrowser(child: ChildProcess): void {
  if (hasEnded(child) || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * The DevTools protocol over the pipe Chromium reads on fd 3 and writes on fd 4, each message
 * ended by a NUL. Ours rather than puppeteer.launch's, so that the process is ours from the moment
 * it is spawned: its exit ends the launch at once, however far puppeteer's own waits have come.
 * Puppeteer's own PipeTransport is internal (not in its public types), hence these few lines.
 */
function pipeTransport(toBrowser: Writable, fromBrowser: Readable): ConnectionTransport {
  let pending: Buffer[] = [];
  const transport: ConnectionTransport = {
    send(message) {
      toBrowser.write(`${message}\0`);
    },
    close() {
      toBrowser.destroy();
      fromBrowser.destroy();
    },
  };
  fromBrowser.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; start = end + 1, end = chunk.indexOf(0, start)) {
      const message = Buffer.concat([...pending, chunk.subarray(start, end)]).toString('utf8');
      pending = [];
      // Each in a turn of its own, as puppeteer's own pipe transport hands them over.
      setImmediate(() => transport.onmessage?.(message));
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
  fromBrowser.once('close', () => transport.onclose?.());
  // A browser that died leaves a broken pipe: that is reported by its exit, not as an uncaught error.
  fromBrowser.on('error', noop);
  toBrowser.on('error', noop);
  return transport;
}

/** One browser per run, launched when first needed. No module-level state: the caller owns the session. */
export function createBrowserSession(opts: { executablePath?: string; timeoutMs?: number; protocolTimeoutMs?: number } = {}): BrowserSession {
  let launching: Promise<Launched> | undefined;
  let child: ChildProcess | undefined;
  let closing: Promise<void> | undefined;
  // The tab Chromium opens at start-up, in this run's fresh profile: the first print uses it, which
  // spares starting another renderer process (a tenth of a second of CPU) when time counts most.
  let initialPage: Promise<Page | undefined> | undefined;
  let usedInitial = false;
  const protocolMs = opts.protocolTimeoutMs ?? PROTOCOL_TIMEOUT_MS;

  async function launch(): Promise<Launched> {
    const executablePath = opts.executablePath ?? findChromium();
    if (!executablePath || !isExecutable(executablePath)) throw missingBrowser(executablePath);
    await removeStaleProfiles();
    // Our pid in the name: the next run can tell this profile from a live run's once we are gone.
    const profileDir = await mkdtemp(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
    const launchMs = opts.timeoutMs ?? LAUNCH_TIMEOUT_MS;
    // Puppeteer's own flags with ours. A copy: puppeteer edits the array it is given (it takes
    // --disable-features out to merge it with its own).
    const args = [...puppeteer.defaultArgs({ browser: 'chrome', headless: true, userDataDir: profileDir, args: [...LAUNCH_ARGS] }), '--remote-debugging-pipe'];
    // A pipe instead of a websocket: Chromium exits by itself when this process dies. Its output
    // is not read: a pipe nobody empties would stall it.
    const started = spawn(executablePath, args, { detached: true, stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    child = started;
    const ended = new Promise<void>((done) => {
      started.once('exit', () => done());
      started.once('error', () => done());
    });
    let deadline: NodeJS.Timeout | undefined;
    let overdue = false;
    // The launch settles by the deadline or the process's end, whatever puppeteer waits for (the
    // tabs of a browser that died meanwhile are waited for without end).
    const stopped = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => {
        overdue = true;
        reject(new Error('launch deadline'));
      }, launchMs);
      void ended.then(() => reject(new Error('exited during launch')));
    });
    const transport = pipeTransport(started.stdio[3] as Writable, started.stdio[4] as Readable);
    // Ends puppeteer's waits of a launch that failed, so that none keeps this process alive.
    const given = new AbortController();
    try {
      const connecting = puppeteer.connect({ transport, protocolTimeout: protocolMs });
      // A browser that connects only after the launch failed is let go (its process is killed below).
      void connecting.then((late) => given.signal.aborted && void late.disconnect(), noop);
      const browser = await Promise.race([connecting, stopped]);
      await Promise.race([browser.waitForTarget((t) => t.type() === 'page', { timeout: 0, signal: given.signal }), stopped]);
      return { browser, child: started, profileDir, ended, gone: whenGone(browser, ended) };
    } catch (cause) {
      given.abort();
      killBrowser(started);
      transport.close();
      await settleWithin(ended, CLOSE_WAIT_MS);
      await rm(profileDir, { recursive: true, force: true, maxRetries: 2 }).catch(noop);
      const reason = overdue ? `het antwoordde niet binnen ${launchMs / 1000} s` : 'het stopte tijdens het starten';
      throw new RenderError('launch-failed', `Chromium kon niet worden gestart (${executablePath}): ${reason}.`, { cause });
    } finally {
      clearTimeout(deadline);
    }
  }

  /** `work` on a launched browser, ended by the browser's death and with Chromium's failures in Dutch. */
  async function guarded<T>(work: (b: Browser) => Promise<T>): Promise<T> {
    if (closing) throw closedError();
    launching ??= launch();
    const l = await launching;
    if (!l.browser.connected) throw diedError();
    try {
      return await Promise.race([work(l.browser), l.gone]);
    } catch (cause) {
      throw asBrowserError(cause, l, protocolMs);
    }
  }

  async function shutdown(): Promise<void> {
    const pending = launching;
    if (!pending) return;
    const l = await pending.catch(() => undefined);
    if (!l) return;
    try {
      // Browser.close lets Chromium quit by itself; the wait is for its process, so that it
      // writes nothing more into the profile being removed.
      await settleWithin(Promise.all([l.browser.close(), l.ended]), CLOSE_WAIT_MS);
    } finally {
      // A crashed or hung browser that did not quit: make sure its processes are gone anyway.
      if (!hasEnded(l.child)) {
        killBrowser(l.child);
        await settleWithin(l.ended, CLOSE_WAIT_MS);
      }
      // A profile that cannot be removed now is removed by the next run (removeStaleProfiles).
      await rm(l.profileDir, { recursive: true, force: true, maxRetries: 2 }).catch(noop);
    }
  }

  const startUpTab = (): Promise<Page | undefined> => (initialPage ??= guarded(async (b) => (await b.pages())[0]));

  const session: BrowserSession = {
    prepare() {
      return startUpTab().then(noop, noop);
    },
    async page(fn) {
      if (closing) throw closedError();
      const claimed = !usedInitial;
      usedInitial = true;
      // A start-up tab that failed (the launch, or a browser that stopped answering) fails the
      // page: a new context would wait for the same browser once more.
      const first = claimed ? await startUpTab() : undefined;
      if (first) return guarded(() => fn(first));
      // Later pages get a context each: nothing shared between prints, and closing a context does
      // not hang the way page.close() can after a navigation that timed out with requests intercepted.
      return guarded(async (b) => {
        const context = await b.createBrowserContext();
        try {
          return await fn(await context.newPage());
        } finally {
          await settleWithin(context.close(), CLOSE_WAIT_MS);
        }
      });
    },
    version() {
      return guarded((b) => b.version());
    },
    close() {
      closing ??= shutdown();
      return closing;
    },
    pid() {
      return child?.pid;
    },
    [Symbol.asyncDispose]() {
      return session.close();
    },
  };
  return session;
}
