/**
 * The CLI's commands as functions: options in, the library called (analyse → render → writeReport),
 * its outcome mapped to an exit code and a Dutch line. They never print (the CLI does) and never exit.
 */
import { join, resolve } from 'node:path';
import { analyse } from './analyse.js';
import { LEVEL_LABEL, LEVEL_SLUG, type Level } from './classify/levels.js';
import { EXIT, EXIT_FOR, UsageError, type ExitCode } from './exit.js';
import type { Failure } from './failure.js';
import type { Message } from './messages.js';
import { hashTree } from './output/hash.js';
import { buildManifest, type OutputEntry } from './output/manifest.js';
import { writeReport } from './output/report.js';
import { timingsOf, type ProgressEvent, type Stage } from './progress.js';
import type { BrowserSession } from './render/browser.js';
import { FORMATS, render, type Format } from './render/index.js';

export { FORMATS, type Format } from './render/index.js';
export { STAGES, type ProgressEvent, type Stage } from './progress.js';

export interface RunResult {
  exitCode: ExitCode;
  messages: Message[];
  /** A one-line Dutch reason when the run failed outside the data (rendering, usage). */
  failure?: string;
  outDir?: string;
  outputs: OutputEntry[];
  timings: Partial<Record<Stage, number>>;
}

export interface ValidateOptions {
  dataDir: string;
  onProgress?: (event: ProgressEvent) => void;
}

export interface GenerateOptions extends ValidateOptions {
  /** Default `reports/<jaar>` (or `reports/<jaar>-<level>` below the analysis' own level), relative to cwd. */
  outDir?: string;
  level?: Level;
  formats?: readonly Format[];
  templatesDir?: string;
  force?: boolean;
  signal?: AbortSignal;
  /** Injected in tests; default launches Debian's Chromium when the PDF is first needed. */
  browser?: () => BrowserSession;
  /** Print time-out per PDF pass. */
  printTimeoutMs?: number;
  /** `SOURCE_DATE_EPOCH` (seconds) for the PDF's dates; default the peildatum. */
  sourceDateEpoch?: number;
}

const ABORTED = 'Afgebroken; het vorige rapport is ongewijzigd.';

export async function runValidate(opts: ValidateOptions): Promise<RunResult> {
  const progress = recorder(opts.onProgress);
  const analysed = await analyse(opts.dataDir, { onProgress: progress.onProgress });
  return outcome(analysed.ok ? undefined : analysed.failure, analysed.messages, progress.timings());
}

export async function runGenerate(opts: GenerateOptions): Promise<RunResult> {
  const progress = recorder(opts.onProgress);
  const { signal } = opts;
  try {
    const analysed = await analyse(opts.dataDir, { level: opts.level, onProgress: progress.onProgress, signal });
    if (!analysed.ok) return outcome(analysed.failure, analysed.messages, progress.timings());
    const { settings, view } = analysed;
    const formats = FORMATS.filter((f) => (opts.formats ?? FORMATS).includes(f));
    const outDir = resolve(opts.outDir ?? join('reports', view.reduced ? `${settings.jaar}-${LEVEL_SLUG[view.level]}` : String(settings.jaar)));
    let chromium: string | null = null;
    const written = await writeReport(
      outDir,
      async () => {
        const rendered = await render(analysed, { ...opts, formats, onProgress: progress.onProgress });
        if (rendered.ok) chromium = rendered.chromium;
        return rendered;
      },
      async (outputs) =>
        buildManifest({
          settings,
          level: view.level,
          choices: { formats, templates: opts.templatesDir ? await hashTree(opts.templatesDir) : null, sourceDateEpoch: opts.sourceDateEpoch ?? null },
          inputs: analysed.inputs,
          outputs,
          timings: progress.timings(),
          chromium,
        }),
      {
        identity: { jaar: settings.jaar, organisatie: settings.organisatie, netwerk: settings.netwerk, rubricering: LEVEL_LABEL[view.level] },
        force: opts.force,
        signal,
        onProgress: progress.onProgress,
      },
    );
    const result = outcome(written.ok ? undefined : written.failure, view.messages, progress.timings());
    return written.ok ? { ...result, outDir: written.outDir, outputs: written.outputs } : result;
  } catch (error) {
    // Every stage and write checks the signal; what was staged is gone by now.
    if (signal?.aborted) return outcome({ kind: 'aborted' }, [], progress.timings());
    throw error;
  }
}

/**
 * The exit code and Dutch line of an outcome: the one place they are derived. A mistake in how the
 * tool was called becomes the CLI's UsageError (exit 2, one line, no messages).
 */
function outcome(failure: Failure | undefined, messages: Message[], timings: RunResult['timings']): RunResult {
  if (!failure) return { exitCode: EXIT.ok, messages, outputs: [], timings };
  if (failure.kind === 'usage') throw new UsageError(failure.message ?? 'onjuist gebruik');
  const line = failure.kind === 'aborted' ? ABORTED : failure.message;
  return { exitCode: EXIT_FOR[failure.kind], messages, ...(line === undefined ? {} : { failure: line }), outputs: [], timings };
}

/** Passes progress on to the caller and keeps the events, for the manifest's timings. */
function recorder(onProgress?: (event: ProgressEvent) => void) {
  const events: ProgressEvent[] = [];
  return {
    onProgress: (event: ProgressEvent) => {
      events.push(event);
      onProgress?.(event);
    },
    timings: () => timingsOf(events),
  };
}
