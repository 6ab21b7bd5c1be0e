/**
 * One sheet, row by row: map the headers to fields, read every cell, check the row with the
 * domain schema (safeParse), and turn each problem into a message that names the cell. Rows with
 * problems yield no item but are still kept as records, so cross-row checks see every ID the user
 * wrote.
 */
import { COLUMNS, DOMAIN_SCHEMA, fieldRules, type ColumnSpec } from '../columns.js';
import type { CellValue, Column, SheetKind, Table } from '../ingest/table.js';
import { message, type Message } from '../messages.js';
import type { Incident, Measure, Method, Risk, Source } from '../model.js';
import { normalizeKey } from '../text/normalize.js';
import { cellText, isEmpty } from './cells.js';
import { translateIssue } from './issues.js';
import { AMBIGUOUS_DATE, IMPOSSIBLE_DATE, PLAUSIBLE_YEARS, UNKNOWN_INDICATOR, Unreadable, type ReadIssue } from './fields.js';

export type Place = Pick<Message, 'file' | 'sheet' | 'row' | 'column' | 'cell'>;

interface ItemOf {
  risks: Risk;
  measures: Measure;
  incidents: Incident;
}

/** A data row: where it is, its cells by field, and the item when the row was valid. */
export interface RowRecord<T> {
  source: Source;
  cells: Record<string, CellValue | undefined>;
  item?: T;
  /** The place of a field's cell in this row, for messages. */
  at(field: string): Place;
}

export interface CheckedSheet<K extends SheetKind> {
  kind: K;
  records: RowRecord<ItemOf[K]>[];
  messages: Message[];
  /** A required column is missing: no row was read. */
  fatal: boolean;
}

/** Headers matched as written first, then by alias, so `Type` is never taken as an alias of `Soort`. */
function mapColumns(specs: readonly ColumnSpec[], columns: readonly Column[]): Map<string, Column> {
  const byField = new Map<string, Column>();
  const claimed = new Set<Column>();
  const claim = (spec: ColumnSpec, keys: readonly string[]) => {
    const column = columns.find((c) => !claimed.has(c) && keys.includes(c.key));
    if (!column || byField.has(spec.field)) return;
    byField.set(spec.field, column);
    claimed.add(column);
  };
  for (const spec of specs) claim(spec, [normalizeKey(spec.header)]);
  for (const spec of specs) claim(spec, spec.aliases.map(normalizeKey));
  return byField;
}

/** A problem found while reading a cell (before zod saw it): an impossible or ambiguous date, unknown indicators. */
function readReason(ruleId: string, header: string, unknown: readonly string[] = []): string {
  if (ruleId === IMPOSSIBLE_DATE) return `De datum in kolom ${header} bestaat niet.`;
  if (ruleId === AMBIGUOUS_DATE) return `De datum in kolom ${header} kan dag-maand-jaar en maand-dag-jaar zijn; schrijf hem als dd-mm-jjjj of jjjj-mm-dd.`;
  if (ruleId === UNKNOWN_INDICATOR) return unknown.length === 1 ? `De indicator ${unknown[0]} is onbekend.` : `De indicatoren ${unknown.join(', ')} zijn onbekend.`;
  return `De waarde in kolom ${header} is onbekend of ongeldig.`;
}

/** An ISO date within PLAUSIBLE_YEARS, or no date at all. */
function plausibleDate(value: unknown): boolean {
  if (typeof value !== 'string') return true;
  const year = Number(value.slice(0, 4));
  return year >= PLAUSIBLE_YEARS[0] && year <= PLAUSIBLE_YEARS[1];
}

/** A date that reads but lies outside PLAUSIBLE_YEARS (`01-01-1925`, a serial read as 2225) is a warning. */
function implausibleDate(value: string, place: Place, cell: CellValue | undefined): Message {
  return message('warning', 'datum-onwaarschijnlijk', `De datum ${value} ligt buiten ${PLAUSIBLE_YEARS[0]}-${PLAUSIBLE_YEARS[1]}; controleer of hij goed is ingevuld.`, {
    ...place,
    actual: cellText(cell),
    expected: `een datum tussen ${PLAUSIBLE_YEARS[0]} en ${PLAUSIBLE_YEARS[1]}`,
  });
}

export function checkSheet<K extends SheetKind>(table: Table & { kind: K }, method: Method): CheckedSheet<K> {
  const specs = COLUMNS[table.kind];
  const byField = mapColumns(specs, table.columns);
  const place = { file: table.file, sheet: table.sheet };
  const missing = specs.filter((spec) => spec.required && !byField.has(spec.field));
  if (missing.length) {
    const found = table.columns.map((c) => c.header).join(', ') || '(geen kolommen)';
    const messages = missing.map((spec) =>
      message('error', 'kolom-ontbreekt', `De verplichte kolom ${spec.header} ontbreekt.`, {
        ...place,
        row: table.headerRow,
        column: spec.header,
        actual: found,
        expected: `een kolom met kopje ${spec.header}`,
      }),
    );
    return { kind: table.kind, records: [], messages, fatal: true };
  }

  const rules = fieldRules(table.kind, method);
  const fields = [...byField].flatMap(([field, column]) => {
    const rule = rules[field];
    return rule ? [{ field, key: column.key, rule }] : [];
  });
  const schema = DOMAIN_SCHEMA[table.kind];
  const headerOf = (field: string) => byField.get(field)?.header ?? specs.find((s) => s.field === field)?.header ?? field;
  const messages: Message[] = [];
  const records = table.rows.map((tableRow): RowRecord<ItemOf[K]> => {
    const cells: Record<string, CellValue | undefined> = {};
    const values: Record<string, unknown> = {};
    let readIssues: Map<string, ReadIssue> | undefined;
    for (const { field, key, rule } of fields) {
      const cell = tableRow.cells[key];
      cells[field] = cell;
      const value = rule.read(cell);
      if (value instanceof Unreadable) (readIssues ??= new Map()).set(field, value.issue);
      values[field] = value instanceof Unreadable ? value.text : value;
    }
    const source: Source = { ...place, row: tableRow.row };
    const at = (field: string): Place => {
      const column = byField.get(field);
      return { ...place, row: tableRow.row, column: headerOf(field), ...(column ? { cell: `${column.letter}${tableRow.row}` } : {}) };
    };

    const result = schema.safeParse(values);
    if (result.success && !readIssues) {
      for (const { field, rule } of fields) if (rule.isDate && !plausibleDate(values[field])) messages.push(implausibleDate(values[field] as string, at(field), cells[field]));
      return { source, cells, at, item: Object.assign(result.data, { source }) as ItemOf[K] };
    }
    const report = (ruleId: string, reason: string, field: string) => {
      const cell = cells[field];
      const rule = rules[field];
      messages.push(
        message('error', ruleId, reason, {
          ...at(field),
          ...(isEmpty(cell) ? {} : { actual: cellText(cell) }),
          ...(rule ? { expected: rule.expected } : {}),
        }),
      );
    };
    for (const [field, issue] of readIssues ?? []) report(issue.rule, readReason(issue.rule, headerOf(field), issue.unknown), field);
    // A cell that could not be read is reported once, for what made it unreadable.
    for (const issue of result.error?.issues ?? []) {
      const field = String(issue.path[0] ?? '');
      if (readIssues?.has(field)) continue;
      const rule = rules[field];
      const header = headerOf(field);
      const translated = rule
        ? translateIssue(issue, { kind: 'cell', header }, !isEmpty(cells[field]), rule.unknownRule)
        : { ruleId: 'ongeldige-waarde', reason: readReason('ongeldige-waarde', header) };
      report(translated.ruleId, translated.reason, field);
    }
    return { source, cells, at };
  });
  return { kind: table.kind, records, messages, fatal: false };
}
