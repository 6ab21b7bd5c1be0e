/**
 * Ketenpartners: per co-user or supplier, how many risks (not gesloten) affect it per actueel
 * class, and which.
 */
import type { ScoredRisk } from '../../analysis.js';
import { CLASSES } from '../../model.js';
import { partnerRows, type PartnerRow } from '../../score/aggregate.js';
import { CLASS_HEADER, NUM } from './format.js';
import { addTableSheet, type NewSheet, type TableColumn } from './table.js';

const columns: TableColumn<PartnerRow>[] = [
  { header: 'Ketenpartner', value: (p) => p.partner },
  ...CLASSES.map((klasse): TableColumn<PartnerRow> => ({ header: CLASS_HEADER[klasse], value: (p) => p.perKlasse[klasse], numFmt: NUM.integer })),
  { header: 'Totaal', value: (p) => p.risicos.length, numFmt: NUM.integer },
  { header: "Risico's (niet gesloten)", value: (p) => p.risicos.join(', ') },
];

export function addPartnerSheet(newSheet: NewSheet, risks: readonly ScoredRisk[]): void {
  addTableSheet(newSheet, 'Ketenpartners', columns, partnerRows(risks), { freezeColumns: 1 });
}
