/** Marking matched words in result texts, and cutting excerpts around them. Pure. */

import { isSingleHan } from './search';

export interface TextPart {
  text: string;
  hit: boolean;
}

/** Splits `text` around the matched terms (case-insensitive) for highlighting; single characters are not marked. */
export function highlightParts(text: string, terms: string[]): TextPart[] {
  const marks = [...new Set(terms.filter((t) => t && !isSingleHan(t)))].sort((a, b) => b.length - a.length);
  if (!text || marks.length === 0) return text ? [{ text, hit: false }] : [];
  const re = new RegExp(marks.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at), hit: false });
    parts.push({ text: m[0], hit: true });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/** A short excerpt of `text` around its first match (or its start), at most about `size` characters. */
export function snippet(text: string, terms: string[], size = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= size) return flat;
  const lower = flat.toLowerCase();
  const at =
    terms
      .map((t) => lower.indexOf(t.toLowerCase()))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, Math.min(at - Math.floor(size / 3), flat.length - size));
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + size)}${start + size < flat.length ? '…' : ''}`;
}
