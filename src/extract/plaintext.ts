/**
 * Plain text for a letter: the words of the report without any Markdown syntax.
 * - headings and paragraphs become plain lines, separated by a blank line;
 * - emphasis, strong, strike-through and links keep only their text (no URL), inline code its value;
 * - an image becomes `Figuur: <alt text>`;
 * - list items become lines starting with `- ` (ordered lists `1. `, `2. `…), nested items indented;
 * - a table becomes one line per body row, each cell named after its column:
 *   `ID: M-01; Maatregel: Netwerkbeheer versterken; Status: in uitvoering` (empty cells left out);
 * - raw HTML, thematic breaks, link definitions and front matter are left out.
 */
import type { Nodes, PhrasingContent, RootContent, Table } from 'mdast';

function inline(nodes: readonly PhrasingContent[]): string {
  return nodes.map(phrase).join('');
}

function phrase(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
      // A line break inside a paragraph is only where the source wrapped.
      return node.value.replace(/[ \t]*\n[ \t]*/g, ' ');
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ? `Figuur: ${node.alt}` : '';
    case 'footnoteReference':
      return `(${node.label ?? node.identifier})`;
    case 'html':
      return '';
    default:
      return inline(node.children);
  }
}

function tableLines(table: Table): string {
  const [header, ...rows] = table.children;
  const columns = header?.children.map((cell) => inline(cell.children).trim()) ?? [];
  return rows
    .map((row) =>
      row.children
        .map((cell, i) => ({ column: columns[i] ?? '', value: inline(cell.children).trim() }))
        .filter((c) => c.value !== '')
        .map((c) => (c.column === '' ? c.value : `${c.column}: ${c.value}`))
        .join('; '),
    )
    .filter((line) => line !== '')
    .join('\n');
}

function indentAfterFirst(text: string, width: number): string {
  return text.replace(/\n(?=.)/g, `\n${' '.repeat(width)}`);
}

function block(node: Nodes): string {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      return inline(node.children).trim();
    case 'list':
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
          const content = item.children.map(block).filter((text) => text !== '').join('\n');
          return marker + indentAfterFirst(content, marker.length);
        })
        .join('\n');
    case 'table':
      return tableLines(node);
    case 'code':
      return node.value;
    case 'footnoteDefinition':
      return `(${node.label ?? node.identifier}) ${blocks(node.children)}`;
    case 'blockquote':
    case 'root':
      return blocks(node.children);
    default:
      // html, thematicBreak, definition, yaml: no words for a letter.
      return '';
  }
}

function blocks(nodes: readonly RootContent[]): string {
  return nodes
    .map(block)
    .filter((text) => text !== '')
    .join('\n\n');
}

/** The report breaks would-be autolinks in register text with an invisible WORD JOINER; a letter needs none. */
const WORD_JOINER = /\u2060/g;

export function toPlainText(nodes: readonly RootContent[]): string {
  const text = blocks(nodes).replace(WORD_JOINER, '');
  return text === '' ? '' : `${text}\n`;
}
