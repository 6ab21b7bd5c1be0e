/**
 * Stages of a run and their progress events: the library reports them, the CLI shows them and the
 * manifest records their timings. A stage also checks the run's abort signal before it starts.
 */
export const STAGES = ['ingest', 'validate', 'score', 'markdown', 'html', 'pdf', 'excel', 'write'] as const;
export type Stage = (typeof STAGES)[number];

export interface ProgressEvent {
  stage: Stage;
  phase: 'start' | 'end';
  /** Counts for the terminal, in Dutch (`32 risico's, 44 maatregelen`). */
  detail?: string;
  ms?: number;
}

export type OnProgress = (event: ProgressEvent) => void;

/** Thrown by a stage of an aborted run; the library turns it into the failure kind `aborted`. */
export class AbortedError extends Error {
  override name = 'AbortedError';
  constructor() {
    super('afgebroken');
  }
}

export function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AbortedError();
}

/** Runs `work` as `stage`: start and end events (with its duration and counts), after checking the signal. */
export type StageRunner = <T>(stage: Stage, work: () => Promise<T> | T, detail?: (result: T) => string) => Promise<T>;

export function stageRunner(onProgress?: OnProgress, signal?: AbortSignal): StageRunner {
  return async (stage, work, detail) => {
    checkAborted(signal);
    onProgress?.({ stage, phase: 'start' });
    const start = performance.now();
    const result = await work();
    onProgress?.({ stage, phase: 'end', ms: performance.now() - start, detail: detail?.(result) });
    return result;
  };
}

/** Sums the durations of ended stages, for the manifest. */
export function timingsOf(events: readonly ProgressEvent[]): Partial<Record<Stage, number>> {
  const timings: Partial<Record<Stage, number>> = {};
  for (const e of events) if (e.phase === 'end' && e.ms !== undefined) timings[e.stage] = (timings[e.stage] ?? 0) + e.ms;
  return timings;
}
