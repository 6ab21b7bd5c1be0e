/** The bundled CLI carries a source map: with --debug a stack trace names our TypeScript sources, not the bundle. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/version.js';
import { EXAMPLE_DIR } from './helpers/fixtures.js';

describe('the bundle', () => {
  it('maps a stack trace from inside it back to src/', () => {
    // A terminal whose err is no function makes the bundled code itself throw.
    const script = `process.setSourceMapsEnabled(true);
      const { main } = await import(${JSON.stringify(join(PROJECT_ROOT, 'dist', 'weerbaarheid.mjs'))});
      try { await main(['validate', ${JSON.stringify(EXAMPLE_DIR)}], { out() {}, err: 42, isTTY: false }); } catch (e) { console.log(e.stack); }`;
    const stack = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(stack).toMatch(/TypeError/);
    expect(stack).toMatch(/src\/cli\/(terminal|main)\.ts:\d+:\d+/);
    expect(stack).not.toMatch(/weerbaarheid\.mjs:\d+/);
  });
});
