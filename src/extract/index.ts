/**
 * `weerbaarheid extract`: publishable parts of a generated report, for a Kamerbrief.
 *
 * The report is released only when its front-matter rubricering is at or below `level`, which
 * defaults to Openbaar because extracting is for publishing. A refused report yields one Dutch line
 * and none of its content. The front matter itself is never part of the output.
 */
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { LEVEL_LABEL, visibleAt, type Level } from '../classify/levels.js';
import { reportLevel } from './frontmatter.js';
import { toPlainText } from './plaintext.js';
import { selectPartner } from './partner.js';
import { findSection, formatOutline, outline } from './sections.js';

export interface ExtractOptions {
  /** The report's text. */
  markdown: string;
  /** The report's path as the user gave it, for messages. */
  file: string;
  /** Print the section tree (of the chosen sections, or of the whole report) instead of the text. */
  list?: boolean;
  /** Heading titles; each section is printed with its subsections, in this order. */
  sections?: readonly string[];
  /** A chain partner's section (see partner.ts) instead of whole sections. */
  partner?: string;
  /** The highest rubricering that may be released; default Openbaar. */
  level?: Level;
  /** `md` (default): GFM Markdown. `txt`: plain text for a letter (see plaintext.ts). */
  format?: 'md' | 'txt';
}

export type ExtractResult = { ok: true; output: string } | { ok: false; exitCode: 1; message: string };

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const serializer = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true });

function refused(message: string): { ok: false; exitCode: 1; message: string } {
  return { ok: false, exitCode: 1, message };
}

/** The nodes of the chosen sections in the given order, or of the whole body without front matter. */
function select(body: readonly RootContent[], titles: readonly string[], file: string): { ok: true; nodes: RootContent[] } | { ok: false; message: string } {
  if (titles.length === 0) return { ok: true, nodes: [...body] };
  const sections = outline(body);
  const nodes: RootContent[] = [];
  for (const title of titles) {
    const match = findSection(sections, title, file);
    if (!match.ok) return match;
    // One at a time: a section of many blocks spread into push() would overflow the stack.
    for (let i = match.section.start; i < match.section.end; i++) nodes.push(body[i]!);
  }
  return { ok: true, nodes };
}

/** The chosen sections of a report that may be released at the level, with the report's own level; or why not. */
export function released(opts: Pick<ExtractOptions, 'markdown' | 'file' | 'sections' | 'partner' | 'level'>): { ok: true; nodes: RootContent[]; level: Level } | { ok: false; exitCode: 1; message: string } {
  const level = opts.level ?? 'openbaar';
  const tree = parser.parse(opts.markdown);
  const own = reportLevel(tree, opts.file);
  if (!own.ok) return refused(own.message);
  if (!visibleAt(own.level, level)) {
    return refused(
      `${opts.file} is gerubriceerd ${LEVEL_LABEL[own.level]}; genereer het rapport eerst op niveau ${LEVEL_LABEL[level]} (weerbaarheid generate --level ${level}).`,
    );
  }
  const body = tree.children.filter((node) => node.type !== 'yaml');
  if (opts.partner !== undefined && opts.sections?.length) return refused('Kies --section of --partner, niet beide.');
  const selected = opts.partner === undefined ? select(body, opts.sections ?? [], opts.file) : selectPartner(body, opts.partner, opts.file);
  if (!selected.ok) return refused(selected.message);
  return { ok: true, nodes: selected.nodes, level: own.level };
}

export function extract(opts: ExtractOptions): ExtractResult {
  const selected = released(opts);
  if (!selected.ok) return selected;

  if (opts.list) return { ok: true, output: formatOutline(outline(selected.nodes)) };
  if (opts.format === 'txt') return { ok: true, output: toPlainText(selected.nodes) };
  const root: Root = { type: 'root', children: selected.nodes };
  return { ok: true, output: serializer.stringify(root) };
}
