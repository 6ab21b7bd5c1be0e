import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractDocx } from './docx.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');

async function documentXml(data: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string');
}

describe('extractDocx', () => {
  it('writes the chosen section as headings, paragraphs and tables, numbers right-aligned', async () => {
    const result = await extractDocx({ markdown: fixture('openbaar.md'), file: 'rapport.md', sections: ['Samenvatting'] });
    if (!result.ok) throw new Error(result.message);
    const xml = await documentXml(result.data);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('Samenvatting');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:jc w:val="right"/>');
    expect(xml).not.toContain('Bijlage');
  });

  it('refuses a report above the level, writing nothing of it', async () => {
    const result = await extractDocx({ markdown: fixture('departementaal-vertrouwelijk.md'), file: 'rapport.md' });
    expect(result).toMatchObject({ ok: false, exitCode: 1 });
    if (!result.ok) expect(result.message).toContain('Departementaal Vertrouwelijk');
  });
});
