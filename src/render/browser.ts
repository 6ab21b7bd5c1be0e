import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type RenderErrorCode = 'no-browser' | 'launch-failed' | 'print-failed' | 'timeout' | 'template-failed';

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

/** PUPPETEER_EXECUTABLE_PATH when it points at an executable, else the first usual system path that does. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = isExecutable): string | undefined {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  return [...(fromEnv ? [fromEnv] : []), ...SYSTEM_PATHS].find(exists);
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

function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<void>((done) => (timer = setTimeout(done, ms)));
  return Promise.race([promise.then(noop, noop), cap]).finally(() => clearTimeout(timer));
}

function noop(): void {}

function closedError(): RenderError {
  return new RenderError('launch-failed', 'De browsersessie is al gesloten.');
}

interface Launched {
  browser: Browser;
  profileDir: string;
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

  async function launch(): Promise<Launched> {
    const executablePath = opts.executablePath ?? findChromium();
    if (!executablePath || !isExecutable(executablePath)) throw new RenderError('no-browser', NO_BROWSER_MESSAGE);
    const profileDir = await mkdtemp(join(tmpdir(), 'weerbaarheid-chromium-'));
    try {
      const browser = await puppeteer.launch({
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
        timeout: opts.timeoutMs ?? 30_000,
      });
      launched = { browser, profileDir };
      return launched;
    } catch (cause) {
      await rm(profileDir, { recursive: true, force: true });
      throw new RenderError('launch-failed', `Chromium kon niet worden gestart (${executablePath}): ${(cause as Error).message}`, { cause });
    }
  }

  function browser(): Promise<Browser> {
    if (closing) return Promise.reject(closedError());
    launching ??= launch();
    return launching.then((l) => l.browser);
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
      // A crashed or hung browser that did not close: make sure the process is gone anyway.
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      // A profile that cannot be removed stays in the temp folder: nothing the caller could do about it.
      await rm(l.profileDir, { recursive: true, force: true }).catch(noop);
    }
  }

  const startUpTab = (): Promise<Page | undefined> => (initialPage ??= browser().then(async (b) => (await b.pages())[0]));

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
      if (first) return fn(first);
      // Later pages get a context each: nothing shared between prints, and closing a context does
      // not hang the way page.close() can after a navigation that timed out with requests intercepted.
      const context = await (await browser()).createBrowserContext();
      try {
        return await fn(await context.newPage());
      } finally {
        await settleWithin(context.close(), CLOSE_WAIT_MS);
      }
    },
    async version() {
      return (await browser()).version();
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
