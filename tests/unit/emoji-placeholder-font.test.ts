import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMOJI_PLACEHOLDER } from '@shared/util/clean-text';

// The PDF font (renderer/pdf/pdfmake-setup.ts embeds it): the placeholder must be drawn in a PDF
// exactly as on screen, so the glyph must be in it — an emoji never is.
// fontkit (pdfmake's font engine) ships no type declarations.
const fontkit = createRequire(import.meta.url)('fontkit') as {
  create(data: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean };
};
const fontDir = resolve(import.meta.dirname, '../../node_modules/@embedpdf/fonts-sc/fonts');

describe('emoji placeholder in the report font', () => {
  for (const file of ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf']) {
    it(`${file} has the placeholder glyph and no emoji glyph`, () => {
      const font = fontkit.create(readFileSync(resolve(fontDir, file)));
      expect(font.hasGlyphForCodePoint(EMOJI_PLACEHOLDER.codePointAt(0)!)).toBe(true);
      expect(font.hasGlyphForCodePoint(0x1f600)).toBe(false);
    });
  }
});
