import { describe, expect, it } from 'vitest';
import type { Analysis, RiskLevel, ScoredMeasure, ScoredRisk } from '../analysis.js';
import { AnalysisSchema } from '../analysis.js';
import { ConfigSchema, DEFAULT_METHOD, type Registers } from '../model.js';
import { score } from '../score/index.js';
import { counts } from '../score/totals.js';
import { canRenderAt, filterAnalysis, filterMessages, filterRegisters } from './filter.js';
import { LEVELS, type Level } from './levels.js';

function level(score: number): RiskLevel {
  return { kans: score / 5, impact: 5, score, klasse: score > 16 ? 'zeer hoog' : score > 9 ? 'hoog' : score > 4 ? 'midden' : 'laag' };
}

function risk(id: string, rubricering: Level, actueel: number, extra: Partial<ScoredRisk> = {}): ScoredRisk {
  return {
    id,
    titel: `Risico ${id}`,
    omschrijving: '',
    dreigingscategorie: 'technisch falen',
    indicatoren: ['DIG'],
    eigenaar: 'CIO',
    contactpersoon: `Contact ${id}`,
    rubricering,
    ketenpartners: [],
    status: 'open',
    bruto: level(20),
    actueel: level(actueel),
    streef: level(4),
    maatregelen: [],
    totaalCredit: 0,
    ...extra,
  };
}

function measure(id: string, rubricering: Level, risicos: string[], extra: Partial<ScoredMeasure> = {}): ScoredMeasure {
  return {
    id,
    titel: `Maatregel ${id}`,
    omschrijving: '',
    risicos,
    type: 'intern',
    status: 'gereed',
    kansreductie: 1,
    impactreductie: 0,
    kostenStructureel: 0,
    kostenEenmalig: 0,
    eigenaar: 'Netwerkbeheer',
    contactpersoon: `Contact ${id}`,
    rubricering,
    credit: 1,
    teLaat: false,
    dagenTeLaat: 0,
    effect: null,
    restkosten: null,
    effectPerMEuro: null,
    ...extra,
  };
}

const perKlasse = { laag: 0, midden: 1, hoog: 1, 'zeer hoog': 1 };

/**
 * R1 Openbaar, R2 Dep. V., R3 Stg. C, R4 Stg. G (the worst DIG risk), R5 Stg. ZG.
 * M1 Openbaar on R1 and R2, M2 Dep. V. on R2, M3 Stg. G on R4, M4 Openbaar on R3 only.
 * Every item above Openbaar carries a canary in titel, omschrijving, eigenaar and ketenpartners;
 * every contactpersoon is a canary.
 */
function sample(): Analysis {
  const secret = (id: string) => ({ titel: `KANARIE-TITEL-${id}`, omschrijving: `KANARIE-OMSCHRIJVING-${id}`, eigenaar: `KANARIE-EIGENAAR-${id}` });
  return {
    jaar: 2025,
    peildatum: '2025-12-31',
    rubricering: 'stg-zg',
    organisatie: 'Ministerie van Defensie',
    netwerk: 'NAFIN',
    scoregrondslag: 'alle',
    methode: DEFAULT_METHOD,
    risks: [
      risk('R1', 'openbaar', 9, { indicatoren: ['DIG', 'FYS'], ketenpartners: ['Politie'], maatregelen: ['M1'], contactpersoon: 'KANARIE-CONTACT-R1' }),
      risk('R2', 'dep-v', 12, { ...secret('R2'), ketenpartners: ['KANARIE-PARTNER-R2'], maatregelen: ['M1', 'M2'], contactpersoon: 'KANARIE-CONTACT-R2' }),
      risk('R3', 'stg-c', 15, { ...secret('R3'), indicatoren: ['FYS'], maatregelen: ['M4'], contactpersoon: 'KANARIE-CONTACT-R3' }),
      risk('R4', 'stg-g', 20, { ...secret('R4'), ketenpartners: ['KANARIE-PARTNER-R4'], maatregelen: ['M3'], contactpersoon: 'KANARIE-CONTACT-R4' }),
      risk('R5', 'stg-zg', 25, { ...secret('R5'), indicatoren: ['KET'] }),
    ],
    measures: [
      measure('M1', 'openbaar', ['R1', 'R2'], { contactpersoon: 'KANARIE-CONTACT-M1' }),
      measure('M2', 'dep-v', ['R2'], { ...secret('M2'), contactpersoon: 'KANARIE-CONTACT-M2' }),
      measure('M3', 'stg-g', ['R4'], { ...secret('M3'), contactpersoon: 'KANARIE-CONTACT-M3' }),
      measure('M4', 'openbaar', ['R3'], { titel: 'Reservevoorraad kernapparatuur' }),
    ],
    incidents: [
      { id: 'I1', soort: 'incident', datum: '2025-08-27', titel: 'Storing tijdsynchronisatie', omschrijving: '', indicatoren: ['DIG'], hersteltijd: 13, norm: 4, rubricering: 'openbaar' },
      { id: 'I2', soort: 'oefening', datum: '2025-03-01', ...secret('I2'), indicatoren: ['CRI'], rubricering: 'stg-c' },
    ],
    indicators: [
      { code: 'DIG', naam: 'digitale weerbaarheid', score: 43, aantalRisicos: 3, vorigeScore: 50, verandering: -7, brug: { nieuwEnVervallen: -2, herbeoordeling: -6, maatregelen: 1 }, perKlasse, slechtsteRisico: 'R4' },
      { code: 'FYS', naam: 'fysieke weerbaarheid', score: 52, aantalRisicos: 2, vorigeScore: null, verandering: null, brug: null, perKlasse, slechtsteRisico: 'R3' },
      { code: 'KET', naam: 'weerbaarheid tegen grote ketenafhankelijkheden', score: 0, aantalRisicos: 1, vorigeScore: null, verandering: null, brug: null, perKlasse, slechtsteRisico: 'R5' },
      { code: 'CRI', naam: 'crisisbeheersing', score: null, aantalRisicos: 0, vorigeScore: null, verandering: null, brug: null, perKlasse, slechtsteRisico: null },
    ],
    ketenpartners: [
      { naam: 'KANARIE-PARTNER-R4', risicos: ['R4'], perKlasse: { ...perKlasse, hoog: 0, 'zeer hoog': 1 }, perKlasseStreef: perKlasse, slechtsteRisico: 'R4' },
      { naam: 'Politie', risicos: ['R1', 'R2'], perKlasse: { ...perKlasse, hoog: 1, 'zeer hoog': 0 }, perKlasseStreef: perKlasse, slechtsteRisico: 'R2' },
      { naam: 'KANARIE-PARTNER-R2', risicos: ['R2'], perKlasse: { ...perKlasse, midden: 0, 'zeer hoog': 0 }, perKlasseStreef: perKlasse, slechtsteRisico: 'R2' },
    ],
    totals: {
      maatregelenPerStatus: { gepland: 0, 'in uitvoering': 0, vertraagd: 0, gereed: 4, geannuleerd: 0 },
      maatregelenTeLaat: 0,
      kostenStructureel: 3,
      kostenEenmalig: 9,
      risicosPerKlasse: { bruto: perKlasse, actueel: perKlasse, streef: perKlasse },
      totaalScore: 40,
    },
    trend: {
      vorigJaar: 2024,
      methodeVergelijkbaar: true,
      methodeVerschillen: [],
      nieuweRisicos: ['R1', 'R4'],
      // R9 left the register this year: its level is unknown.
      geslotenRisicos: ['R3', 'R9'],
      klasseWijzigingen: [
        { id: 'R1', van: 'hoog', naar: 'midden' },
        { id: 'R2', van: 'zeer hoog', naar: 'hoog' },
      ],
      nieuwTeLaat: ['M2'],
      nieuwGereed: ['M1', 'M3', 'M4'],
    },
    historie: [],
  };
}

const CANARIES = [
  ...['R2', 'R3', 'R4', 'M2', 'M3', 'I2'].flatMap((id) => [`KANARIE-TITEL-${id}`, `KANARIE-OMSCHRIJVING-${id}`, `KANARIE-EIGENAAR-${id}`]),
  'KANARIE-PARTNER-R2',
  'KANARIE-PARTNER-R4',
  ...['R1', 'R2', 'R3', 'R4', 'M1', 'M2', 'M3'].map((id) => `KANARIE-CONTACT-${id}`),
];

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('canRenderAt', () => {
  it.each([
    ['dep-v', 'openbaar', true],
    ['dep-v', 'dep-v', true],
    ['dep-v', 'stg-c', false],
    ['openbaar', 'dep-v', false],
    ['stg-zg', 'stg-g', true],
  ] as const)('analysis %s, requested %s → %s', (own, requested, expected) => {
    expect(canRenderAt(own, requested)).toBe(expected);
  });
});

describe('filterAnalysis', () => {
  it.each([
    ['openbaar', ['R1'], ['M1'], ['I1']],
    ['dep-v', ['R1', 'R2'], ['M1', 'M2'], ['I1']],
    ['stg-c', ['R1', 'R2', 'R3'], ['M1', 'M2', 'M4'], ['I1', 'I2']],
    ['stg-g', ['R1', 'R2', 'R3', 'R4'], ['M1', 'M2', 'M3', 'M4'], ['I1', 'I2']],
    ['stg-zg', ['R1', 'R2', 'R3', 'R4', 'R5'], ['M1', 'M2', 'M3', 'M4'], ['I1', 'I2']],
  ] as const)('at %s keeps risks %j, measures %j, incidents %j', (lvl, risks, measures, incidents) => {
    const filtered = filterAnalysis(sample(), lvl);
    expect(ids(filtered.risks)).toEqual(risks);
    expect(ids(filtered.measures)).toEqual(measures);
    expect(ids(filtered.incidents)).toEqual(incidents);
    expect(filtered.rubricering).toBe(lvl);
  });

  it('leaves no canary at Openbaar and keeps them all at Stg. Geheim', () => {
    const openbaar = JSON.stringify(filterAnalysis(sample(), 'openbaar'));
    const geheim = JSON.stringify(filterAnalysis(sample(), 'stg-g'));
    for (const canary of CANARIES) {
      expect(openbaar).not.toContain(canary);
      expect(geheim).toContain(canary);
    }
  });

  it('deletes contactpersoon below Departementaal Vertrouwelijk and keeps it from there up', () => {
    for (const lvl of LEVELS) {
      const filtered = filterAnalysis(sample(), lvl);
      const items = [...filtered.risks, ...filtered.measures];
      const expected = lvl !== 'openbaar';
      expect(items.every((item) => 'contactpersoon' in item === expected), lvl).toBe(true);
    }
  });

  it('removes hidden IDs from measure.risicos and risk.maatregelen', () => {
    const openbaar = filterAnalysis(sample(), 'openbaar');
    expect(openbaar.measures.find((m) => m.id === 'M1')?.risicos).toEqual(['R1']);
    expect(openbaar.risks.find((r) => r.id === 'R1')?.maatregelen).toEqual(['M1']);
    const depV = filterAnalysis(sample(), 'dep-v');
    expect(depV.risks.find((r) => r.id === 'R2')?.maatregelen).toEqual(['M1', 'M2']);
    const stgC = filterAnalysis(sample(), 'stg-c');
    expect(stgC.risks.find((r) => r.id === 'R4')).toBeUndefined();
    expect(stgC.measures.find((m) => m.id === 'M4')?.risicos).toEqual(['R3']);
  });

  it('drops a visible measure whose risks are all hidden', () => {
    // M4 is Openbaar but names only R3 (Stg. C).
    expect(ids(filterAnalysis(sample(), 'dep-v').measures)).not.toContain('M4');
  });

  it('recomputes slechtsteRisico over visible, not closed risks when the worst is hidden', () => {
    const slechtste = (a: Analysis) => Object.fromEntries(a.indicators.map((i) => [i.code, i.slechtsteRisico]));
    expect(slechtste(filterAnalysis(sample(), 'stg-zg'))).toEqual({ DIG: 'R4', FYS: 'R3', KET: 'R5', CRI: null });
    expect(slechtste(filterAnalysis(sample(), 'stg-c'))).toEqual({ DIG: 'R2', FYS: 'R3', KET: null, CRI: null });
    expect(slechtste(filterAnalysis(sample(), 'openbaar'))).toEqual({ DIG: 'R1', FYS: 'R1', KET: null, CRI: null });

    const closed = sample();
    closed.risks = closed.risks.map((r) => (r.id === 'R2' ? { ...r, status: 'gesloten' as const } : r));
    expect(slechtste(filterAnalysis(closed, 'dep-v')).DIG).toBe('R1');
  });

  it('picks the first risk in register order on a tie', () => {
    const tie = sample();
    tie.risks = tie.risks.map((r) => (r.id === 'R2' ? { ...r, actueel: level(9) } : r));
    expect(filterAnalysis(tie, 'dep-v').indicators[0]?.slechtsteRisico).toBe('R1');
  });

  it('keeps only visible IDs in the trend, and unknown IDs only at the analysis own level', () => {
    expect(filterAnalysis(sample(), 'openbaar').trend).toMatchObject({
      nieuweRisicos: ['R1'],
      geslotenRisicos: [],
      klasseWijzigingen: [{ id: 'R1', van: 'hoog', naar: 'midden' }],
      nieuwTeLaat: [],
      nieuwGereed: ['M1'],
    });
    expect(filterAnalysis(sample(), 'stg-c').trend?.geslotenRisicos).toEqual(['R3']);
    expect(filterAnalysis(sample(), 'stg-zg').trend).toEqual(sample().trend);
  });

  it('keeps a chain partner with its visible risks and counts, the worst visible one, and drops a partner only hidden risks name', () => {
    const partners = (lvl: Level) => filterAnalysis(sample(), lvl).ketenpartners;
    expect(partners('openbaar')).toEqual([{ naam: 'Politie', risicos: ['R1'], perKlasse: { ...perKlasse, hoog: 1, 'zeer hoog': 0 }, perKlasseStreef: perKlasse, slechtsteRisico: 'R1' }]);
    expect(partners('dep-v').map((p) => [p.naam, p.risicos, p.slechtsteRisico])).toEqual([
      ['Politie', ['R1', 'R2'], 'R2'],
      ['KANARIE-PARTNER-R2', ['R2'], 'R2'],
    ]);
    expect(partners('stg-zg')).toEqual(sample().ketenpartners);
  });

  it('keeps the aggregates computed over all data', () => {
    const original = sample();
    const openbaar = filterAnalysis(original, 'openbaar');
    expect(openbaar.totals).toEqual(original.totals);
    expect(openbaar.indicators.map(({ slechtsteRisico: _, ...rest }) => rest)).toEqual(original.indicators.map(({ slechtsteRisico: _, ...rest }) => rest));
  });

  it('keeps the threat counts, and folds the categories only hidden risks name into one last row without a name', () => {
    const original = sample();
    original.risks = original.risks.map((r) => (r.id === 'R3' || r.id === 'R4' ? { ...r, dreigingscategorie: `KANARIE-CATEGORIE-${r.id}` } : r));
    original.totals = { ...original.totals, aantallen: counts(original) };
    const threats = (lvl: Level) => filterAnalysis(original, lvl).totals.aantallen!.dreiging;
    expect(threats('openbaar')).toEqual([
      { categorie: 'technisch falen', perIndicator: { DIG: 2, FYS: 1, KET: 1 }, totaal: 3, hoog: 2 },
      { categorie: null, perIndicator: { DIG: 1, FYS: 1 }, totaal: 2, hoog: 2 },
    ]);
    expect(JSON.stringify(threats('openbaar'))).not.toContain('KANARIE');
    expect(threats('stg-c').map((t) => [t.categorie, t.totaal])).toEqual([
      ['KANARIE-CATEGORIE-R3', 1],
      ['technisch falen', 3],
      [null, 1],
    ]);
    expect(threats('stg-zg')).toEqual(original.totals.aantallen!.dreiging);
  });

  it('does not mutate its input and returns a valid analysis', () => {
    const original = sample();
    const snapshot = structuredClone(original);
    for (const lvl of LEVELS) expect(AnalysisSchema.safeParse(filterAnalysis(original, lvl)).success, lvl).toBe(true);
    expect(original).toEqual(snapshot);
  });

  it('refuses a level above the analysis own', () => {
    expect(() => filterAnalysis({ ...sample(), rubricering: 'dep-v' }, 'stg-c')).toThrow(RangeError);
  });
});

describe('filterRegisters', () => {
  const registers = (): Registers => {
    const a = sample();
    return {
      risks: a.risks.map(({ bruto, actueel: _a, streef: _s, maatregelen: _m, totaalCredit: _t, ...r }) => ({ ...r, kans: bruto.kans, impact: bruto.impact })),
      measures: a.measures.map(({ credit: _c, teLaat: _t, dagenTeLaat: _d, ...m }) => m),
      incidents: a.incidents,
    };
  };

  it.each([
    ['openbaar', ['R1'], ['M1'], ['I1']],
    ['dep-v', ['R1', 'R2'], ['M1', 'M2'], ['I1']],
    ['stg-c', ['R1', 'R2', 'R3'], ['M1', 'M2', 'M4'], ['I1', 'I2']],
  ] as const)('at %s keeps risks %j, measures %j, incidents %j', (lvl, risks, measures, incidents) => {
    const filtered = filterRegisters(registers(), lvl);
    expect(ids(filtered.risks)).toEqual(risks);
    expect(ids(filtered.measures)).toEqual(measures);
    expect(ids(filtered.incidents)).toEqual(incidents);
  });

  it('cleans references and personal data without mutating its input', () => {
    const original = registers();
    const snapshot = structuredClone(original);
    const openbaar = filterRegisters(original, 'openbaar');
    expect(openbaar.measures[0]?.risicos).toEqual(['R1']);
    const text = JSON.stringify(openbaar);
    for (const canary of CANARIES) expect(text).not.toContain(canary);
    expect(JSON.stringify(filterRegisters(original, 'dep-v'))).toContain('KANARIE-CONTACT-R1');
    expect(original).toEqual(snapshot);
  });

  it('feeds the scorer for scoregrondslag zichtbaar, after which filterAnalysis leaves nothing hidden', () => {
    const settings = { ...ConfigSchema.parse({ jaar: 2025, organisatie: 'Defensie', netwerk: 'NAFIN', rubricering: 'stg-zg', scoregrondslag: 'zichtbaar' }), peildatum: '2025-12-31' };
    const lastYear = score(registers(), { ...settings, jaar: 2024, peildatum: '2024-12-31' });
    const visible = filterAnalysis(score(filterRegisters(registers(), 'openbaar'), settings, lastYear), 'openbaar');
    expect(AnalysisSchema.safeParse(visible).success).toBe(true);
    expect(visible.indicators.find((i) => i.code === 'DIG')?.aantalRisicos).toBe(1);
    // Last year's hidden risks are not in this year's visible registers: the scorer calls them closed.
    expect(visible.trend?.geslotenRisicos).toEqual([]);
    const text = JSON.stringify(visible);
    for (const canary of CANARIES) expect(text).not.toContain(canary);
  });
});

describe('filterMessages', () => {
  const src = (row: number) => ({ file: 'registers.xlsx', sheet: "Risico's", row });
  const registers: Registers = {
    risks: [
      { id: 'R-1', titel: 'a', omschrijving: '', dreigingscategorie: 'x', indicatoren: ['DIG'], kans: 2, impact: 2, eigenaar: '', rubricering: 'openbaar', ketenpartners: [], status: 'open', source: src(2) },
      { id: 'R-2', titel: 'b', omschrijving: '', dreigingscategorie: 'x', indicatoren: ['DIG'], kans: 2, impact: 2, eigenaar: '', rubricering: 'stg-c', ketenpartners: [], status: 'gesloten', source: src(3) },
    ],
    measures: [],
    incidents: [],
  };
  const warn = (row: number, reason: string, items: string[]) => ({ severity: 'warning' as const, ruleId: 'x', reason, file: 'registers.xlsx', sheet: "Risico's", row, items });

  it('drops messages on rows of hidden items and messages naming hidden IDs, keeps the rest', () => {
    const messages = [warn(2, 'Risico R-1 heeft geen maatregelen.', ['R-1']), warn(3, 'Risico R-2 is verouderd.', ['R-2']), warn(2, 'Open maatregelen.', ['R-1', 'M-9', 'R-2']), warn(2, 'Risico R-12 bestaat.', ['R-12'])];
    expect(filterMessages(messages, registers, 'openbaar').map((m) => m.reason)).toEqual(['Risico R-1 heeft geen maatregelen.', 'Risico R-12 bestaat.']);
    expect(filterMessages(messages, registers, 'stg-c')).toHaveLength(4);
  });

  it('reads the IDs a message carries, not its text: a hidden ID with dots, spaces and quotes is found, a visible look-alike kept', () => {
    const odd = ["2025.M.01", "M 7 (oud)", "M:'x'"];
    const withOdd: Registers = {
      ...registers,
      measures: odd.map((id, i) => ({ id, titel: 't', omschrijving: '', risicos: ['R-1'], type: 'intern', status: 'gepland', voortgang: 0, kansreductie: 1, impactreductie: 0, kostenStructureel: 0, kostenEenmalig: 0, eigenaar: '', rubricering: 'stg-g', source: { file: 'registers.xlsx', sheet: 'Maatregelen', row: 10 + i } })),
    };
    const messages = odd.map((id) => warn(2, `Risico R-1 noemt ${id}.`, ['R-1', id]));
    const text = warn(2, 'Maatregel 2025.M.01 lijkt op een verborgen ID, maar de melding gaat over R-1.', ['R-1']);
    expect(filterMessages([...messages, text], withOdd, 'openbaar')).toEqual([text]);
  });
});
