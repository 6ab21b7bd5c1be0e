/** "In <jaar>" counts incidents and exercises dated in the analysis year up to the peildatum only. */
import { describe, expect, it } from 'vitest';
import { sampleAnalysis } from '../../test/fixtures/analysis/sample.js';
import { IncidentSchema } from '../model.js';
import { facts, kernboodschappen } from './findings.js';
import { renderMarkdown } from './markdown.js';

const incident = (id: string, datum: string, soort: 'incident' | 'oefening' = 'incident') =>
  IncidentSchema.parse({ id, soort, datum, titel: id, hersteltijd: 13, norm: 4, rubricering: 'dep-v' });

describe('incidents in the analysis year', () => {
  it('leave out what happened the year before or after the peildatum', () => {
    const base = sampleAnalysis();
    const before = facts(base);
    const a = sampleAnalysis((r) => ({ ...r, incidents: [...r.incidents, incident('I-2024', '2024-08-27'), incident('I-2026', '2026-01-05'), incident('O-2024', '2024-11-01', 'oefening')] }));
    const f = facts(a);
    expect(f.incidents).toBe(before.incidents);
    expect(f.overNorm).toBe(before.overNorm);
    expect(f.exercises).toBe(before.exercises);
    expect(kernboodschappen(a)).toEqual(kernboodschappen(base));
  });

  it('says nothing of incidents in the year when all of them are earlier', () => {
    const a = sampleAnalysis((r) => ({ ...r, incidents: [incident('I-2024', '2024-08-27')] }));
    expect(facts(a).incidents).toBe(0);
    expect(kernboodschappen(a).join(' ')).not.toMatch(/In 2025 .*incident/);
  });

  it('lists earlier ones as context ("eerder"), not among the year\'s, and later ones nowhere', async () => {
    const a = sampleAnalysis((r) => ({ ...r, incidents: [...r.incidents, incident('I-2024', '2024-08-27'), incident('I-2026', '2026-01-05'), incident('O-2024', '2024-11-01', 'oefening')] }));
    const { markdown } = await renderMarkdown(a, { toolVersion: 't', inputsHash: 'h', inputs: [], dataQuality: [], slug: 'r', annexRowLimit: 100, reducedLevel: false });
    const chapter = markdown.slice(markdown.indexOf('## Incidenten en oefeningen'), markdown.indexOf('## Aanbevelingen'));
    const [year, earlier] = chapter.split(/Tabel \d+\. Eerder:/);
    expect(year).not.toMatch(/I-2024|O-2024|I-2026/);
    expect(earlier).toMatch(/I-2024/);
    expect(earlier).toMatch(/O-2024/);
    expect(earlier).not.toMatch(/I-2026/);
  });
});
