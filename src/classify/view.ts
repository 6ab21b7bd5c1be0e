/**
 * The level view: what a report at one classification level may see, made in one step and handed
 * to every renderer, every format and the terminal alike. Pure: data in, data out.
 *
 * The score basis decides what the aggregates count: `alle` scores every item (then hides the
 * items above the level), `zichtbaar` scores only the visible ones, last year included.
 */
import type { Analysis } from '../analysis.js';
import type { Failure } from '../failure.js';
import type { PreviousData, PreviousYear } from '../load.js';
import type { Message } from '../messages.js';
import type { Registers, Settings } from '../model.js';
import { score } from '../score/index.js';
import { canRenderAt, filterAnalysis, filterMessages, filterRegisters, onVisibleSheets } from './filter.js';
import { LEVEL_LABEL, type Level } from './levels.js';

export interface LevelView {
  level: Level;
  /** Below the analysis' own level: the report says so. */
  reduced: boolean;
  /** The scored analysis with every item above the level removed. */
  analysis: Analysis;
  /** The warnings and info this level may see (data quality in the report, and on the terminal). */
  messages: Message[];
}

/** What a view is made from: this year's checked data and last year. */
export interface ViewSource {
  settings: Settings;
  registers: Registers;
  previous?: Pick<PreviousYear, 'previous' | 'data'>;
  messages: readonly Message[];
}

export function levelView(source: ViewSource, level: Level): { view: LevelView } | { failure: Failure } {
  const { settings, registers, previous } = source;
  if (!canRenderAt(settings.rubricering, level)) {
    const own = LEVEL_LABEL[settings.rubricering];
    return { failure: { kind: 'usage', message: `Niveau ${LEVEL_LABEL[level]} ligt boven de rubricering van de analyse (${own}); kies ${own} of lager.` } };
  }
  const scored =
    settings.scoregrondslag === 'zichtbaar'
      ? score(filterRegisters(registers, level), settings, visiblePrevious(previous, level))
      : score(registers, settings, previous?.previous ?? null);
  const reduced = level !== settings.rubricering;
  const messages = filterMessages(
    source.messages.filter((m) => m.severity !== 'error'),
    registers,
    level,
  );
  return { view: { level, reduced, analysis: filterAnalysis(scored, level), messages: reduced ? onVisibleSheets(messages, registers, level) : messages } };
}

/** Last year on the same basis: its data folder scored over what this level may see; an analysis.json as it is. */
function visiblePrevious(previous: ViewSource['previous'], level: Level): Analysis | null {
  if (previous?.data) return visibleYear(previous.data, level);
  return previous?.previous ?? null;
}

/** A data folder's year over what this level may see, with the years before it (the history) on the same basis. */
function visibleYear(data: PreviousData, level: Level): Analysis {
  const earlier = data.earlier === undefined ? null : 'registers' in data.earlier ? visibleYear(data.earlier, level) : data.earlier;
  return score(filterRegisters(data.registers, level), data.settings, earlier);
}
