/**
 * Per register field: how a cell is read and what the user is told is allowed. A row is read
 * field by field, then checked by the domain schema of src/model.ts, which stays the one check of
 * range and membership. (The readers run by hand rather than as zod preprocess steps: a plain
 * object schema keeps zod on its fast path, which more than halved the time on large registers.)
 */
import { LEVEL_EXPECTED, parseLevel } from '../classify/levels.js';
import type { CellValue, SheetKind } from '../ingest/table.js';
import {
  INCIDENT_KINDS,
  IncidentSchema,
  MEASURE_STATUSES,
  MEASURE_TYPES,
  MeasureSchema,
  RISK_STATUSES,
  RiskSchema,
  type Method,
} from '../model.js';
import { cellText, isEmpty, keyLookup, parseDate, remember, toChoice, toList, toNumber, toPercent, toText } from './cells.js';

/** A problem found while reading a cell, before the domain schema sees it. */
export interface ReadIssue {
  rule: string;
  /** The list items that were not recognised (indicators). */
  unknown?: string[];
}

/** What a reader returns for a cell it cannot read: the problem, and the cell as text for the schema. */
export class Unreadable {
  constructor(
    readonly issue: ReadIssue,
    readonly text: string,
  ) {}
}

type Reader = (cell: CellValue | undefined) => unknown;

export interface FieldRule {
  read: Reader;
  /** What is allowed, in Dutch, for `expected` in messages. */
  expected: string;
  /** Rule id when the value is not one of a closed list. */
  unknownRule?: string;
  /** The field holds a date, checked for being plausible (see PLAUSIBLE_YEARS). */
  isDate?: boolean;
}

/** Dates of a register of this century: outside these years a date is most likely a typing or reading error. */
export const PLAUSIBLE_YEARS = [1990, 2100] as const;

/** Rule ids of problems found while reading a cell (before the domain schema sees it). */
export const IMPOSSIBLE_DATE = 'onmogelijke-datum';
export const AMBIGUOUS_DATE = 'dubbelzinnige-datum';
export const UNKNOWN_INDICATOR = 'onbekende-indicator';

const orList = (values: readonly string[]) => `${values.slice(0, -1).join(', ')} of ${values.at(-1)}`;

const readDate: Reader = (cell) => {
  if (isEmpty(cell)) return undefined;
  const result = parseDate(cell);
  if (result.ok) return result.iso;
  if (result.ambiguous) return new Unreadable({ rule: AMBIGUOUS_DATE }, cellText(cell));
  return result.impossible ? new Unreadable({ rule: IMPOSSIBLE_DATE }, cellText(cell)) : cellText(cell);
};

function levelReader(): Reader {
  const levelOf = remember(parseLevel);
  return (cell) => {
    const text = toText(cell);
    return typeof text === 'string' ? (levelOf(text) ?? text) : text;
  };
}

/** Indicators are written as code or name; stored as the code of the method. */
function indicatorReader(method: Method): Reader {
  const lookup = keyLookup(method.indicatoren.flatMap((i) => [[i.code, i.code] as const, [i.naam, i.code] as const]));
  return (cell) => {
    const items = toList(cell);
    if (!Array.isArray(items)) return items;
    const codes = items.map(lookup);
    const unknown = items.filter((_, i) => codes[i] === undefined);
    return unknown.length ? new Unreadable({ rule: UNKNOWN_INDICATOR, unknown }, cellText(cell)) : codes;
  };
}

const text = (expected = 'tekst'): FieldRule => ({ read: toText, expected });
const required = text('een niet-lege tekst');
const date: FieldRule = { read: readDate, expected: 'een bestaande datum als dd-mm-jjjj of jjjj-mm-dd', isDate: true };
const scale: FieldRule = { read: toNumber, expected: 'een geheel getal van 1 tot en met 5' };
const reduction: FieldRule = { read: toNumber, expected: 'een getal van 0 tot en met 4 (decimalen toegestaan)' };
const money: FieldRule = { read: toNumber, expected: 'een bedrag in M€ van 0 of meer' };
const hours: FieldRule = { read: toNumber, expected: 'een aantal uren van 0 of meer' };
const choice = (values: readonly string[], unknownRule: string): FieldRule => ({ read: toChoice(values), expected: orList(values), unknownRule });

/** Built per sheet: the readers remember the texts they have seen, for this sheet only. */
export function fieldRules(kind: SheetKind, method: Method): Record<string, FieldRule> {
  const level: FieldRule = { read: levelReader(), expected: LEVEL_EXPECTED, unknownRule: 'onbekende-rubricering' };
  const codes = method.indicatoren.map((i) => i.code);
  const indicators: FieldRule = {
    read: indicatorReader(method),
    expected: `een of meer indicatoren (${orList(codes)}, of hun naam), gescheiden door , of ;`,
  };
  switch (kind) {
    case 'risks':
      return {
        id: required,
        titel: required,
        omschrijving: text(),
        dreigingscategorie: required,
        indicatoren: indicators,
        kans: scale,
        impact: scale,
        eigenaar: text(),
        contactpersoon: text(),
        rubricering: level,
        ketenpartners: { read: toList, expected: 'namen gescheiden door , of ;' },
        status: choice(RISK_STATUSES, 'onbekende-status'),
        laatsteBeoordeling: date,
        geaccepteerdDoor: text('een rol (wie het risico heeft geaccepteerd)'),
        geaccepteerdTot: date,
      };
    case 'measures':
      return {
        id: required,
        titel: required,
        omschrijving: text(),
        risicos: { read: toList, expected: "een of meer risico-ID's, gescheiden door , of ;" },
        type: choice(MEASURE_TYPES, 'onbekende-waarde'),
        status: choice(MEASURE_STATUSES, 'onbekende-status'),
        voortgang: { read: toPercent, expected: 'een percentage van 0 tot en met 100' },
        streefdatum: date,
        gereedOp: date,
        kansreductie: reduction,
        impactreductie: reduction,
        kostenStructureel: money,
        kostenEenmalig: money,
        eigenaar: text(),
        contactpersoon: text(),
        rubricering: level,
      };
    case 'incidents':
      return {
        id: required,
        soort: choice(INCIDENT_KINDS, 'onbekende-waarde'),
        datum: date,
        titel: required,
        omschrijving: text(),
        indicatoren: { ...indicators, expected: `nul of meer indicatoren (${orList(codes)}, of hun naam), gescheiden door , of ;` },
        hersteltijd: hours,
        norm: hours,
        rubricering: level,
      };
  }
}

export const DOMAIN_SCHEMA = { risks: RiskSchema, measures: MeasureSchema, incidents: IncidentSchema } as const;
