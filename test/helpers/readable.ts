/** Everything a reader of a report could see, as text, per file: with independent readers for the PDF (poppler) and the workbook (unzip). */
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { zipEntries } from './zip.js';

export async function readable(out: string): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const f of await readdir(out, { recursive: true })) {
    const path = join(out, f);
    if (/\.(md|html|json|svg)$/.test(f)) texts[f] = await readFile(path, 'utf8');
    else if (f.endsWith('.pdf')) {
      texts[f] = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
      texts[`${f} (info)`] = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    } else if (f.endsWith('.xlsx')) {
      for (const [part, xml] of Object.entries(await zipEntries(path))) texts[`${f}:${part}`] = xml;
    }
  }
  return texts;
}
