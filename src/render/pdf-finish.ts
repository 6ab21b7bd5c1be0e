/**
 * Finishes the PDF Chromium printed into one that meets the machine-checkable clauses of PDF/UA-1
 * and PDF/A-2: metadata (Info and XMP alike), an sRGB output intent, a trailer /ID, exact A4 boxes,
 * untagged decoration marked as Artifact, and the structure tree mended where Chromium's tagging
 * falls short (nested Figures, list items without LBody, PDF 2.0 types, links without /Contents).
 * The one module that uses pdf-lib; it loads every object and writes them all back, so Chromium's
 * structure tree, outline and destinations pass through unchanged apart from these edits.
 */
import { createHash } from 'node:crypto';
import { inflateSync, deflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { markArtifacts } from './pdf-artifacts.js';
import { decodeName } from './pdf-file.js';
import { xmpPacket, type XmpFields } from './pdf-xmp.js';

/** What the Info dictionary and the XMP say (the conformance level is found here), and what the file needs besides. */
export interface FinishOptions extends Omit<XmpFields, 'conformance'> {
  /** The ICC profile of the output intent (sRGB). */
  iccProfile: Uint8Array;
  /** Text of every link by its target: a heading id for links inside the document, else the URL. */
  linkTexts: ReadonlyMap<string, string>;
  /** Makes the trailer /ID: the same source gives the same identifier. */
  idSeed: string;
}

/** A4 in points, exactly (210 × 297 mm); Chromium's own boxes are a fraction of a point off. */
const A4 = { short: 595.28, long: 841.89 } as const;

/** Standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4); anything else needs a role map. */
const STANDARD_TYPES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody ' +
    'Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);
/** PDF 2.0 types Chromium may write, by their PDF 1.7 equivalent. */
const ROLE_EQUIVALENT: Record<string, string> = { Strong: 'Span', Em: 'Span', Sub: 'Span', Title: 'P', Aside: 'Div', FENote: 'Note', DocumentFragment: 'Part' };

const N = (name: string) => PDFName.of(name);

export async function finishPdf(bytes: Uint8Array, o: FinishOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity });
  const context = doc.context;
  let unmarked = 0;
  for (const page of doc.getPages()) {
    const node = page.node;
    const { width, height } = page.getSize();
    const box = width > height ? [0, 0, A4.long, A4.short] : [0, 0, A4.short, A4.long];
    node.set(N('MediaBox'), context.obj(box));
    if (node.has(N('CropBox'))) node.set(N('CropBox'), context.obj(box));
    unmarked += markPageArtifacts(context, node);
    describeLinks(context, node, o.linkTexts);
  }
  mendStructure(context, doc.catalog);
  setInfo(context, o);
  const xmp = Buffer.from(xmpPacket({ ...o, conformance: unmarked === 0 ? 'A' : 'B' }), 'utf8');
  const metadata = context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(N('Metadata'), context.register(metadata));
  doc.catalog.set(N('OutputIntents'), context.obj([outputIntent(context, o.iccProfile)]));
  doc.catalog.set(N('Lang'), PDFString.of(o.lang));
  doc.catalog.set(N('MarkInfo'), context.obj({ Marked: true }));
  doc.catalog.set(N('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));
  const id = createHash('sha256').update(o.idSeed).digest('hex').slice(0, 32);
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  // The file uses PDF 1.5 features (object streams in the structure tree) and PDF/UA builds on 1.7.
  context.header = PDFHeader.forVersion(1, 7);
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity, updateFieldAppearances: false });
}

/** Rewrites the page's content streams with Artifact marks; returns what could not be marked. */
function markPageArtifacts(context: PDFContext, page: PDFDict): number {
  const contents = page.get(N('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  let left = 0;
  for (const ref of refs) {
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream) || !(ref instanceof PDFRef)) continue;
    const filter = stream.dict.get(N('Filter'));
    if (filter && filter !== N('FlateDecode')) {
      left++;
      continue;
    }
    const data = filter ? inflateSync(stream.contents) : stream.contents;
    const marked = markArtifacts(data);
    if (marked.wrapped === 0) continue;
    const dict = stream.dict.clone(context);
    const packed = deflateSync(marked.data);
    dict.set(N('Filter'), N('FlateDecode'));
    dict.set(N('Length'), PDFNumber.of(packed.length));
    dict.delete(N('DecodeParms'));
    context.assign(ref, PDFRawStream.of(dict, packed));
  }
  return left;
}

/** Every link annotation gets the text of its link as /Contents (PDF/UA-1 7.18.5) and the print flag (PDF/A-2 6.3.2). */
function describeLinks(context: PDFContext, page: PDFDict, texts: ReadonlyMap<string, string>): void {
  const annots = page.lookupMaybe(N('Annots'), PDFArray);
  for (const ref of annots?.asArray() ?? []) {
    const annot = context.lookup(ref);
    if (!(annot instanceof PDFDict)) continue;
    annot.set(N('F'), PDFNumber.of(4));
    if (annot.get(N('Subtype')) !== N('Link') || annot.has(N('Contents'))) continue;
    const target = linkTarget(context, annot);
    const text = (target !== undefined ? texts.get(target) : undefined) ?? target ?? 'Koppeling';
    annot.set(N('Contents'), PDFHexString.fromText(text));
  }
}

function linkTarget(context: PDFContext, annot: PDFDict): string | undefined {
  const dest = annot.lookup(N('Dest'));
  if (dest instanceof PDFName) return decodeName(dest.asString().slice(1));
  if (dest instanceof PDFString || dest instanceof PDFHexString) return dest.decodeText();
  const action = annot.lookup(N('A'));
  if (action instanceof PDFDict) {
    const uri = context.lookup(action.get(N('URI')));
    if (uri instanceof PDFString || uri instanceof PDFHexString) return uri.decodeText();
  }
  return undefined;
}

function role(element: PDFDict): string | undefined {
  const s = element.get(N('S'));
  return s instanceof PDFName ? s.asString().slice(1) : undefined;
}

interface Element {
  dict: PDFDict;
  /** How its parent refers to it: a reference, or the dictionary itself when written inline. */
  ref: PDFObject;
}

/** The structure elements among an element's kids (marked-content ids and object references are not). */
function elementKids(context: PDFContext, element: PDFDict): Element[] {
  const k = element.get(N('K'));
  const list = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  return list.flatMap((ref) => {
    const dict = context.lookup(ref);
    return dict instanceof PDFDict && dict.has(N('S')) ? [{ dict, ref }] : [];
  });
}

function mendStructure(context: PDFContext, catalog: PDFDict): void {
  const tree = catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  if (!tree) return;
  const used = new Set<string>();
  const visit = ({ dict, ref }: Element): boolean => {
    let hasFigure = false;
    for (const kid of elementKids(context, dict)) hasFigure = visit(kid) || hasFigure;
    const type = role(dict);
    if (type === undefined) return hasFigure;
    // An outer <figure> around the chart's <img>: a grouping, not a second picture without /Alt.
    if (type === 'Figure' && hasFigure) dict.set(N('S'), N('Div'));
    if (type === 'LI') mendListItem(context, dict, ref);
    used.add(role(dict)!);
    return hasFigure || type === 'Figure';
  };
  for (const top of elementKids(context, tree)) visit(top);
  const roleMap = tree.lookupMaybe(N('RoleMap'), PDFDict) ?? context.obj({});
  for (const type of used) {
    if (!STANDARD_TYPES.has(type) && !roleMap.has(N(type))) roleMap.set(N(type), N(ROLE_EQUIVALENT[type] ?? 'NonStruct'));
  }
  if (roleMap.keys().length > 0) tree.set(N('RoleMap'), roleMap);
}

/** LI holds Lbl and LBody only (PDF/UA-1 7.6): Chromium writes the body as NonStruct, or a Link straight in the item. */
function mendListItem(context: PDFContext, li: PDFDict, liRef: PDFObject): void {
  const kids = li.get(N('K'));
  const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
  const body: PDFObject[] = [];
  const out: PDFObject[] = [];
  for (const kid of list) {
    const element = context.lookup(kid);
    const type = element instanceof PDFDict ? role(element) : undefined;
    if (type === 'Lbl' || type === 'LBody') out.push(kid);
    else if (type !== undefined) body.push(kid);
    else out.push(kid); // content straight in the item stays where the parent tree says it is
  }
  if (body.length === 0) return;
  const only = body.length === 1 ? (context.lookup(body[0]) as PDFDict) : undefined;
  if (only && role(only) === 'NonStruct') {
    only.set(N('S'), N('LBody'));
    return;
  }
  const lbody = context.obj({ Type: 'StructElem', S: 'LBody', P: liRef, K: body });
  const ref = context.register(lbody);
  for (const kid of body) (context.lookup(kid) as PDFDict).set(N('P'), ref);
  li.set(N('K'), context.obj([...out, ref]));
}

function textString(value: string): PDFHexString {
  return PDFHexString.fromText(value);
}

function pdfDate(date: Date): PDFString {
  const iso = date.toISOString();
  return PDFString.of(`D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`);
}

/** The Info dictionary in place, emptied first: Chromium's clock-based dates must not linger in an orphan. */
function setInfo(context: PDFContext, o: FinishOptions): void {
  const existing = context.lookup(context.trailerInfo.Info);
  const info = existing instanceof PDFDict ? existing : context.obj({});
  for (const key of info.keys()) info.delete(key);
  info.set(N('Title'), textString(o.title));
  info.set(N('Author'), textString(o.author));
  info.set(N('Subject'), textString(o.subject));
  info.set(N('Keywords'), textString(o.keywords));
  info.set(N('Creator'), textString(o.creator));
  info.set(N('Producer'), textString(o.producer));
  info.set(N('CreationDate'), pdfDate(o.date));
  info.set(N('ModDate'), pdfDate(o.date));
  if (!(existing instanceof PDFDict)) context.trailerInfo.Info = context.register(info);
}

function outputIntent(context: PDFContext, profile: Uint8Array): PDFRef {
  const packed = deflateSync(profile);
  const icc = PDFRawStream.of(context.obj({ N: 3, Filter: 'FlateDecode', Length: packed.length }), packed);
  return context.register(
    context.obj({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
      Info: PDFString.of('sRGB IEC61966-2.1'),
      RegistryName: PDFString.of('http://www.color.org'),
      DestOutputProfile: context.register(icc),
    }),
  );
}
