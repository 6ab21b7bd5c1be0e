/** What belongs to a report folder, and whether a folder may take this report. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Which analysis a report is of, as its manifest names it. */
export interface ReportIdentity {
  jaar: number;
  organisatie: string;
  netwerk: string;
  /** The level's label, as in the manifest (`Openbaar`). */
  rubricering: string;
}

/** What a run writes into its folder; everything else there (a user's notes) is kept on commit. */
export function isReportOutput(name: string): boolean {
  return name === 'analysis.json' || name === 'manifest.json' || name === 'figuren' || /^weerbaarheidsanalyse-.*\.(md|html|pdf|xlsx)$/.test(name);
}

/**
 * A report folder holds one analysis: another year's, organisation's or level's report, or a
 * folder that is no report folder at all, is not replaced without --force; a file never is.
 * Returns why not, in Dutch, or undefined when the folder may take the report.
 */
export async function refuseForeignReport(outDir: string, a: ReportIdentity, force: boolean): Promise<string | undefined> {
  const target = await stat(outDir).catch(() => undefined);
  if (!target) return undefined;
  if (!target.isDirectory()) return `${outDir} is een bestand, geen map; kies een andere --out.`;
  if (force) return undefined;
  const text = await readFile(join(outDir, 'manifest.json'), 'utf8').catch(() => undefined);
  if (text === undefined) {
    if ((await readdir(outDir)).length === 0) return undefined;
    return `De map ${outDir} bevat geen rapport van weerbaarheid maar wel andere bestanden; kies een lege of nieuwe --out, of gebruik --force.`;
  }
  let found: { jaar?: unknown; organisatie?: unknown; netwerk?: unknown; rubricering?: unknown } = {};
  try {
    found = JSON.parse(text) as typeof found;
  } catch {
    /* an unreadable manifest is treated as foreign */
  }
  const same = found.jaar === a.jaar && found.organisatie === a.organisatie && found.netwerk === a.netwerk && found.rubricering === a.rubricering;
  if (same) return undefined;
  return `De map ${outDir} bevat al een rapport van een andere analyse (${[found.netwerk, found.jaar, found.rubricering].filter(Boolean).join(', ') || 'onbekend'}); kies een andere --out of gebruik --force.`;
}
