/**
 * `analyse`: a data folder in, the analysis out. Ingest, validate, score (with last year) and the
 * level view, in that order; located messages throughout. No printing, no exit codes, no writes.
 */
import type { Analysis } from './analysis.js';
import { levelView, type LevelView } from './classify/view.js';
import type { Level } from './classify/levels.js';
import type { Failure } from './failure.js';
import type { InputFile } from './ingest/table.js';
import { loadData, loadPrevious, type PreviousYear } from './load.js';
import { hasErrors, sortMessages, type Message } from './messages.js';
import type { Registers, Settings } from './model.js';
import { AbortedError, stageRunner, type OnProgress } from './progress.js';

export interface AnalyseOptions {
  /** The classification level of the view; default the analysis' own (`rubricering` in analyse.yaml). */
  level?: Level;
  onProgress?: OnProgress;
  signal?: AbortSignal;
}

interface AnalysedCommon {
  /** Every file read (this year's and last year's), paths relative to the data folder. */
  inputs: InputFile[];
  /** Every message of this year and last, sorted by place. */
  messages: Message[];
}

export interface Analysed extends AnalysedCommon {
  ok: true;
  settings: Settings;
  /** The checked registers, every item at every level. */
  registers: Registers;
  previous?: Pick<PreviousYear, 'previous' | 'data'>;
  /** What a report at the chosen level may see. */
  view: LevelView;
}

export interface NotAnalysed extends AnalysedCommon {
  ok: false;
  failure: Failure;
  settings?: Settings;
}

export type AnalyseResult = Analysed | NotAnalysed;

export async function analyse(dataDir: string, options: AnalyseOptions = {}): Promise<AnalyseResult> {
  try {
    return await analyseData(dataDir, options);
  } catch (error) {
    if (error instanceof AbortedError) return { ok: false, failure: { kind: 'aborted' }, inputs: [], messages: [] };
    throw error;
  }
}

async function analyseData(dataDir: string, options: AnalyseOptions): Promise<AnalyseResult> {
  const stage = stageRunner(options.onProgress, options.signal);
  const loaded = await loadData(dataDir, stage);
  const { settings, registers } = loaded;
  // A `vorige` analyse.yaml already rejects (a folder that does not exist) is not read as well.
  const vorigeRejected = loaded.messages.some((m) => m.severity === 'error' && m.file === 'analyse.yaml' && m.column === 'vorige');
  const previous = settings?.vorige && !vorigeRejected ? await loadPrevious(dataDir, settings.vorige, settings.scoregrondslag) : undefined;
  const inputs = [...loaded.inputs, ...(previous?.inputs ?? [])];
  const messages = sortMessages([...loaded.messages, ...(previous?.messages ?? [])]);
  if (!settings || !registers || hasErrors(messages)) return { ok: false, failure: { kind: 'invalid-input' }, settings, inputs, messages };
  const source = { settings, registers, previous: previous && { previous: previous.previous, data: previous.data }, messages };
  const made = await stage('score', () => levelView(source, options.level ?? settings.rubricering), (r) => ('view' in r ? counts(r.view.analysis) : ''));
  if ('failure' in made) return { ok: false, failure: made.failure, settings, inputs, messages };
  return { ok: true, ...source, inputs, view: made.view };
}

function counts(a: Analysis): string {
  return `${a.risks.length} risico's, ${a.measures.length} maatregelen, ${a.incidents.length} incidenten`;
}
