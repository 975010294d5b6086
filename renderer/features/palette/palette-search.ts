/**
 * What the command palette finds: pages by name, and records by their number or words. Pure, so
 * the ranking is tested without a database: a number that starts with the query comes first, then
 * a title that contains it; at most `perGroup` hits per kind.
 */
export type PaletteKind = 'page' | 'fault' | 'request' | 'inspection' | 'article' | 'system' | 'training';

export interface PaletteItem {
  kind: PaletteKind;
  /** Where Enter goes (a hash route). */
  path: string;
  /** The main line: a number and title, or a page name. */
  label: string;
  /** Extra words searched but not shown first (symptoms, tags, family…). */
  keywords?: string;
}

export interface PaletteHit extends PaletteItem {
  score: number;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** 3: starts with the query, 2: a word starts with it, 1: contains it anywhere, 0: no match. */
function scoreOf(item: PaletteItem, q: string): number {
  const label = fold(item.label);
  if (label.startsWith(q)) return 3;
  if (label.split(/[\s\-·/]+/).some((w) => w.startsWith(q))) return 2;
  if (label.includes(q) || (item.keywords && fold(item.keywords).includes(q))) return 1;
  return 0;
}

/** Every query word must match; hits ranked by score, pages first on ties, then by label. */
export function searchPalette(items: PaletteItem[], query: string, perGroup = 6): PaletteHit[] {
  const words = fold(query).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items.filter((i) => i.kind === 'page').map((i) => ({ ...i, score: 0 }));
  const hits: PaletteHit[] = [];
  for (const item of items) {
    const scores = words.map((w) => scoreOf(item, w));
    if (scores.some((s) => s === 0)) continue;
    hits.push({ ...item, score: Math.min(...scores) });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score || Number(b.kind === 'page') - Number(a.kind === 'page') || (a.label < b.label ? -1 : 1),
  );
  const perKind = new Map<PaletteKind, number>();
  return hits.filter((h) => {
    const n = (perKind.get(h.kind) ?? 0) + 1;
    perKind.set(h.kind, n);
    return n <= perGroup;
  });
}
