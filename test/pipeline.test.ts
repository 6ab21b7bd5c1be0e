/**
 * The pipeline end to end on real files: the worked example against the independent result,
 * analysis.json and manifest.json as the contract shows them, and reproducibility.
 */
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadData } from '../src/load.js';
import { runGenerate } from '../src/run.js';
import { score } from '../src/score/index.js';
import { sha256 } from '../src/output/hash.js';
import { PROJECT_ROOT } from '../src/version.js';
import { EXAMPLE_DIR, SAMPLE_2025, copyData, removeTempDirs, tempDir } from './helpers/fixtures.js';
import { zipEntries } from './helpers/zip.js';

afterAll(removeTempDirs);

interface Expected {
  risks: { id: string; bruto: Lvl; actueel: Lvl; streef: Lvl }[];
  measures: { id: string; credit: number; teLaat: boolean }[];
  indicators: Record<string, { score: number | null; n: number }>;
}
type Lvl = { kans: number; impact: number; score: number; klasse: string };

describe('the worked example of the method, read from its workbook', () => {
  it('matches the independent implementation within 1e-6', async () => {
    const expected = JSON.parse(await readFile(join(EXAMPLE_DIR, 'verwacht.json'), 'utf8')) as Expected;
    const loaded = await loadData(EXAMPLE_DIR);
    expect(loaded.messages.filter((m) => m.severity === 'error')).toEqual([]);
    const analysis = score(loaded.registers!, loaded.settings!, null);
    for (const want of expected.risks) {
      const got = analysis.risks.find((r) => r.id === want.id)!;
      for (const level of ['bruto', 'actueel', 'streef'] as const) {
        for (const k of ['kans', 'impact', 'score'] as const) expect(got[level][k]).toBeCloseTo(want[level][k], 6);
        expect(got[level].klasse).toBe(want[level].klasse);
      }
    }
    for (const want of expected.measures) {
      const got = analysis.measures.find((m) => m.id === want.id)!;
      expect(got.credit).toBeCloseTo(want.credit, 6);
      expect(got.teLaat).toBe(want.teLaat);
    }
    for (const [code, want] of Object.entries(expected.indicators)) {
      const got = analysis.indicators.find((i) => i.code === code)!;
      expect(got.aantalRisicos).toBe(want.n);
      if (want.score === null) expect(got.score).toBeNull();
      else expect(got.score).toBeCloseTo(want.score, 6);
    }
  });
});

describe('generate on the sample analysis', () => {
  it('writes analysis.json as the output contract shows it and a manifest of inputs and outputs', async () => {
    const data = await copyData(SAMPLE_2025);
    const out = join(await tempDir(), 'rapport');
    const result = await runGenerate({ dataDir: data, outDir: out, formats: ['md', 'xlsx'] });
    expect(result.exitCode).toBe(0);
    const analysis = JSON.parse(await readFile(join(out, 'analysis.json'), 'utf8'));
    expect(Object.keys(analysis).slice(0, 3)).toEqual(['jaar', 'peildatum', 'rubricering']);
    expect(analysis.jaar).toBe(2025);
    expect(analysis.methode.matrix).toHaveLength(5);
    const risk = analysis.risks[0];
    for (const key of ['id', 'titel', 'indicatoren', 'status', 'bruto', 'actueel', 'streef']) expect(risk).toHaveProperty(key);
    expect(Object.keys(risk.actueel)).toEqual(['kans', 'impact', 'score', 'klasse']);
    expect(Object.keys(analysis.measures[0])).toEqual(expect.arrayContaining(['id', 'status', 'credit', 'teLaat']));
    expect(analysis.indicators.map((i: { code: string }) => i.code)).toEqual(['FYS', 'DIG', 'ECO', 'KET', 'CRI']);
    // Last year's folder feeds the trend.
    expect(analysis.indicators.some((i: { vorigeScore: number | null }) => i.vorigeScore !== null)).toBe(true);

    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.tool).toEqual({ name: 'weerbaarheid', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const yaml = await readFile(join(data, 'analyse.yaml'));
    expect(manifest.inputs).toContainEqual({ path: 'analyse.yaml', sha256: sha256(yaml), bytes: yaml.length });
    expect(manifest.inputs.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['registers.xlsx', '../voorbeeld-2024/maatregelen.csv']));
    for (const o of manifest.outputs as { path: string; sha256: string }[]) {
      expect(sha256(await readFile(join(out, o.path))), o.path).toBe(o.sha256);
    }
    expect(manifest.outputs.map((o: { path: string }) => o.path)).toEqual(
      expect.arrayContaining(['analysis.json', 'weerbaarheidsanalyse-nafin-2025-stg-confidentieel.md', 'weerbaarheidsanalyse-nafin-2025-stg-confidentieel.xlsx']),
    );
    expect(manifest.methode).toEqual(analysis.methode);
    expect(manifest.settingsHash).toMatch(/^[0-9a-f]{64}$/);
    // No absolute path anywhere in what we write: not the data, not the output, not the staging folder it was made in.
    const texts: Record<string, string> = {};
    for (const f of await readdir(out, { recursive: true })) {
      if (/\.(md|json|svg)$/.test(f)) texts[f] = await readFile(join(out, f), 'utf8');
      if (f.endsWith('.xlsx')) for (const [part, xml] of Object.entries(await zipEntries(join(out, f)))) texts[`${f}:${part}`] = xml;
    }
    expect(Object.keys(texts).length).toBeGreaterThan(10);
    for (const [file, text] of Object.entries(texts)) {
      for (const path of [data, out, tmpdir(), PROJECT_ROOT, '.tmp-']) expect(text, file).not.toContain(path);
    }
  });

  it('records in the manifest the Node and Chromium that made the report and the time of every stage', async () => {
    const out = join(await tempDir(), 'r');
    expect((await runGenerate({ dataDir: await copyData(EXAMPLE_DIR), outDir: out })).exitCode).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.node).toBe(process.version);
    expect(manifest.chromium).toMatch(/^(Headless)?Chrome\/\d+\.\d+\.\d+\.\d+$/);
    for (const stage of ['ingest', 'validate', 'score', 'markdown', 'html', 'pdf', 'excel']) expect(manifest.timings[stage], stage).toBeTypeOf('number');
    // Printing takes Chromium far longer than a millisecond; a timing stuck at 0 would be no timing.
    expect(manifest.timings.pdf).toBeGreaterThan(10);
    expect(manifest.outputs.map((o: { path: string }) => o.path.split('.').pop())).toEqual(expect.arrayContaining(['pdf', 'html', 'xlsx', 'md']));
  });

  it('is reproducible: same bytes for Markdown, SVG and JSON, the same workbook content, from another folder on another day', async () => {
    const runIn = async () => {
      const data = await copyData(SAMPLE_2025);
      const out = join(await tempDir(), 'r');
      const result = await runGenerate({ dataDir: data, outDir: out, formats: ['md', 'xlsx'] });
      expect(result.exitCode).toBe(0);
      return out;
    };
    const a = await runIn();
    // Another day: the clock must not reach any output.
    vi.useFakeTimers({ now: new Date('2031-07-04T13:14:15Z'), toFake: ['Date'] });
    const b = await runIn().finally(() => vi.useRealTimers());
    const files = (await readdir(a, { recursive: true })).filter((f) => /\.(md|svg|json)$/.test(f) && f !== 'manifest.json').sort();
    expect(files.length).toBeGreaterThan(4);
    for (const f of files) expect(await readFile(join(b, f), 'utf8'), f).toBe(await readFile(join(a, f), 'utf8'));
    const xlsx = (await readdir(a)).find((f) => f.endsWith('.xlsx'))!;
    expect(await zipEntries(join(b, xlsx))).toEqual(await zipEntries(join(a, xlsx)));
    const strip = (m: { timings: unknown }) => ({ ...m, timings: undefined });
    const manifest = async (dir: string) => strip(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
    expect(await manifest(b)).toEqual(await manifest(a));
  });
});
