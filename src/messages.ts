/**
 * A located message (after vfile-message): a problem is a value with a place and a reason, never a
 * thrown string. Messages pile up during a run; the exit code is derived from them in one place.
 */
import { isolate } from './text/bidi.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Message {
  severity: Severity;
  /** Stable rule id, e.g. `waarde-buiten-bereik`, `onbekende-risico-id`. */
  ruleId: string;
  /** What is wrong, in Dutch, as a full sentence without the place. */
  reason: string;
  /** Path relative to the data folder (never absolute), e.g. `registers.xlsx`, `analyse.yaml`. */
  file?: string;
  sheet?: string;
  /** Row number as Excel (or a text editor for CSV/YAML) shows it, 1-based. */
  row?: number;
  /** Column header as written in the file. */
  column?: string;
  /** Cell reference like `C14`. */
  cell?: string;
  /** The value found, as text. */
  actual?: string;
  /** What was allowed, in Dutch. */
  expected?: string;
  /**
   * IDs of the register items the message is about (a risk and the open measures it names, say):
   * a report at a level that hides one of them leaves the message out, without reading its text.
   */
  items?: string[];
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'fout', warning: 'waarschuwing', info: 'info' };

export function message(severity: Severity, ruleId: string, reason: string, place: Omit<Message, 'severity' | 'ruleId' | 'reason'> = {}): Message {
  return { severity, ruleId, reason, ...place };
}

/** One line: `registers.xlsx › Risico's › rij 14, kolom Kans (G14): fout: … (gevonden: "7"; verwacht: een geheel getal van 1 tot en met 5) [waarde-buiten-bereik]`. */
export function formatMessage(m: Message): string {
  // File, sheet and column names and the value found are the user's text; the reason quotes IDs.
  // Each is isolated (text/bidi.ts), so none can turn the rest of the line around.
  const place: string[] = [];
  if (m.file) place.push(isolate(m.file));
  if (m.sheet) place.push(isolate(m.sheet));
  const cellPart: string[] = [];
  if (m.row !== undefined) cellPart.push(`rij ${m.row}`);
  if (m.column !== undefined) cellPart.push(`kolom ${isolate(m.column)}${m.cell ? ` (${m.cell})` : ''}`);
  if (cellPart.length) place.push(cellPart.join(', '));
  const detail: string[] = [];
  if (m.actual !== undefined) detail.push(`gevonden: ${isolate(JSON.stringify(m.actual))}`);
  if (m.expected !== undefined) detail.push(`verwacht: ${isolate(m.expected)}`);
  return `${place.length ? place.join(' › ') + ': ' : ''}${SEVERITY_LABEL[m.severity]}: ${isolate(m.reason)}${detail.length ? ` (${detail.join('; ')})` : ''} [${m.ruleId}]`;
}

/** Code-point order: the same on every machine, whatever its locale (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted by file, sheet and place, errors before warnings at the same place: stable output. */
export function sortMessages(messages: readonly Message[]): Message[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...messages].sort(
    (a, b) =>
      compareText(a.file ?? '', b.file ?? '') ||
      compareText(a.sheet ?? '', b.sheet ?? '') ||
      (a.row ?? 0) - (b.row ?? 0) ||
      compareCells(a.cell ?? a.column ?? '', b.cell ?? b.column ?? '') ||
      rank[a.severity] - rank[b.severity] ||
      compareText(a.reason, b.reason),
  );
}

/** `B14` before `AA14`: cell references by column letters' length first; anything else by code points. */
function compareCells(a: string, b: string): number {
  const cells = /^[A-Z]+\d+$/;
  return (cells.test(a) && cells.test(b) ? a.length - b.length : 0) || compareText(a, b);
}

export function countMessages(messages: readonly Message[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const m of messages) counts[m.severity]++;
  return counts;
}

/** `3 fouten, 5 waarschuwingen`. */
export function summarize(messages: readonly Message[]): string {
  const c = countMessages(messages);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(c.error, 'fout', 'fouten')}, ${plural(c.warning, 'waarschuwing', 'waarschuwingen')}`;
}

export function hasErrors(messages: readonly Message[]): boolean {
  return messages.some((m) => m.severity === 'error');
}

/** A message quotes at most this many characters of a cell. */
export const QUOTE_CHARS = 100;
/** The same rule in one sheet is shown this many times, then summed up in one line. */
export const SAME_RULE_SHOWN = 50;

/**
 * Messages as a person can read them, whatever the input: each quote cut at QUOTE_CHARS (then
 * `…`), and a rule that fires more than SAME_RULE_SHOWN times in one sheet shown that many times
 * plus one line `… en nog N keer`, placed where the first one left out was. Pure; order kept.
 */
export function boundMessages(messages: readonly Message[]): Message[] {
  const seen = new Map<string, { count: number; firstLeftOut?: Message }>();
  const shown: Message[] = [];
  for (const m of messages) {
    const key = `${m.file ?? ''}\u0000${m.sheet ?? ''}\u0000${m.ruleId}`;
    const entry = seen.get(key) ?? { count: 0 };
    seen.set(key, entry);
    if (++entry.count > SAME_RULE_SHOWN) {
      entry.firstLeftOut ??= m;
      continue;
    }
    shown.push(m.actual !== undefined && m.actual.length > QUOTE_CHARS ? { ...m, actual: `${m.actual.slice(0, QUOTE_CHARS)}…` } : m);
  }
  for (const { count, firstLeftOut: m } of seen.values()) {
    if (!m) continue;
    shown.push(message(m.severity, m.ruleId, `… en nog ${count - SAME_RULE_SHOWN} keer.`, { file: m.file, sheet: m.sheet, row: m.row }));
  }
  return shown;
}
