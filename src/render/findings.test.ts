import { describe, expect, it } from 'vitest';
import type { Analysis } from '../analysis.js';
import { sampleAnalysis } from '../../test/fixtures/analysis/sample.js';
import { byActueel, facts, kernboodschappen, keyFindings, recommendations } from './findings.js';

const sample = sampleAnalysis();
const withoutTrend = sampleAnalysis((r) => r, false);

describe('facts', () => {
  it('counts what the sections and sentences share', () => {
    const f = facts(sample);
    expect(f.open.map((r) => r.id)).not.toContain('R-14');
    expect(f.highActueel.map((r) => r.id)).toEqual(['R-13', 'R-02', 'R-01', 'R-08', 'R-07']);
    expect(f.late.map((m) => m.id)).toEqual(['M-03', 'M-11', 'M-04', 'M-06']);
    // M-04 only touches, neither high actueel.
    expect(f.lateOnHigh.map((m) => m.id)).toEqual(['M-03', 'M-11', 'M-06']);
    expect(f.highLittleCredit.map((r) => r.id)).toEqual(['R-13', 'R-02', 'R-08']);
    expect(f.completedThisYear.map((m) => m.id)).toEqual(['M-02', 'M-05']);
    expect(f.kostenEenmalig).toBeCloseTo(11.5);
    expect(f.overNorm).toBe(1);
    expect(f.exercises).toBe(2);
  });

  it('orders by actueel score, then bruto score, then natural ID', () => {
    const [a, b] = sample.risks;
    const same = { ...b!, id: 'R-10', actueel: a!.actueel, bruto: a!.bruto };
    expect([same, { ...a!, id: 'R-9' }].sort(byActueel).map((r) => r.id)).toEqual(['R-9', 'R-10']);
  });
});

describe('keyFindings', () => {
  it('gives three to six findings computed from the data', () => {
    const findings = keyFindings(sample);
    expect(findings.length).toBeGreaterThanOrEqual(3);
    expect(findings.length).toBeLessThanOrEqual(6);
    expect(findings).toContain('2 van de 5 indicatoren zijn verbeterd ten opzichte van 2024; 2 zijn verslechterd.');
    expect(findings).toContain("De hoogste actuele risico's liggen bij digitale weerbaarheid en crisisbeheersing: 3 van de 5 risico's die hoog of zeer hoog zijn.");
    expect(findings).toContain("4 maatregelen zijn te laat; 3 daarvan raken risico's die actueel hoog of zeer hoog zijn.");
  });

  it('adds facts that always hold when the data is thin', () => {
    const empty = sampleAnalysis(() => ({ risks: [], measures: [], incidents: [] }), false);
    expect(keyFindings(empty)).toEqual(['In 2025 zijn 0 maatregelen gereedgekomen.', 'De maatregelen die niet zijn geannuleerd kosten M€ 0,0 per jaar structureel en M€ 0,0 eenmalig.']);
  });

  it('follows the data: no comparison without last year, other counts after a change', () => {
    expect(keyFindings(withoutTrend).join(' ')).not.toMatch(/verbeterd/);
    const allDone: Analysis = { ...sample, measures: sample.measures.map((m) => ({ ...m, teLaat: false, dagenTeLaat: 0 })) };
    expect(keyFindings(allDone).join(' ')).not.toMatch(/te laat/);
  });
});

describe('recommendations', () => {
  it('names high risks with little credit, late measures on them, and indicators that fell', () => {
    const recs = recommendations(sample);
    expect(recs[0]).toMatch(/^Neem aanvullende maatregelen voor risico R-13 /);
    expect(recs.some((r) => r.startsWith('Neem aanvullende maatregelen voor risico R-08') && r.includes('geen maatregel'))).toBe(true);
    expect(recs).toContain("Breng maatregel M-06 ‘Eén incidentprocedure voor IT en cyber’ op schema (31 dagen te laat): deze raakt de risico's R-01 en R-07, actueel hoog of zeer hoog.");
    expect(recs.filter((r) => r.startsWith('Onderzoek de daling')).map((r) => r.split(' (')[0])).toEqual([
      'Onderzoek de daling van weerbaarheid tegen grote ketenafhankelijkheden',
      'Onderzoek de daling van crisisbeheersing',
    ]);
    expect(recommendations(withoutTrend).some((r) => r.startsWith('Onderzoek de daling'))).toBe(false);
  });
});

describe('kernboodschappen', () => {
  const messages = kernboodschappen(sample);

  it('gives three to six paragraphs with the numbers of the analysis', () => {
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages.length).toBeLessThanOrEqual(6);
    expect(messages[0]).toContain('De totale weerbaarheidsscore is 62,3');
    expect(messages.join(' ')).toContain("Er zijn 13 risico's in beeld.");
    expect(messages.join(' ')).toContain('M€ 4,4 per jaar structureel en M€ 11,5 eenmalig');
  });

  it('stays on hoofdlijnen: no IDs, titles, owners or contact persons', () => {
    const text = messages.join('\n');
    expect(text).not.toMatch(/\b[RMIO]-\d+/);
    for (const r of sample.risks) expect(text).not.toContain(r.titel);
    for (const m of sample.measures) expect(text).not.toContain(m.titel);
    expect(text).not.toContain('J. de Vries');
    expect(text).not.toContain('CIO Defensie');
  });

  it.each([
    [0, 'blijft er geen hoog of zeer hoog risico over'],
    [1, 'blijft er 1 hoog of zeer hoog risico over'],
    [3, "blijven er 3 hoge of zeer hoge risico's over"],
  ])('says in plain Dutch how many high risks remain when all measures are done (%i)', (highStreef, phrase) => {
    const text = kernboodschappen(sample, { ...facts(sample), highBruto: 5, highStreef }).join(' ');
    expect(text).toContain(phrase);
  });

  it('says the method changed instead of comparing', () => {
    const changed: Analysis = { ...sample, trend: { ...sample.trend!, methodeVergelijkbaar: false } };
    const text = kernboodschappen(changed)[0];
    expect(text).toContain('niet direct vergelijkbaar met 2024');
    expect(text).not.toContain('verbeterd');
  });
});
