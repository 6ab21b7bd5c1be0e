/**
 * Errors that only show across rows: duplicate IDs, measures naming unknown risks, and Voortgang
 * missing where the credit depends on it. They read the raw cells of every row, valid or not, so a
 * typo elsewhere in a row does not hide them or make a correct reference look unknown.
 */
import { message, type Message } from '../messages.js';
import { MEASURE_STATUSES, type MeasureStatus } from '../model.js';
import { toChoice, toList, toPercent, toText } from './cells.js';
import type { RowRecord } from './rows.js';

const NEEDS_PROGRESS: ReadonlySet<unknown> = new Set<MeasureStatus>(['in uitvoering', 'vertraagd']);

export function idOf(record: RowRecord<unknown>): string | undefined {
  const id = toText(record.cells.id);
  return typeof id === 'string' ? id : undefined;
}

/** The second and later rows with an ID already used in the same register. */
export function duplicateIds(records: readonly RowRecord<unknown>[]): Message[] {
  const first = new Map<string, RowRecord<unknown>>();
  const messages: Message[] = [];
  for (const record of records) {
    const id = idOf(record);
    if (id === undefined) continue;
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, record);
      continue;
    }
    const where =
      earlier.source.file === record.source.file && earlier.source.sheet === record.source.sheet
        ? `rij ${earlier.source.row}`
        : `${earlier.source.file}, blad ${earlier.source.sheet}, rij ${earlier.source.row}`;
    messages.push(
      message('error', 'dubbele-id', `ID ${id} komt twee keer voor: in rij ${record.source.row} en al eerder in ${where}.`, {
        ...record.at('id'),
        actual: id,
        expected: 'een ID die maar één keer voorkomt',
      }),
    );
  }
  return messages;
}

const measureName = (record: RowRecord<unknown>) => {
  const id = idOf(record);
  return id === undefined ? 'Deze maatregel' : `Maatregel ${id}`;
};

/** Every risk ID a measure names must exist in the risk register. */
export function unknownRisks(measures: readonly RowRecord<unknown>[], riskIds: ReadonlySet<string>): Message[] {
  return measures.flatMap((record) => {
    const ids = toList(record.cells.risicos);
    if (!Array.isArray(ids)) return [];
    return ids
      .filter((id) => !riskIds.has(id))
      .map((id) =>
        message('error', 'onbekende-risico-id', `${measureName(record)} noemt risico ${id}, dat niet in het risicoregister staat.`, {
          ...record.at('risicos'),
          actual: id,
          expected: 'een ID uit het risicoregister',
        }),
      );
  });
}

/** Voortgang sets the credit of measures in uitvoering or vertraagd, so it cannot be left empty. */
export function missingProgress(measures: readonly RowRecord<unknown>[]): Message[] {
  const readStatus = toChoice(MEASURE_STATUSES);
  return measures.flatMap((record) => {
    const status = readStatus(record.cells.status);
    if (!NEEDS_PROGRESS.has(status) || toPercent(record.cells.voortgang) !== undefined) return [];
    return [
      message('error', 'voortgang-ontbreekt', `Voortgang is verplicht voor een maatregel met status ${String(status)}.`, {
        ...record.at('voortgang'),
        expected: 'een percentage van 0 tot en met 100',
      }),
    ];
  });
}
