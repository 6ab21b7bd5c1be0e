/**
 * Verklaring: why each indicator score moved since last year (the bridge, as the report shows it:
 * rounded so the parts add up to the change), the scores of the earlier years, and the step that
 * moved each risk's class.
 */
import { BRIDGE_STEPS, type Analysis } from '../../analysis.js';
import { fromTenths, shownBridge, STEP_LABEL } from '../bridge.js';
import { NUM } from './format.js';
import { SheetCursor } from './layout.js';
import type { NewSheet } from './table.js';

const STEP_OF_CHANGE = { herbeoordeling: 'herbeoordeling', maatregelen: 'voortgang van maatregelen', beide: 'beide' } as const;

export function addBridgeSheet(newSheet: NewSheet, analysis: Analysis): void {
  const sheet = newSheet('Verklaring');
  sheet.columns = [{ width: 12 }, { width: 34 }, { width: 14 }, { width: 26 }, { width: 28 }, { width: 24 }, { width: 12 }, { width: 13 }];
  const { trend } = analysis;
  const cursor = new SheetCursor(sheet).title(trend ? `Verklaring van de veranderingen sinds ${trend.vorigJaar}` : 'Verklaring van de veranderingen');
  const one = (value: number) => ({ value: fromTenths(value), numFmt: NUM.oneDecimal });
  const change = (value: number) => ({ value: fromTenths(value), numFmt: NUM.change });
  if (!trend) cursor.line(['Er is geen vergelijking met vorig jaar: de gegevens van vorig jaar zijn niet opgegeven.']);
  else if (!trend.methodeVergelijkbaar) cursor.line([`De scores zijn niet te vergelijken met ${trend.vorigJaar}, omdat de methode is gewijzigd; er is geen verklaring.`]);
  else {
    cursor
      .line(['Afgerond op 0,1 zoals in het rapport: de drie stappen tellen op tot de verandering.'])
      .heading('Verklaring per indicator')
      .header(['Code', 'Indicator', `Score ${trend.vorigJaar}`, ...BRIDGE_STEPS.map((s) => STEP_LABEL[s]), `Score ${analysis.jaar}`, 'Verandering']);
    for (const indicator of analysis.indicators) {
      const b = shownBridge(indicator);
      cursor.line(b ? [b.code, b.naam, one(b.vorige), ...BRIDGE_STEPS.map((s) => change(b.delen[s])), one(b.score), change(b.verandering)] : [indicator.code, indicator.naam, 'geen verklaring: geen score in een van beide jaren']);
    }
  }
  if (analysis.historie.length) {
    cursor.heading('Scores van eerdere jaren').header(['Jaar', 'Methode vergelijkbaar', ...analysis.indicators.map((i) => i.code), 'Totaal']);
    const score = (value: number | null | undefined) => (value === null || value === undefined ? null : { value, numFmt: NUM.oneDecimal });
    for (const h of analysis.historie) cursor.line([h.jaar, h.methodeVergelijkbaar ? 'ja' : 'nee', ...analysis.indicators.map((i) => score(h.indicators[i.code])), score(h.totaalScore)]);
  }
  if (trend?.klasseWijzigingen.length) {
    cursor.heading('Risico\'s met een andere actuele klasse').header(['Risico', 'Van', 'Naar', 'Door']);
    for (const c of trend.klasseWijzigingen) cursor.line([c.id, c.van, c.naar, c.door ? STEP_OF_CHANGE[c.door] : null]);
  }
  sheet.commit();
}
