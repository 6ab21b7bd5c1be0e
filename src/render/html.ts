import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Root } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { TEMPLATES_DIR } from '../version.js';
import { rehypeIsolates } from './bdi.js';
import { rehypeReport, takeGlance, textOf } from './captions.js';
import { datum } from './format.js';
import { stripBidiControls } from '../text/bidi.js';
import { classCss } from './palette.js';
import { printCells, rehypePrintTables } from './print-tables.js';

/** The language of every report (the HTML's lang, the PDF's /Lang and dc:language). */
export const REPORT_LANG = 'nl';

export interface HtmlMeta {
  title: string;
  organisatie: string;
  jaar: number;
  peildatum: string;
  /** The classification label printed on the cover and on every page, e.g. `Departementaal Vertrouwelijk`. */
  levelLabel: string;
  toolVersion: string;
  /** `concept` (default) or `definitief`, from analyse.yaml. */
  status?: string;
  /** The issuing unit under the organisation, when analyse.yaml names one. */
  uitgevendeEenheid?: string;
  /** Date of issue; default the peildatum. */
  uitgiftedatum?: string;
  /** Who set the classification and the date it lapses (ISO): only at the analysis' own level, when analyse.yaml gives them. */
  vastgesteldDoor?: string;
  rubriceringVervalt?: string;
  subject: string;
  keywords: string[];
  /** For a version below the analysis' own level: what its figures cover, on the cover. */
  dekking?: string;
  /** Set for the sample analysis: printed large on the cover. */
  sampleNotice?: string;
}

export interface Heading {
  id: string;
  depth: number;
  text: string;
}

/** `headings` reports levels 1 to HEADING_DEPTH; the printed contents lists levels 1 to TOC_DEPTH. */
const HEADING_DEPTH = 3;
const TOC_DEPTH = 2;

/**
 * The report Markdown as one self-contained HTML page: cover, contents, body, print CSS inlined,
 * no scripts and a CSP that allows nothing but inline style and local image files.
 * `pageNumbers` (heading id → page) fills the contents; without it the numbers are left blank
 * in reserved space, so the first print lays out exactly like the second.
 */
export interface HtmlDocument {
  html: string;
  headings: Heading[];
  /** The same page with these numbers in its contents, without parsing the Markdown again. */
  withPageNumbers(pageNumbers: Map<string, number>): string;
}

export async function renderHtml(markdown: string, meta: HtmlMeta, opts: { pageNumbers?: Map<string, number> } = {}): Promise<HtmlDocument> {
  let headings: Heading[] = [];
  let glance: Root = { type: 'root', children: [] };
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkRehype)
    // The default (GitHub) schema already allows what the Markdown can produce; ids and classes are added after it.
    .use(rehypeSanitize, defaultSchema)
    .use(rehypeIsolates)
    .use(rehypeSlug)
    .use(rehypeReport)
    .use(() => (tree: Root) => {
      dropTitleHeading(tree, meta.title, meta.dekking);
      glance = takeGlance(tree);
      printCells(glance);
      headings = collectHeadings(tree);
    })
    .use(rehypePrintTables)
    .use(rehypeStringify);
  const body = String(await processor.process(markdown));
  // Page 2 prints before the contents, so it is its own fragment of the page.
  const glanceHtml = processor.stringify(glance);
  const [template, css] = await Promise.all([loadTemplate(), readFile(join(TEMPLATES_DIR, 'print.css'), 'utf8')]);
  const page = (pageNumbers?: Map<string, number>) => {
    const toc = headings.filter((h) => h.depth <= TOC_DEPTH).map((h) => ({ ...h, page: pageNumbers?.get(h.id) ?? '' }));
    const cover = { status: 'concept', uitgevendeEenheid: '', uitgiftedatum: meta.peildatum, ...meta };
    return template({
      meta: cover,
      lang: REPORT_LANG,
      peildatum: datum(meta.peildatum),
      uitgiftedatum: datum(cover.uitgiftedatum),
      rubriceringVervalt: meta.rubriceringVervalt && datum(meta.rubriceringVervalt),
      keywords: meta.keywords.join(', '),
      css,
      pageCss: pageCss(meta.levelLabel),
      toc,
      glance: glanceHtml,
      body,
    });
  };
  return { html: page(opts.pageNumbers), headings, withPageNumbers: page };
}

/** A CSS string literal: quotes, backslashes and anything outside printable ASCII as escapes. */
function cssString(text: string): string {
  return `"${[...text].map((c) => (/[ -~]/.test(c) && c !== '"' && c !== '\\' && c !== '<' ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

/**
 * The running header and footer as CSS page-margin boxes, and the class colours of the palette.
 * The header and footer: Chromium lays them out on every page,
 * portrait and landscape alike, and pdf-finish.ts marks them as Artifacts. The classification is
 * also on the cover and in the metadata, where assistive technology finds it.
 */
function pageCss(levelLabel: string): string {
  const label = cssString(levelLabel);
  return `@page {
  @top-center { content: ${label}; }
  @bottom-left { content: ${label}; }
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); }
}
${classCss()}`;
}

let templatePromise: Promise<Handlebars.TemplateDelegate> | undefined;
function loadTemplate(): Promise<Handlebars.TemplateDelegate> {
  // Compiled once per process: the template is a read-only file shipped with the tool.
  templatePromise ??= readFile(join(TEMPLATES_DIR, 'document.html.hbs'), 'utf8').then((source) =>
    Handlebars.create().compile(source, { strict: true }),
  );
  return templatePromise;
}

/**
 * The cover already carries the title, the sample notice and the line of cover data under them; a
 * leading `# <title>` would otherwise print a page of its own. The paragraphs up to that line go too.
 */
function dropTitleHeading(tree: Root, title: string, dekking?: string): void {
  const index = tree.children.findIndex((c) => c.type === 'element');
  const first = tree.children[index];
  // The heading's text is register text isolated (escape.ts); the title is the same without the isolate.
  const plain = (text: string) => stripBidiControls(text).trim();
  if (!(first?.type === 'element' && first.tagName === 'h1' && plain(textOf(first)) === plain(title))) return;
  const following = tree.children.flatMap((c, i) => (i > index && c.type === 'element' ? [{ c, i }] : [])).slice(0, 2);
  const line = following.find(({ c }) => c.tagName === 'p' && /Rubricering:/.test(textOf(c)));
  const coverOnly = line && following.filter(({ i }) => i <= line.i).every(({ c }) => c.tagName === 'p');
  // The coverage sentence under the cover line is on the cover too.
  const next = coverOnly ? tree.children.slice(line.i + 1).find((c) => c.type === 'element') : undefined;
  const withCoverage = dekking !== undefined && next?.type === 'element' && next.tagName === 'p' && textOf(next).trim() === dekking;
  tree.children.splice(index, coverOnly ? (withCoverage ? tree.children.indexOf(next) : line.i) - index + 1 : 1);
}

function collectHeadings(tree: Root): Heading[] {
  const out: Heading[] = [];
  const walk = (node: Root | Root['children'][number]): void => {
    if (node.type === 'element') {
      const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (depth && Number(depth) <= HEADING_DEPTH && typeof node.properties.id === 'string') {
        out.push({ id: node.properties.id, depth: Number(depth), text: textOf(node).trim() });
        return;
      }
    }
    if (node.type === 'element' || node.type === 'root') node.children.forEach(walk);
  };
  walk(tree);
  return out;
}
