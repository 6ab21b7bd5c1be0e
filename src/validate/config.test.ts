import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_METHOD } from '../model.js';
import { loadConfig } from './config.js';

const BASE = 'jaar: 2025\norganisatie: Ministerie van Defensie\nnetwerk: NAFIN\n';

let root: string;
let count = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'weerbaarheid-config-'));
  await mkdir(path.join(root, 'vorig-jaar'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A data folder `root/data-N` (so `../vorig-jaar` exists) holding this analyse.yaml. */
async function load(yaml: string) {
  const dir = path.join(root, `data-${++count}`);
  await mkdir(dir);
  await writeFile(path.join(dir, 'analyse.yaml'), yaml);
  return loadConfig(dir);
}

describe('loadConfig: valid files', () => {
  it('fills in the defaults: peildatum 31 December, the default method', async () => {
    const { settings, messages } = await load(`${BASE}rubricering: Departementaal Vertrouwelijk\n`);
    expect(messages).toEqual([]);
    expect(settings).toMatchObject({ jaar: 2025, peildatum: '2025-12-31', rubricering: 'dep-v', scoregrondslag: 'alle' });
    expect(settings?.methode.matrix).toEqual(DEFAULT_METHOD.matrix);
  });

  it.each([
    ['peildatum: 2025-06-30', '2025-06-30'],
    ['peildatum: "30-06-2025"', '2025-06-30'],
    ['peildatum: 30-06-2025', '2025-06-30'],
  ])('reads %s', async (line, peildatum) => {
    const { settings, messages } = await load(`${BASE}rubricering: Dep. V.\n${line}\n`);
    expect(messages).toEqual([]);
    expect(settings?.peildatum).toBe(peildatum);
  });

  it.each([['Openbaar', 'openbaar'], ['Ongerubriceerd', 'openbaar'], ['Stg. Confidentieel', 'stg-c'], ['STAATSGEHEIM CONFIDENTIEEL', 'stg-c']])(
    'reads rubricering %s',
    async (label, level) => {
      expect((await load(`${BASE}rubricering: ${label}\n`)).settings?.rubricering).toBe(level);
    },
  );

  it('reads the cover keys: status (default concept), issuing unit and date of issue', async () => {
    const plain = await load(`${BASE}rubricering: Dep. V.\n`);
    expect(plain.settings).toMatchObject({ status: 'concept' });
    expect(plain.settings?.uitgevendeEenheid).toBeUndefined();
    const full = await load(`${BASE}rubricering: Dep. V.\nstatus: Definitief\nuitgevendeEenheid: Directie CIO\nuitgiftedatum: 15-02-2026\n`);
    expect(full.messages).toEqual([]);
    expect(full.settings).toMatchObject({ status: 'definitief', uitgevendeEenheid: 'Directie CIO', uitgiftedatum: '2026-02-15' });
    const wrong = await load(`${BASE}rubricering: Dep. V.\nstatus: klaar\nuitgiftedatum: 31-02-2026\n`);
    expect(wrong.messages.map((m) => [m.column, m.ruleId])).toEqual(expect.arrayContaining([['status', 'onbekende-waarde'], ['uitgiftedatum', 'onmogelijke-datum']]));
  });

  it('keeps vorige as written when it exists relative to the data folder', async () => {
    const { settings, messages } = await load(`${BASE}rubricering: Openbaar\nvorige: ../vorig-jaar\n`);
    expect(messages).toEqual([]);
    expect(settings?.vorige).toBe('../vorig-jaar');
  });

  it('takes method overrides', async () => {
    const { settings, messages } = await load(`${BASE}rubricering: Openbaar\nmethode:\n  credit:\n    gepland: 0.1\n  gewichten:\n    DIG: 2\n`);
    expect(messages).toEqual([]);
    expect(settings?.methode.credit).toMatchObject({ gepland: 0.1, gereed: 1 });
    expect(settings?.methode.gewichten).toEqual({ DIG: 2 });
  });

  it('takes other spellings of chain partners, and none by default', async () => {
    const { settings, messages } = await load(`${BASE}rubricering: Openbaar\nketenpartners:\n  KMar: Koninklijke Marechaussee\n  RON: Rijksoverheidnetwerk\n`);
    expect(messages).toEqual([]);
    expect(settings?.ketenpartners).toEqual({ KMar: 'Koninklijke Marechaussee', RON: 'Rijksoverheidnetwerk' });
    expect((await load(`${BASE}rubricering: Openbaar\n`)).settings?.ketenpartners).toEqual({});
  });
});

describe('loadConfig: errors at their line', () => {
  it.each<[string, string, string, number | undefined, string | undefined, string?]>([
    ['syntax error', `${BASE}rubricering: [Openbaar\nvorige: x\n`, 'yaml-syntaxfout', 5, undefined],
    ['flow left open at the end, reported once', `${BASE}methode: {credit: [\n`, 'yaml-syntaxfout', 5, undefined],
    ['duplicate key', `${BASE}jaar: 2024\nrubricering: Openbaar\n`, 'yaml-syntaxfout', 4, undefined],
    ['unknown key', `${BASE}rubricering: Openbaar\nrubriek: x\n`, 'onbekende-sleutel', 5, 'rubriek', 'rubriek'],
    ['unknown key in methode', `${BASE}rubricering: Openbaar\nmethode:\n  kleur: rood\n`, 'onbekende-sleutel', 6, 'methode.kleur', 'kleur'],
    ['wrong type', `jaar: tweeduizend\norganisatie: X\nnetwerk: NAFIN\nrubricering: Openbaar\n`, 'verkeerd-type', 1, 'jaar', 'tweeduizend'],
    ['year out of range', `jaar: 1990\norganisatie: X\nnetwerk: NAFIN\nrubricering: Openbaar\n`, 'waarde-buiten-bereik', 1, 'jaar', '1990'],
    ['missing key', `jaar: 2025\nnetwerk: NAFIN\nrubricering: Openbaar\n`, 'verplichte-sleutel-ontbreekt', undefined, 'organisatie'],
    ['unknown classification', `${BASE}rubricering: Heel geheim\n`, 'onbekende-rubricering', 4, 'rubricering', 'Heel geheim'],
    ['impossible peildatum', `${BASE}rubricering: Openbaar\npeildatum: 31-02-2025\n`, 'onmogelijke-datum', 5, 'peildatum', '31-02-2025'],
    ['peildatum no date', `${BASE}rubricering: Openbaar\npeildatum: eind van het jaar\n`, 'verkeerd-type', 5, 'peildatum', 'eind van het jaar'],
    ['vorige does not exist', `${BASE}rubricering: Openbaar\nvorige: ../bestaat-niet\n`, 'vorige-bestaat-niet', 5, 'vorige', '../bestaat-niet'],
    ['matrix not 5×5', `${BASE}rubricering: Openbaar\nmethode:\n  matrix:\n    - [laag, laag, laag, laag, laag]\n`, 'waarde-buiten-bereik', 6, 'methode.matrix'],
    ['credit above 1', `${BASE}rubricering: Openbaar\nmethode:\n  credit:\n    gereed: 1.5\n`, 'waarde-buiten-bereik', 7, 'methode.credit.gereed', '1.5'],
    ['credit neither number nor voortgang', `${BASE}rubricering: Openbaar\nmethode:\n  credit:\n    gereed: veel\n`, 'verkeerd-type', 7, 'methode.credit.gereed', 'veel'],
    ['unknown status in credit', `${BASE}rubricering: Openbaar\nmethode:\n  credit:\n    afgerond: 1\n`, 'onbekende-sleutel', 7, 'methode.credit.afgerond', 'afgerond'],
    ['ketenpartners as a list', `${BASE}rubricering: Openbaar\nketenpartners: [KMar]\n`, 'verkeerd-type', 5, 'ketenpartners', '["KMar"]'],
    ['unknown class in matrix', `${BASE}rubricering: Openbaar\nmethode:\n  matrix:\n${'    - [laag, laag, laag, laag, laag]\n'.repeat(4)}    - [laag, laag, laag, laag, rood]\n`, 'onbekende-waarde', 11, 'methode.matrix.4.4', 'rood'],
  ])('%s', async (_, yaml, ruleId, row, column, actual) => {
    const { settings, messages } = await load(yaml);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ severity: 'error', file: 'analyse.yaml', ruleId });
    expect(messages[0]?.row).toBe(row);
    expect(messages[0]?.column).toBe(column);
    expect(messages[0]?.actual).toBe(actual ?? messages[0]?.actual);
    expect(messages[0]?.expected).toBeTruthy();
    if (ruleId !== 'vorige-bestaat-niet') expect(settings).toBeUndefined();
  });

  it('says in Dutch what was expected', async () => {
    const credit = (await load(`${BASE}rubricering: Openbaar\nmethode:\n  credit:\n    gereed: 1.5\n`)).messages[0];
    expect(credit?.expected).toBe('een getal van hoogstens 1');
    const word = (await load(`${BASE}rubricering: Openbaar\nmethode:\n  credit:\n    gereed: veel\n`)).messages[0];
    expect(word?.expected).toBe('een getal, of voortgang');
    const matrix = (await load(`${BASE}rubricering: Openbaar\nmethode:\n  matrix: [[laag]]\n`)).messages;
    expect(matrix.map((m) => m.expected)).toContain('een lijst met precies 5 elementen');
    const key = (await load(`${BASE}rubricering: Openbaar\nrubriek: x\n`)).messages[0];
    expect(key?.expected).toContain('peildatum');
  });

  it('reports every problem at once', async () => {
    const { messages } = await load(`jaar: 1990\norganisatie: ''\nnetwerk: NAFIN\nrubricering: Geheimpje\nfoo: 1\n`);
    expect(messages.map((m) => m.row).sort()).toEqual([1, 2, 4, 5]);
  });

  it('reports a missing analyse.yaml', async () => {
    const dir = path.join(root, 'leeg');
    await mkdir(dir);
    expect(await loadConfig(dir)).toMatchObject({ messages: [{ ruleId: 'bestand-ontbreekt', file: 'analyse.yaml' }] });
  });

  it('reports a file that holds no settings', async () => {
    expect((await load('- jaar\n- 2025\n')).messages).toMatchObject([{ ruleId: 'verkeerd-type', row: 1 }]);
  });
});

describe('loadConfig: rubricering as a level or as a classification decision (VIR-BI)', () => {
  it('reads the level alone, with no decision', async () => {
    const { settings } = await load(`${BASE}rubricering: Stg. Geheim\n`);
    expect(settings?.rubricering).toBe('stg-g');
    expect(settings).not.toHaveProperty('rubriceringBesluit');
  });

  it.each([
    ['a flow mapping, Dutch date', 'rubricering: { niveau: Stg. Geheim, vervalt: 31-12-2031, vastgesteldDoor: "Directeur CIO Defensie" }'],
    ['a block mapping, ISO date', 'rubricering:\n  niveau: Staatsgeheim Geheim\n  vervalt: 2031-12-31\n  vastgesteldDoor: Directeur CIO Defensie'],
  ])('reads the mapping: %s', async (_, yaml) => {
    const { settings, messages } = await load(`${BASE}${yaml}\n`);
    expect(messages).toEqual([]);
    expect(settings?.rubricering).toBe('stg-g');
    expect(settings?.rubriceringBesluit).toEqual({ vervalt: '2031-12-31', vastgesteldDoor: 'Directeur CIO Defensie' });
  });

  it('takes each part of the decision alone; a mapping with only the level is the level', async () => {
    expect((await load(`${BASE}rubricering: { niveau: Dep. V., vastgesteldDoor: CISO }\n`)).settings?.rubriceringBesluit).toEqual({ vastgesteldDoor: 'CISO' });
    expect((await load(`${BASE}rubricering: { niveau: Dep. V., vervalt: 2030-01-01 }\n`)).settings?.rubriceringBesluit).toEqual({ vervalt: '2030-01-01' });
    const bare = await load(`${BASE}rubricering: { niveau: Dep. V. }\n`);
    expect(bare.settings?.rubricering).toBe('dep-v');
    expect(bare.settings).not.toHaveProperty('rubriceringBesluit');
  });

  const decision = (lines: string) => `${BASE}rubricering:\n${lines}`;
  it.each<[string, string, string, number | undefined, string, string?]>([
    ['unknown niveau', decision('  niveau: Heel geheim\n  vervalt: 2031-12-31\n'), 'onbekende-rubricering', 5, 'rubricering.niveau', 'Heel geheim'],
    ['niveau missing', decision('  vervalt: 2031-12-31\n'), 'verplichte-sleutel-ontbreekt', 4, 'rubricering.niveau'],
    ['vervalt no date', decision('  niveau: Stg. Geheim\n  vervalt: over tien jaar\n'), 'verkeerd-type', 6, 'rubricering.vervalt', 'over tien jaar'],
    ['vervalt impossible', decision('  niveau: Stg. Geheim\n  vervalt: 31-02-2031\n'), 'onmogelijke-datum', 6, 'rubricering.vervalt', '31-02-2031'],
    ['vastgesteldDoor empty', decision("  niveau: Stg. Geheim\n  vastgesteldDoor: ''\n"), 'verplichte-waarde-ontbreekt', 6, 'rubricering.vastgesteldDoor'],
    ['unknown key in the mapping', decision('  niveau: Stg. Geheim\n  vervaldatum: 2031-12-31\n'), 'onbekende-sleutel', 6, 'rubricering.vervaldatum', 'vervaldatum'],
    ['a list', `${BASE}rubricering: [Stg. Geheim]\n`, 'onbekende-rubricering', 4, 'rubricering'],
    ['left out', BASE, 'verplichte-sleutel-ontbreekt', undefined, 'rubricering'],
  ])('%s: one error at its key', async (_, yaml, ruleId, row, column, actual) => {
    const { settings, messages } = await load(yaml);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ severity: 'error', file: 'analyse.yaml', ruleId, column });
    expect(messages[0]?.row).toBe(row);
    expect(messages[0]?.actual).toBe(actual ?? messages[0]?.actual);
    expect(messages[0]?.expected).toBeTruthy();
    expect(settings).toBeUndefined();
  });

  it('names the keys the mapping allows, and every problem in it at once', async () => {
    const { messages } = await load(decision('  niveau: Heel geheim\n  vervalt: 31-02-2031\n  door: CISO\n'));
    expect(messages.map((m) => [m.column, m.ruleId])).toEqual([
      ['rubricering.vervalt', 'onmogelijke-datum'],
      ['rubricering.niveau', 'onbekende-rubricering'],
      ['rubricering.door', 'onbekende-sleutel'],
    ]);
    expect(messages[2]?.expected).toBe('niveau, vervalt, vastgesteldDoor');
  });

  it('refuses a lapse date on or before the date of issue: the cover would mark a lapsed classification', async () => {
    const before = await load(decision('  niveau: Stg. Geheim\n  vervalt: 2021-12-31\n'));
    expect(before.messages).toEqual([
      expect.objectContaining({ severity: 'error', ruleId: 'rubricering-vervalt-voor-uitgifte', row: 6, column: 'rubricering.vervalt', actual: '2021-12-31', expected: expect.stringContaining('2025-12-31') }),
    ]);
    expect(before.messages[0]?.reason).toContain('Stg. Geheim');
    const onIssue = await load(`${decision('  niveau: Stg. Geheim\n  vervalt: 2026-02-15\n')}uitgiftedatum: 2026-02-15\n`);
    expect(onIssue.messages.map((m) => m.ruleId)).toEqual(['rubricering-vervalt-voor-uitgifte']);
    expect((await load(`${decision('  niveau: Stg. Geheim\n  vervalt: 2026-02-16\n')}uitgiftedatum: 2026-02-15\n`)).messages).toEqual([]);
  });

  it('refuses a lapse date on Openbaar, which is no classification', async () => {
    const { messages } = await load(decision('  niveau: Openbaar\n  vervalt: 2031-12-31\n'));
    expect(messages).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'vervalt-bij-openbaar', row: 6, column: 'rubricering.vervalt' })]);
  });
});

describe('loadConfig: hostile files', () => {
  it('refuses an alias bomb at its first alias, naming the limit, in Dutch and fast', async () => {
    // Nine levels of ten: a billion values from nine lines.
    const names = [...'abcdefghi'];
    const levels = names.map((n, i) => `${n}: &${n} [${Array(10).fill(i === 0 ? 'x' : `*${names[i - 1]}`).join(', ')}]`);
    const start = performance.now();
    const { settings, messages } = await load(`${BASE}rubricering: Openbaar\n${levels.join('\n')}\n`);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(settings).toBeUndefined();
    expect(messages).toEqual([
      expect.objectContaining({ severity: 'error', ruleId: 'te-veel-aliassen', file: 'analyse.yaml', row: 6, expected: expect.stringContaining('100') }),
    ]);
    expect(messages[0]!.reason).toMatch(/aliassen.*100/);
    expect(messages[0]!.reason).not.toMatch(/resource|exhaustion|alias count/i);
  });

  it('refuses a netwerk too long for a file name at its line, before any run', async () => {
    const { messages } = await load(`jaar: 2025\norganisatie: Ministerie van Defensie\nnetwerk: ${'N'.repeat(100_000)}\nrubricering: Openbaar\n`);
    expect(messages).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'waarde-te-lang', row: 3, column: 'netwerk', expected: expect.stringContaining('120') })]);
    expect(messages[0]!.actual!.length).toBeLessThan(100);
  });

  it('takes a netwerk of 120 letters', async () => {
    const { messages } = await load(`jaar: 2025\norganisatie: Ministerie van Defensie\nnetwerk: ${'N'.repeat(120)}\nrubricering: Openbaar\n`);
    expect(messages).toEqual([]);
  });
});
