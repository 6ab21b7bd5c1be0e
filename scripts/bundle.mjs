// Bundles the compiled CLI, with its dependencies, into one module: Node then reads and compiles
// one file instead of resolving and reading over a thousand small modules (unified, vega,
// puppeteer-core, exceljs), which takes more than half off every run's start-up.
import { readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

/**
 * archiver-utils 2 (exceljs's zip writer) still calls the deprecated `new Buffer()`. Node warns
 * about that only for code outside node_modules, so bundled it would print a DeprecationWarning
 * on every run. The three calls are rewritten to their modern equivalents; a fourth fails the build.
 */
const modernBuffer = {
  name: 'modern-buffer',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]archiver-utils[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source
        .replace(/new Buffer\((0|size)\)/g, 'Buffer.alloc($1)')
        .replace(/new Buffer\(source\)/g, 'Buffer.from(source)');
      if (contents.includes('new Buffer(')) throw new Error(`${args.path}: onbekende aanroep van new Buffer()`);
      return { contents, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [modernBuffer],
  // Bundled CommonJS dependencies call require(); ESM has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
  // Through tsc's own maps back to src/*.ts: a --debug stack trace names our sources.
  sourcemap: true,
};

if (process.argv[2] === 'bench') {
  // The benchmark's stage runner (`npm run bench` only), bundled the same way so that it times the
  // code as shipped; each stage's dynamic import becomes a chunk of its own, so a stage loads only
  // its own modules.
  await rm('dist/bench-bundle', { recursive: true, force: true });
  await build({ ...common, entryPoints: ['dist/bench/stages.js'], outdir: 'dist/bench-bundle', splitting: true, outExtension: { '.js': '.mjs' } });
} else {
  // The CLI and the library (package.json `exports`), each one module.
  await build({ ...common, entryPoints: ['dist/src/cli/main.js'], outfile: 'dist/weerbaarheid.mjs' });
  await build({ ...common, entryPoints: ['dist/src/index.js'], outfile: 'dist/index.mjs' });
}
