/**
 * Regenerates the sample analysis `data/voorbeeld-2025/`, `data/voorbeeld-2024/` and `data/voorbeeld-2023/` from
 * sample-content.ts. Byte-stable: fixed workbook metadata, fixed zip timestamps, no clock.
 * Run after `npm run build`: `node dist/scripts/make-sample.js [ROOT]` (ROOT defaults to `data`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { LEVEL_LABEL } from '../src/classify/levels.js';
import type { Incident, Measure, Risk } from '../src/model.js';
import { COST_FORMULAS, INCIDENTS_2023, INCIDENTS_2024, INCIDENTS_2025, MEASURES_2023, MEASURES_2024, MEASURES_2025, RISKS_2023, RISKS_2024, RISKS_2025 } from './sample-content.js';
import {
  addRegisterSheet,
  headers,
  incidentCells,
  measureCells,
  riskCells,
  type Cell,
  type Shape,
  type SheetRow,
} from './register-workbook.js';
import { withFixedTimestamps } from './stable-zip.js';

/** The full analysis is at the level of its most sensitive items; lower levels are renderings of it (--level). */
const LEVEL = LEVEL_LABEL['stg-c'];
const SAVED = new Date(Date.UTC(2025, 11, 31, 12, 0, 0));
/** A blank row after every this many data rows, as analysts leave between blocks. */
const BLOCK = 12;

/** Varies cell shapes by row so every shape the contract lists occurs, deterministically. */
function shapeOf(index: number): Shape {
  return {
    textDates: index % 8 === 5,
    textNumbers: index % 11 === 7,
    percent: index % 3 === 0,
    semicolons: index % 4 === 3,
    richTitle: index % 10 === 2,
    padded: index % 7 === 4,
  };
}

function withBlankRows(rows: Cell[][]): SheetRow[] {
  return rows.flatMap((row, index) => (index > 0 && index % BLOCK === 0 ? [null, row] : [row]));
}

/** analyse.yaml of a generated data folder (the sample and the benchmark input). */
export function analyseYaml(jaar: number, vorige?: string): string {
  return [
    `# Jaarlijkse weerbaarheidsanalyse NAFIN ${jaar} (voorbeeldgegevens; personen zijn fictief)`,
    `jaar: ${jaar}`,
    'organisatie: Ministerie van Defensie',
    'netwerk: NAFIN',
    `peildatum: ${jaar}-12-31`,
    // The classification decision (VIR-BI): who set the level and when it lapses, on the cover of the full version.
    'rubricering:',
    `  niveau: ${LEVEL}`,
    `  vervalt: ${jaar + 5}-12-31`,
    '  vastgesteldDoor: Directeur CIO Defensie',
    // Fictional data: the report says so on its cover and in its front matter.
    'voorbeeld: true',
    ...(vorige === undefined ? [] : [`vorige: ${vorige}`]),
    '',
  ].join('\n');
}

interface WorkbookContent {
  jaar: number;
  risks: Risk[];
  measures?: Measure[];
  incidents: Incident[];
}

async function workbook(content: WorkbookContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Risicoanalyse NAFIN';
  wb.lastModifiedBy = 'Risicoanalyse NAFIN';
  wb.created = SAVED;
  wb.modified = SAVED;
  const title = (register: string) => `${register} NAFIN ${content.jaar} — ${LEVEL}`;
  addRegisterSheet(wb, {
    kind: 'risks',
    name: "Risico's",
    title: title('Risicoregister'),
    rows: withBlankRows(content.risks.map((risk, i) => riskCells(risk, shapeOf(i)))),
  });
  if (content.measures) {
    addRegisterSheet(wb, {
      kind: 'measures',
      name: 'Maatregelen',
      title: title('Maatregelenregister'),
      rows: withBlankRows(content.measures.map((m, i) => measureCells(m, shapeOf(i), COST_FORMULAS[m.id]))),
    });
  }
  addRegisterSheet(wb, {
    kind: 'incidents',
    name: 'Incidenten',
    title: title('Incidenten en oefeningen'),
    rows: content.incidents.map((incident, i) => incidentCells(incident, shapeOf(i))),
  });
  return withFixedTimestamps(Buffer.from(await wb.xlsx.writeBuffer()));
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The measures as Dutch Excel saves a sheet "CSV (puntkomma gescheiden)": the title row and blank
 * row too, `;`, dates and decimal commas as displayed, Windows-1252, CRLF.
 */
export function measuresCsv(measures: readonly Measure[], title: string): Buffer {
  const names = headers('measures');
  const pad = (cells: string[]) => [...cells, ...Array<string>(names.length - cells.length).fill('')];
  const text = (cell: Cell) => (cell === null ? '' : String(cell));
  const lines = [
    pad([title]),
    pad([]),
    names,
    ...measures.map((m, i) => measureCells(m, { textDates: true, textNumbers: true, semicolons: i % 4 === 3 }).map(text)),
  ];
  return iconv.encode(lines.map((line) => line.map(csvField).join(';')).join('\r\n') + '\r\n', 'win1252');
}

/** Writes the three sample folders under `root`: 2025 points at 2024, 2024 at 2023. */
export async function makeSample(root: string): Promise<void> {
  const dir2025 = path.join(root, 'voorbeeld-2025');
  const dir2024 = path.join(root, 'voorbeeld-2024');
  const dir2023 = path.join(root, 'voorbeeld-2023');
  for (const dir of [dir2025, dir2024, dir2023]) await mkdir(dir, { recursive: true });

  await writeFile(path.join(dir2025, 'analyse.yaml'), analyseYaml(2025, '../voorbeeld-2024'));
  await writeFile(
    path.join(dir2025, 'registers.xlsx'),
    await workbook({ jaar: 2025, risks: RISKS_2025, measures: MEASURES_2025, incidents: INCIDENTS_2025 }),
  );

  await writeFile(path.join(dir2024, 'analyse.yaml'), analyseYaml(2024, '../voorbeeld-2023'));
  await writeFile(path.join(dir2024, 'registers.xlsx'), await workbook({ jaar: 2024, risks: RISKS_2024, incidents: INCIDENTS_2024 }));
  await writeFile(path.join(dir2024, 'maatregelen.csv'), measuresCsv(MEASURES_2024, `Maatregelenregister NAFIN 2024 — ${LEVEL}`));

  await writeFile(path.join(dir2023, 'analyse.yaml'), analyseYaml(2023));
  await writeFile(path.join(dir2023, 'registers.xlsx'), await workbook({ jaar: 2023, risks: RISKS_2023, measures: MEASURES_2023, incidents: INCIDENTS_2023 }));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await makeSample(process.argv[2] ?? 'data');
}
