/**
 * The report's list of accepted risks (BIO2): every risk with status geaccepteerd, with its actueel
 * class, who accepted it and until when; expired acceptances first, then by end date.
 */
import type { Analysis, ScoredRisk } from '../analysis.js';
import { compareText } from '../messages.js';
import { ACCEPTANCE_NOTICE_DAYS, acceptanceState, type AcceptanceState } from '../score/acceptance.js';
import { md } from './escape.js';
import { compareIds } from './findings.js';
import { aantal, datum, score, telwoord } from './format.js';
import { table, type Table } from './tables.js';

const STATE_TEXT: Record<AcceptanceState, string> = { verlopen: 'verlopen', 'loopt-af': `loopt binnen ${ACCEPTANCE_NOTICE_DAYS} dagen af`, geldig: 'geldig', onbepaald: 'geen einddatum' };
const STATE_ORDER: Record<AcceptanceState, number> = { verlopen: 0, 'loopt-af': 1, geldig: 2, onbepaald: 3 };

export interface AcceptedView {
  tabel: Table;
  /** The sentence above the table; empty without accepted risks (the table then says so). */
  zin: string;
}

function sentence(count: number, expired: number, ending: number): string {
  if (count === 0) return '';
  const parts = [`${aantal(count, 'risico is', "risico's zijn", { begin: true })} tijdelijk geaccepteerd (het register van geaccepteerde risico's uit de BIO2).`];
  if (expired) parts.push(`Van ${telwoord(expired)} is de acceptatie op de peildatum verlopen.`);
  if (ending) parts.push(`Van ${telwoord(ending)} loopt de acceptatie binnen ${ACCEPTANCE_NOTICE_DAYS} dagen na de peildatum af.`);
  return parts.join(' ');
}

export function acceptedView(a: Analysis): AcceptedView {
  const rows = a.risks
    .filter((r) => r.status === 'geaccepteerd')
    .map((risk) => ({ risk, state: acceptanceState(risk, a.peildatum) }))
    .sort((x, y) => STATE_ORDER[x.state] - STATE_ORDER[y.state] || compareText(x.risk.geaccepteerdTot ?? '', y.risk.geaccepteerdTot ?? '') || compareIds(x.risk.id, y.risk.id));
  type Row = { risk: ScoredRisk; state: AcceptanceState };
  return {
    tabel: table(
      `Geaccepteerde risico's met hun actuele klasse, wie ze accepteerde en tot wanneer (stand op ${datum(a.peildatum)}); verlopen acceptaties eerst.`,
      [
        ['ID', (r: Row) => md(r.risk.id)],
        ['Titel', (r) => md(r.risk.titel)],
        ['Actueel', (r) => `${score(r.risk.actueel.score)} (${r.risk.actueel.klasse})`, true],
        ['Geaccepteerd door', (r) => (r.risk.geaccepteerdDoor ? md(r.risk.geaccepteerdDoor) : 'niet vermeld')],
        ['Geaccepteerd tot', (r) => datum(r.risk.geaccepteerdTot)],
        ['Stand', (r) => STATE_TEXT[r.state]],
      ],
      rows,
      { leeg: "Er zijn geen geaccepteerde risico's." },
    ),
    zin: md(sentence(rows.length, rows.filter((r) => r.state === 'verlopen').length, rows.filter((r) => r.state === 'loopt-af').length)),
  };
}
