import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { BRIDGE_STEPS, type IndicatorResult } from '../analysis.js';
import type { Registers } from '../model.js';
import { sampleAnalysis } from '../../test/fixtures/analysis/sample.js';
import { dutchNumber, parseReport, section, tableByCaption, tables } from '../../test/fixtures/analysis/mdast.js';
import { BRIDGE_NOW } from '../score/fixtures/bridge-example.js';
import { bridgeSentence, fromTenths, shownBridge } from './bridge.js';
import { indicatorNaam, verandering } from './format.js';
import { renderMarkdown, type MarkdownContext } from './markdown.js';

const CTX: MarkdownContext = {
  toolVersion: '0.1.0',
  inputsHash: 'a'.repeat(64),
  inputs: [],
  dataQuality: [],
  slug: 'weerbaarheidsanalyse-nafin-2025',
  annexRowLimit: 500,
  reducedLevel: false,
};
const tenths = (text: string) => Math.round(dutchNumber(text.replace('\u2212', '-')) * 10);
const render = async (analysis = sampleAnalysis()) => parseReport((await renderMarkdown(analysis, CTX)).markdown);

const indicator = (score: number, vorigeScore: number, brug: IndicatorResult['brug']): IndicatorResult => ({
  code: 'DIG',
  naam: 'digitale weerbaarheid',
  score,
  aantalRisicos: 3,
  vorigeScore,
  verandering: score - vorigeScore,
  brug,
  perKlasse: { laag: 0, midden: 0, hoog: 0, 'zeer hoog': 0 },
  slechtsteRisico: null,
});

describe('shown bridge', () => {
  it('rounds the parts so they add up to the change of the shown scores', () => {
    // Each part rounds to 0,3 on its own (0,9 in all), but the scores show 50,0 → 51,0.
    const b = shownBridge(indicator(51.04, 50.04, { nieuwEnVervallen: 1 / 3, herbeoordeling: 1 / 3, maatregelen: 1 / 3 }))!;
    expect([b.vorige, b.score, b.verandering]).toEqual([500, 510, 10]);
    expect(b.delen.nieuwEnVervallen + b.delen.herbeoordeling + b.delen.maatregelen).toBe(10);
  });

  it('keeps a part that is exactly 0 at 0, and names the step that moved most', () => {
    const b = shownBridge(indicator(64.31, 53.64, { nieuwEnVervallen: 0, herbeoordeling: 1.78, maatregelen: 8.89 }))!;
    expect(b.delen).toEqual({ nieuwEnVervallen: 0, herbeoordeling: 18, maatregelen: 89 });
    expect(bridgeSentence(b)).toBe('DIG steeg 10,7 punten, vooral door voortgang van maatregelen (+8,9).');
  });

  it('names the step that moved most in the direction of the change, for a fall too', () => {
    const b = shownBridge(indicator(50, 52, { nieuwEnVervallen: 3, herbeoordeling: -4, maatregelen: -1 }))!;
    expect(bridgeSentence(b)).toBe("DIG daalde 2,0 punten, vooral door herbeoordeling van risico's (\u22124,0).");
  });
});

describe('docs/methode.md: the bridge as the report shows it', () => {
  it('quotes the sentence and the rounded steps of the worked example as computed', () => {
    const doc = readFileSync(new URL('../../docs/methode.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const b = shownBridge(BRIDGE_NOW.indicators.find((i) => i.code === 'DIG')!)!;
    const sentence = bridgeSentence(b).slice(0, -1);
    expect(doc).toContain(`Het rapport schrijft: "${sentence}"`);
    const steps = BRIDGE_STEPS.map((step) => verandering(fromTenths(b.delen[step])).replace('-', '−'));
    expect(doc).toContain(`de stappen ${steps[0]}, ${steps[1]} en ${steps[2]}`);
  });
});

describe('the bridge in the report', async () => {
  const analysis = sampleAnalysis();
  const tree = await render(analysis);
  const summary = tables(section(tree, 'Samenvatting'))[0]!;
  const shown = (naam: string) => summary.rows.find((r) => r[0] === indicatorNaam({ naam }))!;

  it('explains in the summary the indicators that moved most, with numbers that add up as shown', () => {
    const intro = section(tree, 'Samenvatting').findIndex((n) => toString(n) === 'Waar de scores het meest veranderden:');
    const list = section(tree, 'Samenvatting')[intro + 1]!;
    expect(list.type).toBe('list');
    const sentences = list.type === 'list' ? list.children.map((c) => toString(c)) : [];
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.length).toBeLessThanOrEqual(3);
    for (const sentence of sentences) {
      const m = /^(\w+) (steeg|daalde) (\d+,\d) punten, vooral door (.+) \(([+\u2212]\d+,\d)\)\.$/.exec(sentence);
      expect(m, sentence).not.toBeNull();
      const ind = analysis.indicators.find((i) => i.code === m![1])!;
      const [, now, before, change] = shown(ind.naam);
      // The change said is the difference of the scores shown in the table, and is the change the table shows.
      expect((m![2] === 'steeg' ? 1 : -1) * tenths(m![3]!)).toBe(tenths(now!) - tenths(before!));
      expect(tenths(change!)).toBe(tenths(now!) - tenths(before!));
      const bridge = tableByCaption(section(tree, 'Weerbaarheid per indicator'), `verandering van ${ind.naam}:`);
      expect(bridge.rows.some((r) => r[0]!.toLowerCase().includes(m![4]!.split(' ')[0]!.slice(0, 8)) && r[1] === m![5])).toBe(true);
    }
  });

  it('gives each indicator with a bridge a waterfall and a table whose steps add up to this year\'s score', () => {
    for (const ind of analysis.indicators.filter((i) => i.brug)) {
      const t = tableByCaption(section(tree, 'Weerbaarheid per indicator'), `verandering van ${ind.naam}:`);
      expect(t.header).toEqual(['Stap', 'Bijdrage', 'Score']);
      expect(t.rows.map((r) => r[0])).toEqual(['Score 2024', "Nieuwe en vervallen risico's", 'Herbeoordeling van kans en impact', 'Voortgang van maatregelen', 'Score 2025']);
      const [, now, before] = shown(ind.naam);
      expect(t.rows[0]![2]).toBe(before);
      expect(t.rows[4]![2]).toBe(now);
      for (let k = 1; k <= 4; k++) expect(tenths(t.rows[k]![2]!)).toBe(tenths(t.rows[k - 1]![2]!) + (k === 4 ? 0 : tenths(t.rows[k]![1]!)));
      expect(tenths(t.rows[4]![1]!)).toBe(tenths(now!) - tenths(before!));
    }
  });

  it('shows the history beside the indicator chart', () => {
    const t = tableByCaption(section(tree, 'Weerbaarheid per indicator'), 'per jaar');
    expect(t.header).toEqual(['Jaar', ...analysis.indicators.map((i) => i.code), 'Totaal']);
    expect(t.rows.map((r) => r[0])).toEqual(['2024', '2025']);
  });

  it('marks a year with another method in the history table', async () => {
    const a = sampleAnalysis();
    const other = await render({ ...a, historie: [a.historie[0]!, { ...a.historie[0]!, jaar: 2023, methodeVergelijkbaar: false }] });
    expect(tableByCaption(section(other, 'Weerbaarheid per indicator'), 'per jaar').rows.map((r) => r[0])).toEqual(['2023 (andere methode)', '2024', '2025']);
  });

  it('has no bridge, sentence or history without last year', async () => {
    const alone = await render(sampleAnalysis((r) => r, false));
    expect(tables(section(alone, 'Weerbaarheid per indicator')).filter((t) => t.caption.includes('Verklaring van de verandering'))).toEqual([]);
    expect(section(alone, 'Samenvatting').map((n) => toString(n))).not.toContain('Waar de scores het meest veranderden:');
  });
});

describe('accepted risks in the report', async () => {
  // R-09 expired, R-06 ends within 90 days, R-11 holds with no one named as acceptor.
  const accept = (r: Registers): Registers => ({
    ...r,
    risks: r.risks.map((risk) =>
      risk.id === 'R-09'
        ? { ...risk, status: 'geaccepteerd', geaccepteerdDoor: 'CIO Defensie', geaccepteerdTot: '2025-06-30' }
        : risk.id === 'R-06'
          ? { ...risk, status: 'geaccepteerd', geaccepteerdDoor: 'Directeur JIVC', geaccepteerdTot: '2026-02-28' }
          : risk.id === 'R-11'
            ? { ...risk, status: 'geaccepteerd', geaccepteerdTot: '2027-01-01' }
            : risk,
    ),
  });
  const analysis = sampleAnalysis(accept);
  const tree = await render(analysis);

  it('lists every accepted risk with its actueel class, who and until when, expired first', () => {
    const t = tables(section(tree, "Geaccepteerde risico's"))[0]!;
    expect(t.header).toEqual(['ID', 'Titel', 'Actueel', 'Geaccepteerd door', 'Geaccepteerd tot', 'Stand']);
    expect(t.rows.map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      ['R-09', 'CIO Defensie', '30 juni 2025', 'verlopen'],
      ['R-06', 'Directeur JIVC', '28 februari 2026', 'loopt binnen 90 dagen af'],
      ['R-11', 'niet vermeld', '1 januari 2027', 'geldig'],
    ]);
    const r09 = analysis.risks.find((r) => r.id === 'R-09')!;
    expect(t.rows[0]![2]).toBe(`${r09.actueel.score.toFixed(1).replace('.', ',')} (${r09.actueel.klasse})`);
    expect(toString(section(tree, "Geaccepteerde risico's")[0]!)).toBe(
      "Drie risico's zijn tijdelijk geaccepteerd (het register van geaccepteerde risico's uit de BIO2). Van één is de acceptatie op de peildatum verlopen. Van één loopt de acceptatie binnen 90 dagen na de peildatum af.",
    );
  });

  it('recommends a new assessment of a risk whose acceptance expired, to the one who accepted it', () => {
    const recs = tables(section(tree, 'Aanbevelingen'))[0]!;
    const col = (h: string) => recs.header.indexOf(h);
    const r09 = recs.rows.find((r) => r[col('Risico')]!.startsWith('R-09 '))!;
    expect(r09[col('Eigenaar')]).toBe('CIO Defensie');
    expect(r09[col('Wat')]).toContain('Beoordeel het risico opnieuw');
    expect(r09[col('Waarom')]).toContain('De acceptatie door CIO Defensie is op 30 juni 2025 verlopen');
    expect(recs.rows.some((r) => r[col('Waarom')]!.includes('acceptatie') && r[col('Risico')]!.startsWith('R-06 '))).toBe(false);
  });

  it('carries the columns in the register annex', () => {
    const t = tableByCaption(section(tree, 'Bijlage B Risicoregister'), 'Risicoregister met de score');
    const col = (h: string) => t.header.indexOf(h);
    expect(col('Geaccepteerd door')).toBeGreaterThan(0);
    expect(t.rows.find((r) => r[0] === 'R-09')![col('Geaccepteerd tot')]).toBe('30 juni 2025');
  });

  it('says so when no risk is accepted', async () => {
    const none = await render(sampleAnalysis((r) => ({ ...r, risks: r.risks.map((x) => ({ ...x, status: x.status === 'geaccepteerd' ? 'open' : x.status })) })));
    expect(section(none, "Geaccepteerde risico's").map((n) => toString(n))).toContain("Er zijn geen geaccepteerde risico's.");
  });
});
