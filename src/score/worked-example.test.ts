/**
 * The worked example of the method (the data folder `examples/methode/` of the domain brief),
 * checked against `test/fixtures/methode/verwacht.json`: its result as computed by an independent
 * implementation. The registers are transcribed from its registers.xlsx (the columns the method reads) so that this test
 * does not depend on ingest and validation; the end-to-end version of the same check reads the
 * workbook through the whole pipeline and belongs to the pipeline's tests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnalysisSchema, type Analysis } from '../analysis.js';
import { parse as parseYaml } from 'yaml';
import { ConfigSchema, DEFAULT_METHOD, MeasureSchema, MethodSchema, RiskSchema, type Registers, type Settings } from '../model.js';
import { reassessed } from './bridge.js';
import { BRIDGE_BEFORE, BRIDGE_NOW } from './fixtures/bridge-example.js';
import { score } from './index.js';

const risk = (id: string, titel: string, indicatoren: string[], kans: number, impact: number, status: string, rubricering: string) =>
  RiskSchema.parse({ id, titel, dreigingscategorie: 'Technisch falen', indicatoren, kans, impact, status, rubricering });

const measure = (id: string, risicos: string[], status: string, voortgang: number | undefined, streefdatum: string | undefined, kansreductie: number, impactreductie: number, kostenStructureel: number, kostenEenmalig: number) =>
  MeasureSchema.parse({ id, titel: `Maatregel ${id}`, risicos, type: 'intern', status, voortgang, streefdatum, kansreductie, impactreductie, kostenStructureel, kostenEenmalig, rubricering: 'openbaar' });

/** Sheet Risico's: ID, Titel, Indicatoren, Kans, Impact, Status, Rubricering. */
const WORKED_REGISTERS: Registers = {
  risks: [
    risk('VR-001', 'Uitval tijdsynchronisatie in kernrouters', ['DIG', 'FYS'], 3, 5, 'open', 'dep-v'),
    risk('VR-002', 'Sabotage van glasvezeltracé bij knooppunt', ['ECO'], 2, 3, 'gesloten', 'openbaar'),
    risk('VR-003', 'Spionage via leverancierstoegang', ['ECO'], 1, 2, 'open', 'dep-v'),
    risk('VR-004', 'Ransomware bij beheerpartij', ['ECO'], 4, 4, 'open', 'openbaar'),
    risk('VR-005', 'Leverbeperking kernapparatuur', ['ECO'], 5, 4, 'gesloten', 'dep-v'),
    risk('VR-006', 'Overstroming technische ruimte', ['ECO', 'KET'], 5, 2, 'geaccepteerd', 'openbaar'),
    risk('VR-007', 'Langdurige stroomuitval datacenter', ['DIG'], 3, 5, 'open', 'dep-v'),
    risk('VR-008', 'Late escalatie naar bestuurlijke laag', ['FYS'], 4, 3, 'open', 'openbaar'),
  ],
  /** Sheet Maatregelen: ID, Risico's, Status, Voortgang, Streefdatum, Kansreductie, Impactreductie, Kosten structureel, Kosten eenmalig. */
  measures: [
    measure('VM-001', ['VR-007'], 'geannuleerd', undefined, '2025-09-03', 1, 0, 3, 0),
    measure('VM-002', ['VR-004'], 'geannuleerd', undefined, '2025-11-01', 0.5, 1, 0, 0),
    measure('VM-003', ['VR-007'], 'vertraagd', 45, '2026-12-27', 0.5, 1, 3, 0),
    measure('VM-004', ['VR-006'], 'gepland', undefined, '2026-11-05', 1, 2, 0.25, 1.5),
    measure('VM-005', ['VR-002', 'VR-001'], 'vertraagd', 75, '2025-05-01', 0.5, 1, 0, 0),
    measure('VM-006', ['VR-008'], 'gepland', undefined, '2025-02-24', 2, 0, 0, 0),
    measure('VM-007', ['VR-001'], 'vertraagd', 90, '2025-03-25', 1, 0, 0, 9),
    measure('VM-008', ['VR-005'], 'geannuleerd', undefined, '2025-12-28', 1, 0, 0, 0),
    measure('VM-009', ['VR-006'], 'in uitvoering', 70, '2025-06-19', 0.5, 0, 0, 1.5),
    measure('VM-010', ['VR-003'], 'vertraagd', 90, '2026-05-09', 0.5, 0, 0, 9),
    measure('VM-011', ['VR-008'], 'gereed', 100, undefined, 2, 0, 0, 0),
    measure('VM-012', ['VR-003', 'VR-004'], 'gereed', 100, '2025-03-19', 2, 1, 0.25, 1.5),
  ],
  incidents: [],
};

/** analyse.yaml of the example. */
const WORKED_SETTINGS: Settings = {
  ...ConfigSchema.parse({ jaar: 2025, organisatie: 'Ministerie van Defensie', netwerk: 'NAFIN', peildatum: '2025-12-31', rubricering: 'dep-v' }),
  peildatum: '2025-12-31',
};

interface Expected {
  risks: { id: string; status: string; indicatoren: string[]; bruto: Level; actueel: Level; streef: Level }[];
  measures: { id: string; credit: number; teLaat: boolean }[];
  indicators: Record<string, { score: number | null; n: number }>;
}
type Level = Analysis['risks'][number]['bruto'];

const expected = JSON.parse(readFileSync(new URL('../../test/fixtures/methode/verwacht.json', import.meta.url), 'utf8')) as Expected;
const result = score(WORKED_REGISTERS, WORKED_SETTINGS);
const TOLERANCE = 1e-6;

describe('worked example (examples/methode)', () => {
  it('matches the independent result per risk', () => {
    expect(result.risks.map((r) => r.id)).toEqual(expected.risks.map((r) => r.id));
    for (const want of expected.risks) {
      const got = result.risks.find((r) => r.id === want.id);
      for (const level of ['bruto', 'actueel', 'streef'] as const) {
        for (const key of ['kans', 'impact', 'score'] as const) {
          expect(Math.abs((got?.[level][key] ?? NaN) - want[level][key]), `${want.id} ${level} ${key}`).toBeLessThan(TOLERANCE);
        }
        expect(got?.[level].klasse, `${want.id} ${level} klasse`).toBe(want[level].klasse);
      }
    }
  });

  it('matches the independent result per measure', () => {
    expect(result.measures.map((m) => [m.id, m.teLaat])).toEqual(expected.measures.map((m) => [m.id, m.teLaat]));
    for (const [i, want] of expected.measures.entries()) expect(Math.abs((result.measures[i]?.credit ?? NaN) - want.credit)).toBeLessThan(TOLERANCE);
  });

  it('matches the independent result per indicator', () => {
    expect(result.indicators.map((i) => i.code)).toEqual(Object.keys(expected.indicators));
    for (const indicator of result.indicators) {
      const want = expected.indicators[indicator.code];
      expect(indicator.aantalRisicos).toBe(want?.n);
      if (want?.score === null) expect(indicator.score).toBeNull();
      else expect(Math.abs((indicator.score ?? NaN) - (want?.score ?? NaN))).toBeLessThan(TOLERANCE);
    }
  });

  it('is a valid analysis.json and carries the settings', () => {
    expect(() => AnalysisSchema.parse(result)).not.toThrow();
    expect(result).toMatchObject({ jaar: 2025, peildatum: '2025-12-31', rubricering: 'dep-v', scoregrondslag: 'alle', methode: WORKED_SETTINGS.methode, trend: null });
    expect(JSON.stringify(result)).not.toContain('source');
  });

  it('links measures to risks in register order and sums their credit', () => {
    const vr001 = result.risks.find((r) => r.id === 'VR-001');
    expect(vr001?.maatregelen).toEqual(['VM-005', 'VM-007']);
    expect(vr001?.totaalCredit).toBeCloseTo(1.65, 12);
  });

  it('totals the example', () => {
    expect(result.totals).toMatchObject({
      maatregelenPerStatus: { gepland: 2, 'in uitvoering': 1, vertraagd: 4, gereed: 2, geannuleerd: 3 },
      maatregelenTeLaat: 4,
      risicosPerKlasse: { bruto: { laag: 1, midden: 0, hoog: 5, 'zeer hoog': 0 }, actueel: { laag: 1, midden: 3, hoog: 2, 'zeer hoog': 0 } },
    });
    // Cancelled VM-001 (3 M€/jaar) is left out.
    expect(result.totals.kostenStructureel).toBeCloseTo(3.5, 12);
    expect(result.totals.kostenEenmalig).toBeCloseTo(22.5, 12);
  });
});

/**
 * docs/methode.md quotes the worked example. Every number it quotes is rebuilt here from score()'s
 * result in the doc's notation, so the document cannot drift from the code.
 */
describe('docs/methode.md', () => {
  const doc = readFileSync(new URL('../../docs/methode.md', import.meta.url), 'utf8');
  const lines = doc.split('\n').map(squash);
  /** Dutch notation, at most five decimals (as the document states). */
  const nl = (x: number) => String(Math.round(x * 1e5) / 1e5).replace('.', ',');
  const product = (level: Level) => `${nl(level.kans)} × ${nl(level.impact)} = ${nl(level.score)}`;
  const rowOf = (line: string | undefined) => line?.split('|').slice(1, -1).map((cell) => cell.trim());
  const tableRow = (key: string) => rowOf(lines.find((line) => line.startsWith(`| ${key} |`)));
  /** The table of what the open measures still bring comes after the VR-001 table that names VM-005 and VM-007 too. */
  const lastTableRow = (key: string) => rowOf(lines.filter((line) => line.startsWith(`| ${key} |`)).at(-1));
  const byId = new Map(result.risks.map((r) => [r.id, r]));

  it('quotes every risk of the worked example as computed', () => {
    for (const risk of result.risks) {
      expect(tableRow(risk.id), risk.id).toEqual([risk.id, risk.status, ...(['bruto', 'actueel', 'streef'] as const).map((l) => `${product(risk[l])} (${risk[l].klasse})`)]);
    }
  });

  it('works out VR-001 step by step as computed', () => {
    const risk = byId.get('VR-001');
    const bruto = { kans: risk?.bruto.kans ?? NaN, impact: risk?.bruto.impact ?? NaN };
    const linked = result.measures.filter((m) => risk?.maatregelen.includes(m.id));
    for (const m of linked) {
      expect(tableRow(m.id), m.id).toEqual([m.id, m.status, `${m.voortgang} %`, nl(m.credit), nl(m.kansreductie), nl(m.impactreductie)]);
    }
    for (const [level, credit] of [['actueel', (m: (typeof linked)[number]) => m.credit], ['streef', () => 1]] as const) {
      const computed = risk?.[level];
      for (const [dim, reduction] of [['kans', 'kansreductie'], ['impact', 'impactreductie']] as const) {
        const terms = linked.map((m) => `− ${nl(credit(m))} × ${nl(m[reduction])}`).join(' ');
        expect(lines).toContain(`${dim}_${level} = max(1; ${bruto[dim]} ${terms}) = ${nl(computed?.[dim] ?? NaN)}`);
      }
      expect(lines).toContain(`score_${level} = ${product(computed as Level)}`);
    }
  });

  it('quotes the indicators and the total score as computed', () => {
    for (const indicator of result.indicators) {
      expect(tableRow(indicator.code)).toEqual([indicator.code, indicator.naam, String(indicator.aantalRisicos), indicator.score === null ? 'geen score' : nl(indicator.score)]);
    }
    const fys = result.risks.filter((r) => r.status !== 'gesloten' && r.indicatoren.includes('FYS'));
    const fysScore = result.indicators.find((i) => i.code === 'FYS')?.score ?? NaN;
    expect(lines).toContain(`score_FYS = 100 × (1 − (${fys.map((r) => nl(r.actueel.score)).join(' + ')}) / (25 × ${fys.length})) = ${nl(fysScore)}`);
    const scored = result.indicators.flatMap((i) => (i.score === null ? [] : [nl(i.score)]));
    expect(lines).toContain(`totaalscore = (${scored.join(' + ')}) / ${scored.length} = ${nl(result.totals.totaalScore ?? NaN)}`);
  });

  it('works out what VM-007 and VM-004 still bring as computed, recomputing them from the linked measures', () => {
    const measureById = new Map(result.measures.map((m) => [m.id, m]));
    for (const [measureId, riskId] of [['VM-007', 'VR-001'], ['VM-004', 'VR-006']] as const) {
      const risk = byId.get(riskId)!;
      const done = measureById.get(measureId)!;
      const linked = risk.maatregelen.map((id) => measureById.get(id)!);
      const credit = (m: (typeof linked)[number]) => (m.id === measureId ? 1 : m.credit);
      const dims = (['kans', 'impact'] as const).map((dim) => {
        const reduction = dim === 'kans' ? 'kansreductie' : 'impactreductie';
        const value = Math.max(1, linked.reduce((x, m) => x - credit(m) * m[reduction], risk.bruto[dim]));
        expect(lines).toContain(`${dim}_gereed = max(1; ${risk.bruto[dim]} ${linked.map((m) => `− ${nl(credit(m))} × ${nl(m[reduction])}`).join(' ')}) = ${nl(value)}`);
        return value;
      });
      const [kans, impact] = dims as [number, number];
      expect(Math.abs((done.effect ?? NaN) - (risk.actueel.score - kans * impact))).toBeLessThan(TOLERANCE);
    }
    const vm007 = measureById.get('VM-007')!;
    const vr001 = byId.get('VR-001')!;
    expect(lines).toContain(`score_gereed = ${nl(vr001.actueel.kans - 0.1)} × ${nl(vr001.actueel.impact)} = ${nl(vr001.actueel.score - (vm007.effect ?? NaN))}`);
    expect(lines).toContain(`effect = ${nl(vr001.actueel.score)} − ${nl(vr001.actueel.score - (vm007.effect ?? NaN))} = ${nl(vm007.effect ?? NaN)}`);
    expect(lines).toContain(`restkosten = ${nl(vm007.kostenEenmalig)} × (1 − ${nl(vm007.credit)}) + ${nl(vm007.kostenStructureel)} = ${nl(vm007.restkosten ?? NaN)}`);
    expect(lines).toContain(`effect per M€ = ${nl(vm007.effect ?? NaN)} / ${nl(vm007.restkosten ?? NaN)} = ${nl(vm007.effectPerMEuro ?? NaN)}`);
    const vm004 = measureById.get('VM-004')!;
    expect(lines).toContain(`effect = ${nl(byId.get('VR-006')!.actueel.score)} − ${nl(byId.get('VR-006')!.actueel.score - (vm004.effect ?? NaN))} × 1 = ${nl(vm004.effect ?? NaN)}`);
  });

  it('quotes effect, restkosten and effect per M€ of every open measure, and their ranking, as computed', () => {
    const open = result.measures.filter((m) => m.status !== 'gereed' && m.status !== 'geannuleerd');
    for (const m of open) {
      expect(lastTableRow(m.id), m.id).toEqual([m.id, m.status, nl(m.credit), nl(m.effect ?? NaN), nl(m.restkosten ?? NaN), m.effectPerMEuro === null ? 'geen' : nl(m.effectPerMEuro)]);
    }
    for (const m of result.measures.filter((x) => !open.includes(x))) {
      expect(lastTableRow(m.id), m.id).toBeUndefined();
      expect(m).toMatchObject({ effect: null, restkosten: null, effectPerMEuro: null });
    }
    const byEffect = (a: (typeof open)[number], b: (typeof open)[number]) => (b.effect ?? 0) - (a.effect ?? 0) || a.id.localeCompare(b.id);
    const ranked = open.filter((m) => m.effectPerMEuro !== null).sort((a, b) => (b.effectPerMEuro ?? 0) - (a.effectPerMEuro ?? 0) || byEffect(a, b));
    const free = open.filter((m) => m.effectPerMEuro === null).sort(byEffect);
    expect(doc).toContain(`Op effect per M€ gerangschikt: ${ranked.map((m) => m.id).join(', ')}; zonder kosten, op effect:\n${free.map((m) => m.id).join(', ')}.`);
  });

  it('shows the default matrix as the method defines it', () => {
    for (const kans of [1, 2, 3, 4, 5]) {
      const label = `${kans} ${DEFAULT_METHOD.schalen.kans[kans - 1]}`;
      expect(tableRow(label), label).toEqual([label, ...(DEFAULT_METHOD.matrix[kans - 1] ?? [])]);
    }
  });

  it('gives a YAML example of a custom method that is valid and uses every key', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    // The rest of analyse.yaml (e.g. rubricering as analysts spell it) is the config loader's business.
    const { methode } = parseYaml(example) as { methode: object };
    expect(Object.keys(methode)).toEqual(Object.keys(MethodSchema.shape));
    expect(MethodSchema.parse(methode).credit.vertraagd).toBe(0.5);
  });
});

function squash(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/** The bridge's worked example in docs/methode.md, rebuilt from score() in the doc's notation. */
describe('docs/methode.md: the bridge', () => {
  const doc = readFileSync(new URL('../../docs/methode.md', import.meta.url), 'utf8');
  const lines = doc.split('\n').map(squash);
  const nl = (x: number) => String(Math.round(x * 1e5) / 1e5).replace('.', ',').replace('-', '−');
  const [before, now] = [BRIDGE_BEFORE, BRIDGE_NOW];
  const dig = now.indicators.find((i) => i.code === 'DIG')!;
  const last = new Map(before.risks.map((x) => [x.id, x]));
  const cur = new Map(now.risks.map((x) => [x.id, x]));
  const formula = (name: string, scores: number[], value: number) => `${name} = 100 × (1 − (${scores.map(nl).join(' + ')}) / (25 × ${scores.length})) = ${nl(value)}`;

  it('quotes both years\' scores and the two substitution steps as computed', () => {
    const step2A = reassessed(last.get('A')!, cur.get('A')!, now.methode.matrix);
    const s1 = dig.vorigeScore! + dig.brug!.nieuwEnVervallen;
    const s2 = s1 + dig.brug!.herbeoordeling;
    expect(lines).toContain(formula('score_2024', ['A', 'B', 'C'].map((id) => last.get(id)!.actueel.score), dig.vorigeScore!));
    expect(lines).toContain(formula('score_2025', ['A', 'B', 'D'].map((id) => cur.get(id)!.actueel.score), dig.score!));
    expect(lines).toContain(`kans_A_stap2 = max(1; ${cur.get('A')!.bruto.kans} − 0,25 × 2) = ${nl(step2A.kans)}`);
    expect(lines).toContain(formula('stap1', [last.get('A')!.actueel.score, last.get('B')!.actueel.score, cur.get('D')!.actueel.score], s1));
    expect(lines).toContain(formula('stap2', [step2A.score, last.get('B')!.actueel.score, cur.get('D')!.actueel.score], s2));
  });

  it('quotes the bridge as computed, adding up to the change', () => {
    const b = dig.brug!;
    const s1 = dig.vorigeScore! + b.nieuwEnVervallen;
    const s2 = s1 + b.herbeoordeling;
    expect(lines).toContain(`nieuwEnVervallen = ${nl(s1)} − ${nl(dig.vorigeScore!)} = ${nl(b.nieuwEnVervallen)}`);
    expect(lines).toContain(`herbeoordeling = ${nl(s2)} − ${nl(s1)} = ${nl(b.herbeoordeling)}`);
    expect(lines).toContain(`maatregelen = ${nl(dig.score!)} − ${nl(s2)} = ${nl(b.maatregelen)}`);
    expect(lines).toContain(`verandering = ${nl(dig.score!)} − ${nl(dig.vorigeScore!)} = ${nl(dig.verandering!)}`);
    expect(Math.abs(b.nieuwEnVervallen + b.herbeoordeling + b.maatregelen - dig.verandering!)).toBeLessThan(1e-9);
    expect(now.trend?.klasseWijzigingen).toEqual([]);
  });
});

