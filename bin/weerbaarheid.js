#!/usr/bin/env node
// Thin launcher: all work happens in the compiled library (dist/), see src/cli/main.ts.
import { main } from '../dist/weerbaarheid.mjs';

process.exitCode = await main(process.argv.slice(2));
