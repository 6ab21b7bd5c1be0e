import { describe, expect, it } from 'vitest';
import { HEADER_SEARCH_ROWS } from './header.js';
import { buildTable, type RawRow } from './table-builder.js';

const place = { file: 'registers.xlsx', sheet: "Risico's", kind: 'risks' } as const;
const rows = (...cells: unknown[][]): RawRow[] => cells.map((c, i) => ({ row: i + 1, cells: c as RawRow['cells'] }));

describe('buildTable', () => {
  it('takes the first row naming at least two contract columns as the header', async () => {
    const { table } = await buildTable(place, rows(['Titel'], ['Kans: zie toelichting'], ['ID', 'Titel'], ['R-1', 'Uitval']));
    expect(table?.headerRow).toBe(3);
    expect(table?.rows).toEqual([{ row: 4, cells: { id: 'R-1', titel: 'Uitval' } }]);
  });

  it(`gives up after ${HEADER_SEARCH_ROWS} filled rows without a header`, async () => {
    const notes = Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => [`Toelichting ${i + 1}`]);
    const { table, messages } = await buildTable(place, rows(...notes, ['ID', 'Titel'], ['R-1', 'Uitval']));
    expect(table).toBeUndefined();
    expect(messages.map((m) => [m.severity, m.ruleId, m.file, m.sheet])).toEqual([['error', 'kopregel-ontbreekt', 'registers.xlsx', "Risico's"]]);
  });

  it('does not count blank rows towards that limit', async () => {
    const blanks = Array.from({ length: HEADER_SEARCH_ROWS * 2 }, () => [null, '', undefined]);
    const { table } = await buildTable(place, rows(...blanks, ['ID', 'Titel']));
    expect(table?.headerRow).toBe(HEADER_SEARCH_ROWS * 2 + 1);
  });

  it('treats an empty optional incidents sheet as a warning', async () => {
    const { messages } = await buildTable({ ...place, sheet: 'Incidenten', kind: 'incidents' }, rows([null]));
    expect(messages.map((m) => [m.severity, m.ruleId])).toEqual([['warning', 'blad-leeg']]);
  });
});
