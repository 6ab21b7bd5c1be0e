/**
 * analyse.yaml of a new data folder: every key of ConfigSchema, each with a Dutch comment. Keys that
 * take their default are written commented out with that default, so the file stays valid as is.
 */
import { LEVEL_LABEL } from '../classify/levels.js';
import { ConfigSchema } from '../model.js';

/** One comment per key of ConfigSchema: a key added there and missing here fails the typecheck. */
const COMMENTS: Record<keyof typeof ConfigSchema.in.shape, string> = {
  jaar: 'het jaar waarover de analyse gaat',
  organisatie: 'de organisatie die de analyse opstelt (op het omslag)',
  netwerk: 'het netwerk dat geanalyseerd wordt (in de titel en de bestandsnamen)',
  peildatum: 'de datum waarop voortgang en beoordelingen gemeten worden (jjjj-mm-dd)',
  rubricering:
    'het hoogste niveau in de registers; ook het standaardniveau van het rapport. Met het rubriceringsbesluit (elk deel optioneel): { niveau: Departementaal Vertrouwelijk, vervalt: jjjj-mm-dd, vastgesteldDoor: Directeur CIO }',
  status: 'concept | definitief: de status op het omslag',
  uitgevendeEenheid: 'de uitgevende eenheid onder de organisatie, op het omslag (haal # weg om te gebruiken)',
  uitgiftedatum: 'datum van uitgifte op het omslag (jjjj-mm-dd); standaard de peildatum',
  vorige: 'datamap of analysis.json van vorig jaar, voor de vergelijking (haal # weg om te gebruiken)',
  methode: 'afwijkingen van de standaardmethode, zie docs/methode.md',
  scoregrondslag: 'alle | zichtbaar: over welke gegevens de indicatoren gescoord worden onder het eigen niveau',
  bijlageMaxRijen: 'aantal rijen per registerbijlage in Markdown en PDF; daarna verwijst het rapport naar het werkboek',
  voorbeeld: 'true alleen voor de voorbeeldanalyse met fictieve gegevens (het rapport zegt het dan op het omslag)',
  ketenpartners: 'andere schrijfwijzen van een ketenpartner en de naam die ze betekenen, zoals { KMar: Koninklijke Marechaussee }',
};

export function initConfig(today: Date): string {
  const year = today.getUTCFullYear();
  const values: Record<keyof typeof COMMENTS, { value: string; active: boolean }> = {
    jaar: { value: String(year), active: true },
    organisatie: { value: 'Ministerie van Defensie', active: true },
    netwerk: { value: 'NAFIN', active: true },
    peildatum: { value: `${year}-12-31`, active: true },
    rubricering: { value: LEVEL_LABEL['dep-v'], active: true },
    status: { value: 'concept', active: true },
    uitgevendeEenheid: { value: 'Directie CIO', active: false },
    uitgiftedatum: { value: `${year}-12-31`, active: false },
    vorige: { value: `../analyse-${year - 1}`, active: false },
    methode: { value: '{}', active: true },
    scoregrondslag: { value: 'alle', active: true },
    bijlageMaxRijen: { value: '500', active: true },
    voorbeeld: { value: 'false', active: true },
    ketenpartners: { value: '{}', active: true },
  };
  const width = Math.max(...Object.entries(values).map(([k, v]) => k.length + v.value.length)) + 4;
  const lines = Object.entries(values).map(([key, { value, active }]) => {
    const line = `${active ? '' : '# '}${key}: ${value}`;
    return `${line.padEnd(width)}# ${COMMENTS[key as keyof typeof COMMENTS]}`;
  });
  return `# Jaarlijkse weerbaarheidsanalyse: instellingen. Vul de registers in registers.xlsx en draai\n# weerbaarheid validate <deze map>, daarna weerbaarheid generate <deze map>.\n${lines.join('\n')}\n`;
}
