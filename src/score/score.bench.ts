/**
 * Speed of the scoring core at the size the issue names: 10,000 risks and 20,000 measures must score
 * in under 200 ms. Run with `npx vitest bench --run src/score`. The registers are generated
 * deterministically (index arithmetic, no randomness).
 */
import { bench } from 'vitest';
import { MEASURE_STATUSES, type Measure, type Registers, type Risk } from '../model.js';
import { buildSettings } from './fixtures/build.js';
import { score } from './index.js';

const CODES = ['FYS', 'DIG', 'ECO', 'KET', 'CRI'];
const RISKS = 10_000;
const MEASURES = 20_000;

const risks: Risk[] = Array.from({ length: RISKS }, (_, i) => ({
  id: `VR-${i}`,
  titel: `Risico ${i}`,
  omschrijving: '',
  dreigingscategorie: 'Technisch falen',
  indicatoren: [CODES[i % 5] as string, CODES[(i * 7 + 1) % 5] as string],
  kans: (i % 5) + 1,
  impact: ((i * 3) % 5) + 1,
  eigenaar: 'DMO',
  rubricering: 'openbaar',
  ketenpartners: [],
  status: i % 10 === 0 ? 'gesloten' : 'open',
}));

const measures: Measure[] = Array.from({ length: MEASURES }, (_, i) => ({
  id: `VM-${i}`,
  titel: `Maatregel ${i}`,
  omschrijving: '',
  risicos: [`VR-${i % RISKS}`, `VR-${(i * 13 + 7) % RISKS}`],
  type: 'intern',
  status: MEASURE_STATUSES[i % 5] as Measure['status'],
  voortgang: (i * 37) % 101,
  streefdatum: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
  kansreductie: (i % 9) / 4,
  impactreductie: (i % 5) / 2,
  kostenStructureel: 0.25,
  kostenEenmalig: 1,
  eigenaar: 'DMO',
  rubricering: 'openbaar',
}));

const registers: Registers = { risks, measures, incidents: [] };
const settings = buildSettings();
const previous = score(registers, settings);

bench('score 10.000 risico’s en 20.000 maatregelen', () => {
  score(registers, settings);
});

bench('idem, met vergelijking met vorig jaar', () => {
  score(registers, settings, previous);
});
