/**
 * The Excel workbook analysts keep working in: key figures, the explanation of the year's changes, the scored registers (re-importable as
 * next year's registers), matrices, partners, incidents, data quality and the method.
 *
 * Written with exceljs's streaming writer (rows are serialised as they are added, so 30,000 rows stay
 * fast and small) into memory: the bytes go to writeReport with the other files. Nothing depends on
 * the clock: the document dates and every zip entry's timestamp are the peildatum, so two runs give
 * the same bytes.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Analysis } from '../analysis.js';
import type { Message } from '../messages.js';
import { addBridgeSheet } from './excel/bridge.js';
import { stripBidiControls } from '../text/bidi.js';
import { excelDate, xmlText } from './excel/format.js';
import { decisionText } from './format.js';
import { addMatrixSheet } from './excel/matrix.js';
import { addMethodSheet } from './excel/method.js';
import { addPartnerSheet } from './excel/partners.js';
import { addQualitySheet } from './excel/quality.js';
import { addIncidentSheet, addRegisterSheets } from './excel/registers.js';
import { addIndicatorSheet, addSummarySheet } from './excel/summary.js';
import type { NewSheet } from './excel/table.js';

export interface WorkbookContext {
  /** The report's classification as printed (`Departementaal Vertrouwelijk`). */
  levelLabel: string;
  toolVersion: string;
  /** Messages of ingest and validation, for the Datakwaliteit sheet. */
  dataQuality: Message[];
  title: string;
}

/** The sheets, in workbook order. */
export const SHEET_NAMES = [
  'Samenvatting',
  'Indicatoren',
  'Verklaring',
  "Risico's",
  'Maatregelen',
  'Matrix bruto',
  'Matrix actueel',
  'Ketenpartners',
  'Incidenten',
  'Datakwaliteit',
  'Methode',
] as const;

/** The workbook's bytes. */
export async function buildWorkbook(analysis: Analysis, ctx: WorkbookContext): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const peildatum = excelDate(analysis.peildatum);
  // The document dates are constructor options (exceljs types leave them out); set later, exceljs would read the clock first.
  const options = {
    stream: sink,
    useStyles: true,
    // Shared strings make every text cell t="s": never a formula-string cell, and smaller files.
    useSharedStrings: true,
    created: peildatum,
    modified: peildatum,
    creator: `weerbaarheid ${ctx.toolVersion}`,
    lastModifiedBy: 'weerbaarheid',
  };
  const workbook = new (fixedDateWriter(peildatum))(options);
  // The properties hold analyse.yaml's own text, where no `_xHHHH_` escape is read.
  workbook.title = xmlText(ctx.title);
  workbook.subject = xmlText(stripBidiControls(`Jaarlijkse weerbaarheidsanalyse ${analysis.netwerk} ${analysis.jaar}`));
  workbook.keywords = xmlText(stripBidiControls(['weerbaarheidsanalyse', analysis.netwerk, String(analysis.jaar), ctx.levelLabel].join(', ')));
  workbook.category = ctx.levelLabel;
  const decision = decisionText(analysis.rubriceringBesluit);
  workbook.description = xmlText(`Rubricering: ${ctx.levelLabel}${decision ? ` (${decision})` : ''}. Peildatum: ${analysis.peildatum}.`);

  // Printed, every page carries the classification at the top and bottom (`&&` is a literal `&`).
  const level = ctx.levelLabel.replaceAll('&', '&&');
  const newSheet: NewSheet = (name, options = {}) =>
    workbook.addWorksheet(name, {
      ...options,
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      headerFooter: { oddHeader: `&C&B${level}`, oddFooter: `&L${level}&C&A&Rpagina &P van &N` },
    });

  addSummarySheet(newSheet, analysis, ctx);
  addIndicatorSheet(newSheet, analysis);
  addBridgeSheet(newSheet, analysis);
  addRegisterSheets(newSheet, analysis);
  addMatrixSheet(newSheet, 'Matrix bruto', analysis, 'bruto');
  addMatrixSheet(newSheet, 'Matrix actueel', analysis, 'actueel');
  addPartnerSheet(newSheet, analysis.ketenpartners);
  addIncidentSheet(newSheet, analysis);
  addQualitySheet(newSheet, ctx.dataQuality);
  addMethodSheet(newSheet, analysis.methode);
  await workbook.commit();
  return Buffer.concat(chunks);
}

interface Archive {
  append(source: unknown, data: { name: string; date?: Date }): unknown;
}

/**
 * exceljs (4.4.0) writes a print-titles range as `'<sheet>'!$1:$1` without doubling an apostrophe in
 * the sheet name, so `Risico's` gives a broken name; this doubles it, as the OOXML formula syntax wants.
 */
function quotePrintTitles(workbookXml: string): string {
  return workbookXml.replace(/(<definedName name="_xlnm\.Print_Titles"[^>]*>&apos;)(.*?)(&apos;!\$)/g, (_m, open: string, name: string, close: string) => `${open}${name.replaceAll('&apos;', '&apos;&apos;')}${close}`);
}

/**
 * exceljs gives every zip entry the current time and appends the first entries inside its
 * constructor, before a caller can reach the archive. A subclass that intercepts the assignment of
 * `zip` stamps every entry with `date` instead (and mends the print titles, see quotePrintTitles).
 */
function fixedDateWriter(date: Date): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  class FixedDateWriter extends ExcelJS.stream.xlsx.WorkbookWriter {}
  Object.defineProperty(FixedDateWriter.prototype, 'zip', {
    configurable: true,
    set(this: object, archive: Archive) {
      const append = archive.append.bind(archive);
      archive.append = (source, data) => append(data.name === '/xl/workbook.xml' && typeof source === 'string' ? quotePrintTitles(source) : source, { ...data, date });
      Object.defineProperty(this, 'zip', { value: archive, writable: true, configurable: true });
    },
  });
  return FixedDateWriter;
}
