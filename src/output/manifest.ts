/**
 * manifest.json: what a report was made from and with, so a result can be reproduced and defended.
 * Everything but `timings` is the same for the same inputs and settings.
 */
import { LEVEL_LABEL, type Level } from '../classify/levels.js';
import type { InputFile } from '../ingest/table.js';
import type { Settings } from '../model.js';
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

/** One written file: its path in the report folder, its hash and size. */
export interface OutputEntry {
  path: string;
  sha256: string;
  bytes: number;
}

export interface ManifestInput {
  settings: Settings;
  level: Level;
  choices: RunChoices;
  inputs: readonly InputFile[];
  outputs: readonly OutputEntry[];
  timings: Readonly<Record<string, number | undefined>>;
  chromium: string | null;
}

export function buildManifest(m: ManifestInput) {
  const settings = { ...m.settings, niveau: LEVEL_LABEL[m.level], ...m.choices };
  return {
    tool: { name: 'weerbaarheid', version: TOOL_VERSION },
    node: process.version,
    chromium: m.chromium,
    jaar: m.settings.jaar,
    organisatie: m.settings.organisatie,
    netwerk: m.settings.netwerk,
    rubricering: LEVEL_LABEL[m.level],
    inputs: [...m.inputs].sort((a, b) => compareText(a.path, b.path)),
    invoerHash: combinedHash(m.inputs),
    settings,
    settingsHash: sha256(JSON.stringify(settings)),
    methode: m.settings.methode,
    outputs: m.outputs,
    timings: Object.fromEntries(Object.entries(m.timings).map(([k, v]) => [k, Math.round((v ?? 0) * 10) / 10])),
  };
}

export type Manifest = ReturnType<typeof buildManifest>;
