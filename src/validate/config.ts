/**
 * analyse.yaml: read with line numbers kept, labels as analysts write them (`Dep. V.`, `31-12-2025`)
 * turned into their codes, then checked against ConfigSchema. Every problem is located at the
 * line of the offending key, with the key path as the column.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import { LEVEL_EXPECTED, LEVEL_LABEL, parseLevel } from '../classify/levels.js';
import { message, type Message } from '../messages.js';
import { ConfigSchema, type Config, type Settings } from '../model.js';
import { normalizeKey } from '../text/normalize.js';
import { parseDate } from './cells.js';
import { expectedOf, translateIssue } from './issues.js';

export const CONFIG_FILE = 'analyse.yaml';

type Key = string | number;

const DATE_EXPECTED = 'een datum als jjjj-mm-dd of dd-mm-jjjj';

/** Where the zod issue alone would say too little: the rule and expectation per key. */
const KEY_RULES: Record<string, { unknownRule?: string; expected: string }> = {
  rubricering: { unknownRule: 'onbekende-rubricering', expected: LEVEL_EXPECTED },
  'rubricering.niveau': { unknownRule: 'onbekende-rubricering', expected: LEVEL_EXPECTED },
  'rubricering.vervalt': { expected: DATE_EXPECTED },
  peildatum: { expected: DATE_EXPECTED },
  uitgiftedatum: { expected: DATE_EXPECTED },
};

/** The line of the deepest node of `keys` that exists: the key itself, or its nearest parent. */
function lineOf(doc: Document, lines: LineCounter, keys: readonly Key[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      offset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
      node = node.items[key];
      offset = (node as { range?: [number] }).range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function valueAt(root: unknown, keys: readonly Key[]): unknown {
  return keys.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<Key, unknown>)[key] : undefined), root);
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The keys a map in the schema allows, for an unknown key: walks ConfigSchema along `keys` (zod's public `.shape`, `.unwrap()`, `.in` and `.options`). */
function allowedKeys(keys: readonly Key[]): string[] {
  let schema: z.ZodType | undefined = ConfigSchema;
  for (const key of [...keys, undefined]) {
    for (;;) {
      if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault || schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
      else if (schema instanceof z.ZodPipe) schema = schema.in as z.ZodType;
      // A value that is a level or a mapping: the mapping's keys.
      else if (schema instanceof z.ZodUnion) schema = (schema.options as z.ZodType[]).find((option) => option instanceof z.ZodObject);
      else break;
    }
    if (!(schema instanceof z.ZodObject)) return [];
    const shape = schema.shape as Record<string, z.ZodType>;
    if (key === undefined) return Object.keys(shape);
    schema = shape[String(key)];
  }
  return [];
}

const isMapping = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A value no alternative of a union took (`rubricering` as a level or as a mapping): the issues of
 * the alternative it was meant for. A mapping meant the alternative that looked inside it (no
 * issue about the value as a whole but its unknown keys); a plain value, for a key with a closed
 * list of its own, the list it is missing from. Otherwise nothing: the union's own issue says it.
 */
function meantAlternative(issue: z.core.$ZodIssueInvalidUnion, value: unknown, closedList: boolean): z.core.$ZodIssue[] | undefined {
  const atRoot = (i: z.core.$ZodIssue) => i.path.length === 0;
  const meant = issue.errors.filter((alternative) =>
    isMapping(value)
      ? alternative.every((i) => !atRoot(i) || i.code === 'unrecognized_keys')
      : closedList && alternative.length === 1 && alternative[0]!.code === 'invalid_value' && atRoot(alternative[0]!),
  );
  return meant.length === 1 ? meant[0] : undefined;
}

function issueMessages(issue: z.core.$ZodIssue, raw: unknown, locate: (keys: readonly Key[]) => Pick<Message, 'row'>): Message[] {
  const keys = issue.path as Key[];
  const place = (at: readonly Key[]) => ({ file: CONFIG_FILE, ...locate(at), column: at.join('.') });
  if (issue.code === 'invalid_union') {
    const meant = meantAlternative(issue, valueAt(raw, keys), KEY_RULES[keys.join('.')]?.unknownRule !== undefined);
    if (meant) return meant.flatMap((inner) => issueMessages({ ...inner, path: [...keys, ...inner.path] }, raw, locate));
  }
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(keys).join(', ');
    return issue.keys.map((key) =>
      message('error', 'onbekende-sleutel', `De sleutel ${[...keys, key].join('.')} is onbekend.`, { ...place([...keys, key]), actual: key, expected: allowed }),
    );
  }
  const value = valueAt(raw, keys);
  const keyRule = KEY_RULES[keys.join('.')];
  const { ruleId, reason } = translateIssue(issue, { kind: 'key', name: keys.join('.') }, value !== undefined, keyRule?.unknownRule);
  return [
    message('error', ruleId, reason, {
      ...place(keys),
      ...(value === undefined ? {} : { actual: show(value) }),
      expected: keyRule?.expected ?? expectedOf(issue),
    }),
  ];
}

/** One message per line: the parser often reports one slip twice. */
function syntaxMessages(doc: Document, text: string): Message[] {
  const lines = text.split(/\r?\n/);
  const byLine = new Map<number | undefined, Message>();
  for (const error of doc.errors) {
    const line = error.linePos?.[0].line;
    if (byLine.has(line)) continue;
    const reason =
      error.code === 'DUPLICATE_KEY'
        ? 'Een sleutel komt twee keer voor in analyse.yaml.'
        : 'analyse.yaml is geen geldige YAML: controleer inspringing, dubbele punten, haakjes en aanhalingstekens.';
    const actual = line === undefined ? undefined : lines[line - 1];
    byLine.set(
      line,
      message('error', 'yaml-syntaxfout', reason, {
        file: CONFIG_FILE,
        ...(line === undefined ? {} : { row: line }),
        ...(actual ? { actual } : {}),
        expected: 'geldige YAML (sleutel: waarde, per niveau twee spaties ingesprongen)',
      }),
    );
  }
  return [...byLine.values()];
}

/**
 * Aliases (`*naam`) may repeat a node, and nested ones multiply: a few lines can stand for
 * billions of values. yaml stops past this many and the file is refused at its first alias.
 */
export const MAX_ALIASES = 100;

function toPlain(doc: Document, lines: LineCounter): { value: unknown } | { error: Message } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let offset: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0];
        return visit.BREAK;
      },
    });
    return {
      error: message('error', 'te-veel-aliassen', `analyse.yaml herhaalt via aliassen (*naam) te veel waarden; de grens is ${MAX_ALIASES} herhalingen.`, {
        file: CONFIG_FILE,
        ...(offset === undefined ? {} : { row: lines.linePos(offset).line }),
        expected: `hoogstens ${MAX_ALIASES} herhalingen via aliassen; schrijf de waarden uit`,
      }),
    };
  }
}

/**
 * `netwerk` becomes part of every output's file name; a file name has at most 255 bytes, of which
 * the rest of the name takes about sixty.
 */
export const MAX_NETWORK_KEY_BYTES = 120;

function nameMessages(config: Config, locate: (keys: readonly Key[]) => Pick<Message, 'row'>): Message[] {
  if (Buffer.byteLength(normalizeKey(config.netwerk)) <= MAX_NETWORK_KEY_BYTES) return [];
  return [
    message('error', 'waarde-te-lang', 'De waarde van netwerk is te lang: het netwerk komt in de bestandsnamen van het rapport.', {
      file: CONFIG_FILE,
      ...locate(['netwerk']),
      column: 'netwerk',
      actual: config.netwerk.length > 60 ? `${config.netwerk.slice(0, 60)}… (${config.netwerk.length} tekens)` : config.netwerk,
      expected: `een naam van hoogstens ${MAX_NETWORK_KEY_BYTES} letters en cijfers (minder bij niet-Latijnse letters)`,
    }),
  ];
}

/** Labels as analysts write them, turned into what ConfigSchema takes; failures reported here. */
function preprocess(raw: Record<string, unknown>, locate: (keys: readonly Key[]) => Pick<Message, 'row'>): { value: Record<string, unknown>; messages: Message[] } {
  const value = { ...raw };
  const messages: Message[] = [];
  const level = (given: unknown) => (typeof given === 'string' ? (parseLevel(given) ?? given) : given);
  const date = (map: Record<string, unknown>, keys: readonly string[], what: string) => {
    const given = map[keys.at(-1)!];
    if (typeof given !== 'string' && !(given instanceof Date)) return;
    const read = parseDate(given);
    if (read.ok) map[keys.at(-1)!] = read.iso;
    else if (read.impossible) {
      messages.push(message('error', 'onmogelijke-datum', `${what} bestaat niet.`, { file: CONFIG_FILE, ...locate(keys), column: keys.join('.'), actual: show(given), expected: DATE_EXPECTED }));
    }
  };
  if (isMapping(raw.rubricering)) {
    const decision = { ...(raw.rubricering as Record<string, unknown>) };
    decision.niveau = level(decision.niveau);
    date(decision, ['rubricering', 'vervalt'], 'De datum waarop de rubricering vervalt');
    value.rubricering = decision;
  } else value.rubricering = level(raw.rubricering);
  if (typeof raw.status === 'string') value.status = raw.status.trim().toLowerCase();
  date(value, ['peildatum'], 'De peildatum');
  date(value, ['uitgiftedatum'], 'De datum van uitgifte');
  return { value, messages };
}

/**
 * The classification decision against the rest of the file: a lapse date is for a classified
 * level only, and falls after the date of issue (else the cover would mark the report with a
 * classification that had lapsed when it was issued: a slip of the year, most likely).
 */
function decisionMessages(config: Config, locate: (keys: readonly Key[]) => Pick<Message, 'row'>): Message[] {
  const lapses = config.rubriceringBesluit?.vervalt;
  if (lapses === undefined) return [];
  const at = { file: CONFIG_FILE, ...locate(['rubricering', 'vervalt']), column: 'rubricering.vervalt', actual: lapses };
  if (config.rubricering === 'openbaar') {
    return [message('error', 'vervalt-bij-openbaar', 'Openbaar is geen rubricering die kan vervallen.', { ...at, expected: 'geen vervalt bij niveau Openbaar, of een gerubriceerd niveau' })];
  }
  const issued = config.uitgiftedatum ?? config.peildatum ?? `${config.jaar}-12-31`;
  if (lapses > issued) return [];
  return [
    message('error', 'rubricering-vervalt-voor-uitgifte', `De rubricering vervalt op of vóór de datum van uitgifte (${issued}): bij uitgifte zou het rapport al niet meer ${LEVEL_LABEL[config.rubricering]} zijn.`, {
      ...at,
      expected: `een datum na ${issued}, de datum van uitgifte${config.uitgiftedatum === undefined ? ' (standaard de peildatum)' : ''}`,
    }),
  ];
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Read and check `<dataDir>/analyse.yaml`. `settings` is present when the file matches the schema
 * (peildatum filled in); other errors, such as a missing `vorige`, may still be among the messages.
 * `settings.vorige` stays as written, relative to the data folder: the caller resolves it.
 */
export async function loadConfig(dataDir: string): Promise<{ settings?: Settings; messages: Message[] }> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, CONFIG_FILE), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      messages: [
        message(
          'error',
          missing ? 'bestand-ontbreekt' : 'bestand-onleesbaar',
          missing ? 'Het bestand analyse.yaml ontbreekt in de datamap.' : 'Het bestand analyse.yaml kan niet worden gelezen.',
          { file: CONFIG_FILE },
        ),
      ],
    };
  }

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) return { messages: syntaxMessages(doc, text) };
  const locate = (keys: readonly Key[]) => {
    const row = lineOf(doc, lines, keys);
    return row === undefined ? {} : { row };
  };

  const plain = toPlain(doc, lines);
  if ('error' in plain) return { messages: [plain.error] };
  const raw = plain.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      messages: [
        message('error', 'verkeerd-type', 'analyse.yaml bevat geen instellingen als sleutel: waarde.', {
          file: CONFIG_FILE,
          row: 1,
          expected: 'sleutels met waarden, zoals jaar: 2025',
        }),
      ],
    };
  }

  const { value, messages } = preprocess(raw as Record<string, unknown>, locate);
  const reported = new Set(messages.map((m) => m.column));
  const result = ConfigSchema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      for (const m of issueMessages(issue, value, locate)) if (!reported.has(m.column)) messages.push(m);
    }
    return { messages };
  }

  const config = result.data;
  for (const m of [...nameMessages(config, locate), ...decisionMessages(config, locate)]) messages.push(m);
  if (config.vorige !== undefined && !(await exists(path.resolve(dataDir, config.vorige)))) {
    messages.push(
      message('error', 'vorige-bestaat-niet', 'De map of analysis.json van vorig jaar bestaat niet.', {
        file: CONFIG_FILE,
        ...locate(['vorige']),
        column: 'vorige',
        actual: config.vorige,
        expected: 'een bestaande map of analysis.json, gezien vanaf de datamap',
      }),
    );
  }
  return { settings: { ...config, peildatum: config.peildatum ?? `${config.jaar}-12-31` }, messages };
}
