/**
 * The 5×5 risk matrix: kans rows 5 → 1 from top to bottom, impact columns 1 → 5, each cell filled
 * with the class the method's matrix gives it. Used for the count sheets (Matrix bruto, Matrix
 * actueel) and for the method's own matrix on the Methode sheet.
 */
import type { Analysis } from '../../analysis.js';
import { countMatrix } from '../../score/aggregate.js';
import { CLASSES, type Method, type RiskClass } from '../../model.js';
import { CLASS_COLOR, CLASS_COUNT_FORMAT, CLASS_TEXT_COLOR, HEADER_COLOR } from './format.js';
import { SheetCursor, type BlockCell } from './layout.js';
import type { NewSheet, Plain } from './table.js';

const SCALE = [1, 2, 3, 4, 5] as const;

/** `3 mogelijk`: the scale value and its label. */
const scaleLabel = (labels: readonly string[], value: number): string => `${value} ${labels[value - 1] ?? ''}`;

/** The method's class at a whole Kans and Impact (1-5). */
export function matrixClass(method: Method, kans: number, impact: number): RiskClass {
  const klasse = method.matrix[kans - 1]?.[impact - 1];
  if (!klasse) throw new Error(`Matrix heeft geen cel voor kans ${kans}, impact ${impact}`);
  return klasse;
}

/** Writes the grid at the cursor: a header row with the impact labels, then kans 5 down to 1. */
export function writeMatrix(cursor: SheetCursor, method: Method, cell: (kans: number, impact: number) => Plain): void {
  cursor.header(['Kans \\ Impact', ...SCALE.map((i) => scaleLabel(method.schalen.impact, i))]);
  for (const kans of [...SCALE].reverse()) {
    const label: BlockCell = { value: scaleLabel(method.schalen.kans, kans), bold: true, fill: HEADER_COLOR };
    cursor.line([
      label,
      ...SCALE.map((impact): BlockCell => {
        const klasse = matrixClass(method, kans, impact);
        return { value: cell(kans, impact), fill: CLASS_COLOR[klasse], color: CLASS_TEXT_COLOR[klasse], numFmt: CLASS_COUNT_FORMAT[klasse], center: true };
      }),
    ]);
  }
}

/** The class colours, one class per row. */
export function writeLegend(cursor: SheetCursor): void {
  cursor.heading('Legenda klassen');
  for (const klasse of CLASSES) cursor.line([{ value: klasse, fill: CLASS_COLOR[klasse], color: CLASS_TEXT_COLOR[klasse] }]);
}

export function addMatrixSheet(newSheet: NewSheet, name: string, analysis: Analysis, level: 'bruto' | 'actueel'): void {
  const sheet = newSheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'B2' }] });
  sheet.columns = [{ width: 26 }, ...SCALE.map(() => ({ width: 16 }))];
  const counts = analysis.totals.aantallen?.matrix[level] ?? countMatrix(analysis.risks, level);
  const total = counts.flat().reduce((a, b) => a + b, 0);
  const cursor = new SheetCursor(sheet);
  // An empty cell stays blank, as in the report's matrices: a grid of zeros hides where the risks are.
  writeMatrix(cursor, analysis.methode, (kans, impact) => counts[kans - 1]?.[impact - 1] || null);
  cursor
    .blank()
    .line([`Aantal risico's (${total}, niet gesloten) per ${level} kans en impact, afgerond (half naar boven). Kleur: klasse volgens de matrix van de methode.`]);
  writeLegend(cursor);
  sheet.commit();
}
