/**
 * The input side of a run: analyse.yaml, the registers and last year's result, each turned into
 * data plus located messages. Shared by `validate` and `generate`.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Analysis } from './analysis.js';
import { AnalysisSchema } from './analysis.js';
import { ingest } from './ingest/index.js';
import type { InputFile } from './ingest/table.js';
import { boundMessages, message, type Message } from './messages.js';
import type { Registers, ScoreBasis, Settings } from './model.js';
import { HISTORY_YEARS } from './score/history.js';
import { score } from './score/index.js';
import { sha256 } from './output/hash.js';
import { loadConfig } from './validate/config.js';
import { validate } from './validate/index.js';

export interface LoadedData {
  settings?: Settings;
  registers?: Registers;
  /** Every file read, paths relative to the data folder (analyse.yaml first). */
  inputs: InputFile[];
  messages: Message[];
}

/** Wraps a step so the caller can time it and show progress; the default just runs it. */
export type StepRunner = <T>(step: 'ingest' | 'validate', work: () => Promise<T> | T, detail?: (result: T) => string) => Promise<T>;
const untimed: StepRunner = async (_step, work) => work();

export async function loadData(dataDir: string, step: StepRunner = untimed): Promise<LoadedData> {
  const config = await loadConfig(dataDir);
  const read = await step('ingest', () => ingest(dataDir), (r) => `${r.tables.reduce((n, t) => n + t.rows.length, 0)} rijen uit ${r.inputs.length} bestanden`);
  const inputs = [...(await hashFile(dataDir, 'analyse.yaml')), ...read.inputs];
  const messages = [...config.messages, ...read.messages];
  const settings = config.settings;
  if (!settings) return { inputs, messages: boundMessages(messages) };
  const checked = await step(
    'validate',
    () => validate(read.tables, settings),
    (c) => `${c.registers.risks.length} risico's, ${c.registers.measures.length} maatregelen, ${c.registers.incidents.length} incidenten`,
  );
  return { settings, registers: checked.registers, inputs, messages: boundMessages([...messages, ...checked.messages]) };
}

/** A data folder's year as the scoring of a later year needs it. */
export interface PreviousData {
  registers: Registers;
  settings: Settings;
  /** The year before, as far as the history reaches: its data folder, or its analysis.json as it is. */
  earlier?: PreviousData | Analysis;
}

/** Last year as this year's scoring needs it. */
export interface PreviousYear {
  /** Its result over all its items: the analysis.json written then, or its data folder scored now. */
  previous?: Analysis;
  /**
   * Its data folder's registers and settings, so that it can be scored over the visible items too
   * (scoregrondslag `zichtbaar`), with the year before it in the same form for the history.
   */
  data?: PreviousData;
  inputs: InputFile[];
  messages: Message[];
}

/**
 * Last year's result: its analysis.json as written then (with the history it carries), or its data
 * folder scored now with its own settings and, through its own `vorige`, the years before it, as far
 * as the history reaches. Paths in messages and inputs stay relative to this year's data folder.
 */
export async function loadPrevious(
  dataDir: string,
  vorige: string,
  /** This year's score basis: an analysis.json scored on another basis is compared with a warning. */
  basis: ScoreBasis = 'alle',
  /** How many years back `vorige` points from the year being generated (1: last year). */
  depth = 1,
): Promise<PreviousYear> {
  const path = resolve(dataDir, vorige);
  const rel = (p: string) => relative(dataDir, join(path, p)).split('\\').join('/');
  const isFile = (await stat(path).catch(() => undefined))?.isFile() ?? false;
  if (isFile) {
    const bytes = await readFile(path);
    const name = relative(dataDir, path).split('\\').join('/');
    const parsed = AnalysisSchema.safeParse(safeJson(bytes.toString('utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        inputs: [],
        messages: [message('error', 'vorige-ongeldig', 'De analyse van vorig jaar is geen geldige analysis.json.', { file: name, column: issue?.path.join('.'), expected: 'een analysis.json zoals weerbaarheid die schrijft' })],
      };
    }
    const otherBasis =
      basis === 'zichtbaar' && parsed.data.scoregrondslag !== 'zichtbaar'
        ? [message('warning', 'vorige-andere-grondslag', 'De scores van vorig jaar in deze analysis.json gaan over alle gegevens, die van dit jaar alleen over wat op dit niveau zichtbaar is; de verandering per indicator vergelijkt dus ongelijke grondslagen.', { file: name, expected: 'de datamap van vorig jaar als vorige, zodat die op dezelfde grondslag wordt gescoord' })]
        : [];
    return { previous: parsed.data, inputs: [{ path: name, sha256: sha256(bytes), bytes: bytes.length }], messages: otherBasis };
  }
  const loaded = await loadData(path);
  const inputs = loaded.inputs.map((i) => ({ ...i, path: rel(i.path) }));
  // Last year's own `vorige` only feeds the history: when it is missing, the history stops there (see earlierYear).
  const messages = loaded.messages
    .filter((m) => m.severity === 'error' && m.ruleId !== 'vorige-bestaat-niet')
    .map((m) => ({ ...m, file: m.file ? rel(m.file) : rel('.') }));
  if (!loaded.settings || !loaded.registers || messages.length) return { inputs, messages };
  const settings = { ...loaded.settings, vorige: undefined };
  const before = await earlierYear(path, loaded.settings, basis, depth);
  const earlier = before.data ?? before.previous;
  return {
    previous: score(loaded.registers, settings, before.previous ?? null),
    data: { registers: loaded.registers, settings, ...(earlier ? { earlier } : {}) },
    inputs: [...inputs, ...before.inputs.map((i) => ({ ...i, path: rel(i.path) }))],
    messages: before.messages.map((m) => ({ ...m, file: m.file ? rel(m.file) : rel('.') })),
  };
}

/**
 * The year before a data folder of an earlier year, for the history only: past HISTORY_YEARS it is
 * not read, and when it cannot be read the history stops there with a warning (that year's own
 * report had to deal with its errors; they do not stop this one).
 */
async function earlierYear(dir: string, settings: Settings, basis: ScoreBasis, depth: number): Promise<PreviousYear> {
  if (!settings.vorige || depth >= HISTORY_YEARS) return { inputs: [], messages: [] };
  const found = await loadPrevious(dir, settings.vorige, basis, depth + 1);
  if (found.previous) return found;
  const stop = message('warning', 'historie-onvolledig', `De historie gaat niet verder terug dan ${settings.jaar}: de analyse van het jaar daarvoor (vorige: ${settings.vorige}) is niet te lezen.`, {
    file: 'analyse.yaml',
    expected: 'een leesbare datamap of analysis.json als vorige, of geen vorige',
  });
  return { inputs: found.inputs, messages: [stop] };
}

async function hashFile(dir: string, name: string): Promise<InputFile[]> {
  const bytes = await readFile(join(dir, name)).catch(() => undefined);
  return bytes ? [{ path: name, sha256: sha256(bytes), bytes: bytes.length }] : [];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
