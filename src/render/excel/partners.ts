/**
 * Ketenpartners: per co-user or supplier, how many risks (not gesloten) affect it per actueel
 * class, and which.
 */
import type { ScoredRisk } from '../../analysis.js';
import { CLASSES, type RiskClass } from '../../model.js';
import { CLASS_HEADER, NUM } from './format.js';
import { addTableSheet, type NewSheet, type TableColumn } from './table.js';

export interface PartnerRow {
  partner: string;
  perKlasse: Record<RiskClass, number>;
  risicos: string[];
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** One row per partner, sorted by name; risks in register order. */
export function partnerRows(risks: readonly ScoredRisk[]): PartnerRow[] {
  const rows = new Map<string, PartnerRow>();
  for (const risk of risks) {
    if (risk.status === 'gesloten') continue;
    for (const partner of new Set(risk.ketenpartners)) {
      let row = rows.get(partner);
      if (!row) {
        row = { partner, perKlasse: { laag: 0, midden: 0, hoog: 0, 'zeer hoog': 0 }, risicos: [] };
        rows.set(partner, row);
      }
      row.perKlasse[risk.actueel.klasse]++;
      row.risicos.push(risk.id);
    }
  }
  return [...rows.values()].sort((a, b) => collator.compare(a.partner, b.partner) || (a.partner < b.partner ? -1 : a.partner > b.partner ? 1 : 0));
}

const columns: TableColumn<PartnerRow>[] = [
  { header: 'Ketenpartner', value: (p) => p.partner },
  ...CLASSES.map((klasse): TableColumn<PartnerRow> => ({ header: CLASS_HEADER[klasse], value: (p) => p.perKlasse[klasse], numFmt: NUM.integer })),
  { header: 'Totaal', value: (p) => p.risicos.length, numFmt: NUM.integer },
  { header: "Risico's (niet gesloten)", value: (p) => p.risicos.join(', ') },
];

export function addPartnerSheet(newSheet: NewSheet, risks: readonly ScoredRisk[]): void {
  addTableSheet(newSheet, 'Ketenpartners', columns, partnerRows(risks), { freezeColumns: 1 });
}
