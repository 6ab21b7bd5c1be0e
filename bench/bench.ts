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

type Command = { cmd: string; args: string[]; cwd?: string };

/** Wall time of one whole process. Standard input is closed: md-to-pdf would wait on an open one. */
async function wallOnce({ cmd, args, cwd }: Command): Promise<number> {
  const start = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
    child.on('error', reject).on('exit', resolve);
  });
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} gaf exitcode ${code}`);
  return performance.now() - start;
}

/**
 * Median wall time of each command over RUNS rounds, the commands taking turns within a round, so
 * that a slow moment of the machine falls on all of them alike rather than on one.
 */
async function wallTimes<K extends string>(commands: Record<K, Command>): Promise<Record<K, number>> {
  const keys = Object.keys(commands) as K[];
  const times = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const k of keys) times.get(k)!.push(await wallOnce(commands[k]));
  return Object.fromEntries(keys.map((k) => [k, median(times.get(k)!)])) as Record<K, number>;
}

async function stagesFor(size: number, root: string) {
  const data = join(root, `data-${size}`);
  await mkdir(data, { recursive: true });
  await writeBenchRegisters(data, { risks: size, measures: size * 2, seed: 1 });
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const sample: Sample = { ...(await node(['pipeline', data])) };
    // The pdf run reports the html stage too.
    for (const mode of ['markdown', 'pdf', 'excel'] as const) Object.assign(sample, await node([mode, data]));
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
  await run(process.execPath, [bin, 'generate', data, '--out', out, '--quiet', '--force', '--formats', 'md']);
  // The stage runner reads bench.md from its folder.
  const md = (await readdir(out)).find((f) => f.endsWith('.md'));
  if (!md) throw new Error('geen Markdown-rapport geschreven');
  await copyFile(join(out, md), join(out, 'bench.md'));
  // The HTML the bare print gets is the one our own print starts from.
  await run(process.execPath, [STAGES_JS, 'mdpdf', out]);
  const config = join(root, 'md-to-pdf.json');
  await writeFile(config, JSON.stringify({ launch_options: { executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] } }));
  return wallTimes({
    all: { cmd: process.execPath, args: [bin, 'generate', data, '--out', join(root, 'sample-all'), '--quiet', '--force'] },
    ours: { cmd: process.execPath, args: [STAGES_JS, 'mdpdf', out] },
    mdToPdf: { cmd: process.execPath, args: [join(PROJECT_ROOT, 'node_modules/md-to-pdf/dist/cli.js'), '--config-file', config, join(out, 'bench.md')], cwd: out },
    bare: {
      cmd: chromium,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        `--user-data-dir=${join(root, 'chromium-profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${join(out, 'bare.pdf')}`, `file://${join(out, 'bench.html')}`,
      ],
    },
  });
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
  // The whole-process comparison first, before the large registers fill the disk cache and the page-out queue.
  const p = await peers(root, chromium);
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
  say();
  say(`Voorbeeldanalyse (\`data/voorbeeld-2025\`), hele processen, mediaan van ${RUNS} rondes waarin de vier om de beurt draaien:`);
  say();
  say('| meting | tijd | verhouding |');
  say('|---|---|---|');
  say(`| weerbaarheid generate, alle formaten | ${fmt(p.all)} | ${(p.all / p.bare).toFixed(2)}× kale print |`);
  say(`| weerbaarheid Markdown → PDF (meetprint en eindprint voor de inhoudsopgave) | ${fmt(p.ours)} | ${(p.ours / p.bare).toFixed(2)}× kale print, ${(p.ours / p.mdToPdf).toFixed(2)}× md-to-pdf |`);
  say(`| md-to-pdf op dezelfde Markdown (zelfde Chromium) | ${fmt(p.mdToPdf)} | |`);
  say(`| kale \`chromium --headless --print-to-pdf\` van dezelfde HTML | ${fmt(p.bare)} | 1× |`);
  await writeFile(join(PROJECT_ROOT, 'docs/benchmark.md'), lines.join('\n') + '\n');
} finally {
  await rm(root, { recursive: true, force: true });
}
