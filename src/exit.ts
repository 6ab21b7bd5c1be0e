import type { FailureKind } from './failure.js';

/** The exit codes of the contract, in one table; `internal` (a bug in this tool, EX_SOFTWARE) is outside it. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, rendering: 3, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit code of each way the library can fail. */
export const EXIT_FOR: Record<FailureKind, ExitCode> = {
  'invalid-input': EXIT.invalidInput,
  usage: EXIT.usage,
  rendering: EXIT.rendering,
  output: EXIT.rendering,
  aborted: EXIT.rendering,
};

/** A user's mistake in how the tool was called (not in the data): exit 2, one Dutch line, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}
