// Compiles native/exchange.c into dist/native/exchange.node: the one-step swap of the report
// folder (renameat2 with RENAME_EXCHANGE). Optional: without a C compiler or Node's headers, or
// off Linux, the build says so and the swap falls back to two renames with recovery
// (src/output/exchange.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const headers = join(dirname(process.execPath), '..', 'include', 'node');
const out = join('dist', 'native', 'exchange.node');
const skip = (why) => console.error(`Let op: ${why}; de rapportmap wordt dan in twee stappen verwisseld (met herstel na een onderbreking).`);

if (process.platform !== 'linux') skip('geen Linux');
else if (!existsSync(join(headers, 'node_api.h'))) skip(`geen Node-headers in ${headers}`);
else {
  mkdirSync(dirname(out), { recursive: true });
  const cc = process.env.CC || 'cc';
  const run = spawnSync(cc, ['-O2', '-shared', '-fPIC', '-Wall', `-I${headers}`, 'native/exchange.c', '-o', out], { encoding: 'utf8' });
  if (run.error || run.status !== 0) skip(`${cc} kon native/exchange.c niet compileren${run.stderr ? `:\n${run.stderr.trim()}` : ''}`);
}
