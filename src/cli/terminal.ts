/**
 * Everything the CLI writes to the terminal: messages, summary, progress. Progress only on a
 * terminal and never with --quiet; --verbose adds per-stage timings.
 */
import { formatMessage, sortMessages, summarize, type Message } from '../messages.js';
import { isolate } from '../text/bidi.js';
import type { ProgressEvent, Stage } from '../run.js';

export interface Terminal {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
}

export const processTerminal: Terminal = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  isTTY: Boolean(process.stderr.isTTY),
};

const STAGE_LABEL: Record<Stage, string> = {
  ingest: 'Inlezen',
  validate: 'Controleren',
  score: 'Scoren',
  markdown: 'Markdown en grafieken',
  html: 'HTML',
  pdf: 'PDF (Chromium)',
  excel: 'Excel-werkboek',
  write: 'Wegschrijven',
};

/** Messages grouped per file and sheet (a heading line each), one line per message, then the counts. */
export function printMessages(term: Terminal, messages: readonly Message[]): void {
  let group = '';
  for (const m of sortMessages(messages)) {
    const g = [m.file, m.sheet].filter((part): part is string => Boolean(part)).map(isolate).join(' › ');
    if (g !== group) {
      term.err(g || '(algemeen)');
      group = g;
    }
    term.err(`  ${formatMessage({ ...m, file: undefined, sheet: undefined })}`);
  }
  term.err(summarize(messages));
}

export function progressReporter(term: Terminal, opts: { quiet: boolean; verbose: boolean }): ((e: ProgressEvent) => void) | undefined {
  if (opts.quiet || (!term.isTTY && !opts.verbose)) return undefined;
  return (e) => {
    if (e.phase === 'start') {
      if (term.isTTY) term.err(`… ${STAGE_LABEL[e.stage]}`);
      return;
    }
    const timing = opts.verbose && e.ms !== undefined ? ` (${Math.round(e.ms)} ms)` : '';
    term.err(`✓ ${STAGE_LABEL[e.stage]}${e.detail ? `: ${e.detail}` : ''}${timing}`);
  };
}
