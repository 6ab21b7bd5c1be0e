import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder above this module with our package.json (works from src/ and dist/src/). */
export const PROJECT_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json van weerbaarheid niet gevonden');
    dir = up;
  }
  return dir;
})();

export const TOOL_VERSION: string = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Built-in Handlebars templates and print stylesheet. */
export const TEMPLATES_DIR = join(PROJECT_ROOT, 'templates');
