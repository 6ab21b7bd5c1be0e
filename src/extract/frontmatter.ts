/**
 * The report's own classification, read from its YAML front matter (`rubricering: <label>`, as
 * `weerbaarheid generate` writes it). Without a readable level a report is never released.
 */
import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { LEVEL_EXPECTED, parseLevel, type Level } from '../classify/levels.js';

export type ReportLevel = { ok: true; level: Level } | { ok: false; message: string };

function refuse(file: string, reason: string): ReportLevel {
  return { ok: false, message: `${file}: ${reason}; zonder bekende rubricering wordt er niets uit het rapport vrijgegeven.` };
}

export function reportLevel(tree: Root, file: string): ReportLevel {
  const matter = tree.children[0];
  if (matter?.type !== 'yaml') return refuse(file, 'het rapport begint niet met YAML-front matter met de rubricering');
  let data: unknown;
  try {
    data = parseYaml(matter.value);
  } catch {
    return refuse(file, 'de front matter is geen geldige YAML');
  }
  const label = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).rubricering : undefined;
  if (typeof label !== 'string') return refuse(file, 'de front matter noemt geen rubricering');
  const level = parseLevel(label);
  // The label itself is not echoed: nothing of a refused report is printed.
  if (level === undefined) return refuse(file, `de rubricering in de front matter is geen bekend niveau (${LEVEL_EXPECTED})`);
  return { ok: true, level };
}
