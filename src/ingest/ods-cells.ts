/**
 * An upper bound on the cells an .ods expands to. ODF stores a run of equal cells once, with
 * `number-columns-repeated`, and equal rows with `number-rows-repeated`; the reader writes every
 * repeat out as its own cell. A few kilobytes can so declare billions of cells, which the zip's
 * size limits do not see: this count does, before the reader starts. Empty cells (LibreOffice
 * repeats them to the sheet's edge) cost nothing and are not counted.
 */
const TAG = /<table:table-row\b([^>]*)>|<table:table-cell\b([^>]*?)(\/?)>/g;
const repeat = (attrs: string, name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(attrs)?.[1] ?? 1);

export function odsCells(contentXml: string): number {
  let rows = 1;
  let cells = 0;
  for (const match of contentXml.matchAll(TAG)) {
    if (match[1] !== undefined) rows = repeat(match[1], 'table:number-rows-repeated');
    // A self-closing cell holds no text; one with a value type is counted either way.
    else if (match[3] !== '/' || /office:value-type=/.test(match[2]!)) cells += rows * repeat(match[2]!, 'table:number-columns-repeated');
  }
  return cells;
}
