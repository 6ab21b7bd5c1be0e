/**
 * The field table: every register field of the input contract, keyed by the domain schema's own
 * fields (the compiler rejects a field the schema lacks or a schema field left out), with its
 * header as the contract writes it, the aliases accepted (compared after normalizeKey), how a cell
 * is read, what the user is told is allowed, and its number format in the workbook. Whether a
 * column is required is the schema's word: a field without default that is not optional.
 * Ingest finds header rows with it, validate reads rows with it, the workbook writes its register
 * sheets with it. Adding a column is one edit here (and one in the schema).
 */
import type { z } from 'zod';
import type { SheetKind } from './ingest/table.js';
import { INCIDENT_KINDS, IncidentSchema, MEASURE_STATUSES, MEASURE_TYPES, MeasureSchema, RISK_STATUSES, RiskSchema, type Method } from './model.js';
import type { NUM } from './render/excel/format.js';
import { choice, date, hours, indicators, level, list, money, percent, reduction, required, scale, text, type FieldRule } from './validate/fields.js';

export interface FieldDef {
  header: string;
  aliases: readonly string[];
  /** Built per sheet (a reader may remember what it has read), with the analysis' method. */
  rule: (method: Method) => FieldRule;
  /** Number format in the workbook's register sheets. */
  excel?: keyof typeof NUM;
}

type Table<S extends z.ZodObject> = { readonly [K in Exclude<keyof S['shape'], 'source'>]: FieldDef };

const field = (header: string, rule: FieldRule | ((method: Method) => FieldRule), aliases: readonly string[], excel?: keyof typeof NUM): FieldDef => ({
  header,
  aliases,
  rule: typeof rule === 'function' ? rule : () => rule,
  ...(excel ? { excel } : {}),
});

const RUBRICERING = field('Rubricering', level, ['classificatie', 'rubriek', 'vertrouwelijkheid']);
const OMSCHRIJVING = field('Omschrijving', text(), ['beschrijving', 'toelichting']);

export const FIELDS = {
  risks: {
    id: field('ID', required, ['risicoid', 'nr', 'nummer', 'code']),
    titel: field('Titel', required, ['naam', 'risico', 'title']),
    omschrijving: OMSCHRIJVING,
    dreigingscategorie: field('Dreigingscategorie', required, ['categorie', 'dreiging', 'dreigingsthema', 'thema']),
    indicatoren: field('Indicatoren', (m) => indicators(m), ['indicator', 'weerbaarheidsindicator', 'weerbaarheidsindicatoren']),
    kans: field('Kans', scale, ['waarschijnlijkheid', 'kansklasse'], 'integer'),
    impact: field('Impact', scale, ['gevolg', 'effect', 'impactklasse'], 'integer'),
    eigenaar: field('Eigenaar', text(), ['risicoeigenaar', 'eigenaarrol']),
    contactpersoon: field('Contactpersoon', text(), ['contact', 'contactpersonen']),
    rubricering: RUBRICERING,
    ketenpartners: field('Ketenpartners', list('namen gescheiden door , of ;'), ['ketenpartner', 'medegebruikers', 'partners', 'afhankelijkheden']),
    status: field('Status', choice(RISK_STATUSES, 'onbekende-status'), ['risicostatus']),
    laatsteBeoordeling: field('Laatste beoordeling', date, ['beoordeeld', 'laatstbeoordeeld', 'beoordelingsdatum', 'datumbeoordeling'], 'date'),
    geaccepteerdDoor: field('Geaccepteerd door', text('een rol (wie het risico heeft geaccepteerd)'), ['acceptatiedoor', 'geaccepteerddoorrol', 'risicoacceptant']),
    geaccepteerdTot: field('Geaccepteerd tot', date, ['acceptatietot', 'geaccepteerdtotdatum', 'acceptatieeinddatum'], 'date'),
  } satisfies Table<typeof RiskSchema>,
  measures: {
    id: field('ID', required, ['maatregelid', 'nr', 'nummer', 'code']),
    titel: field('Titel', required, ['naam', 'maatregel', 'title']),
    omschrijving: OMSCHRIJVING,
    risicos: field("Risico's", list("een of meer risico-ID's, gescheiden door , of ;"), ['risico', 'risicoids', 'risicoid', 'gerelateerderisicos']),
    type: field('Type', choice(MEASURE_TYPES, 'onbekende-waarde'), ['soort', 'internextern']),
    status: field('Status', choice(MEASURE_STATUSES, 'onbekende-status'), ['maatregelstatus']),
    voortgang: field('Voortgang', percent, ['voortgangpercentage', 'percentagegereed', 'voortgangpct'], 'percent'),
    streefdatum: field('Streefdatum', date, ['deadline', 'planningsdatum', 'gepland'], 'date'),
    gereedOp: field('Gereed op', date, ['gereeddatum', 'datumgereed', 'afgerond', 'afgerondop'], 'date'),
    kansreductie: field('Kansreductie', reduction, ['reductiekans'], 'reduction'),
    impactreductie: field('Impactreductie', reduction, ['reductieimpact'], 'reduction'),
    kostenStructureel: field('Kosten structureel (M€)', money, ['kostenstructureel', 'structurelekosten', 'kostenstructureelm', 'structureel'], 'money'),
    kostenEenmalig: field('Kosten eenmalig (M€)', money, ['kosteneenmalig', 'eenmaligekosten', 'kosteneenmaligm', 'eenmalig'], 'money'),
    eigenaar: field('Eigenaar', text(), ['maatregeleigenaar']),
    contactpersoon: field('Contactpersoon', text(), ['contact']),
    rubricering: RUBRICERING,
  } satisfies Table<typeof MeasureSchema>,
  incidents: {
    id: field('ID', required, ['incidentid', 'nr', 'nummer', 'code']),
    soort: field('Soort', choice(INCIDENT_KINDS, 'onbekende-waarde'), ['type', 'incidentofoefening']),
    datum: field('Datum', date, ['datumincident', 'startdatum'], 'date'),
    titel: field('Titel', required, ['naam', 'title']),
    omschrijving: OMSCHRIJVING,
    indicatoren: field('Indicatoren', (m) => indicators(m, 'nul'), ['indicator']),
    hersteltijd: field('Hersteltijd (uur)', hours, ['hersteltijd', 'hersteltijduren', 'duur', 'hersteltijdu'], 'oneDecimal'),
    norm: field('Norm (uur)', hours, ['norm', 'normuren', 'hersteltijdnorm', 'normu'], 'oneDecimal'),
    rubricering: RUBRICERING,
  } satisfies Table<typeof IncidentSchema>,
} as const;

/** The schema each register's rows are checked with. */
export const DOMAIN_SCHEMA = { risks: RiskSchema, measures: MeasureSchema, incidents: IncidentSchema } as const;

export interface ColumnSpec extends FieldDef {
  /** Field name in the domain schema (src/model.ts). */
  field: string;
  /** The schema rejects a row without it. */
  required: boolean;
}

function columnsOf(kind: SheetKind): ColumnSpec[] {
  const shape = DOMAIN_SCHEMA[kind].shape as Record<string, z.ZodType>;
  return Object.entries(FIELDS[kind] as Record<string, FieldDef>).map(([name, def]) => ({ field: name, ...def, required: !shape[name]!.safeParse(undefined).success }));
}

/** Per sheet, the fields in contract order (also the order of the workbook's register sheets). */
export const COLUMNS: Record<SheetKind, readonly ColumnSpec[]> = { risks: columnsOf('risks'), measures: columnsOf('measures'), incidents: columnsOf('incidents') };

/** The rules of one sheet's fields, built afresh for that sheet. */
export function fieldRules(kind: SheetKind, method: Method): Record<string, FieldRule> {
  return Object.fromEntries(COLUMNS[kind].map((c) => [c.field, c.rule(method)]));
}

/** Human name of each sheet kind, for messages (`Risico's`). */
export const SHEET_LABEL: Record<SheetKind, string> = { risks: "Risico's", measures: 'Maatregelen', incidents: 'Incidenten' };
