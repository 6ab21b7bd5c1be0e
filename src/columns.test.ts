import { describe, expect, it } from 'vitest';
import { COLUMNS, DOMAIN_SCHEMA } from './columns.js';
import { normalizeKey } from './text/normalize.js';

describe('the field table', () => {
  it('covers every field of the domain schemas, in contract order, required where the schema has no default', () => {
    for (const [kind, columns] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, (typeof COLUMNS)['risks']][]) {
      const fields = Object.keys(DOMAIN_SCHEMA[kind].shape).filter((f) => f !== 'source');
      expect(columns.map((c) => c.field).sort(), kind).toEqual(fields.sort());
    }
    expect(COLUMNS.risks.filter((c) => c.required).map((c) => c.header)).toEqual(['ID', 'Titel', 'Dreigingscategorie', 'Indicatoren', 'Kans', 'Impact', 'Rubricering', 'Status']);
    expect(COLUMNS.measures.filter((c) => c.required).map((c) => c.header)).toEqual(['ID', 'Titel', "Risico's", 'Type', 'Status', 'Kansreductie', 'Impactreductie', 'Rubricering']);
    expect(COLUMNS.incidents.filter((c) => c.required).map((c) => c.header)).toEqual(['ID', 'Soort', 'Datum', 'Titel', 'Rubricering']);
  });

  it('gives no two fields of a sheet the same header or alias', () => {
    for (const columns of Object.values(COLUMNS)) {
      const keys = columns.flatMap((c) => [...new Set([c.header, ...c.aliases].map(normalizeKey))]);
      expect(keys.length).toBe(new Set(keys).size);
    }
  });
});
