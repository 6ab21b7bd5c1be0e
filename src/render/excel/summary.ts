/**
 * Samenvatting (the key figures on one page, indicator scores beside last year's) and Indicatoren
 * (the indicator table with counts per class).
 */
import type { Analysis, IndicatorResult } from '../../analysis.js';
import { summarize, type Message } from '../../messages.js';
import { CLASSES } from '../../model.js';
import { CLASS_COLOR, CLASS_HEADER, NUM, excelDate } from './format.js';
import { SheetCursor } from './layout.js';
import { isDefaultMethod } from '../../score/method.js';
import { addTableSheet, type NewSheet, type TableColumn } from './table.js';
import { counts } from '../../score/totals.js';
import { shownChange } from '../format.js';

export interface SummaryContext {
  title: string;
  levelLabel: string;
  toolVersion: string;
  dataQuality: readonly Message[];
}

export function addSummarySheet(newSheet: NewSheet, analysis: Analysis, ctx: SummaryContext): void {
  const sheet = newSheet('Samenvatting');
  sheet.columns = [{ width: 34 }, { width: 30 }, { width: 12 }, { width: 12 }, { width: 13 }, { width: 15 }];
  const { totals } = analysis;
  // The counts over the data the analysis was scored on: every item with scoregrondslag alle.
  const n = totals.aantallen ?? counts(analysis);
  const cursor = new SheetCursor(sheet).title(ctx.title).line(['Rubricering', ctx.levelLabel]);
  const decision = analysis.rubriceringBesluit;
  if (decision?.vastgesteldDoor) cursor.line(['Rubricering vastgesteld door', decision.vastgesteldDoor]);
  if (decision?.vervalt) cursor.line(['Rubricering vervalt op', { value: excelDate(decision.vervalt), numFmt: NUM.date }]);
  cursor
    .heading('Kerncijfers')
    .line(['Jaar', analysis.jaar])
    .line(['Peildatum', { value: excelDate(analysis.peildatum), numFmt: NUM.date }])
    .line(['Organisatie', analysis.organisatie])
    .line(['Netwerk', analysis.netwerk])
    .line(['Methode', `${analysis.methode.naam}${isDefaultMethod(analysis.methode) ? ' (standaardmethode)' : ' (aangepaste methode)'}`])
    .line(["Aantal risico's", n.risicos])
    .line(['Aantal maatregelen', n.maatregelen])
    .line(['Maatregelen te laat', totals.maatregelenTeLaat])
    .line(['Kosten structureel (M€ per jaar)', { value: totals.kostenStructureel, numFmt: NUM.money }])
    .line(['Kosten eenmalig (M€)', { value: totals.kostenEenmalig, numFmt: NUM.money }])
    .line(['Totaalscore (0-100)', totals.totaalScore === null ? 'geen score' : { value: totals.totaalScore, numFmt: NUM.oneDecimal }])
    .line(['Datakwaliteit', summarize(ctx.dataQuality)])
    .line(['Gemaakt met', `weerbaarheid ${ctx.toolVersion}`])
    .heading("Risico's per klasse")
    .header(['Klasse', 'Bruto', 'Actueel', 'Streef']);
  for (const klasse of CLASSES) {
    const per = totals.risicosPerKlasse;
    cursor.line([{ value: klasse, fill: CLASS_COLOR[klasse] }, per.bruto[klasse] ?? 0, per.actueel[klasse] ?? 0, per.streef[klasse] ?? 0]);
  }
  cursor.heading('Indicatoren').header(['Code', 'Indicator', 'Score', 'Vorig jaar', 'Verandering', "Aantal risico's"]);
  for (const i of analysis.indicators) {
    cursor.line([
      i.code,
      i.naam,
      { value: i.score, numFmt: NUM.oneDecimal },
      { value: i.vorigeScore, numFmt: NUM.oneDecimal },
      { value: shownChange(i.score, i.vorigeScore), numFmt: NUM.change },
      i.aantalRisicos,
    ]);
  }
  const { trend } = analysis;
  if (trend) {
    cursor
      .heading(`Vergelijking met ${trend.vorigJaar}`)
      .line(['Methode vergelijkbaar', trend.methodeVergelijkbaar ? 'ja' : 'nee']);
    for (const verschil of trend.methodeVerschillen) cursor.line(['Verschil in methode', verschil]);
    cursor
      .line(["Nieuwe risico's", n.trend?.nieuweRisicos ?? 0])
      .line(["Gesloten risico's", n.trend?.geslotenRisicos ?? 0])
      .line(['Risico\'s met andere klasse (actueel)', (n.trend?.klasseOmhoog ?? 0) + (n.trend?.klasseOmlaag ?? 0)])
      .line(['Maatregelen nieuw te laat', n.trend?.nieuwTeLaat ?? 0])
      .line([`Maatregelen gereed in ${analysis.jaar}`, n.gereedInJaar]);
  }
  sheet.commit();
}

const indicatorColumns: TableColumn<IndicatorResult>[] = [
  { header: 'Code', value: (i) => i.code },
  { header: 'Indicator', value: (i) => i.naam },
  { header: 'Score', value: (i) => i.score, numFmt: NUM.oneDecimal },
  { header: 'Vorig jaar', value: (i) => i.vorigeScore, numFmt: NUM.oneDecimal },
  // The difference of the scores as shown (one decimal), as in the report: 75,9 → 72,6 is −3,3.
  { header: 'Verandering', value: (i) => shownChange(i.score, i.vorigeScore), numFmt: NUM.change },
  { header: "Aantal risico's", value: (i) => i.aantalRisicos, numFmt: NUM.integer },
  ...CLASSES.map((klasse): TableColumn<IndicatorResult> => ({ header: CLASS_HEADER[klasse], value: (i) => i.perKlasse[klasse] ?? 0, numFmt: NUM.integer })),
  { header: 'Slechtste risico', value: (i) => i.slechtsteRisico },
];

export function addIndicatorSheet(newSheet: NewSheet, analysis: Analysis): void {
  addTableSheet(newSheet, 'Indicatoren', indicatorColumns, analysis.indicators, { freezeColumns: 1 });
}
