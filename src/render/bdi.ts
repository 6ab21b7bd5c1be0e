/**
 * Register text reaches the HTML isolated as FSI…PDI (escape.ts, text/bidi.ts); the HTML gets a
 * `<bdi>` element for each instead. It isolates the same way, and the characters themselves would
 * end up in the PDF's text, where readers extract them as stray glyphs.
 */
import type { Element, Root, RootContent, Text } from 'hast';
import { FSI, PDI } from '../text/bidi.js';

const ISOLATE = new RegExp(`${FSI}([^${FSI}${PDI}]*)${PDI}`, 'g');

export function rehypeIsolates() {
  return (tree: Root): void => {
    replaceIn(tree);
  };
}

function replaceIn(parent: Root | Element): void {
  parent.children = parent.children.flatMap((node): RootContent[] => {
    if (node.type === 'element') replaceIn(node);
    if (node.type !== 'text' || !node.value.includes(FSI)) return [node];
    return split(node);
  }) as typeof parent.children;
}

function split(node: Text): RootContent[] {
  const out: RootContent[] = [];
  let at = 0;
  for (const match of node.value.matchAll(ISOLATE)) {
    if (match.index > at) out.push({ type: 'text', value: node.value.slice(at, match.index) });
    out.push({ type: 'element', tagName: 'bdi', properties: {}, children: [{ type: 'text', value: match[1]! }] });
    at = match.index + match[0].length;
  }
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}
