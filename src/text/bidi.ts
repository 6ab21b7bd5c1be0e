/**
 * Register text among the tool's own words, safe from bidirectional tricks: a right-to-left
 * override (U+202E) in a title would otherwise reverse what follows it, "(zeer hoog, 20,3)"
 * shown as "(3,02 ,gooh reez)". The explicit controls (embeddings, overrides, isolates) are
 * removed, and text that has or had any right-to-left content is set in an isolate of its own
 * (FSI … PDI), which keeps it from reordering the text around it. Other text is left as it is.
 */
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left scripts, with their presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

export const FSI = '\u2068';
export const PDI = '\u2069';

export function hasBidiControls(text: string): boolean {
  return new RegExp(CONTROLS.source).test(text);
}

/** For places that are one line of their own and take no isolate (document properties, a title bar): the controls removed. */
export function stripBidiControls(text: string): string {
  return text.replace(CONTROLS, '');
}

export function isolate(text: string): string {
  const plain = text.replace(CONTROLS, '');
  return plain !== text || RIGHT_TO_LEFT.test(plain) ? `${FSI}${plain}${PDI}` : text;
}
