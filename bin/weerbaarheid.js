#!/usr/bin/env node
// Thin launcher: all work happens in the compiled library (dist/), see src/cli/main.ts.
import { setFlagsFromString } from 'node:v8';

// With --debug a stack trace points into src/ through the bundle's source map (read only then:
// loading it costs start-up time).
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
// V8 lets the heap grow to four times what outlived the last full collection before it collects
// again: with 100,000 risks (some 270 MB alive) the run then peaks above 1 GiB. Growing by half
// keeps it near 750 MiB, at no measurable cost for a register of usual size.
setFlagsFromString('--heap-growing-percent=50');
const { main } = await import('../dist/weerbaarheid.mjs');

process.exitCode = await main(process.argv.slice(2));
