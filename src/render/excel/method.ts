/**
 * Methode: the method the analysis was computed with (scales, class matrix, credit per status,
 * indicators and weights, the class colours), and whether it is the default method.
 */
import { MEASURE_STATUSES, type Method } from '../../model.js';
import { isDefaultMethod } from '../../score/method.js';
import { NUM } from './format.js';
import { SheetCursor } from './layout.js';
import type { NewSheet } from './table.js';
import { writeLegend, writeMatrix, matrixClass } from './matrix.js';

const FORMULAS = [
  'Voortgangsaandeel van een maatregel (het deel van de verwachte reductie dat zij heeft verdiend): volgens de tabel hierboven; "voortgang" betekent Voortgang / 100.',
  'Kans actueel = max(1, kans bruto − Σ voortgangsaandeel × Kansreductie); Impact actueel = max(1, impact bruto − Σ voortgangsaandeel × Impactreductie).',
  'Score = kans × impact (1 tot en met 25). Streef: elke maatregel die niet geannuleerd is telt met voortgangsaandeel 1.',
  'Klasse: uit de matrix bij afgeronde kans en impact (half naar boven).',
  "Indicatorscore = 100 × (1 − Σ score actueel / (25 × n)) over de n risico's die de indicator noemen en niet gesloten zijn.",
  'Een maatregel is te laat als de streefdatum vóór de peildatum ligt en de status gepland, in uitvoering of vertraagd is.',
];

export function addMethodSheet(newSheet: NewSheet, method: Method): void {
  const sheet = newSheet('Methode');
  sheet.columns = [{ width: 26 }, { width: 24 }, { width: 24 }, { width: 16 }, { width: 16 }, { width: 16 }];
  const cursor = new SheetCursor(sheet)
    .title(`Methode: ${method.naam}`)
    .line(['Standaardmethode', isDefaultMethod(method) ? 'ja' : 'nee'])
    .heading('Schalen')
    .header(['Waarde', 'Kans', 'Impact']);
  for (const value of [1, 2, 3, 4, 5]) cursor.line([value, method.schalen.kans[value - 1] ?? null, method.schalen.impact[value - 1] ?? null]);
  cursor.heading('Klassenmatrix');
  writeMatrix(cursor, method, (kans, impact) => matrixClass(method, kans, impact));
  cursor.heading('Voortgangsaandeel per status').header(['Status', 'Voortgangsaandeel']);
  for (const status of MEASURE_STATUSES) {
    const credit = method.credit[status];
    cursor.line([status, credit === 'voortgang' ? 'voortgang' : { value: credit, numFmt: NUM.twoDecimals }]);
  }
  cursor.heading('Indicatoren').header(['Code', 'Indicator', 'Gewicht']);
  for (const { code, naam } of method.indicatoren) cursor.line([code, naam, method.gewichten[code] ?? 1]);
  writeLegend(cursor);
  cursor.heading('Rekenregels');
  for (const formula of FORMULAS) cursor.line([formula]);
  sheet.commit();
}
