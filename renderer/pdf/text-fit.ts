/**
 * Text that fits its column: long technical tokens (paths, commands, hashes, URLs) may break between
 * any two characters, prose words never do; and an estimate of a word's printed width so narrow
 * columns are made wide enough for their longest word. Pure; no font is read (the font lives in the
 * PDF worker), so widths are estimated from Noto Sans SC's proportions, erring wide.
 */
import type { Content } from 'pdfmake/interfaces';

/** A token this long with a non-letter in it is technical (a path, a command, a hash), not a word. */
const technicalLength = 18;
const cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

function isTechnical(token: string): boolean {
  return token.length > technicalLength && /[^A-Za-z]/.test(token) && !cjk.test(token);
}

/**
 * The text as pdfmake inlines: technical tokens get `wordBreak: 'break-all'`, everything else keeps
 * normal line breaking (English between words, Chinese between characters). Returns the string
 * itself when nothing needs breaking.
 */
export function breakable(text: string): string | Content[] {
  // Chinese characters (and full-width punctuation) separate tokens as white space does.
  const parts = text.split(/(\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])/).filter((p) => p !== '');
  if (!parts.some(isTechnical)) return text;
  const out: Content[] = [];
  let plain = '';
  for (const p of parts) {
    if (isTechnical(p)) {
      if (plain) out.push(plain);
      plain = '';
      out.push({ text: p, wordBreak: 'break-all' } as Content);
    } else plain += p;
  }
  if (plain) out.push(plain);
  return out;
}

/** Estimated width in points of `word` at `fontSize` (bold adds a little). */
export function estimateWidth(word: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of word) {
    if (cjk.test(ch)) em += 1;
    else if (/[A-Z]/.test(ch)) em += 0.66;
    else if (/[mwMW]/.test(ch)) em += 0.85;
    else if (/[a-z0-9]/.test(ch)) em += 0.57;
    else em += 0.45;
  }
  // 8 % over the measured average, so an estimate never falls short of the printed word.
  return em * fontSize * (bold ? 1.14 : 1.08);
}

/** The widest unbreakable piece of `text` (words for Latin, one character for Chinese). */
export function longestWordWidth(text: string, fontSize: number, bold = false): number {
  let max = 0;
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    // Chinese breaks between characters: measure the Latin runs inside mixed tokens.
    for (const run of token.split(cjk)) {
      if (!isTechnical(run)) max = Math.max(max, estimateWidth(run, fontSize, bold));
    }
    if (cjk.test(token)) max = Math.max(max, fontSize * 2);
  }
  return max;
}
