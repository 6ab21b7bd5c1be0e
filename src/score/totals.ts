import type { Analysis, Counts, IndicatorResult, ScoredMeasure, ScoredRisk, Totals, Trend } from '../analysis.js';
import { CLASSES, MEASURE_STATUSES, type MeasureStatus, type Method, type RiskClass } from '../model.js';
import { countClasses, totalScore } from './indicators.js';
import { countMatrix, measureCosts } from './aggregate.js';

export const HIGH_CLASSES: readonly RiskClass[] = ['hoog', 'zeer hoog'];
/** Σ credit below this counts as "little or no effect" for a high risk. */
export const LITTLE_CREDIT = 0.5;

export const isOpen = (r: ScoredRisk): boolean => r.status !== 'gesloten';
export const isHigh = (c: RiskClass): boolean => HIGH_CLASSES.includes(c);

type Scored = Pick<Analysis, 'jaar' | 'peildatum' | 'risks' | 'measures' | 'incidents' | 'trend'>;

/** Measures counted as gereedgekomen in the year of the analysis (shared with the workbook). */
export function completedInYear(a: Pick<Analysis, 'jaar' | 'measures'>): ScoredMeasure[] {
  return a.measures.filter((m) => m.status === 'gereed' && m.gereedOp?.startsWith(`${a.jaar}-`));
}

/** "In <jaar>": what is dated in the analysis year up to the peildatum; earlier ones are context only. */
export function inAnalysisYear<T extends { datum: string }>(a: Pick<Analysis, 'jaar' | 'peildatum'>, items: readonly T[]): T[] {
  return items.filter((i) => i.datum.startsWith(`${a.jaar}-`) && i.datum <= a.peildatum);
}

/** The counts every format quotes (see CountsSchema), over the items given. */
export function counts(a: Scored): Counts {
  const open = a.risks.filter(isOpen);
  const highActueel = open.filter((r) => isHigh(r.actueel.klasse));
  const highIds = new Set(highActueel.map((r) => r.id));
  const late = a.measures.filter((m) => m.teLaat);
  const inYear = inAnalysisYear(a, a.incidents);
  const incidents = inYear.filter((i) => i.soort === 'incident');
  const perIndicator: Record<string, number> = {};
  for (const r of highActueel) for (const code of r.indicatoren) perIndicator[code] = (perIndicator[code] ?? 0) + 1;
  return {
    risicos: a.risks.length,
    openRisicos: open.length,
    maatregelen: a.measures.length,
    maatregelenActief: a.measures.filter((m) => m.status !== 'geannuleerd').length,
    hoogBruto: open.filter((r) => isHigh(r.bruto.klasse)).length,
    hoogActueel: highActueel.length,
    zeerHoogActueel: highActueel.filter((r) => r.actueel.klasse === 'zeer hoog').length,
    hoogStreef: open.filter((r) => isHigh(r.streef.klasse)).length,
    teLaatOpHoog: late.filter((m) => m.risicos.some((id) => highIds.has(id))).length,
    langstTeLaat: Math.max(0, ...late.map((m) => m.dagenTeLaat)),
    hoogWeinigEffect: highActueel.filter((r) => r.totaalCredit < LITTLE_CREDIT).length,
    gereedInJaar: completedInYear(a).length,
    incidentenInJaar: incidents.length,
    oefeningenInJaar: inYear.length - incidents.length,
    incidentenBovenNorm: incidents.filter((i) => i.hersteltijd !== undefined && i.norm !== undefined && i.hersteltijd > i.norm).length,
    hoogPerIndicator: perIndicator,
    kostenPerStatus: Object.fromEntries(MEASURE_STATUSES.map((s) => [s, measureCosts(a.measures.filter((m) => m.status === s))])) as Counts['kostenPerStatus'],
    matrix: { bruto: countMatrix(open, 'bruto'), actueel: countMatrix(open, 'actueel'), streef: countMatrix(open, 'streef') },
    dreiging: threats(open),
    trend: a.trend ? trendCounts(a.trend) : null,
  };
}

function threats(open: readonly ScoredRisk[]): Counts['dreiging'] {
  const categories = [...new Set(open.map((r) => r.dreigingscategorie))].sort((x, y) => x.localeCompare(y, 'nl'));
  return categories.map((categorie) => {
    const risks = open.filter((r) => r.dreigingscategorie === categorie);
    const perIndicator: Record<string, number> = {};
    for (const r of risks) for (const code of r.indicatoren) perIndicator[code] = (perIndicator[code] ?? 0) + 1;
    return { categorie, perIndicator, totaal: risks.length, hoog: risks.filter((r) => isHigh(r.actueel.klasse)).length };
  });
}

function trendCounts(t: Trend): NonNullable<Counts['trend']> {
  const rank = (c: RiskClass) => CLASSES.indexOf(c);
  return {
    nieuweRisicos: t.nieuweRisicos.length,
    geslotenRisicos: t.geslotenRisicos.length,
    klasseOmhoog: t.klasseWijzigingen.filter((k) => rank(k.naar) > rank(k.van)).length,
    klasseOmlaag: t.klasseWijzigingen.filter((k) => rank(k.naar) < rank(k.van)).length,
    nieuwTeLaat: t.nieuwTeLaat.length,
    nieuwGereed: t.nieuwGereed.length,
  };
}

/** Register-wide counts and costs. Costs leave out cancelled measures; class counts leave out gesloten risks. */
export function totals(a: Scored, indicators: readonly IndicatorResult[], method: Method): Totals {
  const { risks, measures } = a;
  const perStatus = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
  for (const measure of measures) perStatus[measure.status] += 1;
  const open = risks.filter(isOpen);
  return {
    maatregelenPerStatus: perStatus,
    maatregelenTeLaat: measures.filter((m) => m.teLaat).length,
    ...measureCosts(measures.filter((m) => m.status !== 'geannuleerd')),
    risicosPerKlasse: {
      bruto: countClasses(open.map((r) => r.bruto.klasse)),
      actueel: countClasses(open.map((r) => r.actueel.klasse)),
      streef: countClasses(open.map((r) => r.streef.klasse)),
    },
    totaalScore: totalScore(indicators, method.gewichten),
    aantallen: counts(a),
  };
}
