import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { textOf } from './captions.js';

/**
 * rehype transforms that keep every table cell on the printed page (run after rehypeReport):
 * - each chapter (a heading of the top level in the body, h2 in the report whose title is on the
 *   cover, and what follows) becomes a <section>; a chapter with a table of more
 *   columns than a portrait page holds goes on landscape pages (`liggend`, a named page in print.css);
 * - a table that is still too wide for landscape is split into column groups, each repeating the
 *   first (ID) column, with "(deel N van M)" in its caption: never clipped;
 * - a table with a "Tabel N." caption gets a first header row "Tabel N (vervolg)": the header rows
 *   repeat on every page a table runs onto, and on its first page the caption covers that row
 *   (print.css), so a continued table is named on every page;
 * - IDs, dates and amounts in cells are wrapped in `<span class="heel">` so they never break;
 * - an empty cell gets a no-break space, so Chromium tags it as TD like the others (it leaves cells
 *   that paint nothing out of the PDF's structure, and a screen reader then pairs values with the
 *   wrong column).
 */
export function rehypePrintTables() {
  return (tree: Root): void => {
    visitCells(tree);
    splitWideTables(tree);
    labelContinuations(tree);
    tree.children = sections(tree.children);
  };
}

/** Columns a portrait page holds at 8.5 pt; wider tables go on landscape. */
const PORTRAIT_COLUMNS = 8;
/** The width of a landscape page between its margins (297 - 2 × 17.5 mm = 262 mm), in points, less a little. */
const LANDSCAPE_WIDTH = 739;
/**
 * A DejaVu Sans character at the landscape tables' 7 pt: 0.57 em, about the average of an ID such as
 * NAF-R-001 and more than that of Dutch words; a pdftotext test of every register cell guards it.
 */
const CHAR_WIDTH = 4;
/** Headers of landscape tables may break inside a word (print.css): they count with at most this many characters. */
const HEADER_CHARS = 6;
/** Cell padding and border, in points. */
const CELL_EXTRA = 9;

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
/** IDs (NAF-R-031), dates (31 december 2026, 2026-12-31, 31-12-2026) and amounts (M€ 3,0): kept whole. */
const UNBREAKABLE = new RegExp(
  [`\\b[A-Z][A-Z0-9]{0,5}(?:-[A-Z0-9]{1,8})+\\b`, `\\b\\d{1,2} (?:${MONTHS}) \\d{4}\\b`, `\\b\\d{4}-\\d{2}-\\d{2}\\b`, `\\b\\d{2}-\\d{2}-\\d{4}\\b`, `M€ [\\d.,]+`].join('|'),
  'g',
);

function isElement(node: RootContent | ElementContent | undefined, tagName?: string): node is Element {
  return node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** The cell transforms alone (IDs kept whole, empty cells tagged), for content outside the chapters such as page 2. */
export function printCells(node: Root | Element): void {
  visitCells(node);
}

function visitCells(node: Root | Element): void {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'td' || child.tagName === 'th') {
      if (textOf(child).trim() === '') child.children = [{ type: 'text', value: '\u00a0' }];
      else child.children = child.children.flatMap(keepWhole);
    } else {
      visitCells(child);
    }
  }
}

function keepWhole(node: ElementContent): ElementContent[] {
  if (node.type !== 'text') {
    if (isElement(node) && node.tagName !== 'code') node.children = node.children.flatMap(keepWhole);
    return [node];
  }
  const out: ElementContent[] = [];
  let at = 0;
  for (const m of node.value.matchAll(UNBREAKABLE)) {
    if (m.index > at) out.push({ type: 'text', value: node.value.slice(at, m.index) });
    out.push(el('span', { className: ['heel'] }, [{ type: 'text', value: m[0] }]));
    at = m.index + m[0].length;
  }
  if (at === 0) return [node];
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}

function rows(table: Element): Element[] {
  return table.children.flatMap((c) => (isElement(c, 'thead') || isElement(c, 'tbody') ? c.children.filter((r): r is Element => isElement(r, 'tr')) : isElement(c, 'tr') ? [c] : []));
}

function cells(row: Element): Element[] {
  return row.children.filter((c): c is Element => isElement(c, 'td') || isElement(c, 'th'));
}

function columnCount(table: Element): number {
  return Math.max(0, ...rows(table).map((r) => cells(r).length));
}

/** The narrowest a cell can be: its longest run that does not break (a word, or a kept-whole token). */
function minWidth(cell: Element): number {
  let longest = 0;
  if (cell.tagName === 'th') return Math.min(HEADER_CHARS, Math.max(0, ...textOf(cell).split(/\s+/).map((w) => w.length))) * CHAR_WIDTH + CELL_EXTRA;
  const walk = (node: ElementContent): void => {
    if (node.type === 'text') {
      for (const word of node.value.split(/\s+/)) longest = Math.max(longest, word.length);
    } else if (isElement(node)) {
      if ((node.properties.className as string[] | undefined)?.includes('heel')) longest = Math.max(longest, textOf(node).length);
      else node.children.forEach(walk);
    }
  };
  cell.children.forEach(walk);
  return longest * CHAR_WIDTH + CELL_EXTRA;
}

function columnWidths(table: Element): number[] {
  const widths: number[] = [];
  for (const row of rows(table)) cells(row).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, minWidth(cell))));
  return widths;
}

/** Column groups that fit the landscape width, each starting with column 0. */
function columnGroups(widths: number[]): number[][] {
  const groups: number[][] = [];
  let group: number[] = [0];
  let used = widths[0] ?? 0;
  for (let i = 1; i < widths.length; i++) {
    if (group.length > 1 && used + widths[i]! > LANDSCAPE_WIDTH) {
      groups.push(group);
      group = [0];
      used = widths[0] ?? 0;
    }
    group.push(i);
    used += widths[i]!;
  }
  groups.push(group);
  return groups;
}

function pickColumns(node: Element, columns: number[]): Element {
  if (node.tagName === 'tr') {
    const all = cells(node);
    return { ...node, children: columns.flatMap((i) => (all[i] ? [structuredClone(all[i])] : [])) };
  }
  const children = node.children.map((c): ElementContent => (isElement(c) && c.tagName !== 'caption' ? pickColumns(c, columns) : structuredClone(c)));
  return { ...node, children };
}

function withCaptionSuffix(table: Element, suffix: string): Element {
  const caption = table.children.find((c): c is Element => isElement(c, 'caption'));
  if (caption) caption.children = [...caption.children, { type: 'text', value: suffix } satisfies Text];
  return table;
}

/** Tables wider than a landscape page become column groups that repeat the ID column. */
function splitWideTables(node: Root | Element): void {
  const out: (RootContent | ElementContent)[] = [];
  for (const child of node.children) {
    if (!isElement(child)) {
      out.push(child);
      continue;
    }
    if (child.tagName !== 'table') {
      splitWideTables(child);
      out.push(child);
      continue;
    }
    const widths = columnWidths(child);
    const groups = columnCount(child) > PORTRAIT_COLUMNS ? columnGroups(widths) : [];
    if (groups.length <= 1) {
      out.push(child);
      continue;
    }
    groups.forEach((columns, g) => out.push(withCaptionSuffix(pickColumns(child, columns), ` (deel ${g + 1} van ${groups.length})`)));
  }
  node.children = out as Element['children'];
}

const TABLE_NUMBER = /^Tabel\s+(\d+)[.:]/;

function labelContinuations(node: Root | Element): void {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.tagName !== 'table') {
      labelContinuations(child);
      continue;
    }
    const caption = child.children.find((c): c is Element => isElement(c, 'caption'));
    const head = child.children.find((c): c is Element => isElement(c, 'thead'));
    const number = caption ? TABLE_NUMBER.exec(textOf(caption).trim())?.[1] : undefined;
    if (!head || number === undefined) continue;
    const label = el('th', { colSpan: columnCount(child) }, [{ type: 'text', value: `Tabel ${number} (vervolg)` }]);
    head.children.unshift(el('tr', { className: ['vervolg'], ariaHidden: 'true' }, [label]));
  }
}

function hasWideTable(nodes: readonly RootContent[]): boolean {
  const wide = (n: RootContent | ElementContent): boolean =>
    isElement(n) && (n.tagName === 'table' ? columnCount(n) > PORTRAIT_COLUMNS : n.children.some(wide));
  return nodes.some(wide);
}

/** Each chapter heading and what follows it, up to the next, as one section; what comes before the first opens the first. */
function sections(children: RootContent[]): RootContent[] {
  const depth = Math.min(...children.map((n) => (isElement(n) ? Number(/^h([1-6])$/.exec(n.tagName)?.[1] ?? 7) : 7)));
  if (depth > 6) return children;
  const chapter = `h${depth}`;
  const out: RootContent[] = [];
  let current: RootContent[] | undefined;
  const close = () => {
    if (!current) return;
    out.push(el('section', { className: hasWideTable(current) ? ['hoofdstuk', 'liggend'] : ['hoofdstuk'] }, current as ElementContent[]));
    current = undefined;
  };
  for (const node of children) {
    if (isElement(node, chapter)) {
      if (current?.some((n) => isElement(n, chapter))) close();
      (current ??= []).push(node);
    } else {
      (current ??= []).push(node);
    }
  }
  close();
  return out;
}
