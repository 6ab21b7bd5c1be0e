import type { Element, ElementContent, Root, RootContent } from 'hast';
import { CLASSES, MEASURE_STATUSES } from '../model.js';

/**
 * rehype transforms for the report's conventions, run after sanitising:
 * - a paragraph "Tabel N. …" right before a table becomes that table's <caption>;
 * - a paragraph holding one image followed by a paragraph "Figuur N. …" becomes <figure><img><figcaption>;
 * - images that are not local chart files (`figuren/x.svg`) are replaced by their alt text;
 * - table cells holding a risk class get `klasse-…` so the print stylesheet can colour them, and
 *   cells of one status or class word get `kort` so they do not wrap;
 * - tables of many columns get `breed`, so they print smaller.
 */
export function rehypeReport() {
  return (tree: Root): void => {
    transformChildren(tree);
  };
}

const TABLE_CAPTION = /^Tabel\s+\d+[.:]/;
const FIGURE_CAPTION = /^Figuur\s+\d+[.:]/;
/** Chart files written beside the HTML; no dot files, no folders, no schemes. */
const LOCAL_IMAGE = /^figuren\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const CLASS_BY_TEXT = new Map<string, string>(CLASSES.map((c) => [c, `klasse-${c.replace(/\s+/g, '-')}`]));
/** Cells of a few words that must not wrap ("in⏎uitvoering"), so long text columns take the width. */
const SHORT_WORDS = new Set<string>([...MEASURE_STATUSES, ...CLASSES]);
/** An amount (`M€ 3,0`) or a score with its class (`16,0 (hoog)`): one unit, kept on one line. */
const AMOUNT = /^(m€ [\d.,]+|\d+,\d \((laag|midden|hoog|zeer hoog)\))$/;

function transformChildren(parent: Root | Element): void {
  const out: RootContent[] = [];
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    const nextIndex = nextElementIndex(children, i);
    const next = nextIndex === undefined ? undefined : (children[nextIndex] as Element);
    if (isElement(node, 'p') && next && isElement(next, 'table') && TABLE_CAPTION.test(textOf(node))) {
      next.children.unshift(el('caption', {}, node.children));
      i = nextIndex! - 1; // the table itself is visited next
      continue;
    }
    if (isElement(node, 'p') && next && isElement(next, 'p') && soleImage(node) && FIGURE_CAPTION.test(textOf(next))) {
      const image = soleImage(node)!;
      // `figuur-<chart>` lets the stylesheet size a chart (the three matrices take the full width).
      const chart = /^figuren\/([A-Za-z0-9_-]+)\.svg$/.exec(String(image.properties.src ?? ''))?.[1];
      const figure = el('figure', { className: ['figuur', ...(chart ? [`figuur-${chart}`] : [])] }, [image, el('figcaption', {}, next.children)]);
      transformChildren(figure);
      out.push(figure);
      i = nextIndex!;
      continue;
    }
    out.push(transformNode(node));
  }
  parent.children = out as Element['children'];
}

function transformNode(node: RootContent): RootContent {
  if (node.type !== 'element') return node;
  if (node.tagName === 'img') {
    const src = node.properties.src;
    if (typeof src === 'string' && LOCAL_IMAGE.test(src)) return node;
    return { type: 'text', value: String(node.properties.alt ?? '') };
  }
  if (node.tagName === 'table' && headerCells(node) >= WIDE_TABLE) node.properties.className = ['breed'];
  if (node.tagName === 'td') {
    const text = textOf(node).trim().toLowerCase();
    const klasse = CLASS_BY_TEXT.get(text);
    const names = [...(klasse ? [klasse] : []), ...(SHORT_WORDS.has(text) || AMOUNT.test(text) ? ['kort'] : [])];
    if (names.length) node.properties.className = names;
  }
  transformChildren(node);
  return node;
}

/** Tables with this many columns (the register annexes) print smaller so they fit the page. */
const WIDE_TABLE = 10;

function headerCells(table: Element): number {
  const head = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'thead');
  const row = head?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'tr');
  return row ? row.children.filter((c) => c.type === 'element').length : 0;
}

function soleImage(p: Element): Element | undefined {
  const content = p.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = content[0];
  return content.length === 1 && only && isElement(only, 'img') ? only : undefined;
}

function nextElementIndex(children: RootContent[], i: number): number | undefined {
  for (let j = i + 1; j < children.length; j++) {
    const c = children[j]!;
    if (c.type === 'element') return j;
    if (!(c.type === 'text' && c.value.trim() === '')) return undefined;
  }
  return undefined;
}

function isElement(node: RootContent | ElementContent, tagName: string): node is Element {
  return node.type === 'element' && node.tagName === tagName;
}

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** The heading of page 2 ("In één oogopslag"), which the PDF prints before the contents. */
export const GLANCE_HEADING = 'In één oogopslag';

/**
 * Takes the section under the GLANCE_HEADING h2 (up to the next h2) out of the tree and returns it
 * as a root of its own, wrapped in `<section class="oogopslag">`; an empty root when there is none
 * (an organisation's templates may leave it out).
 */
export function takeGlance(tree: Root): Root {
  const isH2 = (n: RootContent) => n.type === 'element' && n.tagName === 'h2';
  const start = tree.children.findIndex((n) => isH2(n) && textOf(n).trim() === GLANCE_HEADING);
  if (start < 0) return { type: 'root', children: [] };
  const rest = tree.children.slice(start + 1).findIndex(isH2);
  const end = rest < 0 ? tree.children.length : start + 1 + rest;
  const nodes = tree.children.splice(start, end - start) as ElementContent[];
  return { type: 'root', children: [el('section', { className: ['oogopslag'] }, nodes)] };
}

export function textOf(node: RootContent | ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map((c) => textOf(c)).join('');
  return '';
}
