import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderHtml, type HtmlMeta } from './html.js';

const META: HtmlMeta = {
  title: 'Weerbaarheidsanalyse NAFIN 2025',
  organisatie: 'Ministerie <van> Defensie',
  jaar: 2025,
  peildatum: '31-12-2025',
  levelLabel: 'Departementaal Vertrouwelijk',
  toolVersion: '0.1.0',
  subject: 'Jaarlijkse analyse',
  keywords: ['NAFIN', 'weerbaarheid'],
};

const FIXTURE = readFileSync(new URL('../../test/fixtures/md/rapport.md', import.meta.url), 'utf8');

/** The part of the page after the cover and contents. */
async function body(markdown: string): Promise<string> {
  const { html } = await renderHtml(markdown, META);
  return html.slice(html.indexOf('<main>'));
}

describe('renderHtml', () => {
  it('is one Dutch page with a strict CSP and the print stylesheet inlined', async () => {
    const { html } = await renderHtml(FIXTURE, META);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`content="default-src 'none'; img-src file:; style-src 'unsafe-inline';`);
    expect(html).toContain('thead {\n  display: table-header-group;');
    expect(html).not.toMatch(/<link|<script|https?:\/\//);
  });

  it('puts the escaped metadata on the cover and in the head', async () => {
    const { html } = await renderHtml(FIXTURE, META);
    expect(html).toContain('<title>Weerbaarheidsanalyse NAFIN 2025</title>');
    expect(html).toContain('<p class="omslag-organisatie">Ministerie &lt;van&gt; Defensie</p>');
    expect(html).toContain('<meta name="keywords" content="NAFIN, weerbaarheid">');
    expect(html).toContain('<dt>Peildatum</dt><dd>31-12-2025</dd>');
    expect(html).toContain('<dt>Rubricering</dt><dd>Departementaal Vertrouwelijk</dd>');
    // Status and date of issue on the cover (defaults: concept, the peildatum); the version in the colophon.
    expect(html).toContain('<dt>Status</dt><dd>concept</dd>');
    expect(html).toContain('<dt>Datum van uitgifte</dt><dd>31-12-2025</dd>');
    expect(html).not.toContain('<dt>Versie</dt>');
    expect(html).toMatch(/<p class="colofon">[^<]*weerbaarheid 0\.1\.0/);
  });

  it('prints the issuing unit, the status and the date of issue from analyse.yaml', async () => {
    const { html } = await renderHtml(FIXTURE, { ...META, status: 'definitief', uitgevendeEenheid: 'Directie CIO', uitgiftedatum: '2026-02-15' });
    expect(html).toContain('<span class="omslag-eenheid">Directie CIO</span>');
    expect(html).toContain('<p class="omslag-status">definitief</p>');
    expect(html).toContain('<dt>Datum van uitgifte</dt><dd>15 februari 2026</dd>');
  });

  it('prints page 2, "In één oogopslag", between the cover and the contents, and leaves it out of the contents', async () => {
    const { html, headings } = await renderHtml('## In één oogopslag\n\nKort.\n\n## Samenvatting\n\nTekst.\n', META);
    const [cover, glance, contents] = ['class="omslag"', 'class="oogopslag"', 'class="inhoud"'].map((m) => html.indexOf(m));
    expect(cover).toBeLessThan(glance!);
    expect(glance).toBeLessThan(contents!);
    expect(html.slice(glance, contents)).toContain('<p>Kort.</p>');
    expect(headings.map((h) => h.text)).toEqual(['Samenvatting']);
  });

  it('drops a leading heading that repeats the title, because the cover carries it', async () => {
    const { headings } = await renderHtml(FIXTURE, META);
    expect(headings[0]).toEqual({ id: 'samenvatting', depth: 1, text: 'Samenvatting' });
    expect(headings.some((h) => h.text === META.title)).toBe(false);
    expect((await renderHtml('# Iets anders\n', META)).headings).toHaveLength(1);
  });

  it('returns headings down to level 3 with ids; the contents links levels 1 and 2', async () => {
    const { html, headings } = await renderHtml(FIXTURE, META);
    expect(headings).toContainEqual({ id: 'risicos', depth: 1, text: "Risico's" });
    expect(headings).toContainEqual({ id: 'herstel', depth: 3, text: 'Herstel' });
    expect(html).toContain('<h1 id="risicos">');
    expect(html).toContain('<a href="#risicos"><span class="tekst">Risico&#x27;s</span><span class="stippel"></span><span class="pagina"></span></a>');
    expect(html).not.toContain('href="#herstel"');
  });

  it('fills the contents with page numbers when given', async () => {
    const { html } = await renderHtml(FIXTURE, META, { pageNumbers: new Map([['risicos', 6]]) });
    expect(html).toContain('<a href="#risicos"><span class="tekst">Risico&#x27;s</span><span class="stippel"></span><span class="pagina">6</span></a>');
  });

  it('turns a "Tabel N." paragraph before a table into its caption and colours class cells', async () => {
    const html = await body('Tabel 1. Klassen\n\n| Klasse | Score |\n|---|---|\n| zeer hoog | 20 |\n| Midden | 6 |\n| hoger | 7 |\n');
    expect(html).toContain('<table><caption>Tabel 1. Klassen</caption>');
    expect(html).toContain('<td class="klasse-zeer-hoog kort">zeer hoog</td>');
    expect(html).toContain('<td class="klasse-midden kort">Midden</td>');
    expect(html).toContain('<td>hoger</td>');
    expect(html).not.toContain('<p>Tabel 1.');
  });

  it('leaves a caption-like paragraph alone when no table follows', async () => {
    expect(await body('Tabel 1. Zonder tabel\n\nTekst.\n')).toContain('<p>Tabel 1. Zonder tabel</p>');
  });

  it('wraps a local chart and its "Figuur N." paragraph in a figure', async () => {
    const html = await body('![Klassen](figuren/klassen.svg)\n\nFiguur 1. Verdeling over klassen\n');
    expect(html).toContain(
      '<figure class="figuur figuur-klassen"><img src="figuren/klassen.svg" alt="Klassen"><figcaption>Figuur 1. Verdeling over klassen</figcaption></figure>',
    );
  });

  it('keeps only local chart images; remote and escaping images become their alt text', async () => {
    const html = await body(
      '![extern](http://127.0.0.1:8080/c.png) ![omhoog](../../etc/passwd) ![via](figuren/../../x.svg) ![verborgen](figuren/.x.svg) ![data](data:image/png;base64,AAAA)\n',
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('extern omhoog via verborgen data');
  });

  it('drops raw HTML from register text', async () => {
    const html = await body(
      '<script src="http://x/s.js"></script>\n\n<iframe src="http://x/i"></iframe>\n\n<style>body{background:url(http://x/b)}</style>\n\nTekst <img src="http://x/a"> <link rel="stylesheet" href="http://x/l.css"> <b onclick="x()">vet</b>\n',
    );
    expect(html).not.toMatch(/<script|<iframe|<style|<img|<link|onclick|http:\/\/x/);
    expect(html).toContain('Tekst');
  });
});
