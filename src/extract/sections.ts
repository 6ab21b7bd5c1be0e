/**
 * The section tree of a report: every heading at the root of the document, with the nodes it
 * covers (up to the next heading of the same or a higher level, so subsections are included).
 *
 * A title finds its section like this (normalizeKey: case, accents, spaces and punctuation ignored):
 * 1. headings whose whole text equals the title; several → the shallowest, first in the document
 *    (so `Maatregelen` is the chapter, not a subsection of the same name further down);
 * 2. otherwise headings whose text starts with the title (`kernboodschappen`); this guess must be
 *    unique at the shallowest depth that matches, else the title is ambiguous.
 */
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normalizeKey } from '../text/normalize.js';

export interface Section {
  title: string;
  depth: Heading['depth'];
  /** Index of the heading in root.children. */
  start: number;
  /** Index after the last node of the section. */
  end: number;
}

export type SectionMatch = { ok: true; section: Section } | { ok: false; message: string };

export function outline(nodes: readonly RootContent[]): Section[] {
  const headings = nodes.flatMap((node, index) => (node.type === 'heading' ? [{ node, index }] : []));
  return headings.map(({ node, index }, n) => {
    const next = headings.slice(n + 1).find((h) => h.node.depth <= node.depth);
    return { title: toString(node), depth: node.depth, start: index, end: next?.index ?? nodes.length };
  });
}

function shallowest(sections: readonly Section[]): Section[] {
  const depth = minDepth(sections);
  return sections.filter((s) => s.depth === depth);
}

/** The chapters: the shallowest headings, or the level below a single document title. */
export function topLevel(sections: readonly Section[]): Section[] {
  if (sections.length === 0) return [];
  const top = shallowest(sections);
  const rest = sections.filter((s) => s.depth > top[0]!.depth);
  return top.length === 1 && rest.length > 0 ? shallowest(rest) : top;
}

const quoted = (titles: readonly Section[]) => titles.map((s) => `"${s.title}"`).join(', ');

export function findSection(sections: readonly Section[], title: string, file: string): SectionMatch {
  const key = normalizeKey(title);
  const keyed = sections.map((section) => ({ section, key: normalizeKey(section.title) }));
  const exact = keyed.filter((k) => key !== '' && k.key === key).map((k) => k.section);
  if (exact.length > 0) return { ok: true, section: shallowest(exact)[0]! };
  const prefixed = keyed.filter((k) => key !== '' && k.key.startsWith(key)).map((k) => k.section);
  if (prefixed.length === 0) {
    return { ok: false, message: `Sectie "${title}" niet gevonden in ${file}. Beschikbare secties: ${quoted(topLevel(sections))}.` };
  }
  const candidates = shallowest(prefixed);
  if (candidates.length > 1) {
    return { ok: false, message: `Sectie "${title}" is niet eenduidig in ${file}: ${quoted(candidates)}. Geef de volledige titel.` };
  }
  return { ok: true, section: candidates[0]! };
}

/** The section tree as an indented list, indented by depth relative to the shallowest heading. */
export function formatOutline(sections: readonly Section[]): string {
  if (sections.length === 0) return '';
  const base = minDepth(sections);
  return sections.map((s) => `${'  '.repeat(s.depth - base)}- ${s.title}\n`).join('');
}

/** Not Math.min(...depths): a document of many headings would overflow the stack. */
function minDepth(sections: readonly Section[]): number {
  return sections.reduce((min, s) => Math.min(min, s.depth), Infinity);
}
