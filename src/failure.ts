/**
 * Why a library call produced no result, as a value: the library throws nothing that is a user's
 * mistake. The CLI maps the kind to an exit code (src/run.ts); anything thrown is a bug.
 */
export type FailureKind =
  /** The data: the messages say what (exit 1). */
  | 'invalid-input'
  /** How the library was called: a level above the analysis, a folder that holds another report (exit 2). */
  | 'usage'
  /** A template, Chromium or the workbook failed (exit 3). */
  | 'rendering'
  /** The output folder could not be written or is held by another run (exit 3). */
  | 'output'
  /** The caller's abort signal fired (exit 3). */
  | 'aborted';

export interface Failure {
  kind: FailureKind;
  /** One Dutch line; absent for invalid input, where the messages are the reason. */
  message?: string;
}
