/**
 * Charts as SVG without a browser: a vega-lite spec compiled to vega and drawn by a headless view.
 * Text is measured by vega's estimate (no canvas), so the same analysis gives the same bytes on every
 * machine.
 */
import * as vl from 'vega-lite';
import * as vega from 'vega';

export interface Chart {
  /** File name under `figuren/`, e.g. `risicomatrix-bruto.svg`. */
  file: string;
  /** Caption text (without the `Figuur N.` number). */
  title: string;
  /** Alt text for the image. */
  alt: string;
  svg: string;
}

// vega's own ARIA attributes are English ("X-axis titled …"): off; the SVG gets a Dutch title and description instead.
export const CONFIG = { font: 'sans-serif', aria: false, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 11, titleFontSize: 11 } };

/** Draws a spec as SVG with its title and description; tests that read only the Markdown pass one that draws nothing. */
export type Draw = (spec: vl.TopLevelSpec, title: string, desc: string) => Promise<string>;

function xmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The chart as SVG with role="img", a Dutch <title> (the caption) and <desc> (the alt text) for assistive technology. */
export async function toSvg(spec: vl.TopLevelSpec, title: string, desc: string): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    // Even with aria off vega names its group containers and facet titles in English ("group mark
    // container", "Title text 'Bruto'"); under role="img" they say nothing anyway.
    const svg = (await view.toSVG()).replace(/ aria-roledescription="[^"]*"| aria-label="[^"]*"| role="graphics-[a-z-]*"/g, '');
    const open = svg.indexOf('>') + 1;
    const root = svg.slice(0, open - 1).replace(/^<svg/, '<svg role="img" aria-labelledby="titel beschrijving"');
    return `${root}><title id="titel">${xmlText(title)}</title><desc id="beschrijving">${xmlText(desc)}</desc>${svg.slice(open)}`;
  } finally {
    view.finalize();
  }
}

