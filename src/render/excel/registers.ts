/**
 * The register sheets (Risico's, Maatregelen, Incidenten). Each starts with exactly the input
 * contract's columns, in contract order and with the contract headers, holding the values as an
 * analyst types them; the computed columns follow. Dropped into a data folder, the workbook reads
 * back as the same registers.
 */
import type ExcelJS from 'exceljs';
import type { Analysis, ScoredMeasure, ScoredRisk } from '../../analysis.js';
import { LEVEL_LABEL } from '../../classify/levels.js';
import { COLUMNS, SHEET_LABEL } from '../../columns.js';
import type { SheetKind } from '../../ingest/table.js';
import { INCIDENT_KINDS, MEASURE_STATUSES, MEASURE_TYPES, RISK_STATUSES, type Method } from '../../model.js';
import { LATE_COLOR, NUM, excelDate } from './format.js';
import { columnLetter } from '../../text/column-letter.js';
import { addTableSheet, codesValidation, listValidation, rangeValidation, type NewSheet, type Plain, type TableColumn } from './table.js';

type Incident = Analysis['incidents'][number];

/** How one contract field is written: its value as typed, and optionally a validation (its number format is the field table's). */
interface FieldSpec<T> {
  value: (item: T) => Plain | undefined;
  validation?: ExcelJS.DataValidation;
}

const date = (iso: string | undefined): Date | null => (iso ? excelDate(iso) : null);
const yesNo = (flag: boolean): string => (flag ? 'ja' : 'nee');
/** Lists as analysts type them (the contract accepts `,` and `;`): codes with a comma, names with a semicolon. */
const codes = (list: readonly string[]): string => list.join(', ');
const names = (list: readonly string[]): string => list.join('; ');

const LEVEL_NAMES = Object.values(LEVEL_LABEL);
const rubricering = <T extends { rubricering: keyof typeof LEVEL_LABEL }>(): FieldSpec<T> => ({
  value: (item) => LEVEL_LABEL[item.rubricering],
  validation: listValidation(LEVEL_NAMES, 'Rubricering van dit item (VIR-BI).'),
});
const money = (prompt: string): Pick<FieldSpec<unknown>, 'validation'> => ({ validation: rangeValidation('decimal', 0, undefined, prompt) });
const indicatorList = (method: Method, kind: SheetKind) =>
  codesValidation(
    method.indicatoren.map((i) => i.code.toUpperCase()),
    'Een of meer indicatorcodes, gescheiden door een komma.',
    `${columnLetter(COLUMNS[kind].findIndex((c) => c.field === 'indicatoren'))}2`,
  );

/** The contract columns of `kind`, in the field table's order with its headers and formats; a field without a spec is a programming error. */
function contractColumns<T>(kind: SheetKind, specs: Record<string, FieldSpec<T>>): TableColumn<T>[] {
  return COLUMNS[kind].map((column) => {
    const spec = specs[column.field];
    if (!spec) throw new Error(`Geen waarde voor kolom ${column.header} van ${SHEET_LABEL[kind]}`);
    return { header: column.header, ...(column.excel ? { numFmt: NUM[column.excel] } : {}), ...spec };
  });
}

export function riskColumns(method: Method): TableColumn<ScoredRisk>[] {
  const scale = (name: string) => rangeValidation('whole', 1, 5, `${name} bruto: een geheel getal van 1 tot en met 5.`);
  const contract = contractColumns<ScoredRisk>('risks', {
    id: { value: (r) => r.id },
    titel: { value: (r) => r.titel },
    omschrijving: { value: (r) => r.omschrijving },
    dreigingscategorie: { value: (r) => r.dreigingscategorie },
    indicatoren: { value: (r) => codes(r.indicatoren), validation: indicatorList(method, 'risks') },
    kans: { value: (r) => r.bruto.kans, validation: scale('Kans') },
    impact: { value: (r) => r.bruto.impact, validation: scale('Impact') },
    eigenaar: { value: (r) => r.eigenaar },
    contactpersoon: { value: (r) => r.contactpersoon },
    rubricering: rubricering(),
    ketenpartners: { value: (r) => names(r.ketenpartners) },
    status: { value: (r) => r.status, validation: listValidation(RISK_STATUSES, 'Status van het risico.') },
    laatsteBeoordeling: { value: (r) => date(r.laatsteBeoordeling) },
    geaccepteerdDoor: { value: (r) => r.geaccepteerdDoor },
    geaccepteerdTot: { value: (r) => date(r.geaccepteerdTot) },
  });
  const computed: TableColumn<ScoredRisk>[] = [
    { header: 'Bruto score', value: (r) => r.bruto.score, numFmt: NUM.oneDecimal },
    { header: 'Bruto klasse', value: (r) => r.bruto.klasse, classColors: true },
    ...(['actueel', 'streef'] as const).flatMap((level): TableColumn<ScoredRisk>[] => {
      const label = level === 'actueel' ? 'Actueel' : 'Streef';
      return [
        { header: `${label} kans`, value: (r) => r[level].kans, numFmt: NUM.twoDecimals },
        { header: `${label} impact`, value: (r) => r[level].impact, numFmt: NUM.twoDecimals },
        { header: `${label} score`, value: (r) => r[level].score, numFmt: NUM.oneDecimal },
        { header: `${label} klasse`, value: (r) => r[level].klasse, classColors: true },
      ];
    }),
    { header: 'Gekoppelde maatregelen', value: (r) => codes(r.maatregelen) },
    { header: 'Som voortgangsaandelen', value: (r) => r.totaalCredit, numFmt: NUM.twoDecimals },
  ];
  return [...contract, ...computed];
}

export function measureColumns(): TableColumn<ScoredMeasure>[] {
  const reduction = (name: string) => ({ validation: rangeValidation('decimal', 0, 4, `${name} in klassen bij volledige uitvoering: 0 tot en met 4.`) });
  const contract = contractColumns<ScoredMeasure>('measures', {
    id: { value: (m) => m.id },
    titel: { value: (m) => m.titel },
    omschrijving: { value: (m) => m.omschrijving },
    risicos: { value: (m) => codes(m.risicos) },
    type: { value: (m) => m.type, validation: listValidation(MEASURE_TYPES, 'Intern of extern.') },
    status: { value: (m) => m.status, validation: listValidation(MEASURE_STATUSES, 'Status van de maatregel.') },
    // Stored as a fraction with a percent format, as Excel keeps a typed 60%; read back as 60.
    voortgang: { value: (m) => (m.voortgang === undefined ? undefined : m.voortgang / 100), validation: { ...rangeValidation('decimal', 0, 1, 'Voortgang als percentage (0% tot en met 100%).'), error: 'Vul een percentage van 0% tot en met 100% in.' } },
    streefdatum: { value: (m) => date(m.streefdatum) },
    gereedOp: { value: (m) => date(m.gereedOp) },
    kansreductie: { value: (m) => m.kansreductie, ...reduction('Kansreductie') },
    impactreductie: { value: (m) => m.impactreductie, ...reduction('Impactreductie') },
    kostenStructureel: { value: (m) => m.kostenStructureel, ...money('Structurele kosten in M€ per jaar.') },
    kostenEenmalig: { value: (m) => m.kostenEenmalig, ...money('Eenmalige kosten in M€.') },
    eigenaar: { value: (m) => m.eigenaar },
    contactpersoon: { value: (m) => m.contactpersoon },
    rubricering: rubricering(),
  });
  const computed: TableColumn<ScoredMeasure>[] = [
    { header: 'Voortgangsaandeel', value: (m) => m.credit, numFmt: NUM.twoDecimals },
    { header: 'Te laat', value: (m) => yesNo(m.teLaat) },
    { header: 'Dagen te laat', value: (m) => m.dagenTeLaat, numFmt: NUM.integer },
    // Empty for gereed and geannuleerd measures, and per M€ also without remaining cost (see score/effect.ts).
    { header: 'Effect', value: (m) => m.effect, numFmt: NUM.twoDecimals },
    { header: 'Restkosten (M€)', value: (m) => m.restkosten, numFmt: NUM.money },
    { header: 'Effect per M€', value: (m) => m.effectPerMEuro, numFmt: NUM.twoDecimals },
  ];
  return [...contract, ...computed];
}

export function incidentColumns(method: Method): TableColumn<Incident>[] {
  const hours = (prompt: string) => ({ validation: rangeValidation('decimal', 0, undefined, prompt) });
  const contract = contractColumns<Incident>('incidents', {
    id: { value: (i) => i.id },
    soort: { value: (i) => i.soort, validation: listValidation(INCIDENT_KINDS, 'Incident of oefening.') },
    datum: { value: (i) => date(i.datum) },
    titel: { value: (i) => i.titel },
    omschrijving: { value: (i) => i.omschrijving },
    indicatoren: { value: (i) => codes(i.indicatoren), validation: indicatorList(method, 'incidents') },
    hersteltijd: { value: (i) => i.hersteltijd, ...hours('Hersteltijd in uren.') },
    norm: { value: (i) => i.norm, ...hours('Norm voor de hersteltijd in uren.') },
    rubricering: rubricering(),
  });
  const withinNorm = (i: Incident): Plain => (i.hersteltijd === undefined || i.norm === undefined ? null : yesNo(i.hersteltijd <= i.norm));
  return [...contract, { header: 'Binnen norm', value: withinNorm }];
}

export function addRegisterSheets(newSheet: NewSheet, analysis: Analysis): void {
  addTableSheet(newSheet, SHEET_LABEL.risks, riskColumns(analysis.methode), analysis.risks, { freezeColumns: 1 });
  addTableSheet(newSheet, SHEET_LABEL.measures, measureColumns(), analysis.measures, {
    freezeColumns: 1,
    highlightRows: { header: 'Te laat', value: 'ja', argb: LATE_COLOR },
  });
}

export function addIncidentSheet(newSheet: NewSheet, analysis: Analysis): void {
  addTableSheet(newSheet, SHEET_LABEL.incidents, incidentColumns(analysis.methode), analysis.incidents, {
    freezeColumns: 1,
    highlightValues: [{ header: 'Binnen norm', value: 'nee', argb: LATE_COLOR }],
  });
}
