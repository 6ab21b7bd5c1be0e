#!/usr/bin/env node
// Thin launcher: all work happens in the compiled library (dist/), see src/cli/main.ts.
// With --debug a stack trace points into src/ through the bundle's source map (read only then:
// loading it costs start-up time).
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { main } = await import('../dist/weerbaarheid.mjs');

process.exitCode = await main(process.argv.slice(2));
