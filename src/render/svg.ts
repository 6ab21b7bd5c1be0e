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

export const CONFIG = { font: 'sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 11, titleFontSize: 11 } };

/** Draws a spec as SVG; tests that read only the Markdown pass one that draws nothing. */
export type Draw = (spec: vl.TopLevelSpec) => Promise<string>;

export async function toSvg(spec: vl.TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

