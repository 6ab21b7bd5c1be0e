/**
 * The one translation of a zod issue into a Dutch message: which problem it is (its rule id), the
 * reason, and what was allowed. A register cell and a key of analyse.yaml are named differently
 * ("kolom Kans", "sleutel jaar") and keep their own rule ids, but the mapping from zod's issue
 * codes is made here only.
 */
import type { z } from 'zod';

/** What a zod issue means for the user. */
type Problem = 'missing' | 'empty' | 'wrong-type' | 'out-of-range' | 'unknown-value';

export type Subject = { kind: 'cell'; header: string } | { kind: 'key'; name: string };

export interface Translated {
  ruleId: string;
  reason: string;
}

/**
 * `present` is false when there was no value at all (an empty cell, a key left out).
 * `unknownRule` names a value outside a closed list more precisely (`onbekende-status`).
 */
export function translateIssue(issue: z.core.$ZodIssue, subject: Subject, present: boolean, unknownRule?: string): Translated {
  const problem = problemOf(issue, present);
  const ruleId = problem === 'unknown-value' ? (unknownRule ?? 'onbekende-waarde') : RULE[subject.kind][problem];
  return { ruleId, reason: subject.kind === 'cell' ? cellReason(problem, ruleId, subject.header) : keyReason(problem, subject.name) };
}

function problemOf(issue: z.core.$ZodIssue, present: boolean): Problem {
  if (!present) return 'missing';
  switch (issue.code) {
    case 'too_small':
      return (issue.origin === 'string' || issue.origin === 'array') && !issue.exact ? 'empty' : 'out-of-range';
    case 'too_big':
      return 'out-of-range';
    case 'invalid_value':
      return 'unknown-value';
    default:
      // invalid_type, invalid_format (a date that is no date), invalid_union: not the kind of value asked for.
      return 'wrong-type';
  }
}

const RULE: Record<Subject['kind'], Record<Exclude<Problem, 'unknown-value'>, string>> = {
  cell: { missing: 'verplichte-waarde-ontbreekt', empty: 'verplichte-waarde-ontbreekt', 'wrong-type': 'verkeerde-soort-waarde', 'out-of-range': 'waarde-buiten-bereik' },
  key: { missing: 'verplichte-sleutel-ontbreekt', empty: 'verplichte-waarde-ontbreekt', 'wrong-type': 'verkeerd-type', 'out-of-range': 'waarde-buiten-bereik' },
};

function cellReason(problem: Problem, ruleId: string, header: string): string {
  switch (problem) {
    case 'missing':
    case 'empty':
      return `Kolom ${header} is verplicht maar leeg.`;
    case 'wrong-type':
      return `De waarde in kolom ${header} is niet van de juiste soort.`;
    case 'out-of-range':
      return `De waarde in kolom ${header} valt buiten het toegestane bereik.`;
    case 'unknown-value':
      return ruleId === 'onbekende-status' ? 'De status is onbekend.' : ruleId === 'onbekende-rubricering' ? 'De rubricering is onbekend.' : `De waarde in kolom ${header} is onbekend of ongeldig.`;
  }
}

function keyReason(problem: Problem, name: string): string {
  switch (problem) {
    case 'missing':
      return `De verplichte sleutel ${name} ontbreekt.`;
    case 'empty':
      return `De sleutel ${name} is leeg.`;
    case 'wrong-type':
      return `De waarde van ${name} heeft niet het juiste type.`;
    case 'out-of-range':
      return `De waarde van ${name} valt buiten het toegestane bereik.`;
    case 'unknown-value':
      return `De waarde van ${name} is onbekend.`;
  }
}

const TYPE_NAME: Record<string, string> = {
  number: 'een getal',
  int: 'een geheel getal',
  string: 'tekst',
  array: 'een lijst',
  object: 'sleutels met waarden',
  record: 'sleutels met waarden',
  boolean: 'ja of nee (true of false)',
};

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** What the schema allowed, in Dutch, from the issue's own details (where no field says it better). */
export function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_NAME[issue.expected] ?? issue.expected;
    case 'too_small':
      if (issue.origin === 'array') return `een lijst met ${issue.exact ? 'precies' : 'minstens'} ${issue.minimum} elementen`;
      if (issue.origin === 'string') return 'een niet-lege tekst';
      return `een getal van ${issue.inclusive ? 'minstens' : 'meer dan'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `een lijst met ${issue.exact ? 'precies' : 'hoogstens'} ${issue.maximum} elementen`;
      return `een getal van ${issue.inclusive ? 'hoogstens' : 'minder dan'} ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.map(show).join(', ');
    case 'invalid_union':
      return issue.errors.flatMap((alternative) => (alternative[0] ? [expectedOf(alternative[0])] : [])).join(', of ');
    default:
      return 'een geldige waarde';
  }
}
