/** Terminal feedback: progress per stage with counts on a terminal, quiet elsewhere or with --quiet, timings with --verbose. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureTerminal as terminal } from './helpers/cli.js';
import { EXAMPLE_DIR, removeTempDirs, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

describe('progress', () => {
  it('shows each stage with its counts on a terminal', async () => {
    const { term, lines } = terminal(true);
    expect(await main(['validate', EXAMPLE_DIR], term)).toBe(0);
    expect(lines).toContain('… Inlezen');
    expect(lines).toContain('✓ Inlezen: 20 rijen uit 1 bestanden');
    expect(lines).toContain("✓ Controleren: 8 risico's, 12 maatregelen, 0 incidenten");
    expect(lines.some((l) => / ms\)$/.test(l))).toBe(false);
  });

  it('shows generate stage by stage, each with its counts', async () => {
    const { term, lines } = terminal(true);
    const out = join(await tempDir(), 'uit');
    expect(await main(['generate', EXAMPLE_DIR, '--out', out], term)).toBe(0);
    const done = lines.filter((l) => l.startsWith('✓ '));
    expect(done.map((l) => l.replace(/:.*$/, ''))).toEqual(
      expect.arrayContaining(['✓ Inlezen', '✓ Controleren', '✓ Scoren', '✓ Markdown en grafieken', '✓ HTML', '✓ PDF (Chromium)', '✓ Excel-werkboek']),
    );
    expect(done).toContain("✓ Scoren: 8 risico's, 12 maatregelen, 0 incidenten");
    expect(done.some((l) => /^✓ Markdown en grafieken: \d+ regels, 3 grafieken$/.test(l))).toBe(true);
    expect(done.some((l) => /^✓ PDF \(Chromium\): \d+ pagina's$/.test(l))).toBe(true);
    expect(done.some((l) => /^✓ Excel-werkboek: \d+ bladen, 20 registerregels$/.test(l))).toBe(true);
  });

  it('adds per-stage timings with --verbose', async () => {
    const { term, lines } = terminal(true);
    await main(['validate', EXAMPLE_DIR, '--verbose'], term);
    expect(lines.some((l) => /^✓ Controleren: .* \(\d+ ms\)$/.test(l))).toBe(true);
  });

  it('is quiet when not a terminal, and with --quiet', async () => {
    const piped = terminal(false);
    await main(['validate', EXAMPLE_DIR], piped.term);
    expect(piped.lines.filter((l) => /^[…✓]/.test(l))).toEqual([]);
    const quiet = terminal(true);
    expect(await main(['validate', EXAMPLE_DIR, '--quiet'], quiet.term)).toBe(0);
    expect(quiet.lines).toEqual([]);
  });
});
