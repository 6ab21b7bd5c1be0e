/**
 * What each open measure still brings and what each chain partner is exposed to, end to end: a
 * register built here, generated in every format at its own level and at Openbaar, read back with
 * independent readers (a Markdown parser, pdftotext, a fresh exceljs load). The expected figures are
 * recomputed in this file from the register rows themselves, with the method's formulas written out
 * again, not taken from the scoring code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { toString } from 'mdast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocx } from '../src/extract/docx.js';
import { extract } from '../src/extract/index.js';
import { runGenerate } from '../src/run.js';
import { parseReport, section, tableByCaption } from './fixtures/analysis/mdast.js';
import { removeTempDirs, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

type RiskRow = [id: string, titel: string, kans: number, impact: number, rubricering: string, partners: string, status: string];
const RISKS: RiskRow[] = [
  ['R-1', 'Uitval tijdsynchronisatie', 4, 5, 'Openbaar', 'Politie; KMar; Meldkamers', 'open'],
  ['R-2', 'Ransomware bij een medegebruiker', 3, 4, 'Openbaar', 'politie; Koninklijke Marechaussée', 'open'],
  ['R-3', 'Sabotage van een glasvezeltracé', 5, 4, 'Departementaal Vertrouwelijk', 'Politie, KPN', 'open'],
  ['R-4', 'Verouderde koppeling', 3, 3, 'Openbaar', 'Politie', 'gesloten'],
  ['R-5', 'Stroomuitval op een knooppunt', 2, 3, 'Openbaar', '', 'open'],
];

type MeasureRow = [id: string, titel: string, risicos: string, status: string, voortgang: number | '', streefdatum: string, gereedOp: string, kr: number, ir: number, structureel: number, eenmalig: number, rubricering: string];
const MEASURES: MeasureRow[] = [
  // Clamped: done, it would take R-1's kans to 4 − 3 − 1 = 0, so 1.
  ['M-1', 'Tweede onafhankelijke tijdbron', 'R-1', 'in uitvoering', 50, '2026-06-30', '', 3, 1, 0.5, 2, 'Openbaar'],
  // Without cost.
  ['M-2', 'Draaiboek crisiscommunicatie', 'R-2, R-1', 'gepland', '', '2025-06-30', '', 0, 1, 0, 0, 'Openbaar'],
  ['M-3', 'Technische verbeteringen', 'R-1', 'gereed', 100, '2025-03-01', '2025-02-20', 1, 0, 0, 1, 'Openbaar'],
  ['M-4', 'Segmentatie van koppelvlakken', 'R-2, R-3', 'vertraagd', 30, '2025-09-30', '', 1, 1, 0.25, 3, 'Openbaar'],
  ['M-5', 'Vervallen plan', 'R-3', 'geannuleerd', '', '2025-12-01', '', 1, 1, 0, 5, 'Openbaar'],
  ['M-6', 'Redundante glasvezelroute', 'R-3', 'gepland', '', '2026-12-31', '', 1, 0, 0, 4, 'Departementaal Vertrouwelijk'],
  ['M-7', 'Noodstroom op knooppunten', 'R-5', 'gepland', '', '2026-12-31', '', 1, 1, 0.1, 0, 'Openbaar'],
];

const list = (text: string) => text.split(/[,;]/).map((s) => s.trim()).filter(Boolean);

async function writeRegister(dir: string): Promise<void> {
  await writeFile(
    join(dir, 'analyse.yaml'),
    'jaar: 2025\norganisatie: Ministerie van Defensie\nnetwerk: NAFIN\npeildatum: 2025-12-31\nrubricering: Departementaal Vertrouwelijk\nketenpartners:\n  KMar: Koninklijke Marechaussee\n',
  );
  const wb = new ExcelJS.Workbook();
  const risks = wb.addWorksheet("Risico's");
  risks.addRow(['ID', 'Titel', 'Omschrijving', 'Dreigingscategorie', 'Indicatoren', 'Kans', 'Impact', 'Eigenaar', 'Contactpersoon', 'Rubricering', 'Ketenpartners', 'Status', 'Laatste beoordeling']);
  for (const [id, titel, kans, impact, rubricering, partners, status] of RISKS) {
    risks.addRow([id, titel, '', 'Technisch falen', 'DIG', kans, impact, 'JIVC', 'J. de Vries', rubricering, partners, status, '2025-06-01']);
  }
  const measures = wb.addWorksheet('Maatregelen');
  measures.addRow(['ID', 'Titel', 'Omschrijving', "Risico's", 'Type', 'Status', 'Voortgang', 'Streefdatum', 'Gereed op', 'Kansreductie', 'Impactreductie', 'Kosten structureel (M€)', 'Kosten eenmalig (M€)', 'Eigenaar', 'Contactpersoon', 'Rubricering']);
  for (const [id, titel, risicos, status, voortgang, streefdatum, gereedOp, kr, ir, structureel, eenmalig, rubricering] of MEASURES) {
    measures.addRow([id, titel, '', risicos, 'intern', status, voortgang, streefdatum, gereedOp, kr, ir, structureel, eenmalig, 'JIVC', 'E. Meijer', rubricering]);
  }
  await wb.xlsx.writeFile(join(dir, 'registers.xlsx'));
}

// ---- the recomputation ----

const creditOf = (m: MeasureRow, done?: string) => (m[0] === done || m[3] === 'gereed' ? 1 : m[3] === 'in uitvoering' || m[3] === 'vertraagd' ? Number(m[4]) / 100 : 0);

function level(r: RiskRow, credit: (m: MeasureRow) => number) {
  let kans = r[2];
  let impact = r[3];
  for (const m of MEASURES.filter((x) => list(x[2]).includes(r[0]))) {
    kans -= credit(m) * m[7];
    impact -= credit(m) * m[8];
  }
  return { kans: Math.max(1, kans), impact: Math.max(1, impact) };
}

/** Actueel, or with `done` (a measure ID) at credit 1. */
const actueel = (r: RiskRow, done?: string) => level(r, (m) => creditOf(m, done));
const streef = (r: RiskRow) => level(r, (m) => (m[3] === 'geannuleerd' ? 0 : 1));

const klasse = (kans: number, impact: number) => {
  const p = Math.floor(kans + 0.5) * Math.floor(impact + 0.5);
  return p <= 4 ? 'laag' : p <= 9 ? 'midden' : p <= 16 ? 'hoog' : 'zeer hoog';
};

const sumActueel = (done?: string) =>
  RISKS.filter((r) => r[6] !== 'gesloten').reduce((sum, r) => {
    const a = actueel(r, done);
    return sum + a.kans * a.impact;
  }, 0);

function expectedMeasure(m: MeasureRow) {
  if (m[3] === 'gereed' || m[3] === 'geannuleerd') return { id: m[0], effect: null, restkosten: null, effectPerMEuro: null };
  const effect = sumActueel() - sumActueel(m[0]);
  const restkosten = m[10] * (1 - creditOf(m)) + m[9];
  return { id: m[0], effect, restkosten, effectPerMEuro: restkosten === 0 ? null : effect / restkosten };
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
const ALIASES: Record<string, string> = { kmar: 'Koninklijke Marechaussee', koninklijkemarechaussee: 'Koninklijke Marechaussee' };

function expectedPartners() {
  const groups = new Map<string, { ids: string[]; spellings: string[] }>();
  for (const r of RISKS.filter((x) => x[6] !== 'gesloten')) {
    for (const name of list(r[5])) {
      const key = fold(ALIASES[fold(name)] ?? name);
      const g = groups.get(key) ?? { ids: [], spellings: [] };
      groups.set(key, g);
      g.spellings.push(name);
      if (!g.ids.includes(r[0])) g.ids.push(r[0]);
    }
  }
  return [...groups].map(([key, g]) => {
    const risks = g.ids.map((id) => RISKS.find((r) => r[0] === id)!);
    const count = (level: (r: RiskRow) => { kans: number; impact: number }) =>
      Object.fromEntries(['laag', 'midden', 'hoog', 'zeer hoog'].map((c) => [c, risks.filter((r) => klasse(level(r).kans, level(r).impact) === c).length]));
    const score = (r: RiskRow) => actueel(r).kans * actueel(r).impact;
    const uses = (s: string) => g.spellings.filter((x) => x === s).length;
    return {
      naam: ALIASES[key] ?? [...g.spellings].sort((a, b) => uses(b) - uses(a))[0]!,
      risicos: g.ids,
      perKlasse: count((r) => actueel(r)),
      perKlasseStreef: count(streef),
      slechtsteRisico: risks.reduce((w, r) => (score(r) > score(w) ? r : w))[0],
    };
  });
}

// ---- the run ----

interface Output {
  analysis: { measures: { id: string; effect: number | null; restkosten: number | null; effectPerMEuro: number | null }[]; ketenpartners: { naam: string }[] };
  md: string;
  files: string[];
  dir: string;
}

async function generate(level: 'dep-v' | 'openbaar', formats: ('md' | 'pdf' | 'xlsx')[]): Promise<Output> {
  const out = join(await tempDir(), level);
  const result = await runGenerate({ dataDir: data, outDir: out, level, formats });
  expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
  expect(result.exitCode).toBe(0);
  const files = await readdir(out);
  const md = await readFile(join(out, files.find((f) => f.endsWith('.md'))!), 'utf8');
  return { analysis: JSON.parse(await readFile(join(out, 'analysis.json'), 'utf8')), md, files, dir: out };
}

let data: string;
let full: Output;
let openbaar: Output;

beforeAll(async () => {
  data = await tempDir();
  await writeRegister(data);
  full = await generate('dep-v', ['md', 'pdf', 'xlsx']);
  openbaar = await generate('openbaar', ['md', 'xlsx']);
}, 180_000);

const close = (got: number | null | undefined, want: number | null) => (want === null ? got === null : Math.abs((got ?? NaN) - want) < 1e-9);

/** Open measures by effectPerMEuro, then effect, then ID; and those without cost by effect. */
function expectedRanking() {
  const open = MEASURES.map(expectedMeasure).filter((m) => m.effect !== null);
  const byEffect = (a: (typeof open)[number], b: (typeof open)[number]) => b.effect! - a.effect! || a.id.localeCompare(b.id, 'nl', { numeric: true });
  return {
    ranked: open.filter((m) => m.effectPerMEuro !== null).sort((a, b) => b.effectPerMEuro! - a.effectPerMEuro! || byEffect(a, b)).map((m) => m.id),
    free: open.filter((m) => m.effectPerMEuro === null).sort(byEffect).map((m) => m.id),
  };
}

describe('analysis.json', () => {
  it('gives every measure the effect, restkosten and effectPerMEuro of the recomputation: clamped, without cost, null when done or cancelled', () => {
    for (const m of MEASURES) {
      const want = expectedMeasure(m);
      const got = full.analysis.measures.find((x) => x.id === m[0]);
      for (const key of ['effect', 'restkosten', 'effectPerMEuro'] as const) expect(close(got?.[key], want[key]), `${m[0]} ${key}: ${got?.[key]} ≠ ${want[key]}`).toBe(true);
    }
    // M-1 done takes R-1 from 1,5 × 4,5 to max(1; 4 − 3 − 1) × 4 = 4; unclamped it would be 0.
    expect(full.analysis.measures.find((x) => x.id === 'M-1')?.effect).toBeCloseTo(1.5 * 4.5 - 1 * 4, 12);
    expect(full.analysis.measures.find((x) => x.id === 'M-2')).toMatchObject({ restkosten: 0, effectPerMEuro: null });
  });

  it('lists the chain partners of the recomputation: spellings folded, the alias mapped, the spelling used most', () => {
    const sortByName = (xs: readonly { naam: string }[]) => [...xs].sort((a, b) => (a.naam < b.naam ? -1 : 1));
    expect(sortByName(full.analysis.ketenpartners)).toEqual(sortByName(expectedPartners()));
    expect(full.analysis.ketenpartners.map((p) => p.naam)).toEqual(expect.arrayContaining(['Politie', 'Koninklijke Marechaussee']));
  });
});

describe('the report', () => {
  it('ranks the open measures in "Wat levert het meeste op", those without cost apart, and the summary names the first', () => {
    const tree = parseReport(full.md);
    const chapter = section(tree, 'Wat levert het meeste op');
    const want = expectedRanking();
    const top = tableByCaption(chapter, 'per M€');
    expect(top.rows.map((r) => r[0])).toEqual(want.ranked);
    expect(top.header).toEqual(['ID', 'Titel', "Risico's", 'Klasse daalt', 'Effect', 'Restkosten', 'Effect per M€', 'Status', 'Te laat']);
    expect(tableByCaption(chapter, 'zonder resterende kosten').rows.map((r) => r[0])).toEqual(want.free);
    // M-4 is late and would take R-3 (actueel 4,7 × 3,7: zeer hoog) to 4 × 3: hoog.
    const m4 = top.rows.find((r) => r[0] === 'M-4')!;
    expect(m4.slice(7)).toEqual(['vertraagd', 'ja']);
    expect(m4[3]).toContain('R-3 zeer hoog → hoog');
    const first = MEASURES.find((m) => m[0] === want.ranked[0])!;
    expect(section(tree, 'Samenvatting').map((n) => toString(n)).join('\n')).toContain(`Per M€ levert maatregel ${first[0]} ‘${first[1]}’ het meeste op`);
  });

  it('shows the common causes and, per partner, its actueel and streef picture with the risks and measures', () => {
    const chapter = section(parseReport(full.md), 'Ketenafhankelijkheden');
    const shared = tableByCaption(chapter, 'gemeenschappelijke oorzaken');
    expect(shared.rows.map((r) => [r[0], r[3]])).toEqual([
      ['R-1', '3'],
      ['R-3', '2'],
      ['R-2', '2'],
    ]);
    const politie = tableByCaption(chapter, "Risico's die Politie raken");
    expect(politie.rows.map((r) => r[0]).sort()).toEqual(['R-1', 'R-2', 'R-3']);
    expect(tableByCaption(chapter, "Maatregelen op de risico's van Politie").rows.map((r) => [r[0], r[2]])).toEqual([
      ['M-1', 'in uitvoering'],
      ['M-2', 'gepland'],
      ['M-3', 'gereed'],
      ['M-4', 'vertraagd'],
      ['M-5', 'geannuleerd'],
      ['M-6', 'gepland'],
    ]);
  });

  it('carries the chapter, the ranking and every partner section into the HTML and the PDF', async () => {
    const html = await readFile(join(full.dir, full.files.find((f) => f.endsWith('.html'))!), 'utf8');
    expect(html).toMatch(/<h2[^>]*>Wat levert het meeste op<\/h2>/);
    for (const p of full.analysis.ketenpartners) expect(html).toMatch(new RegExp(`<h4[^>]*>${p.naam}</h4>`));
    const pdf = execFileSync('pdftotext', ['-layout', join(full.dir, full.files.find((f) => f.endsWith('.pdf'))!), '-'], { encoding: 'utf8' });
    expect(pdf).toContain('Wat levert het meeste op');
    expect(pdf).toContain('Per ketenpartner');
    for (const p of full.analysis.ketenpartners) expect(pdf).toContain(p.naam);
    expect(pdf).toMatch(/Per M€ levert maatregel M-\d/);
  });

  it('carries the three columns on the Maatregelen sheet and the partners on Ketenpartners, as analysis.json has them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(full.dir, full.files.find((f) => f.endsWith('.xlsx'))!));
    const sheet = wb.getWorksheet('Maatregelen')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const want = full.analysis.measures.find((m) => m.id === row.getCell(1).value)!;
      expect(row.getCell(col('Effect')).value ?? null).toEqual(want.effect);
      expect(row.getCell(col('Restkosten (M€)')).value ?? null).toEqual(want.restkosten);
      expect(row.getCell(col('Effect per M€')).value ?? null).toEqual(want.effectPerMEuro);
    }
    const partners = wb.getWorksheet('Ketenpartners')!;
    expect(Array.from({ length: partners.rowCount - 1 }, (_, i) => partners.getRow(i + 2).getCell(1).value)).toEqual(full.analysis.ketenpartners.map((p) => p.naam));
  });
});

describe('at Openbaar', () => {
  it('leaves out what is hidden: the Dep. V. risk and measure, and the partner only that risk names', () => {
    expect(openbaar.analysis.ketenpartners.map((p) => p.naam)).not.toContain('KPN');
    const chapter = section(parseReport(openbaar.md), 'Ketenafhankelijkheden');
    expect(tableByCaption(chapter, "Risico's die Politie raken").rows.map((r) => r[0]).sort()).toEqual(['R-1', 'R-2']);
    expect(openbaar.md).not.toMatch(/R-3|M-6|KPN|Redundante glasvezelroute|Sabotage van een glasvezeltracé/);
    expect(openbaar.md).toContain('waarvan er 1 op dit niveau niet worden getoond');
  });
});

describe('extract --partner', () => {
  const file = 'rapport.md';

  it('prints one partner section, found however it is spelled, as Markdown and as plain text', () => {
    for (const format of ['md', 'txt'] as const) {
      const result = extract({ markdown: full.md, file, partner: 'POLITIE', level: 'dep-v', format });
      expect(result.ok).toBe(true);
      const output = result.ok ? result.output : '';
      expect(output).toContain('Politie');
      for (const id of ['R-1', 'R-2', 'R-3', 'M-4']) expect(output, `${format} ${id}`).toContain(id);
      expect(output).toContain('vertraagd');
      expect(output).toContain('30 september 2025');
      // Only this partner: no other partner's heading, nothing of the next chapter.
      expect(output).not.toContain('Meldkamers');
      expect(output).not.toContain('Wat levert het meeste op');
    }
    const md = extract({ markdown: full.md, file, partner: 'politie', level: 'dep-v' });
    expect(parseReport(md.ok ? md.output : '').children[0]).toMatchObject({ type: 'heading', depth: 4 });
  });

  it('prints the Openbaar report’s section at Openbaar, with nothing hidden and no contact person', () => {
    const result = extract({ markdown: openbaar.md, file, partner: 'Koninklijke Marechaussee' });
    expect(result.ok).toBe(true);
    const output = result.ok ? result.output : '';
    expect(output).toContain('R-1');
    expect(output).not.toMatch(/R-3|M-6|J\. de Vries|E\. Meijer/);
  });

  it('refuses --section with --partner, the Dep. V. report at Openbaar, and an unknown partner lists the known ones', () => {
    expect(extract({ markdown: full.md, file, partner: 'Politie', sections: ['Samenvatting'], level: 'dep-v' })).toMatchObject({ ok: false, message: 'Kies --section of --partner, niet beide.' });
    expect(extract({ markdown: full.md, file, partner: 'Politie' })).toMatchObject({ ok: false, exitCode: 1 });
    const unknown = extract({ markdown: full.md, file, partner: 'Rijkswaterstaat', level: 'dep-v' });
    expect(unknown.ok).toBe(false);
    const message = unknown.ok ? '' : unknown.message;
    expect(message).toContain('Ketenpartner "Rijkswaterstaat" niet gevonden');
    for (const p of full.analysis.ketenpartners) expect(message).toContain(`"${p.naam}"`);
  });
});

describe.skipIf(spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status !== 0)('extract --partner --format docx, read back by LibreOffice', () => {
  it('holds one partner section with its risks, measures, states and dates', async () => {
    const result = await extractDocx({ markdown: full.md, file: 'rapport.md', partner: 'POLITIE', level: 'dep-v' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const dir = await tempDir();
    const file = join(dir, 'politie.docx');
    await writeFile(file, result.data);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, file], { timeout: 120_000, stdio: 'ignore' });
    const text = await readFile(join(dir, 'politie.txt'), 'utf8');
    expect(text).toContain('Politie');
    for (const id of ['R-1', 'R-2', 'R-3', 'M-1', 'M-4', 'M-6']) expect(text).toContain(id);
    expect(text).toContain('vertraagd');
    expect(text).toContain('30 september 2025');
    expect(text).not.toContain('Meldkamers');
    expect(await extractDocx({ markdown: full.md, file: 'rapport.md', partner: 'Politie' })).toMatchObject({ ok: false, exitCode: 1 });
  });
});
