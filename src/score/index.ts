/**
 * The scoring core: registers and settings in, the Analysis (analysis.json) out. Pure: no I/O, no
 * clock, inputs left untouched. The method is documented in docs/methode.md.
 */
import type { Analysis } from '../analysis.js';
import type { Registers, Settings } from '../model.js';
import { measureCredit } from './credit.js';
import { measureEffects } from './effect.js';
import { scoredMeasure } from './fields.js';
import { scoreIndicators } from './indicators.js';
import { history } from './history.js';
import { lateness } from './late.js';
import { chainPartners } from './partners.js';
import { scoreRisks } from './risks.js';
import { totals } from './totals.js';
import { compare } from './trend.js';

export { isDefaultMethod, methodDifferences } from './method.js';

/** Score this year's registers; with `previous` (last year's analysis.json) also the trend. */
export function score(registers: Registers, settings: Settings, previous?: Analysis | null): Analysis {
  const methode = settings.methode;
  const credits = registers.measures.map((m) => measureCredit(m, methode.credit));
  const risks = scoreRisks(registers.risks, registers.measures, credits, methode);
  const effects = measureEffects(registers.measures, credits, risks, methode);
  const measures = registers.measures.map((measure, i) => scoredMeasure(measure, { credit: credits[i] ?? 0, ...lateness(measure, settings.peildatum), ...effects[i]! }));
  const incidents = registers.incidents.map(({ source: _source, ...rest }) => rest);
  const current = {
    jaar: settings.jaar,
    peildatum: settings.peildatum,
    rubricering: settings.rubricering,
    ...(settings.rubriceringBesluit && { rubriceringBesluit: settings.rubriceringBesluit }),
    organisatie: settings.organisatie,
    uitgave: { status: settings.status, uitgevendeEenheid: settings.uitgevendeEenheid ?? null, uitgiftedatum: settings.uitgiftedatum ?? settings.peildatum },
    netwerk: settings.netwerk,
    scoregrondslag: settings.scoregrondslag,
    methode,
    risks,
    measures,
    incidents,
    indicators: scoreIndicators(risks, methode),
    ketenpartners: chainPartners(risks, settings.ketenpartners),
  };
  const { indicators, trend } = compare(current, previous);
  return { ...current, indicators, totals: totals({ ...current, trend }, indicators, methode), trend, historie: history(previous, methode) };
}
