/**
 * `writeReport`: the one place besides the CLI that writes. The report folder's lock, the staging
 * folder and the atomic swap (./staging.ts, ./lock.ts), the foreign-report check, and manifest.json
 * with the hash of every file. Either the whole report is swapped in, or the previous one stays
 * byte for byte as it was.
 */
import type { Failure } from '../failure.js';
import { compareText } from '../messages.js';
import { AbortedError, checkAborted, stageRunner, type OnProgress } from '../progress.js';
import type { OutputFile } from '../render/index.js';
import { isReportOutput, refuseForeignReport, type ReportIdentity } from './folder.js';
import { sha256 } from './hash.js';
import type { Manifest, OutputEntry } from './manifest.js';
import { createStaging, OutputBusyError, type Staging } from './staging.js';
import { systemErrorReason } from './write-error.js';

export type { ReportIdentity } from './folder.js';

export interface WriteOptions {
  /** Which analysis the report is of: a folder holding another one's report is not replaced without `force`. */
  identity: ReportIdentity;
  force?: boolean;
  /** Checked before every write; once the swap begins the report is completed. */
  signal?: AbortSignal;
  onProgress?: OnProgress;
}

/**
 * The files, or how to make them: a function is called once the folder is locked (and what a
 * killed run left there is put right), so the folder is held while the report is made.
 */
export type ReportFiles = readonly OutputFile[] | (() => Promise<{ ok: true; files: readonly OutputFile[] } | { ok: false; failure: Failure }>);

export type WriteResult = { ok: true; outDir: string; outputs: OutputEntry[] } | { ok: false; failure: Failure };

export async function writeReport(
  outDir: string,
  files: ReportFiles,
  /** The manifest for the files' hashes (a function, so that it can hold the timings up to the write). */
  manifest: (outputs: OutputEntry[]) => Manifest | Promise<Manifest>,
  options: WriteOptions,
): Promise<WriteResult> {
  let staging: Staging | undefined;
  try {
    // The folder's lock first: what is in it (perhaps a report a killed run left aside) is then final.
    staging = await createStaging(outDir, isReportOutput);
    const foreign = await refuseForeignReport(outDir, options.identity, options.force ?? false);
    if (foreign) return { ok: false, failure: { kind: 'usage', message: foreign } };
    const made = typeof files === 'function' ? await files() : { ok: true as const, files };
    if (!made.ok) return made;
    const outputs = made.files
      .map(({ path, data }) => ({ path, sha256: sha256(data), bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length }))
      .sort((a, b) => compareText(a.path, b.path));
    const stage = staging;
    await stageRunner(options.onProgress, options.signal)('write', async () => {
      await stage.write('manifest.json', JSON.stringify(await manifest(outputs), null, 2) + '\n');
      for (const { path, data } of made.files) {
        checkAborted(options.signal);
        await stage.write(path, data);
      }
      // The last moment an abort still keeps the previous report; once the swap begins the run completes.
      checkAborted(options.signal);
      await stage.commit();
    });
    return { ok: true, outDir, outputs };
  } catch (error) {
    const failure = writeFailure(error, outDir, options.signal);
    if (!failure) throw error;
    return { ok: false, failure };
  } finally {
    // A staging folder that cannot be removed must not turn the outcome into another; the next run removes what is left.
    await staging?.discard().catch(() => undefined);
  }
}

/** Errors of writing the output folder, and another run holding it. Anything else is a bug. */
function writeFailure(error: unknown, outDir: string, signal?: AbortSignal): Failure | undefined {
  if (signal?.aborted || error instanceof AbortedError) return { kind: 'aborted' };
  if (error instanceof OutputBusyError) return { kind: 'output', message: error.message };
  const reason = systemErrorReason(error);
  return reason ? { kind: 'output', message: `Kan de uitvoer niet schrijven in ${outDir}: ${reason}; het vorige rapport is ongewijzigd.` } : undefined;
}
