/**
 * What a new register workbook needs to know per column, derived from the tables the rest of the
 * tool already reads: headers and required flags from src/columns.ts, the kind of value and its
 * closed set from the domain schemas of src/model.ts, the one-line explanation from the field
 * rules of the same table. A column added there appears in `init` without a change here.
 */
import { z } from 'zod';
import { LEVEL_LABEL } from '../classify/levels.js';
import { COLUMNS, DOMAIN_SCHEMA, fieldRules } from '../columns.js';
import type { SheetKind } from '../ingest/table.js';
import { DEFAULT_METHOD, IsoDate, LevelSchema } from '../model.js';

export type ValueKind =
  /** One value of a closed set: a drop-down list. */
  | { kind: 'choice'; values: string[] }
  /** One or more values of a closed set, separated by , or ; (Indicatoren). */
  | { kind: 'multi'; values: string[] }
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'date' }
  | { kind: 'text' };

export interface InitColumn {
  header: string;
  required: boolean;
  /** What the column holds, in Dutch: the `expected` of the field's rule. */
  explanation: string;
  value: ValueKind;
}

/** The schema inside optional()/default() wrappers (zod's public unwrap()). */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

/** Small integer ranges (Kans, Impact) are a closed set too. */
const LIST_RANGE = 10;

function valueKind(schema: z.ZodType): ValueKind {
  const s = unwrap(schema);
  if (s === LevelSchema) return { kind: 'choice', values: LevelSchema.options.map((l) => LEVEL_LABEL[l]) };
  if (s === IsoDate) return { kind: 'date' };
  if (s instanceof z.ZodEnum) return { kind: 'choice', values: s.options.map(String) };
  if (s instanceof z.ZodNumber) {
    const { minValue, maxValue, isInt } = s;
    const min = Number.isFinite(minValue) ? (minValue as number) : undefined;
    const max = Number.isFinite(maxValue) ? (maxValue as number) : undefined;
    if (isInt && min !== undefined && max !== undefined && max - min < LIST_RANGE) {
      return { kind: 'choice', values: Array.from({ length: max - min + 1 }, (_, i) => String(min + i)) };
    }
    return { kind: 'number', integer: isInt, min, max };
  }
  return { kind: 'text' };
}

export function initColumns(kind: SheetKind): InitColumn[] {
  const method = DEFAULT_METHOD;
  const rules = fieldRules(kind, method);
  const shape = DOMAIN_SCHEMA[kind].shape as Record<string, z.ZodType>;
  // Indicators are the one list field with a closed set: the codes of the method.
  const codes = method.indicatoren.map((i) => i.code);
  return COLUMNS[kind].map((c) => ({
    header: c.header,
    required: c.required,
    explanation: rules[c.field]?.expected ?? 'tekst',
    value: c.field === 'indicatoren' ? { kind: 'multi', values: codes } : valueKind(shape[c.field]!),
  }));
}
