import { describe, expect, it } from 'vitest';
import type { Analysis } from '../analysis.js';
import { sampleAnalysis } from '../../test/fixtures/analysis/sample.js';
import { byActueel, facts, kernboodschappen, keyFindings, recommendations, type Reason } from './findings.js';
import { totals } from '../score/totals.js';

const sample = sampleAnalysis();
const withoutTrend = sampleAnalysis((r) => r, false);

/** An analysis whose items a test changed, with its totals counted again over those items. */
const recount = (a: Analysis): Analysis => ({ ...a, totals: totals(a, a.indicators, a.methode) });

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
  it('names first what stays high after every measure, then the figures', () => {
    const findings = keyFindings(sample);
    expect(findings.length).toBeGreaterThanOrEqual(3);
    expect(findings.length).toBeLessThanOrEqual(7);
    expect(findings[0]).toMatch(/^Ook als alle maatregelen gereed zijn, blijven twee risico's hoog of zeer hoog: R-02 .* en R-08 /);
    expect(findings[0]).toContain('hoog (kans 2 × impact 5)');
    expect(findings).toContain('Twee van de vijf indicatoren zijn verbeterd ten opzichte van 2024; gedaald zijn Weerbaarheid tegen grote ketenafhankelijkheden (\u221210,9) en Crisisbeheersing (\u22129,5).');
    expect(findings).toContain("De meeste hoge actuele risico's raken Digitale weerbaarheid en Crisisbeheersing (elk drie van de vijf).");
    expect(findings).toContain("Vier maatregelen zijn te laat, het langst M-03 ‘Leveranciersafspraken over beveiliging’ (275 dagen); drie daarvan raken een risico dat actueel hoog of zeer hoog is.");
  });

  it('adds facts that always hold when the data is thin', () => {
    const empty = sampleAnalysis(() => ({ risks: [], measures: [], incidents: [] }), false);
    expect(keyFindings(empty)).toEqual(['In 2025 zijn geen maatregelen gereedgekomen.', 'De maatregelen die niet zijn geannuleerd kosten M€ 0,0 per jaar structureel en M€ 0,0 eenmalig.']);
  });

  it('follows the data: no comparison without last year, other counts after a change', () => {
    expect(keyFindings(withoutTrend).join(' ')).not.toMatch(/verbeterd/);
    const allDone = recount({ ...sample, measures: sample.measures.map((m) => ({ ...m, teLaat: false, dagenTeLaat: 0 })) });
    expect(keyFindings(allDone).join(' ')).not.toMatch(/te laat/);
  });
});

describe('recommendations', () => {
  const recs = recommendations(sample);

  it('orders by reason: stays high after every measure, no measure, late, little effect, indicator fallen', () => {
    const order: Reason[] = ['blijft-hoog', 'geen-maatregel', 'te-laat', 'acceptatie-verlopen', 'weinig-effect', 'indicator-gedaald'];
    const reasons = recs.map((r) => r.reden);
    expect(reasons).toEqual([...reasons].sort((x, y) => order.indexOf(x) - order.indexOf(y)));
    expect(recs[0]).toMatchObject({ reden: 'blijft-hoog', risicos: [{ id: 'R-02' }], eigenaar: 'CIO Defensie', uiterlijk: '2026-03-31' });
    expect(recs[0]!.waarom).toContain('Leveranciersafspraken over beveiliging');
    // R-08 has no measure at all: that is its reason, not "stays high".
    expect(recs.find((r) => r.risicos.some((x) => x.id === 'R-08'))?.reden).toBe('geen-maatregel');
  });

  it('names risk, owner, what, why and by when, and no two are alike', () => {
    for (const r of recs) {
      expect(r.risicos.length).toBeGreaterThan(0);
      expect(r.eigenaar).not.toBe('');
      expect(r.wat).not.toBe('');
      expect(r.waarom).not.toBe('');
      expect(r.uiterlijk).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // No two ask the same thing: a recommendation that asks for a new measure names its risk, the others their measure.
    expect(new Set(recs.map((r) => (r.reden === 'blijft-hoog' || r.reden === 'geen-maatregel' ? `${r.risicos[0]!.id} ${r.wat}` : r.wat))).size).toBe(recs.length);
    const ids = recs.flatMap((r) => r.risicos.map((x) => x.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives one recommendation per late measure, naming every high risk it holds back, with the measure owner', () => {
    const m06 = recs.find((r) => r.wat.includes('M-06'));
    expect(m06).toMatchObject({ reden: 'te-laat', eigenaar: 'JIVC' });
    expect(m06!.risicos.map((r) => r.id).sort()).toEqual(['R-01', 'R-07']);
    expect(m06!.waarom).toContain('31 dagen over de streefdatum (in uitvoering, 40% gereed)');
  });

  it('leaves out fallen indicators without last year', () => {
    expect(recommendations(withoutTrend).some((r) => r.reden === 'indicator-gedaald')).toBe(false);
  });
});

describe('kernboodschappen', () => {
  const messages = kernboodschappen(sample);
  const text = messages.join('\n');

  it('reads as a letter passage: background, picture, measures by title with state, what follows', () => {
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/^Het Ministerie van Defensie brengt elk jaar/);
    expect(messages[1]).toContain('62,3 op een schaal van 0 tot 100, waarbij een hogere score een weerbaarder netwerk betekent');
    expect(messages[2]).toContain('‘Versterking van het netwerkbeheer’ (in uitvoering, voor 60 procent gereed)');
    expect(messages[2]).toContain('M€ 4,4 per jaar structureel en M€ 11,5 eenmalig');
    expect(messages[3]).toContain('informeert uw Kamer');
  });

  it('names at least two measures by title', () => {
    expect(sample.measures.filter((m) => text.includes(`‘${m.titel}’`)).length).toBeGreaterThanOrEqual(2);
  });

  it('stays on hoofdlijnen: no IDs, risk titles, owners or contact persons', () => {
    expect(text).not.toMatch(/\b[RMIO]-\d+/);
    for (const r of sample.risks) expect(text).not.toContain(r.titel);
    expect(text).not.toContain('J. de Vries');
    expect(text).not.toContain('CIO Defensie');
    expect(text).not.toContain('JIVC');
  });

  it.each([
    [0, 'zet de maatregelen voort'],
    [1, 'blijft één risico hoog'],
    [3, "blijven drie risico's hoog"],
  ])('says in plain Dutch how many high risks remain when all measures are done (%i)', (n, phrase) => {
    const f = facts(sample);
    const highStreef = Array.from({ length: n }, (_, i) => f.open[i]!);
    expect(kernboodschappen(sample, { ...f, highStreef, n: { ...f.n, hoogStreef: n } }).join(' ')).toContain(phrase);
  });

  it('says the method changed instead of comparing', () => {
    const changed: Analysis = { ...sample, trend: { ...sample.trend!, methodeVergelijkbaar: false } };
    const picture = kernboodschappen(changed)[1];
    expect(picture).toContain('niet direct te vergelijken met vorig jaar');
    expect(picture).not.toContain('verbeterd');
  });
});
