/** A figure of the view model: a chart file with its caption and alt text, Markdown-safe. */
import { md } from './escape.js';
import type { Chart } from './svg.js';

export interface Figure {
  pad: string;
  alt: string;
  titel: string;
}

export function figure(charts: readonly Chart[], name: string): Figure {
  const c = charts.find((x) => x.file === `figuren/${name}.svg`);
  if (!c) throw new Error(`figuur ${name} ontbreekt`);
  return { pad: c.file, alt: md(c.alt), titel: md(c.title) };
}
