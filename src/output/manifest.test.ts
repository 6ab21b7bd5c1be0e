import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../model.js';
import { buildManifest, ManifestSchema } from './manifest.js';

describe('manifest.json', () => {
  it('is what its schema says, written and read back as JSON', () => {
    const settings = { ...ConfigSchema.parse({ jaar: 2025, organisatie: 'Defensie', netwerk: 'NAFIN', rubricering: 'openbaar' }), peildatum: '2025-12-31' };
    const file = { path: 'analysis.json', sha256: 'a'.repeat(64), bytes: 12 };
    const manifest = buildManifest({
      settings,
      level: 'openbaar',
      choices: { formats: ['md'], templates: null, sourceDateEpoch: null },
      inputs: [{ ...file, path: 'registers.xlsx' }],
      outputs: [file],
      timings: { ingest: 12.345, pdf: undefined },
      chromium: null,
    });
    const read = ManifestSchema.safeParse(JSON.parse(JSON.stringify(manifest)));
    expect(read.error?.issues ?? []).toEqual([]);
    expect(read.data?.timings).toEqual({ ingest: 12.3, pdf: 0 });
    expect(ManifestSchema.safeParse({ ...manifest, outputs: [{ ...file, sha256: 'niet-hex' }] }).success).toBe(false);
  });
});
