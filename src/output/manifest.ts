/**
 * manifest.json: what a report was made from and with, so a result can be reproduced and defended.
 * Everything but `timings` is the same for the same inputs and settings.
 */
import { z } from 'zod';
import { decisionAt } from '../classify/filter.js';
import { LEVEL_LABEL, type Level } from '../classify/levels.js';
import type { InputFile } from '../ingest/table.js';
import { ClassificationDecisionSchema, ConfigSchema, IsoDate, LevelSchema, MethodSchema, type Settings } from '../model.js';
import { compareText } from '../messages.js';
import { TOOL_VERSION } from '../version.js';
import { combinedHash, sha256 } from './hash.js';

/** What the command line adds to analyse.yaml: it changes the output, so it is part of the settings hash. */
export interface RunChoices {
  formats: readonly string[];
  /** Files of a --templates override, paths relative to that folder. */
  templates: readonly InputFile[] | null;
  sourceDateEpoch: number | null;
}

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A file read or written: its path (relative to the data or report folder), its hash and size. */
const FileEntry = z.object({ path: z.string(), sha256: Sha256, bytes: z.number().int().min(0) }).strict();
export type OutputEntry = z.infer<typeof FileEntry>;

/** manifest.json, the contract: what another program may rely on when it reads one. */
export const ManifestSchema = z
  .object({
    tool: z.object({ name: z.literal('weerbaarheid'), version: z.string() }).strict(),
    node: z.string(),
    /** The browser that printed the PDF; null without a PDF. */
    chromium: z.string().nullable(),
    jaar: z.number().int(),
    organisatie: z.string(),
    netwerk: z.string(),
    /** The report's level, as printed (`Openbaar`). */
    rubricering: z.string(),
    /** The classification decision this report carries (see decisionAt); absent below the analysis' own level. */
    rubriceringBesluit: ClassificationDecisionSchema.optional(),
    inputs: z.array(FileEntry),
    invoerHash: Sha256,
    /** analyse.yaml with its defaults, plus what the command line chose. */
    settings: ConfigSchema.in.extend({
      rubricering: LevelSchema,
      rubriceringBesluit: ClassificationDecisionSchema.optional(),
      peildatum: IsoDate,
      niveau: z.string(),
      formats: z.array(z.string()),
      templates: z.array(FileEntry).nullable(),
      sourceDateEpoch: z.number().int().nullable(),
    }),
    settingsHash: Sha256,
    methode: MethodSchema,
    outputs: z.array(FileEntry),
    /** Milliseconds per stage, to a tenth. */
    timings: z.record(z.string(), z.number()),
  })
  .strict();
export type Manifest = z.infer<typeof ManifestSchema>;

export interface ManifestInput {
  settings: Settings;
  level: Level;
  choices: RunChoices;
  inputs: readonly InputFile[];
  outputs: readonly OutputEntry[];
  timings: Readonly<Record<string, number | undefined>>;
  chromium: string | null;
}

export function buildManifest(m: ManifestInput): Manifest {
  const decision = decisionAt(m.settings, m.level);
  const settings = { ...m.settings, niveau: LEVEL_LABEL[m.level], ...m.choices, formats: [...m.choices.formats], templates: m.choices.templates && [...m.choices.templates] };
  return {
    tool: { name: 'weerbaarheid', version: TOOL_VERSION },
    node: process.version,
    chromium: m.chromium,
    jaar: m.settings.jaar,
    organisatie: m.settings.organisatie,
    netwerk: m.settings.netwerk,
    rubricering: LEVEL_LABEL[m.level],
    ...(decision && { rubriceringBesluit: decision }),
    inputs: [...m.inputs].sort((a, b) => compareText(a.path, b.path)),
    invoerHash: combinedHash(m.inputs),
    settings,
    settingsHash: sha256(JSON.stringify(settings)),
    methode: m.settings.methode,
    outputs: [...m.outputs],
    timings: Object.fromEntries(Object.entries(m.timings).map(([k, v]) => [k, Math.round((v ?? 0) * 10) / 10])),
  };
}
