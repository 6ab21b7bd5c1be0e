/**
 * The report as Markdown: YAML front matter, then one Handlebars template per section (sorted by file
 * name) over the view model, plus the SVG charts the Markdown points to. Returns strings; the caller
 * writes `<slug>.md` and the charts beside it under `figuren/`.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import { stringify } from 'yaml';
import type { Analysis } from '../analysis.js';
import { LEVEL_LABEL } from '../classify/levels.js';
import type { InputFile } from '../ingest/table.js';
import type { Message } from '../messages.js';
import type { RiskClass } from '../model.js';
import { renderCharts } from './charts.js';
import { aantal, datum, geld, getal, klasse, procent, reportTitle, score, verandering } from './format.js';
import { buildView } from './viewmodel.js';
import { TEMPLATES_DIR } from '../version.js';
import { stripBidiControls } from '../text/bidi.js';

export interface MarkdownContext {
  toolVersion: string;
  /** SHA-256 over all inputs (hex), for the front matter. */
  inputsHash: string;
  /** Every input file (analyse.yaml included), path relative to the data folder. */
  inputs: InputFile[];
  /** Warnings and info from validation, for the data-quality annex. */
  dataQuality: Message[];
  /** Base name of the output files without extension; kept for the caller's naming, charts go to `figuren/`. */
  slug: string;
  /** Organisation override: a file here replaces the built-in template or partial with the same relative name. */
  templatesDir?: string;
  /** Rows of the register annexes before pointing to the workbook (Settings.bijlageMaxRijen). */
  annexRowLimit: number;
  /** True when the rendered level is below the analysis' own level (the report then says so). */
  reducedLevel: boolean;
  /** Set for the sample analysis (`voorbeeld: true`): the line on the title page and in the front matter. */
  sampleNotice?: string;
  /** False where only the Markdown matters (tests): the same Markdown, the charts' SVG left empty. */
  drawCharts?: boolean;
}

export interface RenderedChart {
  /** Path relative to the .md, e.g. `figuren/risicomatrix-bruto.svg`. */
  file: string;
  svg: string;
  title: string;
}

/** The section headings (level 2) of the built-in templates, in order. */
export const SECTION_TITLES = [
  'In één oogopslag',
  'Samenvatting',
  'Inleiding en aanpak',
  'Dreigingsbeeld',
  'Risicobeeld',
  "Geaccepteerde risico's",
  'Weerbaarheid per indicator',
  'Ketenafhankelijkheden',
  'Maatregelen',
  'Wat levert het meeste op',
  'Incidenten en oefeningen',
  'Aanbevelingen',
  'Kernboodschappen voor de Kamerbrief',
  'Bijlage A Methode',
  'Bijlage B Risicoregister',
  'Bijlage C Maatregelenregister',
  'Bijlage D Datakwaliteit',
  'Bijlage E Invoer',
] as const;

const TEMPLATE_EXT = '.md.hbs';

/** Template files under `root/sub`, by path relative to `root` with forward slashes. */
async function templateFiles(root: string, sub: string): Promise<Map<string, string>> {
  const dir = join(root, sub);
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(TEMPLATE_EXT)) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(root, full).split(sep).join('/'), full);
  }
  return files;
}

/** Built-in templates with the organisation's files laid over them: the same relative name replaces, a new name adds (sections sort by file name). */
async function loadTemplates(override: string | undefined): Promise<Map<string, string>> {
  const root = TEMPLATES_DIR;
  const paths = new Map([...(await templateFiles(root, 'sections')), ...(await templateFiles(root, 'partials'))]);
  if (override) for (const [name, full] of [...(await templateFiles(override, 'sections')), ...(await templateFiles(override, 'partials'))]) paths.set(name, full);
  const sorted = [...paths.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return new Map(await Promise.all(sorted.map(async ([name, full]) => [name, await readFile(full, 'utf8')] as const)));
}

/** A Handlebars environment of its own per report, so figure and table numbers start at 1. */
function environment(): typeof Handlebars {
  const hb = Handlebars.create();
  const counters = new Map<string, number>();
  // Handlebars passes its options object as the last argument; helpers take only the values before it.
  const values = (args: unknown[]) => args.slice(0, -1);
  const num = (x: unknown) => (typeof x === 'number' ? x : Number(x));
  const helpers: Record<string, (...args: unknown[]) => unknown> = {
    getal: (...a) => {
      const [n, d] = values(a);
      return getal(num(n), d === undefined ? 1 : num(d));
    },
    score: (...a) => score(values(a)[0] as number | null),
    verandering: (...a) => verandering(values(a)[0] as number | null),
    geld: (...a) => geld(num(values(a)[0])),
    procent: (...a) => procent(num(values(a)[0])),
    datum: (...a) => datum(values(a)[0] as string | undefined),
    klasse: (...a) => klasse(values(a)[0] as RiskClass),
    aantal: (...a) => {
      const [n, one, many] = values(a);
      return aantal(num(n), String(one), String(many));
    },
    eq: (...a) => {
      const [x, y] = values(a);
      return x === y;
    },
    bekend: (...a) => values(a)[0] !== null && values(a)[0] !== undefined,
    volgnummer: (...a) => {
      const kind = String(values(a)[0]);
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return n;
    },
  };
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  return hb;
}

function frontMatter(a: Analysis, ctx: MarkdownContext): string {
  const data = {
    titel: reportTitle(a),
    // Shown as a table by some Markdown viewers: no bidi controls, as in the other document properties.
    organisatie: stripBidiControls(a.organisatie),
    netwerk: stripBidiControls(a.netwerk),
    jaar: a.jaar,
    peildatum: a.peildatum,
    rubricering: LEVEL_LABEL[a.rubricering],
    ...(a.rubriceringBesluit?.vervalt && { rubriceringVervalt: a.rubriceringBesluit.vervalt }),
    ...(a.rubriceringBesluit?.vastgesteldDoor && { rubriceringVastgesteldDoor: stripBidiControls(a.rubriceringBesluit.vastgesteldDoor) }),
    toolversie: ctx.toolVersion,
    invoerhash: ctx.inputsHash,
    ...(ctx.sampleNotice ? { voorbeeld: ctx.sampleNotice } : {}),
  };
  // Plain scalars only, every string quoted where YAML needs it; a newline could never end the block.
  return `---\n${stringify(data, { lineWidth: 0 }).trimEnd()}\n---\n`;
}

export async function renderMarkdown(analysis: Analysis, ctx: MarkdownContext): Promise<{ markdown: string; charts: RenderedChart[] }> {
  const charts = (await renderCharts(analysis, { draw: ctx.drawCharts })).map((c) => ({ ...c, file: `figuren/${c.file}` }));
  const view = { ...buildView(analysis, charts, ctx), voorbeeld: ctx.sampleNotice };
  const templates = await loadTemplates(ctx.templatesDir);
  const hb = environment();
  for (const [name, source] of templates) {
    if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length, -TEMPLATE_EXT.length), source);
  }
  const sections = [...templates.entries()]
    .filter(([name]) => name.startsWith('sections/'))
    .map(([name, source]) => {
      try {
        return hb.compile(source, { noEscape: true })(view).trim();
      } catch (e) {
        throw new Error(`Template ${name} kon niet worden toegepast: ${(e as Error).message}`);
      }
    });
  const body = sections.filter((s) => s !== '').join('\n\n');
  const markdown = `${frontMatter(analysis, ctx)}\n${body.replace(/\n{3,}/g, '\n\n')}\n`;
  return { markdown, charts: charts.map(({ file, svg, title }) => ({ file, svg, title })) };
}
