/**
 * Hand-edited variants of the sample workbook: each rewrites the XML inside the zip the way some
 * other writer stores the same content (LibreOffice, openpyxl, SheetJS, .NET tools, Excel for
 * Mac), so that every variant must read and score exactly like the original.
 */
import JSZip from 'jszip';

type Parts = Map<string, string>;
export type Variant = (parts: Parts) => void;

const SHEETS = /^xl\/worksheets\/[^/]+\.xml$/;
const sheetNames = (parts: Parts) => [...parts.keys()].filter((p) => SHEETS.test(p));
const edit = (parts: Parts, path: string, fn: (xml: string) => string) => parts.set(path, fn(parts.get(path)!));
const editSheets = (parts: Parts, fn: (xml: string) => string) => sheetNames(parts).forEach((p) => edit(parts, p, fn));

/** Style indexes (s="…") whose number format is a date. */
function dateStyles(parts: Parts): Set<string> {
  const styles = parts.get('xl/styles.xml')!;
  const custom = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)![1]!;
  const ids = new Set<string>();
  [...xfs.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].forEach((m, index) => {
    const id = Number(m[1]);
    if ((id >= 14 && id <= 22) || /[dmy]/.test(custom.get(m[1]!) ?? '')) ids.add(String(index));
  });
  return ids;
}

/** `<c r=".." s="N"><v>serial</v></c>` for every date-styled number cell, with a replacement. */
function editDates(parts: Parts, fn: (attrs: string, serial: number) => string) {
  const dates = dateStyles(parts);
  editSheets(parts, (xml) =>
    xml.replace(/<c ([^>]*?)s="(\d+)"([^>]*)><v>([\d.]+)<\/v><\/c>/g, (all, before: string, s: string, after: string, v: string) =>
      dates.has(s) && !/t="/.test(before + after) ? fn(`${before}s="${s}"${after}`, Number(v)) : all,
    ),
  );
}

const isoOf = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 19);

/** The shared strings as their XML (still escaped) text. */
function sharedStrings(parts: Parts): string[] {
  return [...parts.get('xl/sharedStrings.xml')!.matchAll(/<si>(.*?)<\/si>/gs)].map((m) => [...m[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join(''));
}

function renamePart(parts: Parts, from: string, to: string) {
  parts.set(to, parts.get(from)!);
  parts.delete(from);
  const [fromName, toName] = [from.replace(/^xl\//, ''), to.replace(/^xl\//, '')];
  edit(parts, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace(`Target="${fromName}"`, `Target="${toName}"`));
  edit(parts, '[Content_Types].xml', (xml) => xml.replace(`PartName="/${from}"`, `PartName="/${to}"`));
}

/** Adds `x:` to every element of a SpreadsheetML part, as .NET's Open XML SDK writes it. */
const prefixElements = (xml: string) =>
  xml
    .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, (all, slash: string, name: string) => `<${slash}x:${name}`)
    .replace(/ xmlns="http:\/\/schemas.openxmlformats.org\/spreadsheetml\/2006\/main"/, ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');

const columnNumber = (col: string) => [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

export const VARIANTS: Record<string, Variant> = {
  // LibreOffice writes the 1904 date system as "true", with every date counted from 1904.
  'date1904="true" (LibreOffice)': (parts) => {
    edit(parts, 'xl/workbook.xml', (xml) => xml.replace('<workbookPr ', '<workbookPr date1904="true" '));
    editDates(parts, (attrs, serial) => `<c ${attrs}><v>${serial - 1462}</v></c>`);
  },
  'ISO date cells t="d" (SheetJS and others)': (parts) => editDates(parts, (attrs, serial) => `<c ${attrs} t="d"><v>${isoOf(serial)}</v></c>`),
  'absolute relationship targets (openpyxl, pandas)': (parts) =>
    edit(parts, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace(/Target="(?!\/)/g, 'Target="/xl/')),
  'x: namespace prefixes (.NET Open XML SDK)': (parts) => {
    for (const path of [...sheetNames(parts), 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']) edit(parts, path, prefixElements);
  },
  'cells and rows without r= where the position follows': (parts) =>
    editSheets(parts, (xml) => {
      let lastRow = 0;
      return xml.replace(/<row r="(\d+)"([^>]*)>(.*?)<\/row>/gs, (_, r: string, attrs: string, cells: string) => {
        const row = Number(r);
        const rowAttr = row === lastRow + 1 ? '' : ` r="${r}"`;
        lastRow = row;
        let next = 1;
        const body = cells.replace(/<c r="([A-Z]+)\d+"/g, (all, col: string) => {
          const n = columnNumber(col);
          const keep = n !== next;
          next = n + 1;
          return keep ? all : '<c';
        });
        return `<row${rowAttr}${attrs}>${body}</row>`;
      });
    }),
  'worksheet parts not named sheetN.xml': (parts) => sheetNames(parts).forEach((p, i) => renamePart(parts, p, `xl/worksheets/blad-${['risicos', 'maatregelen', 'incidenten'][i]}.xml`)),
  'shared strings at another path': (parts) => renamePart(parts, 'xl/sharedStrings.xml', 'xl/tekst/gedeeld.xml'),
  'rich inline strings with several runs': (parts) => {
    const strings = sharedStrings(parts);
    editSheets(parts, (xml) =>
      xml.replace(/ t="s"><v>(\d+)<\/v>/g, (_, i: string) => {
        const text = strings[Number(i)]!;
        const cut = text.indexOf(' ') > 0 ? text.indexOf(' ') : text.length;
        return ` t="inlineStr"><is><r><t xml:space="preserve">${text.slice(0, cut)}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${text.slice(cut)}</t></r></is>`;
      }),
    );
  },
  'phonetic runs (rPh) in shared strings (Excel in Japanese)': (parts) =>
    edit(parts, 'xl/sharedStrings.xml', (xml) => xml.replace(/<\/t><\/si>/g, '</t><rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>')),
  '_xHHHH_ escapes in shared strings': (parts) =>
    edit(parts, 'xl/sharedStrings.xml', (xml) => xml.replace(/<t>([^<]*)<\/t>/g, (_, text: string) => `<t>${text.replace(/e/g, '_x0065_')}</t>`)),
  'headers with units and notes': (parts) =>
    edit(parts, 'xl/sharedStrings.xml', (xml) =>
      xml
        .replace('<si><t>Kans</t></si>', '<si><t>Kans (1-5)</t></si>')
        .replace('<si><t>Streefdatum</t></si>', '<si><t>Streefdatum (dd-mm-jjjj)</t></si>')
        .replace('<si><t>Kosten structureel (M€)</t></si>', '<si><t>Kosten structureel (M€ per jaar)</t></si>')
        .replace('<si><t>Laatste beoordeling</t></si>', '<si><t xml:space="preserve">Laatste beoordeling\n(datum)</t></si>'),
    ),
  // Row 2 of the sample is empty: the header moves up into it, its costs cell merged over two
  // columns, with the two sub-headers in row 3 where the header was.
  'two-row header with a merged group cell': (parts) => {
    const strings = sharedStrings(parts);
    const path = sheetNames(parts)[1]!;
    edit(parts, path, (xml) => {
      const header = /<row r="3"[^>]*>(.*?)<\/row>/s.exec(xml)![1]!;
      const cells = [...header.matchAll(/<c r="([A-Z]+)3"([^>]*)><v>(\d+)<\/v><\/c>/g)].map((m) => ({ col: m[1]!, attrs: m[2]!, v: m[3]!, text: strings[Number(m[3])]! }));
      const structural = cells.find((c) => c.text.startsWith('Kosten structureel'))!;
      const once = cells.find((c) => c.text.startsWith('Kosten eenmalig'))!;
      const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
      const top = cells.map((c) => (c === structural ? inline(`${c.col}2`, 'Kosten (M€)') : c === once ? `<c r="${c.col}2"/>` : `<c r="${c.col}2"${c.attrs}><v>${c.v}</v></c>`));
      const merges = [`${structural.col}2:${once.col}2`, ...cells.filter((c) => c !== structural && c !== once).map((c) => `${c.col}2:${c.col}3`)];
      return xml
        .replace(/<row r="3"([^>]*)>.*?<\/row>/s, `<row r="2"$1>${top.join('')}</row><row r="3"$1>${inline(`${structural.col}3`, 'structureel')}${inline(`${once.col}3`, 'eenmalig')}</row>`)
        .replace(/<mergeCells count="\d+">(.*?)<\/mergeCells>/, (_, existing: string) => `<mergeCells count="${merges.length + 1}">${existing}${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
    });
  },
};

/** The workbook with one variant applied, as bytes. */
export async function applyVariant(bytes: Buffer, variant: Variant): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const [path, file] of Object.entries(zip.files)) if (!file.dir && /\.(xml|rels)$/.test(path)) parts.set(path, await file.async('string'));
  variant(parts);
  const out = new JSZip();
  for (const [path, file] of Object.entries(zip.files)) if (!file.dir && !parts.has(path) && !/\.(xml|rels)$/.test(path)) out.file(path, await file.async('nodebuffer'));
  for (const [path, xml] of parts) out.file(path, xml);
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

