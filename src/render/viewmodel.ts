/**
 * The view model: everything the section templates show, with register text escaped for Markdown
 * (see escape.ts) and table cells formatted in Dutch. Templates only place these values; numbers for
 * prose stay numbers and are formatted by the template helpers. Pure: analysis in, view out.
 */
import type { Analysis, Counts, IndicatorResult, ScoredMeasure, ScoredRisk } from '../analysis.js';
import { LEVEL_LABEL } from '../classify/levels.js';
import { FIELDS } from '../columns.js';
import type { InputFile } from '../ingest/table.js';
import { compareText, formatMessage, sortMessages, type Message } from '../messages.js';
import { CLASSES, DEFAULT_METHOD, MEASURE_STATUSES, type RiskClass } from '../model.js';
import { isDefaultMethod, methodDifferences } from '../score/method.js';
import { inAnalysisYear } from '../score/totals.js';
import { matrixCells, type Chart } from './charts.js';
import { md } from './escape.js';
import { effectView } from './effect-view.js';
import { chainView } from './partners-view.js';
import { sentences } from './sentences.js';
import { count, ids, level, table, type Column, type Table } from './tables.js';
import { figure } from './figure.js';
import { acceptedView } from './accepted-view.js';
import { bridgeView, historyTable, summaryBridges } from './year-view.js';
import { byActueel, compareIds, facts, kernboodschappen, keyFindings, recommendations, type Facts, type Recommendation } from './findings.js';
import { aantal, datum, decisionText, geld, getal, indicatorNaam, klasseMetCel, KLASSE_AFKORTING, opsomming, procent, reportTitle, score, shownChange, telwoord, verandering } from './format.js';

export interface ViewOptions {
  toolVersion: string;
  inputsHash: string;
  inputs: InputFile[];
  dataQuality: Message[];
  annexRowLimit: number;
  reducedLevel: boolean;
}

/** Rows of the long tables in the body of the report; the annexes hold the rest. */
export const BODY_ROW_LIMIT = 25;
/** Most recommendations listed by name; the remainder is counted. */
export const RECOMMENDATION_LIMIT = 15;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
const voortgang = (m: ScoredMeasure) => (m.voortgang === undefined ? '–' : procent(m.voortgang / 100));

function riskColumns(): Column<ScoredRisk>[] {
  return [
    [FIELDS.risks.id.header, (r) => md(r.id)],
    [FIELDS.risks.titel.header, (r) => md(r.titel)],
    [FIELDS.risks.indicatoren.header, (r) => md(r.indicatoren.join(', '))],
    ['Bruto', (r) => level(r.bruto), true],
    ['Actueel', (r) => level(r.actueel), true],
    ['Streef', (r) => level(r.streef), true],
  ];
}

const LEVEL_CAPTION = { bruto: 'bruto (zonder maatregelen)', actueel: 'actueel (na maatregelen op de peildatum)', streef: 'streef (als alle maatregelen gereed zijn)' } as const;

function matrixTable(a: Analysis, lvl: 'bruto' | 'actueel' | 'streef'): Table {
  const cells = matrixCells(a, lvl);
  const rows = [5, 4, 3, 2, 1].map((kans) => cells.filter((c) => c.kans === kans));
  const columns: Column<(typeof rows)[number]>[] = [
    ['Kans / impact', (r) => `${r[0]?.kans ?? ''} ${md(a.methode.schalen.kans[(r[0]?.kans ?? 1) - 1])}`],
    ...[1, 2, 3, 4, 5].map((impact): Column<(typeof rows)[number]> => [
      `${impact} ${md(a.methode.schalen.impact[impact - 1])}`,
      (r) => {
        const c = r.find((x) => x.impact === impact);
        return c ? `${count(c.aantal)} (${KLASSE_AFKORTING[c.klasse]})` : '';
      },
      true,
    ]),
  ];
  return table(`Risicomatrix ${LEVEL_CAPTION[lvl]}: aantal open risico's per kans en impact, met de klasse van de cel.`, columns, rows, { leeg: '' });
}

function measureSummary(measures: readonly ScoredMeasure[]): string {
  if (!measures.length) return "Er zijn geen maatregelen voor deze risico's.";
  const perStatus = MEASURE_STATUSES.map((s) => [s, measures.filter((m) => m.status === s).length] as const).filter(([, n]) => n > 0);
  const late = measures.filter((m) => m.teLaat).length;
  return `${aantal(measures.length, 'maatregel richt', 'maatregelen richten', { begin: true })} zich op deze risico's: ${opsomming(perStatus.map(([s, n]) => `${telwoord(n)} ${s}`))}${late ? `; ${aantal(late, 'maatregel is', 'maatregelen zijn')} te laat` : ''}.`;
}

/** `Acht open risico's: één laag, zes midden en één hoog (actueel).` Classes without risks are left out. */
function classSentence(ind: IndicatorResult): string {
  const parts = CLASSES.filter((c) => (ind.perKlasse[c] ?? 0) > 0).map((c) => `${telwoord(ind.perKlasse[c] ?? 0)} ${c}`);
  return `${aantal(ind.aantalRisicos, 'open risico', "open risico's", { begin: true })}${parts.length ? `: ${opsomming(parts)}` : ''} (actueel).`;
}

function indicatorView(a: Analysis, ind: IndicatorResult, open: readonly ScoredRisk[], measuresByRisk: Map<string, ScoredMeasure[]>) {
  const risks = open.filter((r) => r.indicatoren.includes(ind.code)).sort(byActueel);
  const measures = [...new Set(risks.flatMap((r) => measuresByRisk.get(r.id) ?? []))];
  return {
    kop: md(`${indicatorNaam(ind)} (${ind.code})`),
    naam: md(indicatorNaam(ind)),
    score: ind.score,
    vorigeScore: ind.vorigeScore,
    verandering: shownChange(ind.score, ind.vorigeScore),
    klassen: md(classSentence(ind)),
    risicos: table(`Risico's van ${md(indicatorNaam(ind))}, hoogste actuele score eerst.`, riskColumns(), risks, {
      limit: 10,
      meer: (left) => `De overige ${aantal(left, 'risico staat', "risico's staan")} in bijlage B.`,
      leeg: "Er zijn geen open risico's voor deze indicator.",
      van: [ind.aantalRisicos, 'open risico', "open risico's"],
    }),
    maatregelen: md(measureSummary(measures)),
  };
}

/** An aggregate: the counts over the data the analysis was scored on. */
function threatTable(a: Analysis, n: Counts): Table {
  return table(
    "Open risico's per dreigingscategorie en indicator (een risico kan meer indicatoren raken).",
    [
      ['Dreigingscategorie', (c) => md(c.categorie ?? "Overige (alleen hoger gerubriceerde risico's)")],
      ...a.indicators.map((i): Column<Counts['dreiging'][number]> => [md(i.code), (c) => count(c.perIndicator[i.code] ?? 0), true]),
      ['Totaal', (c) => count(c.totaal), true],
      ['Hoog of zeer hoog actueel', (c) => count(c.hoog), true],
    ],
    n.dreiging,
    { leeg: "Er zijn geen open risico's." },
  );
}

function methodView(a: Analysis) {
  const m = a.methode;
  const scale = (name: 'kans' | 'impact') =>
    table(`Schaal voor ${name === 'kans' ? 'Kans' : 'Impact'}.`, [['Waarde', (i: number) => count(i + 1), true], ['Omschrijving', (i) => md(m.schalen[name][i])]], [0, 1, 2, 3, 4], { leeg: '' });
  const creditText = (c: number | 'voortgang') => (c === 'voortgang' ? 'Voortgang / 100' : getal(c, 2));
  const isDefault = isDefaultMethod(m);
  return {
    naam: md(m.naam),
    isDefault,
    verschillen: isDefault ? [] : methodDifferences(DEFAULT_METHOD, m).map(md),
    kans: scale('kans'),
    impact: scale('impact'),
    matrix: table(
      'Risicomatrix van de methode: de klasse bij afgeronde kans (rijen) en impact (kolommen).',
      [['Kans / impact', (k: number) => count(k), true], ...[1, 2, 3, 4, 5].map((i): Column<number> => [count(i), (k) => m.matrix[k - 1]?.[i - 1] ?? ''])],
      [5, 4, 3, 2, 1],
      { leeg: '' },
    ),
    credit: table('Voortgangsaandeel per status van een maatregel: welk deel van de verwachte reductie de maatregel heeft verdiend.', [['Status', (s: (typeof MEASURE_STATUSES)[number]) => s], ['Voortgangsaandeel', (s) => creditText(m.credit[s]), true]], [...MEASURE_STATUSES], { leeg: '' }),
    indicatoren: table(
      'Indicatoren en hun gewicht in de totaalscore.',
      [['Code', (i: (typeof m.indicatoren)[number]) => md(i.code)], ['Indicator', (i) => md(indicatorNaam(i))], ['Gewicht', (i) => getal(m.gewichten[i.code] ?? 1, 1), true]],
      m.indicatoren,
      { leeg: '' },
    ),
  };
}

function registerAnnexes(a: Analysis, n: Counts, limit: number) {
  // Contactpersoon only as a column where the (already filtered) data holds one.
  const riskContact = a.risks.some((r) => r.contactpersoon);
  const measureContact = a.measures.some((m) => m.contactpersoon);
  const riskAccepted = a.risks.some((r) => r.geaccepteerdDoor || r.geaccepteerdTot);
  const contact = (x: { contactpersoon?: string | undefined }) => md(x.contactpersoon ?? '');
  const workbook = (left: number, what: string) => `De overige ${count(left)} ${what} staan in de Excel-werkmap bij dit rapport.`;
  // Register columns carry the field table's headers; the computed ones (scores, shares, the
  // short cost headers of a narrow table) are named here.
  const R = FIELDS.risks;
  const M = FIELDS.measures;
  const riskCols: Column<ScoredRisk>[] = [
    [R.id.header, (r) => md(r.id)],
    [R.titel.header, (r) => md(r.titel)],
    [R.dreigingscategorie.header, (r) => md(r.dreigingscategorie)],
    [R.indicatoren.header, (r) => md(r.indicatoren.join(', '))],
    [R.status.header, (r) => r.status],
    [R.eigenaar.header, (r) => md(r.eigenaar)],
    ...(riskContact ? [[R.contactpersoon.header, contact] as Column<ScoredRisk>] : []),
    ...(riskAccepted
      ? ([
          [R.geaccepteerdDoor.header, (r) => md(r.geaccepteerdDoor ?? '')],
          [R.geaccepteerdTot.header, (r) => (r.geaccepteerdTot ? datum(r.geaccepteerdTot) : '')],
        ] as Column<ScoredRisk>[])
      : []),
    [R.ketenpartners.header, (r) => md(r.ketenpartners.join(', '))],
    ['Bruto', (r) => level(r.bruto), true],
    ['Actueel', (r) => level(r.actueel), true],
    ['Streef', (r) => level(r.streef), true],
    ['Σ aandeel', (r) => getal(r.totaalCredit, 2), true],
  ];
  const measureCols: Column<ScoredMeasure>[] = [
    [M.id.header, (m) => md(m.id)],
    [M.titel.header, (m) => md(m.titel)],
    [M.risicos.header, (m) => ids(m.risicos)],
    [M.type.header, (m) => m.type],
    [M.status.header, (m) => m.status],
    [M.voortgang.header, voortgang, true],
    [M.streefdatum.header, (m) => datum(m.streefdatum)],
    [M.gereedOp.header, (m) => datum(m.gereedOp)],
    ['Aandeel', (m) => getal(m.credit, 2), true],
    ['Structureel', (m) => geld(m.kostenStructureel), true],
    ['Eenmalig', (m) => geld(m.kostenEenmalig), true],
    [M.eigenaar.header, (m) => md(m.eigenaar)],
    ...(measureContact ? [[M.contactpersoon.header, contact] as Column<ScoredMeasure>] : []),
  ];
  return {
    risicoregister: table('Risicoregister met de score (en klasse) op de drie niveaus.', riskCols, a.risks, {
      limit,
      meer: (left) => workbook(left, "risico's"),
      leeg: 'Het risicoregister is leeg.',
      van: [n.risicos, 'risico', "risico's"],
    }),
    maatregelenregister: table('Maatregelenregister.', measureCols, a.measures, {
      limit,
      meer: (left) => workbook(left, 'maatregelen'),
      leeg: 'Het maatregelenregister is leeg.',
      van: [n.maatregelen, 'maatregel', 'maatregelen'],
    }),
  };
}

/** Scores per indicator with last year's and the change shown as the difference of the shown values. */
function indicatorTable(a: Analysis): Table {
  const prevYear = a.trend?.vorigJaar ?? null;
  return table(
    prevYear === null ? `Score per indicator in ${a.jaar} (0-100, hoger is weerbaarder).` : `Score per indicator in ${a.jaar} en ${prevYear} (0-100, hoger is weerbaarder).`,
    [
      ['Indicator', (i: IndicatorResult) => md(indicatorNaam(i))],
      [String(a.jaar), (i) => score(i.score), true],
      ...(prevYear === null
        ? []
        : ([
            [String(prevYear), (i) => score(i.vorigeScore), true],
            ['Verandering', (i) => verandering(shownChange(i.score, i.vorigeScore)), true],
          ] as Column<IndicatorResult>[])),
      ["Open risico's", (i) => count(i.aantalRisicos), true],
    ],
    a.indicators,
    { leeg: 'Er zijn geen indicatoren.' },
  );
}

/** Page 2 of the PDF: the picture in one view, before the contents. */
function glanceView(a: Analysis, f: Facts, charts: readonly Chart[]) {
  const worst = f.late[0];
  return {
    indicatoren: indicatorTable(a),
    scores: figure(charts, 'indicatorscores'),
    matrices: figure(charts, 'risicomatrices'),
    hoogste: table(
      `De vijf hoogste actuele risico's${f.partial ? ' van deze versie' : ''}. De klasse volgt uit de afgeronde kans × impact, niet uit de score: zo kan een risico met een lagere score toch een hogere klasse hebben.`,
      [
        ['ID', (r: ScoredRisk) => md(r.id)],
        ['Titel', (r) => md(r.titel)],
        ['Score', (r) => score(r.actueel.score), true],
        ['Klasse (kans × impact)', (r) => klasseMetCel(r.actueel)],
      ],
      [...f.open].sort(byActueel).slice(0, 5),
      { leeg: "Er zijn geen open risico's." },
    ),
    teLaat: md(
      a.totals.maatregelenTeLaat
        ? `${aantal(a.totals.maatregelenTeLaat, 'maatregel is', 'maatregelen zijn', { begin: true })} te laat${
            // Page 2 has room for the longest only when it is the longest of all, hidden ones included.
            worst && worst.dagenTeLaat === f.n.langstTeLaat ? `; het langst ${worst.id} ‘${worst.titel}’: ${aantal(worst.dagenTeLaat, 'dag', 'dagen')} over de streefdatum van ${datum(worst.streefdatum)}` : ''
          }.`
        : 'Geen maatregel is te laat.',
    ),
    kosten: md(`Kosten van de maatregelen die niet zijn geannuleerd: ${geld(f.kostenStructureel)} per jaar structureel en ${geld(f.kostenEenmalig)} eenmalig.`),
    kernpunten: keyFindings(a, f).slice(0, 3).map(md),
  };
}

/** What the figures of a reduced version cover, in plain Dutch for the cover and the summary. */
export function coverage(a: Pick<Analysis, 'rubricering' | 'scoregrondslag'>): string {
  const level = LEVEL_LABEL[a.rubricering];
  return a.scoregrondslag === 'alle'
    ? `Deze versie is bestemd voor het niveau ${level}; onderdelen met een hogere rubricering zijn weggelaten. De cijfers gaan over de hele analyse, ook over die weggelaten onderdelen; lijsten en tabellen van afzonderlijke risico's, maatregelen en incidenten tonen alleen wat op dit niveau mag.`
    : `Deze versie is bestemd voor het niveau ${level}; onderdelen met een hogere rubricering zijn weggelaten. Alle cijfers gaan alleen over de onderdelen die in deze versie staan.`;
}

export function buildView(a: Analysis, charts: readonly Chart[], opts: ViewOptions) {
  const f = facts(a);
  const open = f.open;
  const measuresByRisk = new Map<string, ScoredMeasure[]>();
  for (const m of a.measures) for (const id of m.risicos) pushTo(measuresByRisk, id, m);
  const top = [...open].sort(byActueel);
  const { n } = f;
  const costsOf = (status: (typeof MEASURE_STATUSES)[number]) => n.kostenPerStatus[status];
  const prevYear = a.trend?.vorigJaar ?? null;
  const findings = keyFindings(a, f);
  const recs = recommendations(a, f);
  const incidents = [...a.incidents].sort((x, y) => compareText(x.datum, y.datum) || compareIds(x.id, y.id));
  const inYear = inAnalysisYear(a, incidents);
  const messages = sortMessages(opts.dataQuality);
  const perClass = (lvl: 'bruto' | 'actueel' | 'streef', c: RiskClass) => a.totals.risicosPerKlasse[lvl][c] ?? 0;

  return {
    titel: md(reportTitle(a)),
    organisatie: md(a.organisatie),
    uitgave: { status: a.uitgave?.status ?? 'concept', eenheid: md(a.uitgave?.uitgevendeEenheid ?? ''), datum: a.uitgave?.uitgiftedatum ?? a.peildatum },
    zinnen: Object.fromEntries(Object.entries(sentences(a, f)).map(([k, v]) => [k, md(v)])),
    oogopslag: glanceView(a, f, charts),
    netwerk: md(a.netwerk),
    jaar: a.jaar,
    peildatum: a.peildatum,
    rubricering: LEVEL_LABEL[a.rubricering],
    rubriceringBesluit: md(decisionText(a.rubriceringBesluit)),
    toolVersion: md(opts.toolVersion),
    reducedLevel: opts.reducedLevel,
    grondslag: opts.reducedLevel ? coverage(a) : '',
    scoregrondslagAlle: a.scoregrondslag === 'alle',
    vorigJaar: prevYear,
    trend: a.trend && {
      vergelijkbaar: a.trend.methodeVergelijkbaar,
      verschillen: a.trend.methodeVerschillen.map(md),
      nieuw: n.trend?.nieuweRisicos ?? 0,
      gesloten: n.trend?.geslotenRisicos ?? 0,
      klasseOmhoog: n.trend?.klasseOmhoog ?? 0,
      klasseOmlaag: n.trend?.klasseOmlaag ?? 0,
      nieuwTeLaat: n.trend?.nieuwTeLaat ?? 0,
      nieuwGereed: n.trend?.nieuwGereed ?? 0,
    },
    aantal: {
      risicos: n.risicos,
      open: n.openRisicos,
      gesloten: n.risicos - n.openRisicos,
      maatregelen: n.maatregelen,
      incidenten: f.incidents,
      oefeningen: f.exercises,
      hoogActueel: n.hoogActueel,
      zeerHoogActueel: n.zeerHoogActueel,
      hoogBruto: n.hoogBruto,
      hoogStreef: n.hoogStreef,
      teLaat: a.totals.maatregelenTeLaat,
      teLaatOpHoog: n.teLaatOpHoog,
      gereedDitJaar: n.gereedInJaar,
      overNorm: f.overNorm,
      indicatoren: a.indicators.length,
    },
    totaalScore: a.totals.totaalScore,
    kosten: { structureel: f.kostenStructureel, eenmalig: f.kostenEenmalig },
    samenvatting: {
      indicatoren: indicatorTable(a),
      bevindingen: findings.map(md),
      verklaring: summaryBridges(a),
    },
    figuren: {
      matrices: figure(charts, 'risicomatrices'),
      indicatoren: figure(charts, 'indicatorscores'),
      maatregelen: figure(charts, 'maatregelen-per-status'),
    },
    dreigingsbeeld: { tabel: threatTable(a, n) },
    risicobeeld: {
      matrices: (['bruto', 'actueel', 'streef'] as const).map((lvl) => matrixTable(a, lvl)),
      legenda: CLASSES.map((c) => `${KLASSE_AFKORTING[c]} = ${c}`).join(', '),
      top10: table("De tien open risico's met de hoogste actuele score; de klasse volgt uit de afgeronde kans × impact.", [...riskColumns().slice(0, 4), ['Actueel', (r) => `${score(r.actueel.score)} ${klasseMetCel(r.actueel)}`, true], riskColumns()[5]!], top, {
        limit: 10,
        leeg: "Er zijn geen open risico's.",
        van: [n.openRisicos, 'open risico', "open risico's"],
      }),
      verschuiving: table(
        "Aantal open risico's per klasse: bruto, actueel en streef.",
        [
          ['Klasse', (c: RiskClass) => c],
          ['Bruto', (c) => count(perClass('bruto', c)), true],
          ['Actueel', (c) => count(perClass('actueel', c)), true],
          ['Streef', (c) => count(perClass('streef', c)), true],
        ],
        [...CLASSES].reverse(),
        { leeg: '' },
      ),
    },
    indicatoren: a.indicators.map((i, k) => ({ ...indicatorView(a, i, open, measuresByRisk), brug: bridgeView(a, i, k, charts) })),
    historie: historyTable(a),
    geaccepteerd: acceptedView(a),
    keten: chainView(a, measuresByRisk),
    opbrengst: effectView(a),
    maatregelen: {
      status: table(
        'Maatregelen per status, met hun kosten.',
        [
          ['Status', (s: (typeof MEASURE_STATUSES)[number]) => s],
          ['Aantal', (s) => count(a.totals.maatregelenPerStatus[s] ?? 0), true],
          ['Structureel (per jaar)', (s) => geld(costsOf(s).kostenStructureel), true],
          ['Eenmalig', (s) => geld(costsOf(s).kostenEenmalig), true],
        ],
        [...MEASURE_STATUSES],
        { leeg: '', totaal: ['Totaal niet geannuleerd', count(n.maatregelenActief), geld(f.kostenStructureel), geld(f.kostenEenmalig)] },
      ),
      teLaat: table(
        `Maatregelen die op ${datum(a.peildatum)} te laat zijn, langst te laat eerst.`,
        [
          ['ID', (m: ScoredMeasure) => md(m.id)],
          ['Titel', (m) => md(m.titel)],
          ['Status', (m) => m.status],
          ['Voortgang', voortgang, true],
          ['Streefdatum', (m) => datum(m.streefdatum)],
          ['Dagen te laat', (m) => count(m.dagenTeLaat), true],
          ["Risico's", (m) => ids(m.risicos)],
        ],
        f.late,
        { limit: BODY_ROW_LIMIT, meer: (left) => `De overige ${count(left)} staan in bijlage C.`, leeg: 'Er zijn geen maatregelen te laat.', van: [a.totals.maatregelenTeLaat, 'maatregel die te laat is', 'maatregelen die te laat zijn'] },
      ),
      gereed: table(
        `Maatregelen gereed in ${a.jaar}.`,
        [
          ['ID', (m: ScoredMeasure) => md(m.id)],
          ['Titel', (m) => md(m.titel)],
          ['Gereed op', (m) => datum(m.gereedOp)],
          ["Risico's", (m) => ids(m.risicos)],
        ],
        [...f.completedThisYear].sort((x, y) => compareText(x.gereedOp ?? '', y.gereedOp ?? '') || compareIds(x.id, y.id)),
        { limit: BODY_ROW_LIMIT, meer: (left) => `De overige ${count(left)} staan in bijlage C.`, leeg: `Er is in ${a.jaar} geen maatregel gereedgekomen.`, van: [n.gereedInJaar, `maatregel die in ${a.jaar} is gereedgekomen`, `maatregelen die in ${a.jaar} zijn gereedgekomen`] },
      ),
      aantalActief: n.maatregelenActief,
    },
    incidenten: {
      incidenten: table(
        `Incidenten in ${a.jaar}: hersteltijd tegen de norm.`,
        [
          ['Datum', (i: (typeof incidents)[number]) => datum(i.datum)],
          ['ID', (i) => md(i.id)],
          ['Titel', (i) => md(i.titel)],
          ['Hersteltijd (uur)', (i) => (i.hersteltijd === undefined ? '–' : getal(i.hersteltijd, 1)), true],
          ['Norm (uur)', (i) => (i.norm === undefined ? '–' : getal(i.norm, 1)), true],
          ['Binnen norm', (i) => (i.hersteltijd === undefined || i.norm === undefined ? '–' : i.hersteltijd <= i.norm ? 'ja' : 'nee')],
        ],
        inYear.filter((i) => i.soort === 'incident'),
        { limit: BODY_ROW_LIMIT, meer: (left) => `De overige ${count(left)} staan in de Excel-werkmap.`, leeg: `Er zijn geen incidenten in ${a.jaar} geregistreerd.`, van: [n.incidentenInJaar, 'incident', 'incidenten'] },
      ),
      oefeningen: table(
        `Gehouden oefeningen in ${a.jaar}.`,
        [
          ['Datum', (i: (typeof incidents)[number]) => datum(i.datum)],
          ['ID', (i) => md(i.id)],
          ['Titel', (i) => md(i.titel)],
          ['Indicatoren', (i) => md(i.indicatoren.join(', '))],
        ],
        inYear.filter((i) => i.soort === 'oefening'),
        { limit: BODY_ROW_LIMIT, meer: (left) => `De overige ${count(left)} staan in de Excel-werkmap.`, leeg: `Er zijn geen oefeningen in ${a.jaar} geregistreerd.`, van: [n.oefeningenInJaar, 'oefening', 'oefeningen'] },
      ),
      // Dated before the analysis year: context, not counted "in <jaar>".
      eerder: table(
        `Eerder: incidenten en oefeningen van vóór ${a.jaar}, als achtergrond; ze tellen niet mee in de cijfers over ${a.jaar}.`,
        [
          ['Datum', (i: (typeof incidents)[number]) => datum(i.datum)],
          ['ID', (i) => md(i.id)],
          ['Titel', (i) => md(i.titel)],
          ['Soort', (i) => i.soort],
        ],
        incidents.filter((i) => i.datum < `${a.jaar}-01-01`),
        { limit: BODY_ROW_LIMIT, meer: (left) => `De overige ${count(left)} staan in de Excel-werkmap.`, leeg: '' },
      ),
    },
    aanbevelingen: {
      tabel: table(
        'Aanbevelingen, belangrijkste eerst: per risico wat te doen, door wie, waarom en wanneer.',
        [
          ['Nr.', (x: Recommendation) => count(recs.indexOf(x) + 1), true],
          ['Risico', (x) => md(x.risicos.map((r) => `${r.id} ${r.titel}`).join('; '))],
          ['Eigenaar', (x) => md(x.eigenaar)],
          ['Wat', (x) => md(x.wat)],
          ['Waarom', (x) => md(x.waarom)],
          ['Uiterlijk', (x) => datum(x.uiterlijk)],
        ],
        recs,
        {
          limit: RECOMMENDATION_LIMIT,
          meer: (left) => `Daarnaast ${aantal(left, 'volgt een vergelijkbare aanbeveling', 'volgen vergelijkbare aanbevelingen')}; zie bijlage B en C.`,
          leeg: 'Uit de gegevens volgen geen aanvullende aanbevelingen: er zijn geen hoge of zeer hoge risico\'s die om actie vragen en geen gedaalde indicatoren.',
        },
      ),
    },
    kernboodschappen: kernboodschappen(a, f).map(md),
    methode: methodView(a),
    ...registerAnnexes(a, n, opts.annexRowLimit),
    datakwaliteit: table(
      'Bevindingen over de kwaliteit van de invoer.',
      [['Melding', (m: Message) => md(formatMessage(m))]],
      messages,
      { limit: opts.annexRowLimit, meer: (left) => `De overige ${count(left)} meldingen geeft \`weerbaarheid validate\`.`, leeg: 'Er zijn geen bevindingen over de datakwaliteit.' },
    ),
    invoer: {
      hash: md(opts.inputsHash),
      tabel: table(
        'Invoerbestanden met hun SHA-256.',
        [['Bestand', (i: InputFile) => md(i.path)], ['Bytes', (i) => count(i.bytes), true], ['SHA-256', (i) => md(i.sha256)]],
        [...opts.inputs].sort((x, y) => compareText(x.path, y.path)),
        { leeg: 'Er zijn geen invoerbestanden vermeld.' },
      ),
    },
  };
}
