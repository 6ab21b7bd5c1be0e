/**
 * The result of scoring: what analysis.json holds (and what next year's run reads back as `vorige`),
 * and the one input of every renderer. Numbers are unrounded; renderers round for display.
 * Key order here is the key order in analysis.json.
 */
import { z } from 'zod';
import { ClassificationDecisionSchema, IncidentSchema, IsoDate, LevelSchema, MeasureSchema, MethodSchema, ReportStatus, RiskClass, RiskSchema, MeasureStatus } from './model.js';

export const RiskLevelSchema = z.object({
  kans: z.number(),
  impact: z.number(),
  score: z.number(),
  klasse: RiskClass,
});
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

export const ScoredRiskSchema = RiskSchema.omit({ kans: true, impact: true, source: true }).extend({
  bruto: RiskLevelSchema,
  actueel: RiskLevelSchema,
  streef: RiskLevelSchema,
  /**
   * Σ credit × Kansreductie and Σ credit × Impactreductie of the actueel level, before the floor of 1:
   * next year's bridge applies it to next year's bruto values. Absent in files of older versions.
   */
  reductie: z.object({ kans: z.number(), impact: z.number() }).optional(),
  /** IDs of the measures that name this risk, in register order. */
  maatregelen: z.array(z.string()),
  /** Σ credit over those measures (0 = no credit earned yet). */
  totaalCredit: z.number(),
});
export type ScoredRisk = z.infer<typeof ScoredRiskSchema>;

export const ScoredMeasureSchema = MeasureSchema.omit({ source: true }).extend({
  credit: z.number(),
  teLaat: z.boolean(),
  /** Days past Streefdatum at the peildatum when te laat, else 0. */
  dagenTeLaat: z.number().int(),
  /**
   * What the measure still brings (see effect.ts), null for gereed and geannuleerd. Defaults keep an
   * analysis.json of an older version readable as `vorige`.
   */
  effect: z.number().nullable().default(null),
  /** M€ still to spend: kostenEenmalig × (1 − credit) + kostenStructureel. */
  restkosten: z.number().nullable().default(null),
  /** effect / restkosten; null when restkosten is 0. */
  effectPerMEuro: z.number().nullable().default(null),
});
export type ScoredMeasure = z.infer<typeof ScoredMeasureSchema>;

/**
 * Why an indicator score moved since last year, by substitution (docs/methode.md): the three parts
 * add up to `verandering`.
 */
export const BridgeSchema = z.object({
  /** Risks that came, went, closed, reopened or changed indicator. */
  nieuwEnVervallen: z.number(),
  /** New bruto Kans and Impact of risks present both years, with last year's reduction. */
  herbeoordeling: z.number(),
  /** This year's reduction (the measures' progress) on those risks. */
  maatregelen: z.number(),
});
export type Bridge = z.infer<typeof BridgeSchema>;
export const BRIDGE_STEPS = ['nieuwEnVervallen', 'herbeoordeling', 'maatregelen'] as const;

export const IndicatorResultSchema = z.object({
  code: z.string(),
  naam: z.string(),
  /** 0-100, null when no risk (not gesloten) names the indicator. */
  score: z.number().nullable(),
  aantalRisicos: z.number().int(),
  /** Last year's score, null without `vorige` or when not comparable. */
  vorigeScore: z.number().nullable(),
  /** score - vorigeScore, null when either is missing. */
  verandering: z.number().nullable(),
  /** Null whenever verandering is. */
  brug: BridgeSchema.nullable().default(null),
  perKlasse: z.record(RiskClass, z.number().int()),
  /** ID of the risk with the highest actueel score, null without risks. */
  slechtsteRisico: z.string().nullable(),
});
export type IndicatorResult = z.infer<typeof IndicatorResultSchema>;

/**
 * Counts the report's prose and tables quote, over the data the analysis was scored on: with
 * scoregrondslag alle every item (a reduced version quotes the full analysis' figures), with
 * zichtbaar the visible ones. Absent in analysis.json files of older versions.
 */
export const CountsSchema = z.object({
  risicos: z.number().int(),
  openRisicos: z.number().int(),
  maatregelen: z.number().int(),
  /** Measures not cancelled. */
  maatregelenActief: z.number().int(),
  /** Open risks hoog or zeer hoog, per level. */
  hoogBruto: z.number().int(),
  hoogActueel: z.number().int(),
  zeerHoogActueel: z.number().int(),
  hoogStreef: z.number().int(),
  /** Late measures naming a risk that is hoog or zeer hoog actueel. */
  teLaatOpHoog: z.number().int(),
  /** Most days any measure is late (0 when none is). */
  langstTeLaat: z.number().int(),
  /** High actueel risks with little or no effect of measures yet. */
  hoogWeinigEffect: z.number().int(),
  /** Measures gereed with a Gereed op in the analysis year. */
  gereedInJaar: z.number().int(),
  /** Dated in the analysis year up to the peildatum. */
  incidentenInJaar: z.number().int(),
  oefeningenInJaar: z.number().int(),
  incidentenBovenNorm: z.number().int(),
  /** High actueel risks per indicator code. */
  hoogPerIndicator: z.record(z.string(), z.number().int()),
  /** Costs (M€) of the measures per status. */
  kostenPerStatus: z.record(MeasureStatus, z.object({ kostenStructureel: z.number(), kostenEenmalig: z.number() })),
  /** Open risks per rounded kans × impact: matrix[niveau][kans-1][impact-1]. */
  matrix: z.object({ bruto: z.array(z.array(z.number().int())), actueel: z.array(z.array(z.number().int())), streef: z.array(z.array(z.number().int())) }),
  /**
   * Open risks per threat category (name order): per indicator code, in total and hoog or zeer hoog actueel.
   * In a version below the analysis' own level, the categories that only hidden risks name are one last row with categorie null.
   */
  dreiging: z.array(z.object({ categorie: z.string().nullable(), perIndicator: z.record(z.string(), z.number().int()), totaal: z.number().int(), hoog: z.number().int() })),
  /** The lengths of the trend's lists; null without last year. */
  trend: z
    .object({ nieuweRisicos: z.number().int(), geslotenRisicos: z.number().int(), klasseOmhoog: z.number().int(), klasseOmlaag: z.number().int(), nieuwTeLaat: z.number().int(), nieuwGereed: z.number().int() })
    .nullable(),
});
export type Counts = z.infer<typeof CountsSchema>;

/** A co-user or supplier and the risks (not gesloten) that name it; see score/partners.ts. */
export const ChainPartnerSchema = z.object({
  naam: z.string(),
  /** IDs in register order. */
  risicos: z.array(z.string()),
  /** Count per actueel class. */
  perKlasse: z.record(RiskClass, z.number().int()),
  /** Count per streef class: what is left once every measure not cancelled is done. */
  perKlasseStreef: z.record(RiskClass, z.number().int()),
  /** ID of the risk with the highest actueel score (first in register order on a tie). */
  slechtsteRisico: z.string().nullable(),
});
export type ChainPartner = z.infer<typeof ChainPartnerSchema>;

export const TotalsSchema = z.object({
  maatregelenPerStatus: z.record(MeasureStatus, z.number().int()),
  maatregelenTeLaat: z.number().int(),
  /** M€ per year, measures not cancelled. */
  kostenStructureel: z.number(),
  /** M€ once, measures not cancelled. */
  kostenEenmalig: z.number(),
  risicosPerKlasse: z.object({ bruto: z.record(RiskClass, z.number().int()), actueel: z.record(RiskClass, z.number().int()), streef: z.record(RiskClass, z.number().int()) }),
  /** Weighted mean of the indicator scores that exist; null when none does. */
  totaalScore: z.number().nullable(),
  aantallen: CountsSchema.optional(),
});
export type Totals = z.infer<typeof TotalsSchema>;

export const TrendSchema = z.object({
  vorigJaar: z.number().int(),
  /** False when last year's method differs in a way that makes scores incomparable. */
  methodeVergelijkbaar: z.boolean(),
  /** Dutch sentences describing method differences (empty when identical). */
  methodeVerschillen: z.array(z.string()),
  nieuweRisicos: z.array(z.string()),
  geslotenRisicos: z.array(z.string()),
  /** Risks present both years whose actueel class changed. */
  /** Risks present both years whose actueel class changed, and which step of the bridge moved it (absent in files of older versions). */
  klasseWijzigingen: z.array(z.object({ id: z.string(), van: RiskClass, naar: RiskClass, door: z.enum(['herbeoordeling', 'maatregelen', 'beide']).optional() })),
  nieuwTeLaat: z.array(z.string()),
  nieuwGereed: z.array(z.string()),
});
export type Trend = z.infer<typeof TrendSchema>;

/** One earlier year's scores, as far back as the chain of `vorige` reaches. */
export const HistoryYearSchema = z.object({
  jaar: z.number().int(),
  /** Indicator code → score (null: no risks that year). */
  indicators: z.record(z.string(), z.number().nullable()),
  totaalScore: z.number().nullable(),
  /** Whether that year's method computes scores as this year's does (see comparability). */
  methodeVergelijkbaar: z.boolean(),
  /** That year's method, so a later year can judge comparability with its own. */
  methode: MethodSchema,
});
export type HistoryYear = z.infer<typeof HistoryYearSchema>;

export const AnalysisSchema = z.object({
  jaar: z.number().int(),
  peildatum: IsoDate,
  /** Level this analysis (after filtering) is rendered for. */
  rubricering: LevelSchema,
  /** When the classification lapses and who set it; only at the analysis' own level, and only when analyse.yaml gives them. */
  rubriceringBesluit: ClassificationDecisionSchema.optional(),
  organisatie: z.string(),
  /** What the cover says about this edition; absent in analysis.json files of older versions. */
  uitgave: z.object({ status: ReportStatus, uitgevendeEenheid: z.string().nullable(), uitgiftedatum: IsoDate }).optional(),
  netwerk: z.string(),
  /** Which data the indicator scores were computed over (see ScoreBasis). */
  scoregrondslag: z.enum(['alle', 'zichtbaar']),
  methode: MethodSchema,
  risks: z.array(ScoredRiskSchema),
  measures: z.array(ScoredMeasureSchema),
  incidents: z.array(IncidentSchema.omit({ source: true })),
  indicators: z.array(IndicatorResultSchema),
  /** Most exposed first (see score/partners.ts). Default: an analysis.json of an older version. */
  ketenpartners: z.array(ChainPartnerSchema).default([]),
  totals: TotalsSchema,
  trend: TrendSchema.nullable(),
  /** Earlier years, newest first, at most five (empty without `vorige`). */
  historie: z.array(HistoryYearSchema).default([]),
});
export type Analysis = z.infer<typeof AnalysisSchema>;
