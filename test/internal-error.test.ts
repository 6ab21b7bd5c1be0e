/** A bug is not the user's mistake: exit 70 and one Dutch line, the stack trace only with --debug. */
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureTerminal as terminal } from './helpers/cli.js';

vi.mock('../src/run.js', async (original) => ({
  ...(await original<typeof import('../src/run.js')>()),
  runValidate: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'risks')");
  },
}));

describe('an internal error', () => {
  it('gives exit 70 and one line saying what to report, without a stack trace', async () => {
    const { term, lines } = terminal();
    expect(await main(['validate', 'ergens'], term)).toBe(70);
    expect(lines).toEqual([
      "weerbaarheid: interne fout (Cannot read properties of undefined (reading 'risks')). Meld dit aan de beheerders, met de uitvoer van dezelfde opdracht met --debug.",
    ]);
  });

  it('adds the stack trace with --debug', async () => {
    const { term, lines } = terminal();
    expect(await main(['validate', 'ergens', '--debug'], term)).toBe(70);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^TypeError: Cannot read properties[^\n]*\n\s+at /);
  });
});
