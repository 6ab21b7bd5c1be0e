/**
 * The sample registers as other programs write them: converted by LibreOffice (xlsx, ods, xls,
 * CSV of every sheet) and saved by openpyxl (with the formulas' stored results as values: openpyxl
 * writes formulas without them), both run by this test, and hand-edited variants of
 * the XML (test/corpus/variants.ts). Each must read without errors and score exactly like the
 * original.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../src/load.js';
import { score } from '../src/score/index.js';
import { applyVariant, VARIANTS } from './corpus/variants.js';
import { removeTempDirs, SAMPLE_2025, tempDir } from './helpers/fixtures.js';

const run = promisify(execFile);
afterAll(removeTempDirs);

/** The scored analysis without where each item came from (file names differ per writer). */
async function scored(dir: string) {
  const loaded = await loadData(dir);
  const errors = loaded.messages.filter((m) => m.severity === 'error');
  const warnings = loaded.messages.filter((m) => m.severity === 'warning').map((m) => `${m.ruleId} ${m.row ?? ''}`);
  const analysis = loaded.registers && loaded.settings ? score(loaded.registers, loaded.settings, null) : undefined;
  return { errors, warnings, analysis: JSON.parse(JSON.stringify(analysis ?? null, (key, value: unknown) => (key === 'source' ? undefined : value))) };
}

let original: Awaited<ReturnType<typeof scored>>;
let work: string;

/** A data folder with the sample's analyse.yaml and the given register files. */
async function folder(name: string, files: Record<string, Buffer>): Promise<string> {
  const dir = join(work, name.replace(/[^a-z0-9]+/gi, '-'));
  await mkdir(dir, { recursive: true });
  // Last year is not part of what is compared.
  await writeFile(join(dir, 'analyse.yaml'), (await readFile(join(SAMPLE_2025, 'analyse.yaml'), 'utf8')).replace(/^vorige:.*\n/m, ''));
  for (const [file, bytes] of Object.entries(files)) await writeFile(join(dir, file), bytes);
  return dir;
}

const sampleBytes = () => readFile(join(SAMPLE_2025, 'registers.xlsx'));

/** LibreOffice converts in its own profile, so conversions can run side by side. */
async function libreOffice(target: string, name: string, env: Record<string, string> = {}): Promise<string> {
  const out = join(work, `lo-${name}`);
  await mkdir(out, { recursive: true });
  const profile = `file://${join(work, `profile-${name}`)}`;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', target, '--outdir', out, join(SAMPLE_2025, 'registers.xlsx')], {
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return out;
}

const converted: Record<string, string> = {};

beforeAll(async () => {
  work = await tempDir('weerbaarheid-writers-');
  original = await scored(SAMPLE_2025);
  const [xlsx, ods, xls, csv] = await Promise.all([
    libreOffice('xlsx:Calc MS Excel 2007 XML', 'xlsx'),
    libreOffice('ods', 'ods'),
    libreOffice('xls:MS Excel 97', 'xls'),
    // Every sheet to its own `registers-<blad>.csv`, UTF-8, `;`, cells as shown by a Dutch LibreOffice.
    libreOffice('csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1', 'csv', { LC_ALL: 'nl_NL.UTF-8', LANG: 'nl_NL.UTF-8' }),
  ]);
  Object.assign(converted, { xlsx, ods, xls, csv });
  const openpyxl = join(work, 'openpyxl');
  await mkdir(openpyxl);
  await run('/usr/bin/python3', ['-c', 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1], data_only=True).save(sys.argv[2])', join(SAMPLE_2025, 'registers.xlsx'), join(openpyxl, 'registers.xlsx')]);
  converted.openpyxl = openpyxl;
}, 300_000);

describe('the sample as other programs write it scores exactly like the original', () => {
  it('the original itself reads without errors', () => {
    expect(original.errors).toEqual([]);
    expect(original.analysis.risks.length).toBeGreaterThan(10);
  });

  it.each([
    ['LibreOffice .xlsx', 'xlsx'],
    ['LibreOffice .ods', 'ods'],
    ['LibreOffice .xls (Excel 97-2003)', 'xls'],
    ["LibreOffice CSV of every sheet (registers-Risico's.csv …)", 'csv'],
    ['openpyxl .xlsx', 'openpyxl'],
  ])('%s', async (_, key) => {
    const from = converted[key]!;
    const files = Object.fromEntries(await Promise.all((await readdir(from)).map(async (f) => [f, await readFile(join(from, f))] as const)));
    const result = await scored(await folder(key, files));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual(original.warnings);
    expect(result.analysis).toEqual(original.analysis);
  });
});

describe('hand-edited variants of the sample workbook score exactly like the original', () => {
  it.each(Object.entries(VARIANTS))('%s', async (name, variant) => {
    const result = await scored(await folder(name, { 'registers.xlsx': await applyVariant(await sampleBytes(), variant) }));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual(original.warnings);
    expect(result.analysis).toEqual(original.analysis);
  });

  it('the same variants as .xlsm are read too', async () => {
    const result = await scored(await folder('xlsm', { 'registers.xlsm': await sampleBytes() }));
    expect(result.analysis).toEqual(original.analysis);
  });
});
