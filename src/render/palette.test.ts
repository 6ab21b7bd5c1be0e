import { describe, expect, it } from 'vitest';
import { CLASSES } from '../model.js';
import { CLASS_PALETTE, contrast, luminance } from './palette.js';

describe('palette', () => {
  it('gives every class colour its text at a contrast of at least 4.5:1', () => {
    for (const c of CLASSES) expect(contrast(CLASS_PALETTE[c].fill, CLASS_PALETTE[c].text), c).toBeGreaterThanOrEqual(4.5);
  });

  it('steps down in lightness from laag to zeer hoog, clearly enough to tell the classes apart without hue', () => {
    const fills = CLASSES.map((c) => CLASS_PALETTE[c].fill);
    for (let i = 1; i < fills.length; i++) {
      expect(luminance(fills[i]!), CLASSES[i]).toBeLessThan(luminance(fills[i - 1]!));
      expect(contrast(fills[i]!, fills[i - 1]!), CLASSES[i]).toBeGreaterThanOrEqual(1.5);
    }
  });

  it('knows the contrast of black on white', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
