/**
 * Data-quality warnings: not fatal, but each points at the row an analyst should look at before
 * the report goes out. They read valid items only; a row with errors is reported there already.
 */
import { LEVEL_LABEL, visibleAt, type Level } from '../classify/levels.js';
import { message, type Message } from '../messages.js';
import type { Incident, IsoDate, Measure, MeasureStatus, Risk } from '../model.js';
import { ACCEPTANCE_NOTICE_DAYS, acceptanceState } from '../score/acceptance.js';
import type { RowRecord } from './rows.js';

type Located<T> = RowRecord<T> & { item: T };

const OPEN_FOR_LATENESS: ReadonlySet<MeasureStatus> = new Set(['gepland', 'in uitvoering', 'vertraagd']);
const FINISHED: ReadonlySet<MeasureStatus> = new Set(['gereed', 'geannuleerd']);

/** The same calendar day a year earlier (29 February compares correctly as a string). */
function yearBefore(date: IsoDate): IsoDate {
  return `${String(Number(date.slice(0, 4)) - 1).padStart(4, '0')}${date.slice(4)}`;
}

export interface WarningInput {
  risks: readonly Located<Risk>[];
  measures: readonly Located<Measure>[];
  incidents: readonly Located<Incident>[];
  /** False when no measure register could be read: then "no measures" says nothing about a risk. */
  measuresKnown: boolean;
  peildatum: IsoDate;
}

export function dataQualityWarnings({ risks, measures, incidents, measuresKnown, peildatum }: WarningInput): Message[] {
  const warnings: Message[] = [];
  const measuresOf = new Map<string, Measure[]>();
  for (const { item } of measures) {
    for (const id of item.risicos) {
      const list = measuresOf.get(id);
      if (list) list.push(item);
      else measuresOf.set(id, [item]);
    }
  }
  const reviewLimit = yearBefore(peildatum);

  for (const { item: risk, at } of risks) {
    const own = measuresOf.get(risk.id) ?? [];
    if (measuresKnown && own.length === 0)
      warnings.push(message('warning', 'risico-zonder-maatregelen', `Risico ${risk.id} heeft geen maatregelen.`, { ...at('id'), items: [risk.id] }));
    if (risk.laatsteBeoordeling === undefined || risk.laatsteBeoordeling < reviewLimit)
      warnings.push(
        message('warning', 'beoordeling-verouderd', `Risico ${risk.id} is op de peildatum ${peildatum} langer dan 12 maanden niet beoordeeld.`, {
          ...at('laatsteBeoordeling'),
          ...(risk.laatsteBeoordeling ? { actual: risk.laatsteBeoordeling } : {}),
          expected: `een beoordeling op of na ${reviewLimit}`,
          items: [risk.id],
        }),
      );
    if (risk.status === 'geaccepteerd') warnings.push(...acceptanceWarnings(risk, at, peildatum));
    const open = own.filter((m) => !FINISHED.has(m.status));
    if (risk.status === 'gesloten' && open.length)
      warnings.push(
        message('warning', 'gesloten-risico-met-open-maatregelen', `Risico ${risk.id} is gesloten maar heeft nog open maatregelen.`, {
          ...at('status'),
          actual: open.map((m) => m.id).join(', '),
          expected: 'alleen maatregelen met status gereed of geannuleerd',
          items: [risk.id, ...open.map((m) => m.id)],
        }),
      );
  }

  for (const { item: measure, at } of measures) {
    if (measure.streefdatum !== undefined && measure.streefdatum < peildatum && OPEN_FOR_LATENESS.has(measure.status))
      warnings.push(
        message('warning', 'maatregel-te-laat', `Maatregel ${measure.id} is te laat: de streefdatum ligt voor de peildatum ${peildatum} en de status is ${measure.status}.`, {
          ...at('streefdatum'),
          actual: measure.streefdatum,
          items: [measure.id],
        }),
      );
    if (measure.kansreductie === 0 && measure.impactreductie === 0)
      warnings.push(
        message('warning', 'maatregel-zonder-reductie', `Maatregel ${measure.id} verlaagt kans noch impact: Kansreductie en Impactreductie zijn beide 0.`, {
          ...at('kansreductie'),
          actual: '0',
          expected: 'een Kansreductie of Impactreductie groter dan 0',
          items: [measure.id],
        }),
      );
    if (measure.status === 'gereed' && measure.gereedOp === undefined)
      warnings.push(
        message('warning', 'gereed-zonder-datum', `Maatregel ${measure.id} is gereed maar Gereed op is leeg.`, {
          ...at('gereedOp'),
          expected: 'de datum waarop de maatregel gereed was',
          items: [measure.id],
        }),
      );
  }
  for (const { item: incident, at } of incidents) {
    if (incident.datum > peildatum)
      warnings.push(
        message('warning', 'incident-na-peildatum', `${incident.soort === 'oefening' ? 'Oefening' : 'Incident'} ${incident.id} is gedateerd na de peildatum ${peildatum} en telt niet mee in het analysejaar.`, {
          ...at('datum'),
          actual: incident.datum,
          expected: `een datum op of voor ${peildatum}`,
          items: [incident.id],
        }),
      );
  }
  return warnings;
}

/** An accepted risk needs someone who accepted it, and an acceptance that has not run out. */
function acceptanceWarnings(risk: Risk, at: Located<Risk>['at'], peildatum: IsoDate): Message[] {
  const out: Message[] = [];
  if (!risk.geaccepteerdDoor)
    out.push(message('warning', 'acceptatie-zonder-acceptant', `Risico ${risk.id} is geaccepteerd, maar niet vermeld is wie het heeft geaccepteerd.`, { ...at('geaccepteerdDoor'), expected: 'de rol die het risico heeft geaccepteerd', items: [risk.id] }));
  const state = acceptanceState(risk, peildatum);
  const until = risk.geaccepteerdTot ?? '';
  if (state === 'verlopen')
    out.push(message('warning', 'acceptatie-verlopen', `De acceptatie van risico ${risk.id} is verlopen op ${until}, voor de peildatum ${peildatum}.`, { ...at('geaccepteerdTot'), actual: until, expected: `een datum op of na ${peildatum}, of een nieuwe beoordeling van het risico`, items: [risk.id] }));
  if (state === 'loopt-af')
    out.push(message('info', 'acceptatie-loopt-af', `De acceptatie van risico ${risk.id} loopt af op ${until}, binnen ${ACCEPTANCE_NOTICE_DAYS} dagen na de peildatum ${peildatum}.`, { ...at('geaccepteerdTot'), actual: until, items: [risk.id] }));
  return out;
}

/**
 * An item classified above the analysis itself can appear in no report of it: most likely a typo
 * in Rubricering, or analyse.yaml's rubricering is too low.
 */
export function aboveAnalysisLevel(records: readonly Located<{ id: string; rubricering: Level }>[], level: Level): Message[] {
  return records
    .filter(({ item }) => !visibleAt(item.rubricering, level))
    .map(({ item, at }) =>
      message('warning', 'boven-rubricering-analyse', `${item.id} is hoger gerubriceerd dan de analyse en komt in geen enkel rapport.`, {
        ...at('rubricering'),
        actual: LEVEL_LABEL[item.rubricering],
        expected: `${LEVEL_LABEL[level]} of lager, of een hogere rubricering in analyse.yaml`,
        items: [item.id],
      }),
    );
}
