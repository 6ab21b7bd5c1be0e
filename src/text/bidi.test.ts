import { describe, expect, it } from 'vitest';
import { FSI, isolate, PDI, stripBidiControls } from './bidi.js';

describe('isolate', () => {
  it('leaves left-to-right text without controls as it is (reports stay byte-identical)', () => {
    expect(isolate('Langdurige stroomuitval (DIG)')).toBe('Langdurige stroomuitval (DIG)');
  });

  it('removes every override, embedding and isolate and sets the rest in one isolate', () => {
    expect(isolate('\u202Eabc\u202Adef\u202C')).toBe(`${FSI}abcdef${PDI}`);
  });

  it('lets no PDI of the text close the isolate early, so nothing after it escapes', () => {
    expect(isolate(`x${PDI}\u202Ey`)).toBe(`${FSI}xy${PDI}`);
  });

  it('isolates right-to-left text, which would otherwise reorder the numbers next to it', () => {
    expect(isolate('שרת ראשי')).toBe(`${FSI}שרת ראשי${PDI}`);
    expect(isolate('مركز البيانات')).toBe(`${FSI}مركز البيانات${PDI}`);
  });

  it('is idempotent', () => {
    const once = isolate('\u202Eabc');
    expect(isolate(once)).toBe(once);
  });
});

describe('stripBidiControls', () => {
  it('keeps the letters and drops the controls', () => {
    expect(stripBidiControls('\u2067Defensie\u2069\u202E')).toBe('Defensie');
  });
});
