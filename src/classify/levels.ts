import { normalizeKey } from '../text/normalize.js';

/** VIR-BI classification levels, low to high. The array order *is* the ordering. */
export const LEVELS = ['openbaar', 'dep-v', 'stg-c', 'stg-g', 'stg-zg'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABEL: Record<Level, string> = {
  openbaar: 'Openbaar',
  'dep-v': 'Departementaal Vertrouwelijk',
  'stg-c': 'Stg. Confidentieel',
  'stg-g': 'Stg. Geheim',
  'stg-zg': 'Stg. Zeer Geheim',
};

/** For file names: `…-openbaar.pdf`. */
export const LEVEL_SLUG: Record<Level, string> = {
  openbaar: 'openbaar',
  'dep-v': 'departementaal-vertrouwelijk',
  'stg-c': 'stg-confidentieel',
  'stg-g': 'stg-geheim',
  'stg-zg': 'stg-zeer-geheim',
};

/** The usual spellings, compared with normalizeKey. */
const SPELLINGS: Record<Level, readonly string[]> = {
  openbaar: ['openbaar', 'ongerubriceerd', 'public', 'nietgerubriceerd'],
  'dep-v': ['departementaalvertrouwelijk', 'depv', 'dv', 'depvertrouwelijk', 'departementaalvertr'],
  'stg-c': ['stgconfidentieel', 'staatsgeheimconfidentieel', 'stgc', 'confidentieel'],
  'stg-g': ['stggeheim', 'staatsgeheimgeheim', 'stgg', 'geheim'],
  'stg-zg': ['stgzeergeheim', 'staatsgeheimzeergeheim', 'stgzg', 'zeergeheim'],
};

const BY_KEY = new Map<string, Level>(
  (Object.entries(SPELLINGS) as [Level, readonly string[]][]).flatMap(([level, names]) => names.map((n) => [n, level] as const)),
);

export function parseLevel(text: string): Level | undefined {
  return BY_KEY.get(normalizeKey(text));
}

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** True when an item at `item` may appear in a report rendered for `report`. */
export function visibleAt(item: Level, report: Level): boolean {
  return levelRank(item) <= levelRank(report);
}

/** Contactpersoon (personal data) never appears below Departementaal Vertrouwelijk. */
export function showsPersonalData(report: Level): boolean {
  return levelRank(report) >= levelRank('dep-v');
}

export const LEVEL_EXPECTED = Object.values(LEVEL_LABEL).join(', ');
