/**
 * Ketenpartners: per co-user or supplier, how many risks (not gesloten) affect it per actueel and
 * streef class, and which. The rows are analysis.ketenpartners as scored (score/partners.ts), in its
 * order: most exposed first, as in the report.
 */
import type { ChainPartner } from '../../analysis.js';
import { CLASSES } from '../../model.js';
import { partnerRiskCount } from '../../score/partners.js';
import { CLASS_HEADER, NUM } from './format.js';
import { addTableSheet, type NewSheet, type TableColumn } from './table.js';

const columns: TableColumn<ChainPartner>[] = [
  { header: 'Ketenpartner', value: (p) => p.naam },
  ...CLASSES.map((klasse): TableColumn<ChainPartner> => ({ header: CLASS_HEADER[klasse], value: (p) => p.perKlasse[klasse], numFmt: NUM.integer })),
  { header: 'Totaal', value: (p) => partnerRiskCount(p), numFmt: NUM.integer },
  ...CLASSES.map((klasse): TableColumn<ChainPartner> => ({ header: `Streef ${CLASS_HEADER[klasse].toLowerCase()}`, value: (p) => p.perKlasseStreef[klasse], numFmt: NUM.integer })),
  { header: 'Slechtste risico', value: (p) => p.slechtsteRisico },
  { header: "Risico's (niet gesloten)", value: (p) => p.risicos.join(', ') },
];

export function addPartnerSheet(newSheet: NewSheet, partners: readonly ChainPartner[]): void {
  addTableSheet(newSheet, 'Ketenpartners', columns, partners, { freezeColumns: 1 });
}
