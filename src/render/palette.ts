/**
 * The risk-class colours of every output: the PDF and HTML (print stylesheet), the charts (SVG) and
 * the workbook (Excel). Each fill has the text colour that reads on it at a contrast of at least
 * 4.5:1 (WCAG 2.2, 1.4.3), and the fills step down in lightness from laag to zeer hoog, so readers
 * who do not tell red from green, and greyscale prints, still see the order. The class letter is
 * printed in every matrix cell besides, so no reading depends on colour alone.
 */
import { CLASSES, type RiskClass } from '../model.js';
import { KLASSE_AFKORTING } from './format.js';

export interface ClassColour {
  /** Background, `#rrggbb`. */
  fill: string;
  /** Text on that background, `#rrggbb`. */
  text: string;
  /** The class letter shown in matrix cells (L, M, H, ZH). */
  letter: string;
}

export const TEXT_DARK = '#1a1a1a';
const TEXT_LIGHT = '#ffffff';

export const CLASS_PALETTE: Record<RiskClass, ClassColour> = {
  laag: { fill: '#e5f5e0', text: TEXT_DARK, letter: KLASSE_AFKORTING.laag },
  midden: { fill: '#fdae3a', text: TEXT_DARK, letter: KLASSE_AFKORTING.midden },
  hoog: { fill: '#ec7014', text: TEXT_DARK, letter: KLASSE_AFKORTING.hoog },
  'zeer hoog': { fill: '#99000d', text: TEXT_LIGHT, letter: KLASSE_AFKORTING['zeer hoog'] },
};

/** Relative luminance of an sRGB colour `#rrggbb` (WCAG 2.2). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `#99000d` → `FF99000D`, as exceljs writes colours. */
export function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

/** The print stylesheet's class rules: `td.klasse-zeer-hoog { … }`. */
export function classCss(): string {
  return CLASSES.map((c) => `td.klasse-${c.replace(/\s+/g, '-')} { background: ${CLASS_PALETTE[c].fill}; color: ${CLASS_PALETTE[c].text}; }`).join('\n');
}
