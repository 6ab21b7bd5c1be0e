/**
 * Benchmark input: an analyse.yaml and one registers.xlsx of any size, shaped like the sample
 * (title row, merged title, varied cell shapes) and varied like real registers, from a fixed-seed
 * PRNG over the sample's vocabulary. Valid input: every measure names existing risks, Voortgang is
 * present where the status needs it. Written with exceljs' streaming writer, row by row.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { LEVEL_LABEL, type Level } from '../src/classify/levels.js';
import {
  DEFAULT_METHOD,
  INCIDENT_KINDS,
  MEASURE_STATUSES,
  RISK_STATUSES,
  type Incident,
  type Measure,
  type MeasureStatus,
  type Risk,
} from '../src/model.js';
import { addRegisterSheet, incidentCells, measureCells, riskCells, type Shape, type SheetRow } from '../scripts/register-workbook.js';
import { analyseYaml } from '../scripts/make-sample.js';
import { CONTACTS, INCIDENTS_2025, MEASURES_2025, OWNERS, PARTNERS, RISKS_2025 } from '../scripts/sample-content.js';

export interface BenchRegisterOptions {
  risks: number;
  measures: number;
  /** PRNG seed; the same seed writes the same registers. Default 1. */
  seed?: number;
}

/** mulberry32: small, fast, and good enough to vary test data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof prng>;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

/** `count` distinct items, in their original order. */
function some<T>(random: Random, items: readonly T[], count: number): T[] {
  return items.filter(() => random() < count / items.length).slice(0, count);
}

function date(random: Random, year: number): string {
  const month = int(random, 1, 12);
  return `${year}-${String(month).padStart(2, '0')}-${String(int(random, 1, 28)).padStart(2, '0')}`;
}

const CODES = DEFAULT_METHOD.indicatoren.map((i) => i.code);
const PARTNER_NAMES = Object.values(PARTNERS);
/** Mostly low levels, as in real registers. */
const LEVELS: readonly Level[] = ['openbaar', 'openbaar', 'dep-v', 'dep-v', 'dep-v', 'stg-c'];
const REDUCTIONS = [0, 0.5, 1, 1, 1.5, 2];

const idOf = (prefix: string, n: number, width: number) => `${prefix}${String(n).padStart(width, '0')}`;

function shape(random: Random): Shape {
  return { textDates: random() < 0.1, textNumbers: random() < 0.05, percent: random() < 0.3, semicolons: random() < 0.25, richTitle: random() < 0.02, padded: random() < 0.05 };
}

function risk(random: Random, id: string, n: number): Risk {
  const template = pick(random, RISKS_2025);
  const indicatoren = random() < 0.3 ? some(random, CODES, 2) : [pick(random, CODES)];
  return {
    id,
    titel: `${template.titel} (${n})`,
    omschrijving: template.omschrijving,
    dreigingscategorie: template.dreigingscategorie,
    indicatoren: indicatoren.length > 0 ? indicatoren : [pick(random, CODES)],
    kans: int(random, 1, 5),
    impact: int(random, 1, 5),
    eigenaar: pick(random, OWNERS),
    contactpersoon: pick(random, CONTACTS),
    rubricering: pick(random, LEVELS),
    ketenpartners: some(random, PARTNER_NAMES, int(random, 0, 3)),
    status: random() < 0.75 ? 'open' : pick(random, RISK_STATUSES),
    laatsteBeoordeling: date(random, random() < 0.9 ? 2025 : 2024),
  };
}

function measure(random: Random, id: string, n: number, riskIds: () => string[]): Measure {
  const template = pick(random, MEASURES_2025);
  const status: MeasureStatus = pick(random, MEASURE_STATUSES);
  const streefdatum = date(random, int(random, 2025, 2027));
  return {
    id,
    titel: `${template.titel} (${n})`,
    omschrijving: template.omschrijving,
    risicos: riskIds(),
    type: pick(random, ['intern', 'extern'] as const),
    status,
    ...(status === 'in uitvoering' || status === 'vertraagd' ? { voortgang: 5 * int(random, 1, 19) } : {}),
    streefdatum,
    ...(status === 'gereed' && random() < 0.95 ? { gereedOp: date(random, 2025) } : {}),
    kansreductie: pick(random, REDUCTIONS),
    impactreductie: pick(random, REDUCTIONS),
    kostenStructureel: random() < 0.15 ? int(random, 1, 30) / 10 : 0,
    kostenEenmalig: random() < 0.2 ? int(random, 1, 90) / 10 : 0,
    eigenaar: pick(random, OWNERS),
    contactpersoon: pick(random, CONTACTS),
    rubricering: pick(random, LEVELS),
  };
}

function incident(random: Random, id: string): Incident {
  const template = pick(random, INCIDENTS_2025);
  const norm = pick(random, [2, 4, 4, 8]);
  return {
    ...template,
    id,
    soort: pick(random, INCIDENT_KINDS),
    datum: date(random, 2025),
    hersteltijd: int(random, 1, 4 * norm * 2) / 2,
    norm,
    rubricering: pick(random, LEVELS),
  };
}

/** A blank row now and then, as between blocks in a kept register. */
function* rows<T>(count: number, make: (n: number) => T, cells: (item: T) => SheetRow): Generator<SheetRow> {
  for (let n = 1; n <= count; n++) {
    if (n > 1 && n % 250 === 1) yield null;
    yield cells(make(n));
  }
}

export async function writeBenchRegisters(dir: string, opts: BenchRegisterOptions): Promise<void> {
  const random = prng(opts.seed ?? 1);
  const riskWidth = Math.max(3, String(opts.risks).length);
  const riskIds = () => {
    const count = Math.min(opts.risks, int(random, 1, 3));
    return [...new Set(Array.from({ length: count }, () => idOf('NAF-R-', int(random, 1, opts.risks), riskWidth)))];
  };
  const title = (register: string) => `${register} NAFIN 2025 — ${LEVEL_LABEL['dep-v']}`;

  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'analyse.yaml'), analyseYaml(2025));

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'registers.xlsx'), useStyles: true, useSharedStrings: false });
  const sheets = [
    {
      kind: 'risks' as const,
      name: "Risico's",
      title: title('Risicoregister'),
      rows: rows(opts.risks, (n) => risk(random, idOf('NAF-R-', n, riskWidth), n), (r) => riskCells(r, shape(random))),
    },
    {
      kind: 'measures' as const,
      name: 'Maatregelen',
      title: title('Maatregelenregister'),
      rows: rows(
        opts.measures,
        (n) => measure(random, idOf('NAF-M-', n, Math.max(3, String(opts.measures).length)), n, riskIds),
        (m) => measureCells(m, shape(random)),
      ),
    },
    {
      kind: 'incidents' as const,
      name: 'Incidenten',
      title: title('Incidenten en oefeningen'),
      rows: rows(Math.max(6, Math.round(opts.risks / 50)), (n) => incident(random, idOf('NAF-I-', n, 3)), (i) => incidentCells(i, shape(random))),
    },
  ];
  for (const sheet of sheets) addRegisterSheet(workbook, sheet).commit();
  await workbook.commit();
}
