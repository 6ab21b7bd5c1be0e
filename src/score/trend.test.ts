import { describe, expect, it } from 'vitest';
import { AnalysisSchema, type Analysis } from '../analysis.js';
import { DEFAULT_METHOD, MethodSchema, type Method, type RiskClass } from '../model.js';
import { buildMeasure, buildRisk, buildSettings } from './fixtures/build.js';
import { score } from './index.js';
import { isDefaultMethod, methodDifferences } from './method.js';

const standard = MethodSchema.parse({});
const method = (overrides: Partial<Method>): Method => MethodSchema.parse(overrides);
const allLow = DEFAULT_METHOD.matrix.map((row) => row.map((): RiskClass => 'laag'));

describe('method comparison', () => {
  it('knows the default method, also under another name', () => {
    expect(isDefaultMethod(standard)).toBe(true);
    expect(isDefaultMethod(method({ naam: 'NAFIN 2025' }))).toBe(true);
    expect(isDefaultMethod(method({ gewichten: { DIG: 2 } }))).toBe(false);
    expect(methodDifferences(standard, standard)).toEqual([]);
  });

  it.each<[string, Partial<Method>, string[]]>([
    ['naam', { naam: 'streng' }, ["De naam van de methode is gewijzigd van 'standaard' naar 'streng'."]],
    ['matrix', { matrix: allLow }, ['De risicomatrix is gewijzigd.']],
    ['credit', { credit: { ...DEFAULT_METHOD.credit, vertraagd: 0.5 } }, ["Het voortgangsaandeel voor 'vertraagd' is gewijzigd van Voortgang/100 naar 0,5."]],
    [
      'schaal',
      { schalen: { ...DEFAULT_METHOD.schalen, impact: ['klein', 'aanzienlijk', 'ernstig', 'zeer ernstig', 'catastrofaal'] } },
      ["Het label van Impact 1 is gewijzigd van 'beperkt' naar 'klein'."],
    ],
    ['gewicht', { gewichten: { DIG: 2 } }, ['Het gewicht van indicator DIG is gewijzigd van 1 naar 2.']],
    [
      'indicatoren',
      {
        indicatoren: [
          { code: 'DIG', naam: 'digitaal' },
          { code: 'FYS', naam: 'fysieke weerbaarheid' },
          { code: 'SOC', naam: 'sociale weerbaarheid' },
        ],
      },
      [
        'Indicator ECO (economische weerbaarheid) is vervallen.',
        'Indicator KET (weerbaarheid tegen grote ketenafhankelijkheden) is vervallen.',
        'Indicator CRI (crisisbeheersing) is vervallen.',
        'Indicator SOC (sociale weerbaarheid) is toegevoegd.',
        "De naam van indicator DIG is gewijzigd van 'digitale weerbaarheid' naar 'digitaal'.",
        'De volgorde van de indicatoren is gewijzigd.',
      ],
    ],
  ])('describes a changed %s', (_, overrides, sentences) => {
    expect(methodDifferences(standard, method(overrides))).toEqual(sentences);
  });
});

describe('trend', () => {
  // Last year: R1 hoog, R2 and R3 open, R4 and R5 already gesloten. M1 not yet due, M2 under way, M3 done, M4 late.
  const lastYear = {
    risks: [
      buildRisk({ id: 'R1', kans: 4, impact: 4, indicatoren: ['DIG'] }),
      buildRisk({ id: 'R2', kans: 2, impact: 2, indicatoren: ['FYS'] }),
      buildRisk({ id: 'R3', indicatoren: ['DIG'] }),
      buildRisk({ id: 'R4', status: 'gesloten' }),
      buildRisk({ id: 'R5', status: 'gesloten' }),
    ],
    measures: [
      buildMeasure({ id: 'M1', risicos: ['R1'], status: 'gepland', streefdatum: '2025-06-01' }),
      buildMeasure({ id: 'M2', risicos: ['R1'], status: 'in uitvoering', voortgang: 50, kansreductie: 2, impactreductie: 0 }),
      buildMeasure({ id: 'M3', risicos: ['R2'], status: 'gereed' }),
      buildMeasure({ id: 'M4', risicos: ['R2'], status: 'gepland', streefdatum: '2024-06-01' }),
    ],
    incidents: [],
  };
  // This year: M2 done (R1 hoog → midden), R2 gesloten, R3 gone, R6 new, M1 now late.
  const thisYear = {
    risks: [
      buildRisk({ id: 'R6', indicatoren: ['DIG'] }),
      lastYear.risks[0]!,
      buildRisk({ id: 'R2', kans: 2, impact: 2, indicatoren: ['FYS'], status: 'gesloten' }),
      buildRisk({ id: 'R5', status: 'gesloten' }),
    ],
    measures: [lastYear.measures[0]!, buildMeasure({ ...lastYear.measures[1]!, status: 'gereed' }), lastYear.measures[2]!, lastYear.measures[3]!],
    incidents: [],
  };
  /** Last year's result as next year's run reads it: through analysis.json. */
  const previousWith = (methode: Partial<Method> = {}): Analysis =>
    AnalysisSchema.parse(JSON.parse(JSON.stringify(score(lastYear, buildSettings(methode, '2024-12-31')))));
  const current = (previous: Analysis, methode: Partial<Method> = {}) => score(thisYear, buildSettings(methode, '2025-12-31'), previous);

  it('lists new, closed, reclassified, newly late and newly completed items', () => {
    const { trend } = current(previousWith());
    expect(trend).toEqual({
      vorigJaar: 2024,
      methodeVergelijkbaar: true,
      methodeVerschillen: [],
      nieuweRisicos: ['R6'],
      geslotenRisicos: ['R2', 'R3'],
      klasseWijzigingen: [{ id: 'R1', van: 'hoog', naar: 'midden', door: 'maatregelen' }],
      nieuwTeLaat: ['M1'],
      nieuwGereed: ['M2'],
    });
  });

  it('gives each indicator its change since last year', () => {
    const dig = current(previousWith()).indicators.find((i) => i.code === 'DIG');
    // Last year R1 3 × 4 = 12 and R3 3 × 3 = 9; this year R6 9 and R1 2 × 4 = 8.
    expect(dig?.vorigeScore).toBeCloseTo(100 * (1 - 21 / 50), 12);
    expect(dig?.score).toBeCloseTo(100 * (1 - 17 / 50), 12);
    expect(dig?.verandering).toBeCloseTo(8, 12);
    // FYS had a score last year but has no open risks now: no change to show.
    expect(current(previousWith()).indicators.find((i) => i.code === 'FYS')).toMatchObject({ score: null, verandering: null });
    expect(current(previousWith()).indicators.find((i) => i.code === 'FYS')?.vorigeScore).toBe(96); // R2 1 × 1 after M3
  });

  it('compares no scores when the credit table changed, but still the classes', () => {
    const result = current(previousWith(), { credit: { ...DEFAULT_METHOD.credit, vertraagd: 0.5 } });
    expect(result.trend?.methodeVergelijkbaar).toBe(false);
    expect(result.trend?.methodeVerschillen).toEqual(["Het voortgangsaandeel voor 'vertraagd' is gewijzigd van Voortgang/100 naar 0,5."]);
    expect(result.indicators.every((i) => i.vorigeScore === null && i.verandering === null)).toBe(true);
    expect(result.trend?.klasseWijzigingen).toHaveLength(1);
  });

  it('compares neither scores nor classes when the matrix changed', () => {
    const result = current(previousWith({ matrix: allLow }));
    expect(result.trend).toMatchObject({ methodeVergelijkbaar: false, methodeVerschillen: ['De risicomatrix is gewijzigd.'], klasseWijzigingen: [] });
    expect(result.indicators.every((i) => i.vorigeScore === null)).toBe(true);
    expect(result.trend?.nieuweRisicos).toEqual(['R6']);
  });

  it('compares no scores when a scale changed', () => {
    const schalen = { ...DEFAULT_METHOD.schalen, kans: ['1', '2', '3', '4', '5'] };
    expect(current(previousWith({ schalen })).trend?.methodeVergelijkbaar).toBe(false);
  });

  it('compares only the indicators both years share when the indicator set changed', () => {
    const indicatoren = [{ code: 'DIG', naam: 'digitale weerbaarheid' }, { code: 'SOC', naam: 'sociale weerbaarheid' }];
    const result = current(previousWith(), { indicatoren });
    expect(result.trend?.methodeVergelijkbaar).toBe(true);
    expect(result.indicators.map((i) => [i.code, i.vorigeScore === null])).toEqual([
      ['DIG', false],
      ['SOC', true],
    ]);
  });

  it('lets weights change only the total score', () => {
    const result = current(previousWith(), { gewichten: { DIG: 2 } });
    expect(result.trend?.methodeVergelijkbaar).toBe(true);
    expect(result.indicators.find((i) => i.code === 'DIG')?.verandering).toBeCloseTo(8, 12);
  });

  it('is absent without last year', () => {
    const result = score(thisYear, buildSettings());
    expect(result.trend).toBeNull();
    expect(result.indicators.every((i) => i.vorigeScore === null && i.verandering === null)).toBe(true);
  });
});
