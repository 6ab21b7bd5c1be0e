/**
 * The library as another program gets it: `npm pack`, installed into an empty project, imported by
 * name. Its Markdown, made in memory, is byte for byte what `weerbaarheid generate` writes, and its
 * types come along (a consumer's TypeScript sees them: a wrong option is an error).
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/version.js';
import { EXAMPLE_DIR, copyData, removeTempDirs, tempDir } from './helpers/fixtures.js';

afterAll(removeTempDirs);

const PROBE = `import { analyse, render } from 'weerbaarheid';
const analysed = await analyse(process.argv[2]);
if (!analysed.ok) throw new Error('niet geanalyseerd: ' + analysed.failure.kind);
const rendered = await render(analysed, { formats: ['md'] });
if (!rendered.ok) throw new Error('niet gemaakt: ' + rendered.failure.kind);
const text = (d) => (typeof d === 'string' ? d : Buffer.from(d).toString('base64'));
process.stdout.write(JSON.stringify(Object.fromEntries(rendered.files.map((f) => [f.path, text(f.data)]))));
`;

const CONSUMER = `import { analyse, render, writeReport, type Analysed, type OutputFile } from 'weerbaarheid';
export async function markdown(dir: string): Promise<OutputFile | undefined> {
  const analysed = await analyse(dir, { level: 'openbaar' });
  if (!analysed.ok) return undefined;
  const view: Analysed['view'] = analysed.view;
  const year: number = view.analysis.jaar;
  // @ts-expect-error: not a format
  await render(analysed, { formats: ['docx'] });
  const rendered = await render(analysed, { formats: ['md'] });
  if (rendered.ok) await writeReport('uit', rendered.files, async () => { throw new Error(String(year)); }, { identity: { jaar: year, organisatie: '', netwerk: '', rubricering: '' } });
  return rendered.ok ? rendered.files.find((f) => f.path.endsWith('.md')) : undefined;
}
`;

const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed library in an empty project', () => {
  let project: string;
  let data: string;
  beforeAll(async () => {
    const packs = await tempDir();
    // The build is already done (npm test builds first); prepare would rebuild it under the other tests' feet.
    run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packs], PROJECT_ROOT);
    const tarball = join(packs, (await readdir(packs)).find((f) => f.endsWith('.tgz'))!);
    project = await tempDir();
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'afnemer', private: true, type: 'module' }));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--silent', tarball], project);
    data = await copyData(EXAMPLE_DIR);
  }, 300_000);

  it('analyses and renders Markdown in memory, byte for byte what generate writes, with its types', { timeout: 300_000 }, async () => {
    await writeFile(join(project, 'probe.mjs'), PROBE);
    const inMemory = JSON.parse(run(process.execPath, ['probe.mjs', data], project)) as Record<string, string>;
    const out = join(await tempDir(), 'rapport');
    run(process.execPath, [join(project, 'node_modules', 'weerbaarheid', 'bin', 'weerbaarheid.js'), 'generate', data, '--formats', 'md', '--out', out, '--quiet'], project);
    const markdown = Object.keys(inMemory).filter((p) => p.endsWith('.md'));
    expect(markdown).toHaveLength(1);
    for (const path of [...markdown, ...Object.keys(inMemory).filter((p) => p.endsWith('.svg'))]) {
      expect(inMemory[path], path).toBe(await readFile(join(out, path), 'utf8'));
    }

    const installed = join(project, 'node_modules', 'weerbaarheid');
    expect((await readdir(join(installed, 'dist', 'src'))).filter((f) => f.endsWith('.d.ts'))).toContain('index.d.ts');
    await writeFile(join(project, 'afnemer.ts'), CONSUMER);
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['afnemer.ts'] }),
    );
    // Exit 0 only if every type resolved: unresolved, `render`'s options would be any and the expected error would be missing.
    run(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
  });
});
