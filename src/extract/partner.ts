/**
 * One chain partner's section of a report: under the chapter Ketenafhankelijkheden, the subsection
 * Per ketenpartner holds one heading per partner (templates/sections/06-keten.md.hbs). A name finds
 * its partner as headers are matched (normalizeKey: case, accents, spaces, punctuation); an unknown
 * name lists the partners the report knows.
 */
import type { RootContent } from 'mdast';
import { normalizeKey } from '../text/normalize.js';
import { outline, type Section } from './sections.js';

export const CHAIN_CHAPTER = 'Ketenafhankelijkheden';
export const PER_PARTNER = 'Per ketenpartner';

export type PartnerMatch = { ok: true; nodes: RootContent[] } | { ok: false; message: string };

/** The partner headings: one level below Per ketenpartner, inside the chapter; undefined without the chapter. */
function partnerSections(sections: readonly Section[]): Section[] | undefined {
  const chapter = sections.find((s) => normalizeKey(s.title) === normalizeKey(CHAIN_CHAPTER));
  if (!chapter) return undefined;
  const inChapter = sections.filter((s) => s.start > chapter.start && s.start < chapter.end);
  const list = inChapter.find((s) => s.depth === chapter.depth + 1 && normalizeKey(s.title) === normalizeKey(PER_PARTNER));
  if (!list) return [];
  return inChapter.filter((s) => s.start > list.start && s.start < list.end && s.depth === list.depth + 1);
}

export function selectPartner(body: readonly RootContent[], name: string, file: string): PartnerMatch {
  const partners = partnerSections(outline(body));
  if (!partners) return { ok: false, message: `${file} heeft geen hoofdstuk ${CHAIN_CHAPTER}.` };
  const key = normalizeKey(name);
  const match = partners.find((s) => key !== '' && normalizeKey(s.title) === key);
  if (match) return { ok: true, nodes: body.slice(match.start, match.end) };
  const known = partners.map((s) => `"${s.title}"`).join(', ');
  return {
    ok: false,
    message: partners.length
      ? `Ketenpartner "${name}" niet gevonden in ${file}. Bekende ketenpartners: ${known}.`
      : `Ketenpartner "${name}" niet gevonden in ${file}: het rapport noemt geen ketenpartners.`,
  };
}
