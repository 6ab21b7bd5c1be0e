/** Datakwaliteit: every message of ingest and validation, located, in the order of the run's output. */
import { SEVERITY_LABEL, sortMessages, type Message } from '../../messages.js';
import { LATE_COLOR, WARNING_COLOR } from './format.js';
import { addTableSheet, type NewSheet, type TableColumn } from './table.js';


const columns: TableColumn<Message>[] = [
  { header: 'Bestand', value: (m) => m.file },
  { header: 'Blad', value: (m) => m.sheet },
  { header: 'Rij', value: (m) => m.row },
  { header: 'Kolom', value: (m) => m.column },
  { header: 'Cel', value: (m) => m.cell },
  { header: 'Ernst', value: (m) => SEVERITY_LABEL[m.severity] },
  { header: 'Melding', value: (m) => m.reason },
  { header: 'Gevonden', value: (m) => m.actual },
  { header: 'Verwacht', value: (m) => m.expected },
  { header: 'Regel', value: (m) => m.ruleId },
];

export function addQualitySheet(newSheet: NewSheet, messages: readonly Message[]): void {
  addTableSheet(newSheet, 'Datakwaliteit', columns, sortMessages(messages), {
    highlightValues: [
      { header: 'Ernst', value: SEVERITY_LABEL.error, argb: LATE_COLOR },
      { header: 'Ernst', value: SEVERITY_LABEL.warning, argb: WARNING_COLOR },
    ],
  });
}
