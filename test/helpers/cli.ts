/**
 * The CLI in the test's own process: `main(argv, term)` with a terminal that keeps what was said.
 * Far faster than starting the binary; test/cli.test.ts keeps a few runs of the real binary.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { Terminal } from '../../src/cli/terminal.js';
import { BIN } from './fixtures.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** A terminal that records every line; `lines` in order, stdout and stderr together. */
export function captureTerminal(isTTY = false) {
  const lines: string[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  const term: Terminal = {
    out: (t) => void (lines.push(t), out.push(line(t))),
    err: (t) => void (lines.push(t), err.push(line(t))),
    isTTY,
  };
  return { term, lines, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** Runs the CLI in-process, with `env` set for the run only. */
export async function runMain(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const t = captureTerminal();
    const status = await main(args, t.term);
    return { status, stdout: t.stdout(), stderr: t.stderr() };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The real binary, for what only a separate process shows (its own output streams, cwd, exit code). */
export function runBin(args: string[], opts: { cwd?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}): CliRun {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], { encoding: 'utf8', timeout: 120_000, cwd: opts.cwd, env: { ...process.env, ...opts.env } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The real binary, with its wall time and its peak memory (resident set of the Node process;
 * Chromium's processes are not counted): what a hostile input costs the whole run.
 */
export function runBinMeasured(args: string[]): CliRun & { ms: number; peakRss: number } {
  const dir = mkdtempSync(join(tmpdir(), 'weerbaarheid-rss-'));
  try {
    const file = join(dir, 'rss');
    const started = performance.now();
    const run = runBin(args, { nodeArgs: ['--import', fileURLToPath(new URL('peak-rss.mjs', import.meta.url))], env: { PEAK_RSS_FILE: file } });
    return { ...run, ms: performance.now() - started, peakRss: Number(readFileSync(file, 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
