/**
 * A right-to-left override (U+202E) in a risk title and in `organisatie` must not turn the tool's
 * own text after it around, in any format: Markdown, HTML, the PDF's text (pdftotext), the
 * workbook and the terminal.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureTerminal } from './helpers/cli.js';
import { printMessages } from '../src/cli/terminal.js';
import { message } from '../src/messages.js';
import { runGenerate } from '../src/run.js';
import { FSI, PDI } from '../src/text/bidi.js';
import { EXAMPLE_DIR, copyData, removeTempDirs, tempDir } from './helpers/fixtures.js';

const RLO = '\u202E';
const TITLE = 'Langdurige stroomuitval datacenter';
/** A recommendation: the tool's words after the title, which an override would turn around. */
const SENTENCE = `VR-007 ‘${TITLE}’ hoog (kans 3 × impact 4); daarvoor zijn aanvullende maatregelen nodig.`;
const flat = (text: string) => text.replace(/\s+/g, ' ');

afterAll(removeTempDirs);

let out: string;
let base: string;
beforeAll(async () => {
  const data = await copyData(EXAMPLE_DIR);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(data, 'registers.xlsx'));
  book.getWorksheet("Risico's")!.eachRow((row) => {
    if (row.getCell(2).value === TITLE) row.getCell(2).value = `${RLO}${TITLE}`;
  });
  await book.xlsx.writeFile(join(data, 'registers.xlsx'));
  const yaml = await readFile(join(data, 'analyse.yaml'), 'utf8');
  await writeFile(join(data, 'analyse.yaml'), yaml.replace('organisatie: Ministerie van Defensie', `organisatie: ${RLO}Ministerie van Defensie`));
  out = join(await tempDir(), 'rapport');
  const result = await runGenerate({ dataDir: data, outDir: out });
  expect(result.failure).toBeUndefined();
  expect(result.exitCode).toBe(0);
  base = join(out, (await readdir(out)).find((f) => f.endsWith('.md'))!.replace(/\.md$/, ''));
}, 120_000);

describe('register text with a right-to-left override', () => {
  it('Markdown: the override is gone, the title isolated, the tool’s text after it as written', async () => {
    const markdown = await readFile(`${base}.md`, 'utf8');
    expect(markdown).not.toContain(RLO);
    expect(markdown).toContain(`${SENTENCE}${PDI}`);
    expect(markdown).toContain(`| ${FSI}${TITLE}${PDI} |`);
    expect(markdown).toContain(`${FSI}Ministerie van Defensie${PDI}`);
  });

  it('HTML: the title in a <bdi>, no override or isolate characters anywhere, the cover’s organisation without controls', async () => {
    const html = await readFile(`${base}.html`, 'utf8');
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toContain(`<bdi>${TITLE}</bdi>`);
    expect(html).toContain(`${SENTENCE}</bdi>`);
    expect(html).toMatch(/<p class="omslag-organisatie">Ministerie van Defensie<\/p>/);
  });

  it('PDF (pdftotext): the tool’s text after the title reads as written, not reversed', () => {
    const text = flat(execFileSync('pdftotext', [`${base}.pdf`, '-'], { encoding: 'utf8' }));
    expect(text).toContain(SENTENCE);
    expect(text).not.toContain('nodig. ntemelvulaa');
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    const info = execFileSync('pdfinfo', [`${base}.pdf`], { encoding: 'utf8' });
    expect(info).toMatch(/^Author:\s+Ministerie van Defensie$/m);
  });

  it('workbook: the title isolated in its cell, the properties without controls', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(`${base}.xlsx`);
    const texts: string[] = [];
    book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value)))));
    expect(texts.filter((t) => t.includes(RLO))).toEqual([]);
    expect(texts).toContain(`${FSI}${TITLE}${PDI}`);
    expect(book.title).not.toContain(RLO);
    expect(book.subject).not.toContain(RLO);
  });
});

describe('terminal messages', () => {
  it('isolate the file, sheet, value and reason: an override cannot reach the tool’s words after it', () => {
    const t = captureTerminal();
    printMessages(t.term, [
      message('error', 'dubbele-id', `ID ${RLO}R-1 komt twee keer voor.`, { file: `registers${RLO}xslx.exe`, sheet: `Risico's${RLO}`, row: 3, column: 'ID', cell: 'A3', actual: `${RLO}R-1`, expected: 'een ID die maar één keer voorkomt' }),
    ]);
    const printed = t.stderr();
    expect(printed).not.toContain(RLO);
    expect(printed).toContain(`${FSI}registersxslx.exe${PDI} › ${FSI}Risico's${PDI}`);
    expect(printed).toContain(`rij 3, kolom ID (A3): fout: ${FSI}ID R-1 komt twee keer voor.${PDI} (gevonden: ${FSI}"R-1"${PDI}; verwacht: een ID die maar één keer voorkomt) [dubbele-id]`);
  });
});
