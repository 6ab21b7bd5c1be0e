import { accessSync, constants } from 'node:fs';
import { mkdtemp, readdir, readlink, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { ProtocolError, type Browser, type Page } from 'puppeteer-core';
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
  /** The browser's process id once launched (for tests and diagnostics). */
  pid(): number | undefined;
}

/** How long to wait for a page to close before leaving it to the browser's own close. */
const CLOSE_WAIT_MS = 5_000;
/** Chromium starts in a second or two; one that has not answered by then never will. */
const LAUNCH_TIMEOUT_MS = 30_000;
/**
 * The longest any one request to Chromium may take (puppeteer's default is three minutes). Above
 * a print's own time-out in normal use; a browser that stops answering ends the run in this time.
 */
const PROTOCOL_TIMEOUT_MS = 45_000;

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
function asBrowserError(cause: unknown, browser: Browser): unknown {
  if (cause instanceof RenderError) return cause;
  if (!browser.connected || browser.process()?.exitCode !== null) return new RenderError('browser-died', diedError().message, { cause });
  if (cause instanceof ProtocolError && /timed out/i.test(cause.message)) {
    return new RenderError('timeout', `Chromium antwoordde ${PROTOCOL_TIMEOUT_MS / 1000} s lang niet en is gestopt.`, { cause });
  }
  return cause;
}

interface Launched {
  browser: Browser;
  profileDir: string;
  /** Rejects with a RenderError once the browser is gone (crashed, killed): every wait races it. */
  gone: Promise<never>;
}

/** A promise that rejects when the browser disconnects or its process ends, whichever comes first. */
function whenGone(browser: Browser): Promise<never> {
  const child = browser.process();
  const gone = new Promise<never>((_, reject) => {
    browser.once('disconnected', () => reject(diedError()));
    child?.once('exit', () => reject(diedError()));
    // Died while the launch was finishing: both events are past.
    if (!browser.connected || (child && (child.exitCode !== null || child.signalCode !== null))) reject(diedError());
  });
  gone.catch(noop);
  return gone;
}

/** One browser per run, launched when first needed. No module-level state: the caller owns the session. */
export function createBrowserSession(opts: { executablePath?: string; timeoutMs?: number } = {}): BrowserSession {
  let launching: Promise<Launched> | undefined;
  let launched: Launched | undefined;
  let closing: Promise<void> | undefined;
  // The tab Chromium opens at start-up, in this run's fresh profile: the first print uses it, which
  // spares starting another renderer process (a tenth of a second of CPU) when time counts most.
  let initialPage: Promise<Page | undefined> | undefined;
  let usedInitial = false;

  // Aborting kills the process of a launch that takes too long: a Chromium that starts but never
  // answers would otherwise wait for every protocol time-out in turn.
  const launchAbort = new AbortController();

  async function launch(): Promise<Launched> {
    const executablePath = opts.executablePath ?? findChromium();
    if (!executablePath || !isExecutable(executablePath)) throw missingBrowser(executablePath);
    await removeStaleProfiles();
    // Our pid in the name: the next run can tell this profile from a live run's once we are gone.
    const profileDir = await mkdtemp(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
    const launchMs = opts.timeoutMs ?? LAUNCH_TIMEOUT_MS;
    let deadline: NodeJS.Timeout | undefined;
    // The launch settles by the deadline whatever puppeteer waits for (a page target of a browser
    // that died meanwhile is waited for without end).
    const overdue = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => {
        launchAbort.abort();
        reject(new Error('launch deadline'));
      }, launchMs);
    });
    try {
      const starting = puppeteer.launch({
        executablePath,
        headless: true,
        // A copy: puppeteer edits the array it is given (it takes --disable-features out to merge it with its own).
        args: [...LAUNCH_ARGS],
        userDataDir: profileDir,
        // A pipe instead of a websocket: Chromium exits by itself when this process dies.
        pipe: true,
        // The CLI owns signal handling and calls close(); puppeteer's handlers would exit the process.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: launchMs,
        protocolTimeout: PROTOCOL_TIMEOUT_MS,
        signal: launchAbort.signal,
      });
      // A browser that arrives after the deadline is closed at once.
      starting.then((late) => launchAbort.signal.aborted && void late.close().catch(noop), noop);
      const browser = await Promise.race([starting, overdue]);
      launched = { browser, profileDir, gone: whenGone(browser) };
      return launched;
    } catch (cause) {
      await rm(profileDir, { recursive: true, force: true, maxRetries: 2 }).catch(noop);
      const reason = launchAbort.signal.aborted ? `het antwoordde niet binnen ${launchMs / 1000} s` : 'het stopte tijdens het starten';
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
      throw asBrowserError(cause, l.browser);
    }
  }

  async function shutdown(): Promise<void> {
    const pending = launching;
    if (!pending) return;
    const l = await pending.catch(() => undefined);
    if (!l) return;
    const child = l.browser.process();
    try {
      await settleWithin(l.browser.close(), CLOSE_WAIT_MS);
    } finally {
      // A crashed or hung browser that did not close: make sure the process is gone anyway, and
      // wait for it, so that it writes nothing more into the profile being removed.
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGKILL');
        await settleWithin(exited, CLOSE_WAIT_MS);
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
      // A failed launch is reported by the browser() below, with its reason.
      const first = claimed ? await startUpTab().catch(() => undefined) : undefined;
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
      return launched?.browser.process()?.pid;
    },
    [Symbol.asyncDispose]() {
      return session.close();
    },
  };
  return session;
}
