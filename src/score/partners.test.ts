/**
 * The partner list against a recomputation written here: names folded with a normalization of its
 * own (no normalizeKey), classes from the scored risks, worst by a plain scan.
 */
import { describe, expect, it } from 'vitest';
import type { ScoredRisk } from '../analysis.js';
import { CLASSES } from '../model.js';
import { buildRisk, buildSettings } from './fixtures/build.js';
import { score } from './index.js';

const fold = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

function recompute(risks: readonly ScoredRisk[], aliases: Record<string, string>) {
  const alias = new Map(Object.entries(aliases).flatMap(([from, to]) => [[fold(from), to] as const, [fold(to), to] as const]));
  const groups = new Map<string, { risks: ScoredRisk[]; names: string[] }>();
  for (const risk of risks.filter((r) => r.status !== 'gesloten')) {
    for (const name of risk.ketenpartners) {
      const key = fold(alias.get(fold(name)) ?? name);
      const group = groups.get(key) ?? { risks: [], names: [] };
      groups.set(key, group);
      group.names.push(name);
      if (!group.risks.includes(risk)) group.risks.push(risk);
    }
  }
  return [...groups.entries()].map(([key, { risks: own, names }]) => {
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    const top = Math.max(...counts.values());
    const naam = alias.get(key) ?? [...counts].filter(([, c]) => c === top).map(([n]) => n)[0]!;
    let worst = own[0]!;
    for (const r of own) if (r.actueel.score > worst.actueel.score) worst = r;
    return {
      naam,
      risicos: own.map((r) => r.id),
      perKlasse: Object.fromEntries(CLASSES.map((c) => [c, own.filter((r) => r.actueel.klasse === c).length])),
      perKlasseStreef: Object.fromEntries(CLASSES.map((c) => [c, own.filter((r) => r.streef.klasse === c).length])),
      slechtsteRisico: worst.id,
    };
  });
}

const risks = [
  buildRisk({ id: 'R1', kans: 5, impact: 5, ketenpartners: ['Politie', 'KPN'] }),
  // Two spellings of one partner in one risk: counted once.
  buildRisk({ id: 'R2', kans: 2, impact: 2, ketenpartners: ['politie', 'Politie'] }),
  buildRisk({ id: 'R3', kans: 4, impact: 4, ketenpartners: ['K.P.N.', 'KMar', 'Meldkamers'] }),
  buildRisk({ id: 'R4', kans: 4, impact: 4, ketenpartners: ['Koninklijke Marechaussée', 'Kustwacht'] }),
  buildRisk({ id: 'R5', kans: 5, impact: 5, ketenpartners: ['Kustwacht', 'Nokia'], status: 'gesloten' }),
  buildRisk({ id: 'R6', kans: 3, impact: 4, ketenpartners: ['Kustwacht '] }),
];
const aliases = { KMar: 'Koninklijke Marechaussee' };
const result = score({ risks, measures: [], incidents: [] }, { ...buildSettings(), ketenpartners: aliases });

describe('ketenpartners', () => {
  it('matches the recomputation, partner by partner', () => {
    const want = recompute(result.risks, aliases);
    const byName = (list: readonly { naam: string }[]) => [...list].sort((a, b) => (a.naam < b.naam ? -1 : 1));
    expect(byName(result.ketenpartners)).toEqual(byName(want));
  });

  it('folds spellings, maps aliases, shows the spelling used most and leaves gesloten risks out', () => {
    const names = result.ketenpartners.map((p) => p.naam);
    expect(names).toContain('Politie'); // 3 × Politie against 1 × politie
    expect(names).toContain('KPN'); // KPN and K.P.N. once each: the one named first
    expect(names).toContain('Koninklijke Marechaussee'); // as analyse.yaml writes it
    expect(names).toContain('Kustwacht');
    expect(names).not.toContain('Nokia'); // only on a gesloten risk
    expect(result.ketenpartners.find((p) => p.naam === 'Politie')).toMatchObject({ risicos: ['R1', 'R2'], slechtsteRisico: 'R1' });
    expect(result.ketenpartners.find((p) => p.naam === 'Koninklijke Marechaussee')?.risicos).toEqual(['R3', 'R4']);
  });

  it('puts the most exposed first: most hoog or zeer hoog, then most risks, then by name', () => {
    expect(result.ketenpartners.map((p) => p.naam)).toEqual(['Koninklijke Marechaussee', 'KPN', 'Kustwacht', 'Politie', 'Meldkamers']);
  });
});
