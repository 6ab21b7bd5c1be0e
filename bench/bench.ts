/**
 * `npm run bench`: generated registers of 100, 1,000 and 10,000 risks (twice as many measures),
 * every stage timed in fresh processes (median of several runs, peak RSS), then the Markdown → PDF
 * path against md-to-pdf and the bare `chromium --print-to-pdf` on the same input. Prints the
 * tables and writes them to docs/benchmark.md. Not a test: nothing here passes or fails.
 */
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findChromium } from '../src/render/browser.js';
import { PROJECT_ROOT } from '../src/version.js';
import { writeBenchRegisters } from './registers.js';

const run = promisify(execFile);
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// Bundled like the CLI (scripts/bundle.mjs): the stages run the code as shipped.
const STAGES_JS = join(PROJECT_ROOT, 'dist/bench-bundle/stages.mjs');
const STAGES = ['ingest', 'validate', 'score', 'markdown', 'html', 'pdf', 'excel'] as const;
type Stage = (typeof STAGES)[number];
type Sample = Partial<Record<Stage | 'generate', { ms: number; rssMiB: number }>>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

async function node(args: string[]): Promise<Sample> {
  const { stdout } = await run(process.execPath, ['--expose-gc', STAGES_JS, ...args], { maxBuffer: 1 << 24, timeout: 600_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Sample;
}

/** Wall time of a whole process, median of RUNS. Standard input is closed: md-to-pdf would wait on an open one. */
async function wall(cmd: string, args: string[], opts: { cwd?: string } = {}): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
      child.on('error', reject).on('exit', resolve);
    });
    if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} gaf exitcode ${code}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

async function stagesFor(size: number, root: string) {
  const data = join(root, `data-${size}`);
  const out = join(root, `out-${size}`);
  await mkdir(data, { recursive: true });
  await writeBenchRegisters(data, { risks: size, measures: size * 2, seed: 1 });
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const sample: Sample = { ...(await node(['pipeline', data, out])) };
    for (const stage of ['markdown', 'html', 'pdf', 'excel'] as const) Object.assign(sample, await node([stage, out]));
    samples.push(sample);
  }
  const whole = [];
  for (let i = 0; i < RUNS; i++) whole.push((await node(['generate', data, join(root, `all-${size}`)])).generate!);
  return {
    ...(Object.fromEntries(
      STAGES.map((s) => [s, { ms: median(samples.map((x) => x[s]?.ms ?? NaN)), rssMiB: Math.max(...samples.map((x) => x[s]?.rssMiB ?? 0)) }]),
    ) as Record<Stage, { ms: number; rssMiB: number }>),
    generate: { ms: median(whole.map((w) => w.ms)), rssMiB: Math.max(...whole.map((w) => w.rssMiB)) },
  };
}

async function peers(root: string, chromium: string) {
  const out = join(root, 'sample');
  const data = join(PROJECT_ROOT, 'data/voorbeeld-2025');
  const bin = join(PROJECT_ROOT, 'bin/weerbaarheid.js');
  const all = await wall(process.execPath, [bin, 'generate', data, '--out', join(root, 'sample-all'), '--quiet', '--force']);
  await run(process.execPath, [bin, 'generate', data, '--out', out, '--quiet', '--force', '--formats', 'md']);
  // The stage runner reads bench.md from its folder.
  const md = (await readdir(out)).find((f) => f.endsWith('.md'));
  if (!md) throw new Error('geen Markdown-rapport geschreven');
  await copyFile(join(out, md), join(out, 'bench.md'));
  const ours = await wall(process.execPath, [STAGES_JS, 'mdpdf', out]);
  const bare = await wall(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    `--user-data-dir=${join(root, 'chromium-profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${join(out, 'bare.pdf')}`, `file://${join(out, 'bench.html')}`,
  ]);
  const config = join(root, 'md-to-pdf.json');
  await writeFile(config, JSON.stringify({ launch_options: { executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] } }));
  const mdToPdf = await wall(process.execPath, [join(PROJECT_ROOT, 'node_modules/md-to-pdf/dist/cli.js'), '--config-file', config, join(out, 'bench.md')], { cwd: out });
  return { all, ours, bare, mdToPdf };
}

const chromium = findChromium();
if (!chromium) throw new Error('Chromium niet gevonden; installeer het met scripts/setup.sh');
const root = await mkdtemp(join(tmpdir(), 'weerbaarheid-bench-'));
try {
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    process.stdout.write(line + '\n');
  };
  say('# Benchmark');
  say();
  say(`Gemeten met \`npm run bench\` op ${process.platform}/${process.arch}, Node ${process.version}, ${RUNS} runs per meting (mediaan; RSS is de hoogste piek). Elke stap draait in een eigen proces; de RSS is de piek van dat proces, met Node zelf, de modules van die stap en het inlezen van zijn invoer. Bij generate telt het geheugen van Chromium niet mee.`);
  say();
  say(`| risico's / maatregelen | ${STAGES.join(' | ')} | generate, alle formaten (één proces) |`);
  say(`|---|${STAGES.map(() => '---').join('|')}|---|`);
  for (const size of SIZES) {
    const r = await stagesFor(size, root);
    const cell = (x: { ms: number; rssMiB: number }) => `${fmt(x.ms)} · ${Math.round(x.rssMiB)} MiB`;
    say(`| ${size.toLocaleString('nl-NL')} / ${(size * 2).toLocaleString('nl-NL')} | ${STAGES.map((s) => cell(r[s])).join(' | ')} | ${cell(r.generate)} |`);
  }
  const p = await peers(root, chromium);
  say();
  say('Voorbeeldanalyse (`data/voorbeeld-2025`), hele processen:');
  say();
  say('| meting | tijd | verhouding |');
  say('|---|---|---|');
  say(`| weerbaarheid generate, alle formaten | ${fmt(p.all)} | ${(p.all / p.bare).toFixed(2)}× kale print |`);
  say(`| weerbaarheid Markdown → PDF (twee passes voor de inhoudsopgave) | ${fmt(p.ours)} | ${(p.ours / p.bare).toFixed(2)}× kale print, ${(p.ours / p.mdToPdf).toFixed(2)}× md-to-pdf |`);
  say(`| md-to-pdf op dezelfde Markdown (zelfde Chromium) | ${fmt(p.mdToPdf)} | |`);
  say(`| kale \`chromium --headless --print-to-pdf\` van dezelfde HTML | ${fmt(p.bare)} | 1× |`);
  await writeFile(join(PROJECT_ROOT, 'docs/benchmark.md'), lines.join('\n') + '\n');
} finally {
  await rm(root, { recursive: true, force: true });
}
