/**
 * The domain, as zod schemas: each schema is both the check and the type (never written twice).
 * Register rows are parsed into these by src/validate; the scoring core reads only these.
 */
import { z } from 'zod';
import { LEVELS } from './classify/levels.js';

export const LevelSchema = z.enum(LEVELS);

/** ISO calendar date `jjjj-mm-dd`; validate turns every accepted cell shape into this. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type IsoDate = z.infer<typeof IsoDate>;

/** Where an item came from, so later checks (cross-references, warnings) can still point at it. */
export const SourceSchema = z.object({ file: z.string(), sheet: z.string(), row: z.number().int() });
export type Source = z.infer<typeof SourceSchema>;

export const RISK_STATUSES = ['open', 'geaccepteerd', 'gesloten'] as const;
export const MEASURE_STATUSES = ['gepland', 'in uitvoering', 'vertraagd', 'gereed', 'geannuleerd'] as const;
export const MEASURE_TYPES = ['intern', 'extern'] as const;
export const INCIDENT_KINDS = ['incident', 'oefening'] as const;
export const CLASSES = ['laag', 'midden', 'hoog', 'zeer hoog'] as const;

export const RiskStatus = z.enum(RISK_STATUSES);
export const MeasureStatus = z.enum(MEASURE_STATUSES);
export type MeasureStatus = z.infer<typeof MeasureStatus>;
export const RiskClass = z.enum(CLASSES);
export type RiskClass = z.infer<typeof RiskClass>;

const Scale = z.number().int().min(1).max(5);
const Reduction = z.number().min(0).max(4);
const Money = z.number().min(0);

export const RiskSchema = z.object({
  id: z.string().min(1),
  titel: z.string().min(1),
  omschrijving: z.string().default(''),
  dreigingscategorie: z.string().min(1),
  /** Indicator codes (as configured in the method, e.g. FYS, DIG). */
  indicatoren: z.array(z.string()).min(1),
  kans: Scale,
  impact: Scale,
  eigenaar: z.string().default(''),
  /** Personal data: removed below Departementaal Vertrouwelijk. */
  contactpersoon: z.string().optional(),
  rubricering: LevelSchema,
  ketenpartners: z.array(z.string()).default([]),
  status: RiskStatus,
  laatsteBeoordeling: IsoDate.optional(),
  /** Who accepted the risk (a role), for status geaccepteerd: the BIO2 register of accepted risks. */
  geaccepteerdDoor: z.string().optional(),
  /** Until when the acceptance holds. */
  geaccepteerdTot: IsoDate.optional(),
  source: SourceSchema.optional(),
});
export type Risk = z.infer<typeof RiskSchema>;

export const MeasureSchema = z.object({
  id: z.string().min(1),
  titel: z.string().min(1),
  omschrijving: z.string().default(''),
  /** Risk IDs this measure credits. */
  risicos: z.array(z.string()).min(1),
  type: z.enum(MEASURE_TYPES),
  status: MeasureStatus,
  /** 0-100; required for `in uitvoering` and `vertraagd`. */
  voortgang: z.number().min(0).max(100).optional(),
  streefdatum: IsoDate.optional(),
  gereedOp: IsoDate.optional(),
  kansreductie: Reduction,
  impactreductie: Reduction,
  /** M€ per year. */
  kostenStructureel: Money.default(0),
  /** M€ once. */
  kostenEenmalig: Money.default(0),
  eigenaar: z.string().default(''),
  contactpersoon: z.string().optional(),
  rubricering: LevelSchema,
  source: SourceSchema.optional(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const IncidentSchema = z.object({
  id: z.string().min(1),
  soort: z.enum(INCIDENT_KINDS),
  datum: IsoDate,
  titel: z.string().min(1),
  omschrijving: z.string().default(''),
  indicatoren: z.array(z.string()).default([]),
  /** Hours. */
  hersteltijd: z.number().min(0).optional(),
  /** Hours. */
  norm: z.number().min(0).optional(),
  rubricering: LevelSchema,
  source: SourceSchema.optional(),
});
export type Incident = z.infer<typeof IncidentSchema>;

export interface Registers {
  risks: Risk[];
  measures: Measure[];
  incidents: Incident[];
}

/** Credit per measure status: a fixed fraction, or `voortgang` (Voortgang / 100). */
const Credit = z.union([z.number().min(0).max(1), z.literal('voortgang')]);

/** matrix[kans-1][impact-1] of the default method: the class at rounded Kans and Impact. */
const DEFAULT_MATRIX = [1, 2, 3, 4, 5].map((k) =>
  [1, 2, 3, 4, 5].map((i): RiskClass => (k * i <= 4 ? 'laag' : k * i <= 9 ? 'midden' : k * i <= 16 ? 'hoog' : 'zeer hoog')),
);

/**
 * The method as written under `methode:` in analyse.yaml: every part optional. The defaults are
 * written here only; DEFAULT_METHOD is this schema applied to nothing.
 */
export const MethodSchema = z
  .object({
    naam: z.string().default('standaard'),
    schalen: z
      .object({
        kans: z.array(z.string().min(1)).length(5).default(['zeer onwaarschijnlijk', 'onwaarschijnlijk', 'mogelijk', 'waarschijnlijk', 'zeer waarschijnlijk']),
        impact: z.array(z.string().min(1)).length(5).default(['beperkt', 'aanzienlijk', 'ernstig', 'zeer ernstig', 'catastrofaal']),
      })
      .strict()
      .prefault({}),
    /** matrix[kans-1][impact-1]: the class at rounded Kans and Impact. */
    matrix: z.array(z.array(RiskClass).length(5)).length(5).default(DEFAULT_MATRIX),
    credit: z
      .object({
        gepland: Credit.default(0),
        'in uitvoering': Credit.default('voortgang'),
        vertraagd: Credit.default('voortgang'),
        gereed: Credit.default(1),
        geannuleerd: Credit.default(0),
      })
      .strict()
      .prefault({}),
    indicatoren: z
      .array(z.object({ code: z.string().min(1), naam: z.string().min(1) }).strict())
      .min(1)
      .default([
        { code: 'FYS', naam: 'fysieke weerbaarheid' },
        { code: 'DIG', naam: 'digitale weerbaarheid' },
        { code: 'ECO', naam: 'economische weerbaarheid' },
        { code: 'KET', naam: 'weerbaarheid tegen grote ketenafhankelijkheden' },
        { code: 'CRI', naam: 'crisisbeheersing' },
      ]),
    /** Weights of the indicators in the overall score; absent codes weigh 1. */
    gewichten: z.record(z.string(), z.number().min(0)).default({}),
  })
  .strict();
export type Method = z.infer<typeof MethodSchema>;

export const DEFAULT_METHOD: Method = MethodSchema.parse({});

/** Whether indicator scores in a report below the analysis' own level use all data or only what is visible. */
export const ScoreBasis = z.enum(['alle', 'zichtbaar']);
export type ScoreBasis = z.infer<typeof ScoreBasis>;
export const ReportStatus = z.enum(['concept', 'definitief']);

/** What the sample's report says on its cover and in its front matter (`voorbeeld: true`). */
export const SAMPLE_NOTICE = 'VOORBEELD – fictieve gegevens';

/**
 * Of the classification decision (VIR-BI) on the full report: the date it lapses and who set it.
 * Only the report at the analysis' own level carries it (see classify/filter.ts, decisionAt).
 */
export const ClassificationDecisionSchema = z
  .object({
    vervalt: IsoDate.optional(),
    /** A role or office, e.g. `Directeur CIO Defensie`. */
    vastgesteldDoor: z.string().min(1).optional(),
  })
  .strict();
export type ClassificationDecision = z.infer<typeof ClassificationDecisionSchema>;

/** `rubricering` in analyse.yaml: the level, or the level with the decision (`{ niveau, vervalt, vastgesteldDoor }`). */
const ClassificationInput = z.union([LevelSchema, z.object({ niveau: LevelSchema, ...ClassificationDecisionSchema.shape }).strict()]);

/** The one internal shape: `rubricering` is the level, the decision beside it when analyse.yaml gives one. */
function settleClassification<T extends { rubricering: z.infer<typeof ClassificationInput> }>({ rubricering, ...rest }: T) {
  const out: Omit<T, 'rubricering'> & { rubricering: z.infer<typeof LevelSchema>; rubriceringBesluit?: ClassificationDecision } = { ...rest, rubricering: typeof rubricering === 'string' ? rubricering : rubricering.niveau };
  if (typeof rubricering !== 'string') {
    const { niveau: _niveau, ...decision } = rubricering;
    if (Object.keys(decision).length) out.rubriceringBesluit = decision;
  }
  return out;
}

/** analyse.yaml. Keys in Dutch, as analysts write them. Unknown keys are errors. */
export const ConfigSchema = z
  .object({
    jaar: z.number().int().min(2000).max(2100),
    organisatie: z.string().min(1),
    netwerk: z.string().min(1),
    /** Reference date; default 31 December of `jaar`. */
    peildatum: IsoDate.optional(),
    rubricering: ClassificationInput,
    /** Status printed on the cover: a concept until the analysis is adopted. */
    status: ReportStatus.default('concept'),
    /** The issuing unit under the organisation (directie, afdeling), printed on the cover. */
    uitgevendeEenheid: z.string().min(1).optional(),
    /** Date of issue on the cover; default the peildatum. */
    uitgiftedatum: IsoDate.optional(),
    /** Last year's data folder or its analysis.json, relative to this file's folder. */
    vorige: z.string().min(1).optional(),
    methode: MethodSchema.prefault({}),
    scoregrondslag: ScoreBasis.default('alle'),
    /** Other spellings of a chain partner and the name they stand for (`KMar: Koninklijke Marechaussee`). */
    ketenpartners: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** Rows of the register annexes in the Markdown/PDF report before pointing to the workbook. */
    bijlageMaxRijen: z.number().int().min(0).default(500),
    /** The sample analysis with fictional data: its report says so on the cover and in the front matter. */
    voorbeeld: z.boolean().default(false),
  })
  .strict()
  .transform(settleClassification);
export type Config = z.infer<typeof ConfigSchema>;
/** The config after defaults are settled (peildatum filled in). */
export type Settings = Config & { peildatum: IsoDate };
