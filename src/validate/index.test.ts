import { describe, expect, it } from 'vitest';
import { INCIDENT, MEASURE, RISK, makeTable, type Row } from '../../test/corpus/tables.js';
import type { Table } from '../ingest/table.js';
import { ConfigSchema, type Settings } from '../model.js';
import { validate } from './index.js';

const SETTINGS: Settings = {
  ...ConfigSchema.parse({ jaar: 2025, organisatie: 'Defensie', netwerk: 'NAFIN', rubricering: 'dep-v' }),
  peildatum: '2025-12-31',
};

function run(risks: Row[] = [RISK], measures: Row[] = [MEASURE], extra: Table[] = []) {
  return validate([makeTable('risks', risks), makeTable('measures', measures), ...extra], SETTINGS);
}
const errors = (r: ReturnType<typeof run>) => r.messages.filter((m) => m.severity === 'error');

describe('validate: valid rows', () => {
  it('maps rows to domain items with their source and no messages', () => {
    const result = run([RISK], [MEASURE], [makeTable('incidents', [INCIDENT])]);
    expect(result.messages).toEqual([]);
    expect(result.registers.risks[0]).toMatchObject({
      id: 'R-1',
      indicatoren: ['DIG'],
      kans: 3,
      rubricering: 'dep-v',
      ketenpartners: ['KPN', 'Politie'],
      laatsteBeoordeling: '2025-06-01',
      source: { file: 'registers.xlsx', sheet: "Risico's", row: 2 },
    });
    expect(result.registers.measures[0]).toMatchObject({ risicos: ['R-1'], status: 'in uitvoering', voortgang: 50, kostenEenmalig: 0, rubricering: 'openbaar' });
    expect(result.registers.measures[0]?.gereedOp).toBeUndefined();
    expect(result.registers.incidents[0]).toMatchObject({ datum: '2024-08-27', indicatoren: ['DIG', 'CRI'], hersteltijd: 13 });
  });

  it.each<[string, Row, Partial<Record<string, unknown>>]>([
    ['numbers as text', { Kans: ' 3 ', Impact: '4' }, { kans: 3, impact: 4 }],
    ['indicator names, any case and accents', { Indicatoren: 'Crisisbeheersing; FYSIEKE weerbaarheid, dig' }, { indicatoren: ['CRI', 'FYS', 'DIG'] }],
    ['status spelled differently', { Status: 'Geaccepteerd ' }, { status: 'geaccepteerd' }],
    ['classification abbreviated', { Rubricering: 'Stg. C' }, { rubricering: 'stg-c' }],
    ['Excel serial date', { 'Laatste beoordeling': 45800 }, { laatsteBeoordeling: '2025-05-23' }],
    ['Dutch date', { 'Laatste beoordeling': '1-6-2025' }, { laatsteBeoordeling: '2025-06-01' }],
  ])('risk: %s', (_, cells, expected) => {
    const result = run([{ ...RISK, ...cells }]);
    expect(errors(result)).toEqual([]);
    expect(result.registers.risks[0]).toMatchObject(expected);
  });

  it.each<[string, Row, Partial<Record<string, unknown>>]>([
    ['percent text', { Voortgang: '60%' }, { voortgang: 60 }],
    ['percent with space and comma', { Voortgang: '62,5 %' }, { voortgang: 62.5 }],
    ['decimal comma', { Kansreductie: '0,5', 'Kosten structureel (M€)': '3,25' }, { kansreductie: 0.5, kostenStructureel: 3.25 }],
    ['status with underscore', { Status: 'IN_UITVOERING' }, { status: 'in uitvoering' }],
    ['several risks', { "Risico's": 'R-1; R-2' }, { risicos: ['R-1', 'R-2'] }],
  ])('measure: %s', (_, cells, expected) => {
    const result = run([RISK, { ...RISK, ID: 'R-2' }], [{ ...MEASURE, ...cells }]);
    expect(errors(result)).toEqual([]);
    expect(result.registers.measures[0]).toMatchObject(expected);
  });

  it('takes headers by alias and keeps the header as written in messages', () => {
    const { Kans: _kans, ...rest } = RISK;
    // Out of range on purpose, to see the header as written in the message.
    const result = run([{ ...rest, Waarschijnlijkheid: 9 }]);
    expect(errors(result)).toMatchObject([{ ruleId: 'waarde-buiten-bereik', column: 'Waarschijnlijkheid', cell: 'M2', actual: '9' }]);
  });
});

describe('validate: errors in a cell', () => {
  it.each<[string, Row, string, string, string, string?]>([
    ['Kans out of range', { Kans: 7 }, 'waarde-buiten-bereik', 'Kans', 'F2', '7'],
    ['Kans not an integer', { Kans: 3.5 }, 'verkeerde-soort-waarde', 'Kans', 'F2', '3.5'],
    ['Impact as a word', { Impact: 'hoog' }, 'verkeerde-soort-waarde', 'Impact', 'G2', 'hoog'],
    ['empty Titel', { Titel: '  ' }, 'verplichte-waarde-ontbreekt', 'Titel', 'B2'],
    ['no indicator', { Indicatoren: '' }, 'verplichte-waarde-ontbreekt', 'Indicatoren', 'E2'],
    ['unknown indicator', { Indicatoren: 'DIG; SOC' }, 'onbekende-indicator', 'Indicatoren', 'E2', 'DIG; SOC'],
    ['unknown status', { Status: 'afgehandeld' }, 'onbekende-status', 'Status', 'L2', 'afgehandeld'],
    ['unknown classification', { Rubricering: 'Geheimpje' }, 'onbekende-rubricering', 'Rubricering', 'J2', 'Geheimpje'],
    ['impossible date', { 'Laatste beoordeling': '31-02-2025' }, 'onmogelijke-datum', 'Laatste beoordeling', 'M2', '31-02-2025'],
    ['no date at all', { 'Laatste beoordeling': 'vorig jaar' }, 'verkeerde-soort-waarde', 'Laatste beoordeling', 'M2', 'vorig jaar'],
  ])('%s', (_, cells, ruleId, column, cell, actual) => {
    const [message, ...rest] = errors(run([{ ...RISK, ...cells }]));
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ ruleId, column, cell, row: 2, file: 'registers.xlsx', sheet: "Risico's" });
    expect(message?.actual).toBe(actual);
    expect(message?.expected).toBeTruthy();
    expect(message?.reason).toMatch(/\.$/);
  });

  it('names the unknown indicator in the reason', () => {
    expect(errors(run([{ ...RISK, Indicatoren: 'DIG; SOC' }]))[0]?.reason).toBe('De indicator SOC is onbekend.');
  });

  it('reports every problem of every row at once and drops only the bad rows', () => {
    const result = run([{ ...RISK, Kans: 0, Status: '?' }, { ...RISK, ID: 'R-2', Impact: 6 }, { ...RISK, ID: 'R-3' }], [MEASURE]);
    expect(errors(result).map((m) => m.cell)).toEqual(['F2', 'L2', 'G3']);
    expect(result.registers.risks.map((r) => r.id)).toEqual(['R-3']);
  });

  it.each<[string, Row, string, string]>([
    ['Voortgang above 100', { Voortgang: '120%' }, 'waarde-buiten-bereik', 'Voortgang'],
    ['reduction above 4', { Kansreductie: 5 }, 'waarde-buiten-bereik', 'Kansreductie'],
    ['negative cost', { 'Kosten eenmalig (M€)': '-1' }, 'waarde-buiten-bereik', 'Kosten eenmalig (M€)'],
    ['unknown type', { Type: 'beide' }, 'onbekende-waarde', 'Type'],
    ['unknown measure status', { Status: 'bezig' }, 'onbekende-status', 'Status'],
  ])('measure: %s', (_, cells, ruleId, column) => {
    expect(errors(run([RISK], [{ ...MEASURE, ...cells }]))).toMatchObject([{ ruleId, column, sheet: 'Maatregelen', row: 2 }]);
  });
});

describe('validate: missing columns', () => {
  it('reports each missing required column once, lists the headers found, and reads no rows', () => {
    const { Kans: _k, Status: _s, ...rest } = RISK;
    const result = run([rest]);
    const missing = result.messages.filter((m) => m.ruleId === 'kolom-ontbreekt');
    expect(missing.map((m) => m.column)).toEqual(['Kans', 'Status']);
    expect(missing[0]).toMatchObject({ row: 1, sheet: "Risico's", actual: expect.stringContaining('Indicatoren, Impact') });
    expect(result.registers.risks).toEqual([]);
    // No risk register: a measure's risk cannot be checked, and is not reported as unknown.
    expect(result.messages.some((m) => m.ruleId === 'onbekende-risico-id')).toBe(false);
  });

  it('does not require optional columns', () => {
    const { Omschrijving: _o, Ketenpartners: _k, Contactpersoon: _c, ...rest } = RISK;
    expect(errors(run([rest]))).toEqual([]);
  });
});

describe('validate: cross-row errors', () => {
  it('names both rows of a duplicate ID', () => {
    const [message] = errors(run([RISK, { ...RISK, Titel: 'Ander' }]));
    expect(message).toMatchObject({ ruleId: 'dubbele-id', row: 3, column: 'ID', cell: 'A3', actual: 'R-1' });
    expect(message?.reason).toContain('rij 2');
  });

  it('finds a duplicate even when the first row has other errors', () => {
    expect(errors(run([{ ...RISK, Kans: 9 }, RISK])).map((m) => m.ruleId)).toEqual(['waarde-buiten-bereik', 'dubbele-id']);
  });

  it('reports a measure naming an unknown risk, but not a known risk on an invalid row', () => {
    const result = run([{ ...RISK, Kans: 9 }], [{ ...MEASURE, "Risico's": 'R-1, R-9' }]);
    expect(errors(result).filter((m) => m.ruleId === 'onbekende-risico-id')).toMatchObject([
      { sheet: 'Maatregelen', row: 2, column: "Risico's", cell: 'D2', actual: 'R-9' },
    ]);
  });

  it.each([['in uitvoering'], ['Vertraagd']])('requires Voortgang for %s', (status) => {
    expect(errors(run([RISK], [{ ...MEASURE, Status: status, Voortgang: '' }]))).toMatchObject([
      { ruleId: 'voortgang-ontbreekt', row: 2, column: 'Voortgang', cell: 'G2' },
    ]);
  });

  it('requires Voortgang even when the Voortgang column is absent', () => {
    const { Voortgang: _v, ...rest } = MEASURE;
    const [message] = errors(run([RISK], [rest]));
    expect(message).toMatchObject({ ruleId: 'voortgang-ontbreekt', column: 'Voortgang', row: 2 });
    expect(message?.cell).toBeUndefined();
  });

  it.each([['gepland'], ['gereed'], ['geannuleerd']])('does not require Voortgang for %s', (status) => {
    const result = run([RISK], [{ ...MEASURE, Status: status, Voortgang: '', 'Gereed op': '2025-01-01' }]);
    expect(errors(result)).toEqual([]);
  });
});

describe('validate: warnings', () => {
  const warnings = (result: ReturnType<typeof run>) => result.messages.filter((m) => m.severity === 'warning');

  it.each<[string, Row[], Row[], string, string, string]>([
    ['risk without measures', [RISK, { ...RISK, ID: 'R-2' }], [MEASURE], 'risico-zonder-maatregelen', "Risico's", 'A3'],
    ['measure te laat', [RISK], [{ ...MEASURE, Streefdatum: '30-11-2025' }], 'maatregel-te-laat', 'Maatregelen', 'H2'],
    ['review older than 12 months', [{ ...RISK, 'Laatste beoordeling': '30-12-2024' }], [MEASURE], 'beoordeling-verouderd', "Risico's", 'M2'],
    ['no review date', [{ ...RISK, 'Laatste beoordeling': '' }], [MEASURE], 'beoordeling-verouderd', "Risico's", 'M2'],
    ['closed risk with an open measure', [{ ...RISK, Status: 'gesloten' }], [MEASURE], 'gesloten-risico-met-open-maatregelen', "Risico's", 'L2'],
    ['measure without reduction', [RISK], [{ ...MEASURE, Kansreductie: 0, Impactreductie: '0' }], 'maatregel-zonder-reductie', 'Maatregelen', 'J2'],
    ['gereed without date', [RISK], [{ ...MEASURE, Status: 'gereed', Voortgang: 100 }], 'gereed-zonder-datum', 'Maatregelen', 'I2'],
    ['risk above the analysis level', [{ ...RISK, Rubricering: 'Stg. Confidentieel' }], [MEASURE], 'boven-rubricering-analyse', "Risico's", 'J2'],
    ['measure above the analysis level', [RISK], [{ ...MEASURE, Rubricering: 'Stg. Geheim' }], 'boven-rubricering-analyse', 'Maatregelen', 'P2'],
  ])('%s', (_, risks, measures, ruleId, sheet, cell) => {
    const result = run(risks, measures);
    expect(errors(result)).toEqual([]);
    expect(warnings(result)).toMatchObject([{ ruleId, sheet, cell, severity: 'warning' }]);
  });

  it.each<[string, Row[], Row[]]>([
    ['review exactly 12 months ago', [{ ...RISK, 'Laatste beoordeling': '2024-12-31' }], [MEASURE]],
    ['Streefdatum on the peildatum', [RISK], [{ ...MEASURE, Streefdatum: '2025-12-31' }]],
    ['late but done', [RISK], [{ ...MEASURE, Streefdatum: '2025-01-01', Status: 'gereed', 'Gereed op': '2025-02-01' }]],
    ['closed risk with cancelled measure', [{ ...RISK, Status: 'gesloten' }], [{ ...MEASURE, Status: 'geannuleerd' }]],
  ])('no warning: %s', (_, risks, measures) => {
    expect(run(risks, measures).messages).toEqual([]);
  });

  describe('accepted risks', () => {
    const accepted = (cells: Row) => run([{ ...RISK, Status: 'geaccepteerd', 'Geaccepteerd door': 'CIO Defensie', 'Geaccepteerd tot': '30-06-2026', ...cells }]);

    it('reads who accepted the risk and until when', () => {
      expect(accepted({}).registers.risks[0]).toMatchObject({ geaccepteerdDoor: 'CIO Defensie', geaccepteerdTot: '2026-06-30' });
      expect(accepted({}).messages).toEqual([]);
    });

    it.each<[string, Row, object]>([
      ['no acceptor', { 'Geaccepteerd door': '' }, { severity: 'warning', ruleId: 'acceptatie-zonder-acceptant', cell: 'N2', reason: 'Risico R-1 is geaccepteerd, maar niet vermeld is wie het heeft geaccepteerd.' }],
      ['an acceptance expired before the peildatum', { 'Geaccepteerd tot': '2025-12-30' }, { severity: 'warning', ruleId: 'acceptatie-verlopen', cell: 'O2', actual: '2025-12-30', reason: 'De acceptatie van risico R-1 is verlopen op 2025-12-30, voor de peildatum 2025-12-31.' }],
      ['an acceptance ending within 90 days', { 'Geaccepteerd tot': '2026-03-31' }, { severity: 'info', ruleId: 'acceptatie-loopt-af', cell: 'O2', reason: 'De acceptatie van risico R-1 loopt af op 2026-03-31, binnen 90 dagen na de peildatum 2025-12-31.' }],
    ])('%s', (_, cells, expected) => {
      expect(accepted(cells).messages).toMatchObject([expected]);
    });

    it.each<[string, Row]>([
      ['an acceptance ending 91 days after the peildatum', { 'Geaccepteerd tot': '2026-04-01' }],
      ['an open risk with an old acceptance date', { Status: 'open', 'Geaccepteerd door': '', 'Geaccepteerd tot': '2020-01-01' }],
    ])('no warning: %s', (_, cells) => {
      expect(accepted(cells).messages).toEqual([]);
    });
  });

  it('does not call every risk unmeasured when the measure register is unreadable', () => {
    const { Type: _t, ...rest } = MEASURE;
    expect(run([RISK], [rest]).messages.map((m) => m.ruleId)).toEqual(['kolom-ontbreekt']);
  });
});

describe('validate: many messages', () => {
  it('collects a warning for each of 100,000 risks without overflowing the stack', () => {
    const risks = Array.from({ length: 100_000 }, (_, i) => ({ ...RISK, ID: `R-${i + 1}`, 'Laatste beoordeling': '1-6-2020' }));
    const result = run(risks);
    expect(errors(result)).toEqual([]);
    expect(result.messages.filter((m) => m.ruleId === 'beoordeling-verouderd')).toHaveLength(100_000);
  }, 60_000);
});
