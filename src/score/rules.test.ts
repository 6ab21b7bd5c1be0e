import { describe, expect, it } from 'vitest';
import { ScoredMeasureSchema, ScoredRiskSchema } from '../analysis.js';
import { DEFAULT_METHOD, type Measure, type MeasureStatus, type RiskClass } from '../model.js';
import { buildMeasure, buildRisk, buildSettings } from './fixtures/build.js';
import { measureCredit } from './credit.js';
import { score } from './index.js';
import { lateness } from './late.js';
import { classify } from './level.js';

const noIncidents = { incidents: [] };

describe('class lookup at rounded kans and impact', () => {
  it.each<[number, number, RiskClass]>([
    [2, 2, 'laag'],
    [2.5, 2, 'midden'], // half rounds up: 3 × 2 = 6
    [2.49, 2, 'laag'],
    [2.4999999999, 2, 'laag'], // no epsilon: just below the edge stays below
    [1.5, 1.5, 'laag'], // 2 × 2 = 4
    [1.5, 2.5, 'midden'], // 2 × 3 = 6
    [3, 3, 'midden'],
    [3.5, 3.5, 'hoog'], // 4 × 4 = 16
    [4.5, 3.5, 'zeer hoog'], // 5 × 4 = 20
    [1, 5, 'midden'],
    [5, 5, 'zeer hoog'],
  ])('kans %d, impact %d → %s', (kans, impact, klasse) => {
    expect(classify(kans, impact, DEFAULT_METHOD.matrix)).toBe(klasse);
  });

  it('reads matrix[kans-1][impact-1], not the transpose', () => {
    const matrix = DEFAULT_METHOD.matrix.map((row) => row.map((): RiskClass => 'laag'));
    (matrix[4] as RiskClass[])[0] = 'zeer hoog';
    expect(classify(5, 1, matrix)).toBe('zeer hoog');
    expect(classify(1, 5, matrix)).toBe('laag');
  });
});

describe('credit per status', () => {
  it.each<[MeasureStatus, number | undefined, number]>([
    ['gepland', 50, 0],
    ['in uitvoering', 60, 0.6],
    ['in uitvoering', undefined, 0],
    ['vertraagd', 45, 0.45],
    ['gereed', 50, 1],
    ['geannuleerd', 80, 0],
  ])('%s with voortgang %s → %d', (status, voortgang, credit) => {
    expect(measureCredit(buildMeasure({ id: 'M', risicos: ['R'], status, voortgang }), DEFAULT_METHOD.credit)).toBe(credit);
  });

  it('follows a custom credit table', () => {
    const credit = { ...DEFAULT_METHOD.credit, vertraagd: 0.5, gepland: 'voortgang' as const };
    expect(measureCredit(buildMeasure({ id: 'M', risicos: ['R'], status: 'vertraagd', voortgang: 90 }), credit)).toBe(0.5);
    expect(measureCredit(buildMeasure({ id: 'M', risicos: ['R'], status: 'gepland', voortgang: 20 }), credit)).toBe(0.2);
  });
});

describe('te laat', () => {
  const at = (status: MeasureStatus, streefdatum: string | undefined, peildatum = '2025-12-31') =>
    lateness(buildMeasure({ id: 'M', risicos: ['R'], status, voortgang: 10, streefdatum }), peildatum);

  it.each<[MeasureStatus, string | undefined, string, boolean, number]>([
    ['gepland', '2025-12-30', '2025-12-31', true, 1],
    ['in uitvoering', '2025-01-01', '2025-12-31', true, 364],
    ['vertraagd', '2024-12-31', '2025-12-31', true, 365],
    ['vertraagd', '2024-02-28', '2024-03-01', true, 2], // leap year
    ['gepland', '2025-12-31', '2025-12-31', false, 0], // on the peildatum is on time
    ['gepland', '2026-01-01', '2025-12-31', false, 0],
    ['gereed', '2025-01-01', '2025-12-31', false, 0],
    ['geannuleerd', '2025-01-01', '2025-12-31', false, 0],
    ['gepland', undefined, '2025-12-31', false, 0],
  ])('%s, streefdatum %s, peildatum %s → %s, %d dagen', (status, streefdatum, peildatum, teLaat, dagenTeLaat) => {
    expect(at(status, streefdatum, peildatum)).toEqual({ teLaat, dagenTeLaat });
  });
});

describe('risk levels', () => {
  it('credits only the risks a measure names, once per measure, and ignores unknown risk IDs', () => {
    const result = score(
      {
        risks: [buildRisk({ id: 'R1', kans: 4, impact: 4 }), buildRisk({ id: 'R2', kans: 4, impact: 4 })],
        measures: [buildMeasure({ id: 'M1', risicos: ['R1', 'R1', 'ONBEKEND'], status: 'gereed', kansreductie: 1, impactreductie: 0 })],
        ...noIncidents,
      },
      buildSettings(),
    );
    expect(result.risks.map((r) => [r.id, r.actueel.kans, r.maatregelen])).toEqual([
      ['R1', 3, ['M1']],
      ['R2', 4, []],
    ]);
  });

  it('never goes below 1 and uses credit 1 for streef except for cancelled measures', () => {
    const result = score(
      {
        risks: [buildRisk({ id: 'R', kans: 3, impact: 5 })],
        measures: [
          buildMeasure({ id: 'M1', risicos: ['R'], status: 'in uitvoering', voortgang: 50, kansreductie: 4, impactreductie: 1 }),
          buildMeasure({ id: 'M2', risicos: ['R'], status: 'geannuleerd', kansreductie: 4, impactreductie: 4 }),
        ],
        ...noIncidents,
      },
      buildSettings(),
    );
    const [risk] = result.risks;
    expect(risk?.actueel).toEqual({ kans: 1, impact: 4.5, score: 4.5, klasse: 'midden' }); // 1 × 5 (4,5 rounds up)
    expect(risk?.streef).toEqual({ kans: 1, impact: 4, score: 4, klasse: 'laag' });
    expect(risk?.totaalCredit).toBe(0.5);
  });

  it('carries every register field over except source (and the bruto kans and impact, which move into bruto)', () => {
    const source = { file: 'registers.xlsx', sheet: 'Risico', row: 2 };
    const risk = buildRisk({ id: 'R', contactpersoon: 'K. Smit', laatsteBeoordeling: '2025-03-01', source });
    const measure = buildMeasure({ id: 'M', risicos: ['R'], voortgang: 10, streefdatum: '2026-01-01', gereedOp: '2026-01-02', contactpersoon: 'E. Meijer', source });
    const result = score({ risks: [risk], measures: [measure], incidents: [] }, buildSettings());
    expect(Object.keys(result.risks[0] ?? {})).toEqual(Object.keys(ScoredRiskSchema.shape));
    expect(Object.keys(result.measures[0] ?? {})).toEqual(Object.keys(ScoredMeasureSchema.shape));
    expect(result.risks[0]).toMatchObject({ contactpersoon: 'K. Smit', laatsteBeoordeling: '2025-03-01' });
    expect(result.measures[0]).toMatchObject({ gereedOp: '2026-01-02', contactpersoon: 'E. Meijer' });
  });

  it('leaves its input untouched', () => {
    const registers = { risks: [buildRisk({ id: 'R' })], measures: [buildMeasure({ id: 'M', risicos: ['R'], status: 'gereed' })], ...noIncidents };
    const settings = buildSettings();
    const before = structuredClone({ registers, settings });
    score(registers, settings);
    expect({ registers, settings }).toEqual(before);
  });
});

describe('indicators and totals', () => {
  const measures: Measure[] = [];

  it('gives no score to an indicator without risks, and leaves gesloten risks out', () => {
    const result = score(
      { risks: [buildRisk({ id: 'R1', indicatoren: ['FYS'], status: 'gesloten', kans: 5, impact: 5 }), buildRisk({ id: 'R2', indicatoren: ['DIG'], kans: 1, impact: 1 })], measures, ...noIncidents },
      buildSettings(),
    );
    const fys = result.indicators.find((i) => i.code === 'FYS');
    expect(fys).toEqual({ code: 'FYS', naam: 'fysieke weerbaarheid', score: null, aantalRisicos: 0, vorigeScore: null, verandering: null, brug: null, perKlasse: { laag: 0, midden: 0, hoog: 0, 'zeer hoog': 0 }, slechtsteRisico: null });
    expect(result.indicators.find((i) => i.code === 'DIG')?.score).toBe(96); // 100 × (1 − 1 / 25)
    expect(result.totals.risicosPerKlasse.bruto).toEqual({ laag: 1, midden: 0, hoog: 0, 'zeer hoog': 0 });
    expect(result.totals.totaalScore).toBe(96);
  });

  it('counts a risk that names an indicator twice once', () => {
    const [dig] = score({ risks: [buildRisk({ id: 'R', indicatoren: ['DIG', 'FYS', 'DIG'], kans: 5, impact: 5 })], measures, ...noIncidents }, buildSettings()).indicators.filter((i) => i.code === 'DIG');
    expect(dig).toMatchObject({ aantalRisicos: 1, score: 0 });
  });

  it('counts classes and names the worst risk, the first one on a tie', () => {
    const risks = [buildRisk({ id: 'R1', kans: 2, impact: 2 }), buildRisk({ id: 'R2', kans: 4, impact: 3 }), buildRisk({ id: 'R3', kans: 3, impact: 4 })];
    const [dig] = score({ risks, measures, ...noIncidents }, buildSettings()).indicators.filter((i) => i.code === 'DIG');
    expect(dig).toMatchObject({ aantalRisicos: 3, perKlasse: { laag: 1, midden: 0, hoog: 2, 'zeer hoog': 0 }, slechtsteRisico: 'R2' });
    expect(dig?.score).toBeCloseTo(100 * (1 - 28 / 75), 12);
  });

  it('counts measures per status (zero-filled) and late ones, and costs without cancelled measures', () => {
    const result = score(
      {
        risks: [buildRisk({ id: 'R' })],
        measures: [
          buildMeasure({ id: 'M1', risicos: ['R'], status: 'gepland', streefdatum: '2025-06-01', kostenStructureel: 1, kostenEenmalig: 2 }),
          buildMeasure({ id: 'M2', risicos: ['R'], status: 'geannuleerd', streefdatum: '2025-06-01', kostenStructureel: 10, kostenEenmalig: 20 }),
        ],
        ...noIncidents,
      },
      buildSettings(),
    );
    expect(result.totals).toMatchObject({
      maatregelenPerStatus: { gepland: 1, 'in uitvoering': 0, vertraagd: 0, gereed: 0, geannuleerd: 1 },
      maatregelenTeLaat: 1,
      kostenStructureel: 1,
      kostenEenmalig: 2,
    });
    expect(result.measures[0]).toMatchObject({ id: 'M1', credit: 0, teLaat: true, dagenTeLaat: 213 });
  });
});

describe('a custom method', () => {
  const registers = {
    risks: [buildRisk({ id: 'R1', indicatoren: ['LEV'], kans: 3, impact: 3 }), buildRisk({ id: 'R2', indicatoren: ['OPS'], kans: 1, impact: 1 })],
    measures: [buildMeasure({ id: 'M1', risicos: ['R1'], status: 'vertraagd', voortgang: 90, kansreductie: 1, impactreductie: 0 })],
    ...noIncidents,
  };
  const strict = DEFAULT_METHOD.matrix.map((row, k) => row.map((_, i): RiskClass => ((k + 1) * (i + 1) >= 6 ? 'zeer hoog' : 'laag')));
  const result = score(
    registers,
    buildSettings({
      naam: 'streng',
      matrix: strict,
      credit: { ...DEFAULT_METHOD.credit, vertraagd: 0.5 },
      indicatoren: [
        { code: 'OPS', naam: 'operationele weerbaarheid' },
        { code: 'LEV', naam: 'leveranciers' },
      ],
      gewichten: { LEV: 3 },
    }),
  );

  it('uses its matrix and credit table', () => {
    expect(result.measures[0]?.credit).toBe(0.5);
    expect(result.risks[0]?.actueel).toEqual({ kans: 2.5, impact: 3, score: 7.5, klasse: 'zeer hoog' }); // 3 × 3 = 9 ≥ 6
    expect(result.risks[1]?.actueel.klasse).toBe('laag');
  });

  it('scores its indicators in its order and weighs the total', () => {
    expect(result.indicators.map((i) => [i.code, i.score])).toEqual([
      ['OPS', 96],
      ['LEV', 70],
    ]);
    expect(result.totals.totaalScore).toBeCloseTo((96 + 3 * 70) / 4, 12);
    expect(result.methode.naam).toBe('streng');
  });

  it('gives no total when every existing indicator weighs 0', () => {
    const zero = score({ ...registers, risks: [buildRisk({ id: 'R', indicatoren: ['DIG'] })] }, buildSettings({ gewichten: { DIG: 0 } }));
    expect(zero.indicators.filter((i) => i.score !== null).map((i) => i.code)).toEqual(['DIG']);
    expect(zero.totals.totaalScore).toBeNull();
  });
});
