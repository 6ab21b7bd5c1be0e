/**
 * Rendering for a classification level: every item above the level is removed, with every reference
 * to it, before any template, chart, workbook or JSON sees the data. Contactpersoon (personal data)
 * is removed below Departementaal Vertrouwelijk. Pure functions: the inputs are never mutated.
 *
 * The rules (also in docs/rubricering.md):
 * - A risk, measure or incident is kept when its rubricering is at or below the level (visibleAt).
 * - A kept measure loses the hidden risk IDs from `risicos`; a measure left naming no visible risk is
 *   removed too, since it would point only at what is hidden (and `risicos` may never be empty).
 * - A kept risk loses the hidden (or removed) measure IDs from `maatregelen`.
 * - Trend lists keep the IDs of visible items. An ID the analysis no longer holds (a risk gone from
 *   this year's register) has no level to check, so it is kept only at the analysis' own level.
 * - Aggregates are left as they are: indicator score, aantalRisicos, perKlasse and brug, the historie, and the totals
 *   (maatregelenPerStatus, risicosPerKlasse, costs, totaalScore). With scoregrondslag 'alle' they
 *   describe all data "op hoofdlijnen" and stay consistent with each other; for 'zichtbaar' the caller
 *   scores filterRegisters(...) instead, so they already cover only the visible items. Only
 *   slechtsteRisico, which names an item, is recomputed over the visible risks when it is hidden.
 * - The classification decision (when the classification lapses, who set it) is the one on the
 *   report at the analysis' own level: a version below it has a level the tool derived, which
 *   nobody set and which lapses on no date of that decision (decisionAt).
 * - The threat table (totals.aantallen.dreiging) keeps its counts, but a category only hidden risks
 *   name is their text: those rows become one row without a name, so the columns still add up.
 * - A chain partner keeps its perKlasse (an aggregate) and only its visible risk IDs; its
 *   slechtsteRisico is the worst visible one. A partner named only by hidden risks is left out: its
 *   name is text of those risks.
 */
import type { Analysis, ChainPartner, Counts, IndicatorResult, ScoredRisk, Trend } from '../analysis.js';
import type { Message } from '../messages.js';
import type { ClassificationDecision, Registers } from '../model.js';
import { worstRisk } from '../score/indicators.js';
import { type Level, showsPersonalData, visibleAt } from './levels.js';

/** A level above the analysis' own cannot be rendered: those items were never meant for it. */
export function canRenderAt(analysisLevel: Level, requested: Level): boolean {
  return visibleAt(requested, analysisLevel);
}

/** The classification decision a version at `level` carries: the analysis' own, at its own level only. */
export function decisionAt(own: { rubricering: Level; rubriceringBesluit?: ClassificationDecision }, level: Level): ClassificationDecision | undefined {
  return level === own.rubricering ? own.rubriceringBesluit : undefined;
}

interface Classified {
  id: string;
  rubricering: Level;
}

interface MeasureLike extends Classified {
  risicos: string[];
  contactpersoon?: string;
}

function withoutPersonalData<T extends { contactpersoon?: string }>(item: T, level: Level): T {
  if (showsPersonalData(level) || !('contactpersoon' in item)) return item;
  const copy = { ...item };
  delete copy.contactpersoon;
  return copy;
}

function idsOf(items: readonly Classified[]): Set<string> {
  return new Set(items.map((item) => item.id));
}

/** Visible measures that still name a visible risk, with only those risk IDs. */
function visibleMeasures<M extends MeasureLike>(measures: readonly M[], visibleRiskIds: ReadonlySet<string>, level: Level): M[] {
  return measures
    .filter((m) => visibleAt(m.rubricering, level))
    .map((m) => ({ ...withoutPersonalData(m, level), risicos: m.risicos.filter((id) => visibleRiskIds.has(id)) }))
    .filter((m) => m.risicos.length > 0);
}

/** The registers as a report at `level` may see them; score the result for scoregrondslag 'zichtbaar'. */
export function filterRegisters(registers: Registers, level: Level): Registers {
  const risks = registers.risks.filter((r) => visibleAt(r.rubricering, level)).map((r) => withoutPersonalData(r, level));
  return {
    risks,
    measures: visibleMeasures(registers.measures, idsOf(risks), level),
    incidents: registers.incidents.filter((i) => visibleAt(i.rubricering, level)),
  };
}

/** The worst visible risk of an indicator: highest actueel score, first in register order on a tie. */
function worstVisibleRisk(indicator: IndicatorResult, risks: readonly ScoredRisk[], visibleRiskIds: ReadonlySet<string>): string | null {
  if (indicator.slechtsteRisico === null || visibleRiskIds.has(indicator.slechtsteRisico)) return indicator.slechtsteRisico;
  let worst: ScoredRisk | undefined;
  for (const risk of risks) {
    if (risk.status === 'gesloten' || !risk.indicatoren.includes(indicator.code)) continue;
    if (worst === undefined || risk.actueel.score > worst.actueel.score) worst = risk;
  }
  return worst?.id ?? null;
}

function visiblePartners(partners: readonly ChainPartner[], risks: readonly ScoredRisk[]): ChainPartner[] {
  const byId = new Map(risks.map((r) => [r.id, r]));
  return partners.flatMap((partner) => {
    const visible = partner.risicos.flatMap((id) => byId.get(id) ?? []);
    if (visible.length === 0) return [];
    const slechtsteRisico = byId.has(partner.slechtsteRisico ?? '') ? partner.slechtsteRisico : worstRisk(visible);
    return [{ ...partner, risicos: visible.map((r) => r.id), slechtsteRisico }];
  });
}

function visibleThreats(rows: Counts['dreiging'], risks: readonly ScoredRisk[]): Counts['dreiging'] {
  const named = new Set(risks.map((r) => r.dreigingscategorie));
  const hidden = rows.filter((row) => row.categorie === null || !named.has(row.categorie));
  if (hidden.length === 0) return rows;
  const perIndicator: Record<string, number> = {};
  for (const row of hidden) for (const [code, n] of Object.entries(row.perIndicator)) perIndicator[code] = (perIndicator[code] ?? 0) + n;
  const sum = (key: 'totaal' | 'hoog') => hidden.reduce((n, row) => n + row[key], 0);
  return [...rows.filter((row) => !hidden.includes(row)), { categorie: null, perIndicator, totaal: sum('totaal'), hoog: sum('hoog') }];
}

function filterTrend(trend: Trend, keepRisk: (id: string) => boolean, keepMeasure: (id: string) => boolean): Trend {
  return {
    ...trend,
    nieuweRisicos: trend.nieuweRisicos.filter(keepRisk),
    geslotenRisicos: trend.geslotenRisicos.filter(keepRisk),
    klasseWijzigingen: trend.klasseWijzigingen.filter((change) => keepRisk(change.id)),
    nieuwTeLaat: trend.nieuwTeLaat.filter(keepMeasure),
    nieuwGereed: trend.nieuwGereed.filter(keepMeasure),
  };
}

/**
 * The analysis as a report at `level` may see it (see the rules at the top of this file).
 * Throws a RangeError when `level` is above the analysis' own: check canRenderAt first.
 */
export function filterAnalysis(analysis: Analysis, level: Level): Analysis {
  if (!canRenderAt(analysis.rubricering, level)) {
    throw new RangeError(`Niveau ${level} ligt boven de rubricering van de analyse (${analysis.rubricering}).`);
  }
  const visibleRisks = analysis.risks.filter((r) => visibleAt(r.rubricering, level));
  const riskIds = idsOf(visibleRisks);
  const measures = visibleMeasures(analysis.measures, riskIds, level);
  const measureIds = idsOf(measures);
  const risks = visibleRisks.map((r) => ({ ...withoutPersonalData(r, level), maatregelen: r.maatregelen.filter((id) => measureIds.has(id)) }));

  // IDs the analysis does not hold cannot be classified; only the analysis' own level may show them.
  const atOwnLevel = level === analysis.rubricering;
  const allRiskIds = idsOf(analysis.risks);
  const allMeasureIds = idsOf(analysis.measures);
  const keepRisk = (id: string): boolean => riskIds.has(id) || (atOwnLevel && !allRiskIds.has(id));
  const keepMeasure = (id: string): boolean => measureIds.has(id) || (atOwnLevel && !allMeasureIds.has(id));

  const { rubriceringBesluit: _decision, ...rest } = analysis;
  const decision = decisionAt(analysis, level);
  return {
    ...rest,
    rubricering: level,
    ...(decision && { rubriceringBesluit: decision }),
    risks,
    measures,
    incidents: analysis.incidents.filter((i) => visibleAt(i.rubricering, level)),
    indicators: analysis.indicators.map((ind) => ({ ...ind, slechtsteRisico: worstVisibleRisk(ind, risks, riskIds) })),
    ketenpartners: visiblePartners(analysis.ketenpartners, risks),
    totals: analysis.totals.aantallen ? { ...analysis.totals, aantallen: { ...analysis.totals.aantallen, dreiging: visibleThreats(analysis.totals.aantallen.dreiging, risks) } } : analysis.totals,
    trend: analysis.trend === null ? null : filterTrend(analysis.trend, keepRisk, keepMeasure),
  };
}

/**
 * The data-quality messages a report at `level` may show: none about a hidden item (by the IDs the
 * message carries as data) and none located on a hidden item's row. The text is never read.
 */
export function filterMessages(messages: readonly Message[], registers: Registers, level: Level): Message[] {
  const hidden = [...registers.risks, ...registers.measures, ...registers.incidents].filter((item) => !visibleAt(item.rubricering, level));
  const rows = new Set(hidden.flatMap((item) => (item.source ? [placeKey(item.source)] : [])));
  const ids = new Set(hidden.map((item) => item.id));
  return messages.filter(
    (m) => !(m.file !== undefined && m.row !== undefined && rows.has(placeKey({ file: m.file, sheet: m.sheet ?? '', row: m.row }))) && !m.items?.some((id) => ids.has(id)),
  );
}

/**
 * For a version below the analysis' own level: only messages about sheets that hold an item this
 * level shows. The name of another sheet (a register holding only hidden items, a sheet of notes)
 * is something only the full version may show.
 */
export function onVisibleSheets(messages: readonly Message[], registers: Registers, level: Level): Message[] {
  const shown = [...registers.risks, ...registers.measures, ...registers.incidents].filter((item) => item.source && visibleAt(item.rubricering, level));
  const sheets = new Set(shown.map((item) => `${item.source!.file}\0${item.source!.sheet}`));
  return messages.filter((m) => m.sheet === undefined || sheets.has(`${m.file ?? ''}\0${m.sheet}`));
}

function placeKey(place: { file: string; sheet: string; row: number }): string {
  return `${place.file}\0${place.sheet}\0${place.row}`;
}
