/**
 * `weerbaarheid extract --format docx`: the chosen sections as a Word document for a drafter, built
 * with the `docx` library from the Markdown tree: headings, paragraphs (bold and italic kept), lists,
 * and tables (header row repeated, numbers right-aligned as the Markdown aligns them). The report's
 * classification is in the page header and footer and in the document properties.
 */
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import { LEVEL_LABEL } from '../classify/levels.js';
import { released, type ExtractOptions } from './index.js';

export type DocxResult = { ok: true; data: Uint8Array } | { ok: false; exitCode: 1; message: string };

/** Markdown depth 1 (the title) and 2 (chapters) are Word headings 1; deeper levels follow. */
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

interface Style {
  bold?: boolean;
  italics?: boolean;
}

function runs(nodes: readonly PhrasingContent[], style: Style = {}): TextRun[] {
  return nodes.flatMap((node): TextRun[] => {
    switch (node.type) {
      case 'text':
        return [new TextRun({ text: node.value.replace(/[ \t]*\n[ \t]*/g, ' '), ...style })];
      case 'inlineCode':
        return [new TextRun({ text: node.value, ...style })];
      case 'strong':
        return runs(node.children, { ...style, bold: true });
      case 'emphasis':
        return runs(node.children, { ...style, italics: true });
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'image':
        return node.alt ? [new TextRun({ text: `Figuur: ${node.alt}`, ...style })] : [];
      case 'html':
      case 'imageReference':
      case 'footnoteReference':
        return [];
      default:
        return 'children' in node ? runs(node.children as PhrasingContent[], style) : [];
    }
  });
}

function table(node: MdTable): Table {
  const align = (i: number) => (node.align?.[i] === 'right' ? AlignmentType.RIGHT : node.align?.[i] === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: node.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: row.children.map((cell, i) => new TableCell({ children: [new Paragraph({ alignment: align(i), children: runs(cell.children, r === 0 ? { bold: true } : {}) })] })),
        }),
    ),
  });
}

function list(node: List, depth: number): Paragraph[] {
  return node.children.flatMap((item, n) =>
    item.children.flatMap((child) => {
      if (child.type === 'list') return list(child, depth + 1);
      if (child.type !== 'paragraph') return [];
      const mark = node.ordered ? `${(node.start ?? 1) + n}. ` : '• ';
      return [new Paragraph({ indent: { left: 360 * (depth + 1), hanging: 360 }, children: [new TextRun(mark), ...runs(child.children)] })];
    }),
  );
}

function blocks(nodes: readonly RootContent[]): (Paragraph | Table)[] {
  return nodes.flatMap((node): (Paragraph | Table)[] => {
    switch (node.type) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[node.depth - 1], children: runs(node.children) })];
      case 'paragraph':
        return [new Paragraph({ children: runs(node.children) })];
      case 'list':
        return list(node, 0);
      case 'table':
        return [table(node), new Paragraph({})];
      case 'blockquote':
        return blocks(node.children);
      default:
        return [];
    }
  });
}

const marking = (label: string) => [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: label, bold: true })] })];

export async function extractDocx(opts: Omit<ExtractOptions, 'format' | 'list'>): Promise<DocxResult> {
  const selected = released(opts);
  if (!selected.ok) return selected;
  const label = LEVEL_LABEL[selected.level];
  const doc = new Document({
    creator: 'weerbaarheid',
    title: opts.sections?.length ? opts.sections.join(', ') : 'Weerbaarheidsanalyse',
    subject: `Rubricering: ${label}`,
    keywords: label,
    description: `Uittreksel uit de weerbaarheidsanalyse; rubricering ${label}.`,
    customProperties: [{ name: 'Rubricering', value: label }],
    sections: [{ headers: { default: new Header({ children: marking(label) }) }, footers: { default: new Footer({ children: marking(label) }) }, children: blocks(selected.nodes) }],
  });
  return { ok: true, data: new Uint8Array(await Packer.toBuffer(doc)) };
}
