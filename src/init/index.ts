/**
 * `init DIR`: a new data folder with analyse.yaml and an empty register workbook, ready to fill in.
 * A folder that already holds an analysis is left alone unless the user forces it.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../exit.js';
import { CONFIG_FILE } from '../validate/config.js';
import { initConfig } from './config.js';
import { initWorkbook } from './workbook.js';

export const REGISTERS_FILE = 'registers.xlsx';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Writes the two files and returns their paths; throws UsageError for a folder with an analysis. */
export async function initDataFolder(dir: string, opts: { force: boolean; today: Date }): Promise<string[]> {
  const files = [join(dir, CONFIG_FILE), join(dir, REGISTERS_FILE)];
  const present = (await Promise.all(files.map(exists))).some(Boolean);
  if (present && !opts.force) {
    throw new UsageError(`De map ${dir} bevat al een analyse (${CONFIG_FILE} of ${REGISTERS_FILE}); kies een andere map of gebruik --force om die te overschrijven.`);
  }
  await mkdir(dir, { recursive: true });
  await writeFile(files[0]!, initConfig(opts.today));
  await writeFile(files[1]!, await initWorkbook());
  return files;
}
