/**
 * Validate: register tables in, domain registers and located messages out. Every problem is
 * reported at once; a sheet stops only when a required column is missing.
 */
import type { SheetKind, Table } from '../ingest/table.js';
import { message, sortMessages, type Message } from '../messages.js';
import type { Registers, Settings } from '../model.js';
import { duplicateIds, idOf, missingProgress, unknownRisks } from './cross.js';
import { checkSheet, type CheckedSheet, type RowRecord } from './rows.js';
import { aboveAnalysisLevel, dataQualityWarnings } from './warnings.js';

export { loadConfig } from './config.js';

const withItem = <T>(records: readonly RowRecord<T>[]) => records.filter((r): r is RowRecord<T> & { item: T } => r.item !== undefined);

export function validate(tables: readonly Table[], settings: Settings): { registers: Registers; messages: Message[] } {
  const sheetsOf = <K extends SheetKind>(kind: K): CheckedSheet<K>[] =>
    tables.filter((t): t is Table & { kind: K } => t.kind === kind).map((t) => checkSheet(t, settings.methode));
  const riskSheets = sheetsOf('risks');
  const measureSheets = sheetsOf('measures');
  const incidentSheets = sheetsOf('incidents');
  const risks = riskSheets.flatMap((s) => s.records);
  const measures = measureSheets.flatMap((s) => s.records);
  const incidents = incidentSheets.flatMap((s) => s.records);

  // Collected with concat, never push(...list): a spread of 100,000 messages overflows the stack.
  let messages: Message[] = [...riskSheets, ...measureSheets, ...incidentSheets].flatMap((s) => s.messages);
  messages = messages.concat(duplicateIds(risks), duplicateIds(measures), duplicateIds(incidents), missingProgress(measures));
  // Without a complete risk register every reference would look unknown.
  if (riskSheets.length && riskSheets.every((s) => !s.fatal)) {
    messages = messages.concat(unknownRisks(measures, new Set(risks.map(idOf).filter((id) => id !== undefined))));
  }
  const validRisks = withItem(risks);
  const validMeasures = withItem(measures);
  messages = messages.concat(
    dataQualityWarnings({
      risks: validRisks,
      measures: validMeasures,
      incidents: withItem(incidents),
      measuresKnown: measureSheets.length > 0 && measureSheets.every((s) => !s.fatal),
      peildatum: settings.peildatum,
    }),
    [validRisks, validMeasures, withItem(incidents)].flatMap((records) => aboveAnalysisLevel(records, settings.rubricering)),
  );

  // A fresh `weerbaarheid init` folder is valid, but there is nothing to report on yet.
  if (riskSheets.length && !risks.length && !measures.length) {
    messages.push(message('warning', 'registers-leeg', "De registers zijn nog leeg: vul de bladen Risico's en Maatregelen (en eventueel Incidenten) in.", { file: tables.find((t) => t.kind === 'risks')?.file }));
  }

  return {
    registers: {
      risks: validRisks.map((r) => r.item),
      measures: validMeasures.map((r) => r.item),
      incidents: withItem(incidents).map((r) => r.item),
    },
    messages: sortMessages(messages),
  };
}
