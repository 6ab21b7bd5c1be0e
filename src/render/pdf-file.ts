/**
 * Which page each named destination (heading id) lands on, read straight from the bytes Chromium
 * (Skia) writes, between two prints: a PDF library would parse every object of the file first,
 * which costs more than the lookup. Skia writes an uncompressed catalog, page tree, /Dests
 * dictionary and one classic xref table, so these are exact lookups, not heuristics; anything
 * else is refused. Changing the PDF is pdf-finish.ts's job (pdf-lib).
 */

export class PdfStructureError extends Error {
  override readonly name = 'PdfStructureError';
}

interface XrefTable {
  /** Where the `xref` keyword starts. */
  start: number;
  /** Where the `trailer` keyword starts. */
  end: number;
  /** Object number → byte offset, in-use objects only. */
  offsets: Map<number, number>;
  trailer: string;
}

function readXref(pdf: string): XrefTable {
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.slice(-64));
  if (!tail) throw new PdfStructureError('startxref ontbreekt');
  const start = Number(tail[1]);
  const end = pdf.indexOf('trailer', start);
  if (!pdf.startsWith('xref', start) || end < 0) throw new PdfStructureError('geen klassieke xref-tabel');
  const offsets = new Map<number, number>();
  const lines = pdf.slice(start + 4, end).trim().split(/\r?\n|\r/);
  let number = 0;
  for (const line of lines) {
    const section = /^(\d+) (\d+)\s*$/.exec(line);
    if (section) {
      number = Number(section[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    if (!entry) throw new PdfStructureError(`onleesbare xref-regel: ${line}`);
    if (entry[3] === 'n') offsets.set(number, Number(entry[1]));
    number++;
  }
  const trailer = pdf.slice(end, pdf.lastIndexOf('startxref'));
  if (/\/Prev\b/.test(trailer)) throw new PdfStructureError('incrementeel bijgewerkte PDF');
  return { start, end, offsets, trailer };
}

/** An object's text: from its offset to the next object (or the xref), so strings inside cannot fool us. */
function objectText(pdf: string, xref: XrefTable, number: number): string {
  const offset = xref.offsets.get(number);
  if (offset === undefined) throw new PdfStructureError(`object ${number} ontbreekt`);
  let end = xref.start;
  for (const o of xref.offsets.values()) if (o > offset && o < end) end = o;
  return pdf.slice(offset, end);
}

function ref(text: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(text);
  return m ? Number(m[1]) : undefined;
}

function refs(text: string): number[] {
  return [...text.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
}

/** PDF names escape bytes as #xx; Chromium names a destination by the link's URL fragment, so percent-encoded. */
export function decodeName(name: string): string {
  const fragment = Buffer.from(
    name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function pageObjects(pdf: string, xref: XrefTable, node: number, out: number[], depth = 0): number[] {
  if (depth > 32) throw new PdfStructureError('paginaboom te diep');
  const text = objectText(pdf, xref, node);
  if (/\/Type\s*\/Pages\b/.test(text)) {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(text);
    if (!kids) throw new PdfStructureError('paginaknoop zonder /Kids');
    for (const kid of refs(kids[1]!)) pageObjects(pdf, xref, kid, out, depth + 1);
  } else {
    out.push(node);
  }
  return out;
}

/** Page count and the 1-based page of every named destination (Chromium writes one per linked element id). */
export function readPdfPages(buffer: Buffer): { pages: number; destinations: Map<string, number> } {
  const pdf = buffer.toString('latin1');
  const xref = readXref(pdf);
  const root = ref(xref.trailer, 'Root');
  if (root === undefined) throw new PdfStructureError('trailer zonder /Root');
  const catalog = objectText(pdf, xref, root);
  const pagesRoot = ref(catalog, 'Pages');
  if (pagesRoot === undefined) throw new PdfStructureError('catalogus zonder /Pages');
  const pageNumber = new Map(pageObjects(pdf, xref, pagesRoot, []).map((obj, i) => [obj, i + 1]));
  const destinations = new Map<string, number>();
  const dests = ref(catalog, 'Dests');
  if (dests !== undefined) {
    const body = objectText(pdf, xref, dests);
    for (const m of body.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
      const page = pageNumber.get(Number(m[2]));
      if (page !== undefined) destinations.set(decodeName(m[1]!), page);
    }
  }
  return { pages: pageNumber.size, destinations };
}
