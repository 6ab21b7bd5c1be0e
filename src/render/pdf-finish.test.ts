import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { hasPikepdf, readPdfStructure, walk } from '../../test/helpers/pdf-structure.js';
import { TEMPLATES_DIR } from '../version.js';
import { markArtifacts } from './pdf-artifacts.js';
import { finishPdf } from './pdf-finish.js';

describe('markArtifacts', () => {
  const mark = (stream: string) => Buffer.from(markArtifacts(Buffer.from(stream, 'latin1')).data).toString('latin1');

  it('wraps untagged text, painted paths and XObjects in /Artifact BMC … EMC, merging neighbours', () => {
    const out = mark('q 1 0 0 1 0 0 cm BT /F1 8 Tf (Pagina 1) Tj ET 0 0 10 10 re f Q /P <</MCID 0>> BDC BT (tekst) Tj ET EMC /Im1 Do');
    expect(out).toBe('q 1 0 0 1 0 0 cm /Artifact BMC\nBT /F1 8 Tf (Pagina 1) Tj ET 0 0 10 10 re f\nEMC\n Q /P <</MCID 0>> BDC BT (tekst) Tj ET EMC /Artifact BMC\n/Im1 Do\nEMC\n');
  });

  it('leaves tagged content, clipping paths and strings that look like operators alone', () => {
    const tagged = '/Span <</MCID 3>> BDC BT (a) Tj ET EMC 0 0 5 5 re W n BT /Span <</MCID 4 /ActualText (BT \\) ET)>> BDC (b) Tj EMC ET';
    expect(mark(tagged)).toBe(tagged);
  });
});

describe('finishPdf (pdf-lib 1.17.1, pinned: it loads and rewrites every object)', () => {
  it('is pdf-lib 1.17.1', () => {
    expect((createRequire(import.meta.url)('pdf-lib/package.json') as { version: string }).version).toBe('1.17.1');
  });

  it.skipIf(!hasPikepdf())('keeps the structure tree and mends it: LBody, no Figure in a Figure, a role map, link /Contents, metadata', async () => {
    // A small tagged PDF the way Chromium writes one: LI > Lbl + NonStruct, Figure > Figure, Strong, a link without /Contents.
    const doc = await PDFDocument.create();
    const page = doc.addPage([594.96, 841.92]);
    const c = doc.context;
    const contents = c.flateStream('BT /F1 8 Tf (kop) Tj ET /P <</MCID 0>> BDC BT (tekst) Tj ET EMC');
    page.node.set(PDFName.of('Contents'), c.register(contents));
    const root = c.nextRef();
    const el = (S: string, kids: unknown[], extra: Record<string, unknown> = {}) => c.register(c.obj({ Type: 'StructElem', S, P: root, K: kids as never, ...extra }));
    const lbl = el('Lbl', []);
    const body = el('NonStruct', [0]);
    const li = el('LI', [lbl, body]);
    const link = el('Link', []);
    const tocItem = el('LI', [link]);
    const list = el('L', [li, tocItem]);
    const img = el('Figure', [], { Alt: PDFString.of('Grafiek') });
    const figure = el('Figure', [img]);
    const strong = el('Strong', []);
    const document = el('Document', [list, figure, strong]);
    c.assign(root, c.obj({ Type: 'StructTreeRoot', K: [document] }));
    doc.catalog.set(PDFName.of('StructTreeRoot'), root);
    const annot = c.register(c.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], Dest: 'samenvatting', StructParent: 1 }));
    page.node.set(PDFName.of('Annots'), c.obj([annot]));
    const dir = mkdtempSync(join(tmpdir(), 'weerbaarheid-finish-'));
    try {
      const finished = await finishPdf(await doc.save({ useObjectStreams: false }), {
        title: 'Titel',
        author: 'Auteur',
        subject: 'Onderwerp',
        keywords: 'a, b',
        creator: 'weerbaarheid 0.1.0',
        producer: 'Chrome/156',
        lang: 'nl',
        date: new Date('2025-12-31T00:00:00Z'),
        iccProfile: readFileSync(join(TEMPLATES_DIR, 'icc', 'sRGB.icc')),
        linkTexts: new Map([['samenvatting', 'Samenvatting, pagina 3']]),
        idSeed: 'x',
      });
      const path = join(dir, 'uit.pdf');
      writeFileSync(path, finished);
      const pdf = readPdfStructure(path);
      const roles = [...walk(pdf.structure)].map(({ node, parents }) => [...parents, node.role].join('>'));
      expect(roles).toEqual([
        'Document',
        'Document>L',
        'Document>L>LI',
        'Document>L>LI>Lbl',
        'Document>L>LI>LBody',
        'Document>L>LI',
        'Document>L>LI>LBody',
        'Document>L>LI>LBody>Link',
        'Document>Div',
        'Document>Div>Figure',
        'Document>Strong',
      ]);
      expect(pdf.roleMap).toEqual({ Strong: 'Span' });
      expect(pdf.annotations).toEqual([{ page: 1, subtype: '/Link', contents: 'Samenvatting, pagina 3', structParent: true }]);
      expect(pdf.pages[0]!.mediaBox).toEqual([0, 0, 595.28, 841.89]);
      expect(pdf.pages[0]!.content).toEqual({ unmarked: 0, artifact: 1, tagged: 1 });
      expect(pdf.xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
      expect(pdf.info).toMatchObject({ Title: 'Titel', CreationDate: "D:20251231000000+00'00'" });
      expect(pdf.version).toBe('1.7');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
