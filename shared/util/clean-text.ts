/**
 * Text hygiene for everything a person types, pastes or imports, applied once where text enters the
 * records (the free-text schemas of shared/schemas/common.ts, the audit summary writer):
 *
 * - C0 and C1 control characters are removed, except newline and tab. They are invisible on screen,
 *   and a PDF or a CSV shows them differently (or not at all), so a signed report would not say what
 *   the screen said.
 * - Bidirectional embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) are removed:
 *   U+202E makes "exe.txt" look like "txt.exe" and turns a printed deadline around.
 * - Emoji are replaced by one visible placeholder, {@link EMOJI_PLACEHOLDER}, the same on screen and
 *   in every PDF: the embedded report font (Noto Sans SC) has no emoji glyphs, so without this the
 *   screen would show a face where the PDF shows nothing.
 */

/** What an emoji becomes, on screen and in PDFs. The report font has this glyph. */
export const EMOJI_PLACEHOLDER = '□';

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const HAS_INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/**
 * A character that makes its cluster an emoji: one shown as a picture by default, the emoji
 * variation selector, a flag half, a keycap, or a pictograph of the supplementary planes. Text
 * symbols such as ©, ® and ™ (which the font has) are not emoji here.
 */
const EMOJI_MARK = /[\p{Emoji_Presentation}\p{Regional_Indicator}\u{fe0f}\u{20e3}\u{1f000}-\u{1faff}]/u;

export interface CleanedText {
  text: string;
  /** Invisible control characters removed. */
  controls: number;
  /** Emoji replaced by the placeholder. */
  emoji: number;
}

let segmenter: Intl.Segmenter | undefined;

function replaceEmoji(text: string): { text: string; count: number } {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let out = '';
  let count = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI_MARK.test(segment)) {
      out += EMOJI_PLACEHOLDER;
      count++;
    } else out += segment;
  }
  return { text: out, count };
}

/** Cleans `text` and says how much was changed (for the note shown to the user). */
export function cleanTextReport(text: string): CleanedText {
  let controls = 0;
  let out = text;
  if (HAS_INVISIBLE.test(out)) {
    out = out.replace(INVISIBLE, () => {
      controls++;
      return '';
    });
  }
  if (!EMOJI_MARK.test(out)) return { text: out, controls, emoji: 0 };
  const e = replaceEmoji(out);
  return { text: e.text, controls, emoji: e.count };
}

/** The cleaned text only. Idempotent: cleaning cleaned text changes nothing. */
export function cleanText(text: string): string {
  return HAS_INVISIBLE.test(text) || EMOJI_MARK.test(text) ? cleanTextReport(text).text : text;
}
