/**
 * The register columns of the input contract: per sheet, each field's header as the contract
 * writes it and its documented aliases. Ingest uses these to find the header row; validate to map
 * headers to fields and to name missing columns. Matching is by normalizeKey.
 */
import type { SheetKind } from './ingest/table.js';

export interface ColumnSpec {
  /** Field name in the domain schema (src/model.ts). */
  field: string;
  /** Header as the contract writes it (also the header of re-importable output sheets). */
  header: string;
  /** Other accepted headers; compared after normalizeKey. */
  aliases: readonly string[];
  required: boolean;
}

const col = (field: string, header: string, required: boolean, ...aliases: string[]): ColumnSpec => ({ field, header, aliases, required });

export const COLUMNS: Record<SheetKind, readonly ColumnSpec[]> = {
  risks: [
    col('id', 'ID', true, 'risicoid', 'nr', 'nummer', 'code'),
    col('titel', 'Titel', true, 'naam', 'risico', 'title'),
    col('omschrijving', 'Omschrijving', false, 'beschrijving', 'toelichting'),
    col('dreigingscategorie', 'Dreigingscategorie', true, 'categorie', 'dreiging', 'dreigingsthema', 'thema'),
    col('indicatoren', 'Indicatoren', true, 'indicator', 'weerbaarheidsindicator', 'weerbaarheidsindicatoren'),
    col('kans', 'Kans', true, 'waarschijnlijkheid', 'kansklasse'),
    col('impact', 'Impact', true, 'gevolg', 'effect', 'impactklasse'),
    col('eigenaar', 'Eigenaar', false, 'risicoeigenaar', 'eigenaarrol'),
    col('contactpersoon', 'Contactpersoon', false, 'contact', 'contactpersonen'),
    col('rubricering', 'Rubricering', true, 'classificatie', 'rubriek', 'vertrouwelijkheid'),
    col('ketenpartners', 'Ketenpartners', false, 'ketenpartner', 'medegebruikers', 'partners', 'afhankelijkheden'),
    col('status', 'Status', true, 'risicostatus'),
    col('laatsteBeoordeling', 'Laatste beoordeling', false, 'beoordeeld', 'laatstbeoordeeld', 'beoordelingsdatum', 'datumbeoordeling'),
    col('geaccepteerdDoor', 'Geaccepteerd door', false, 'acceptatiedoor', 'geaccepteerddoorrol', 'risicoacceptant'),
    col('geaccepteerdTot', 'Geaccepteerd tot', false, 'acceptatietot', 'geaccepteerdtotdatum', 'acceptatieeinddatum'),
  ],
  measures: [
    col('id', 'ID', true, 'maatregelid', 'nr', 'nummer', 'code'),
    col('titel', 'Titel', true, 'naam', 'maatregel', 'title'),
    col('omschrijving', 'Omschrijving', false, 'beschrijving', 'toelichting'),
    col('risicos', "Risico's", true, 'risico', 'risicoids', 'risicoid', 'gerelateerderisicos'),
    col('type', 'Type', true, 'soort', 'internextern'),
    col('status', 'Status', true, 'maatregelstatus'),
    col('voortgang', 'Voortgang', false, 'voortgangpercentage', 'percentagegereed', 'voortgangpct'),
    col('streefdatum', 'Streefdatum', false, 'deadline', 'planningsdatum', 'gepland'),
    col('gereedOp', 'Gereed op', false, 'gereeddatum', 'datumgereed', 'afgerond', 'afgerondop'),
    col('kansreductie', 'Kansreductie', true, 'reductiekans'),
    col('impactreductie', 'Impactreductie', true, 'reductieimpact'),
    col('kostenStructureel', 'Kosten structureel (M€)', false, 'kostenstructureel', 'structurelekosten', 'kostenstructureelm', 'structureel'),
    col('kostenEenmalig', 'Kosten eenmalig (M€)', false, 'kosteneenmalig', 'eenmaligekosten', 'kosteneenmaligm', 'eenmalig'),
    col('eigenaar', 'Eigenaar', false, 'maatregeleigenaar'),
    col('contactpersoon', 'Contactpersoon', false, 'contact'),
    col('rubricering', 'Rubricering', true, 'classificatie', 'rubriek', 'vertrouwelijkheid'),
  ],
  incidents: [
    col('id', 'ID', true, 'incidentid', 'nr', 'nummer', 'code'),
    col('soort', 'Soort', true, 'type', 'incidentofoefening'),
    col('datum', 'Datum', true, 'datumincident', 'startdatum'),
    col('titel', 'Titel', true, 'naam', 'title'),
    col('omschrijving', 'Omschrijving', false, 'beschrijving', 'toelichting'),
    col('indicatoren', 'Indicatoren', false, 'indicator'),
    col('hersteltijd', 'Hersteltijd (uur)', false, 'hersteltijd', 'hersteltijduren', 'duur', 'hersteltijdu'),
    col('norm', 'Norm (uur)', false, 'norm', 'normuren', 'hersteltijdnorm', 'normu'),
    col('rubricering', 'Rubricering', true, 'classificatie', 'rubriek', 'vertrouwelijkheid'),
  ],
};

/** Human name of each sheet kind, for messages (`Risico's`). */
export const SHEET_LABEL: Record<SheetKind, string> = { risks: "Risico's", measures: 'Maatregelen', incidents: 'Incidenten' };
