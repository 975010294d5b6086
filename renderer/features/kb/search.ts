/**
 * Knowledge-base search, pure (no React, no Dexie): a Chinese-aware tokenizer built on
 * `Intl.Segmenter('zh', { granularity: 'word' })` (no dictionary to download), a MiniSearch index
 * kept in step with the articles, and queries with field boosts, prefix and fuzzy matching for
 * English terms, and filters by system family and tag.
 */
import MiniSearch, { type SearchResult } from 'minisearch';

/** What the index holds of one article (plain strings: the article's steps are joined). */
export interface KbSearchDoc {
  id: string;
  title: string;
  symptoms: string;
  cause: string;
  /** The solution steps, joined by new lines. */
  solution: string;
  commands: string;
  tags: string[];
  family: string;
  systemName: string;
  number: string;
  /** Changes whenever the indexed text changes (updatedAt, system name): how `sync` spots stale documents. */
  revision: string;
}

export interface KbQuery {
  text: string;
  family?: string;
  /** Every tag listed must be on the article. */
  tags?: string[];
  limit?: number;
}

export interface KbHit {
  id: string;
  score: number;
  /** The document terms that matched (for highlighting). */
  terms: string[];
  /** The query terms that found something. */
  queryTerms: string[];
}

/**
 * Field boosts: a word in the title counts most, then symptoms, then tags (with the system's name),
 * then the body (cause, solution steps, commands). Four fields, not seven: every field multiplies
 * the postings a query walks.
 */
export const fieldBoosts = { title: 5, symptoms: 3, tags: 2.2, body: 1.2 } as const;
const fields = Object.keys(fieldBoosts);

/** The text of each indexed field. */
function fieldText(doc: KbSearchDoc, field: string): string {
  switch (field) {
    case 'title':
      return doc.title;
    case 'symptoms':
      return doc.symptoms;
    case 'tags':
      return `${doc.tags.join(' ')} ${doc.systemName}`;
    default:
      return `${doc.cause}\n${doc.solution}\n${doc.commands}`;
  }
}

const latin = /^[\p{Script=Latin}\d][\p{Script=Latin}\d._-]*$/u;
/** Function words that say nothing about a problem. */
const stopChars = new Set('的了和与及或在是为对把被等也就都而将并于其这那个之'.split(''));

let segmenter: Intl.Segmenter | undefined;

/** CJK unified ideographs, extension A, compatibility ideographs (extension B+ are rare in IT text). */
const isHanCode = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isHan = (w: string) => isHanCode(w.charCodeAt(0));
/** A lone Chinese character: too common to weigh like a word, too noisy to highlight. */
export const isSingleHan = (w: string) => w.length === 1 && isHan(w);

function bigrams(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < w.length; i++) out.push(w.slice(i, i + 2));
  return out;
}

/**
 * One segmenter word and the terms derived from it: the bigrams of a word of three or more
 * characters, or, for a character left alone, the pairs it makes with its neighbours.
 */
interface Piece {
  word: string;
  alts: string[];
}

/**
 * Cuts mixed Chinese/English text into pieces with `Intl.Segmenter('zh', { granularity: 'word' })`.
 * Without a domain dictionary the segmenter sometimes cuts a term into single characters
 * (堡垒|机|账|号), glues the wrong pair (监|控告|警) or keeps a long compound whole; so a lone
 * character is paired with its neighbours (账号, 监控, 告警) and a long word gives its bigrams
 * (存储池 → 存储, 储池). One segmenter call per text: ICU's set-up per call is costly.
 */
function pieces(text: string): Piece[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: Piece[] = [];
  // The previous Chinese piece, null after anything else.
  let prev: Piece | null = null;
  for (const { segment: w, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike || !isHan(w)) {
      prev = null;
      if (isWordLike) out.push({ word: w.toLowerCase(), alts: [] });
      continue;
    }
    const piece: Piece = { word: w, alts: w.length >= 3 ? bigrams(w) : [] };
    if (prev && (w.length === 1 || prev.word.length === 1)) {
      // The pair across the boundary belongs to the lone character (the one that needs repair).
      const pair = prev.word[prev.word.length - 1] + w[0];
      (w.length === 1 ? piece : prev).alts.push(pair);
    }
    out.push(piece);
    prev = piece;
  }
  return out;
}

/** The index terms of a text: every piece's word (not lone function words) and its derived terms. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const p of pieces(text)) {
    if (!(p.word.length === 1 && stopChars.has(p.word))) out.push(p.word);
    for (const a of p.alts) out.push(a);
  }
  return out;
}

const isLatinTerm = (term: string) => latin.test(term);

/**
 * The terms a query walks, each once. A word the index knows stands for itself (its bigrams would
 * only find the same articles again, at three times the cost); a word it does not know is searched
 * by its bigrams; a lone character by the pairs it makes with its neighbours, when the index has
 * them. Lone characters themselves only count when the query has nothing else: 打印机 must not find
 * every article that mentions 机. `known` says whether the index has a term (all terms, without an index).
 */
export function queryTerms(text: string, known: (term: string) => boolean = () => true): string[] {
  const out = new Set<string>();
  const lone: string[] = [];
  for (const p of pieces(text)) {
    if (!isHan(p.word)) out.add(p.word);
    else if (p.word.length === 1) {
      if (!stopChars.has(p.word)) lone.push(p.word);
      for (const a of p.alts) if (known(a)) out.add(a);
    } else if (known(p.word) || p.alts.length === 0) out.add(p.word);
    else for (const a of p.alts) out.add(a);
  }
  return out.size ? [...out] : lone;
}

/** Single Chinese characters match too much to weigh as much as a word. */
function boostTerm(term: string): number {
  return isSingleHan(term) ? 0.35 : 1;
}

/** `onTerms` sees the terms of every field indexed (document frequencies); queries tokenize on their own. */
function newIndex(onTerms: (terms: string[]) => void): MiniSearch<KbSearchDoc> {
  return new MiniSearch<KbSearchDoc>({
    fields,
    // Stored for filters; `tagList` keeps the tags as an array (the `tags` field is text).
    storeFields: ['family', 'tagList'],
    tokenize: (text) => {
      const terms = tokenize(text);
      onTerms(terms);
      return terms;
    },
    processTerm: (term) => term,
    extractField: (doc, field) => {
      if (field === 'id' || field === 'family') return doc[field];
      if (field === 'tagList') return doc.tags as unknown as string;
      return fieldText(doc, field);
    },
    searchOptions: {
      boost: fieldBoosts,
      boostTerm,
      combineWith: 'OR',
      // English terms: "snap" finds "snapshot", "vmwre" finds "vmware"; Chinese terms match exactly.
      // Short terms expand to too many words: prefix from 3 letters, typos forgiven from 5.
      prefix: (term) => isLatinTerm(term) && term.length >= 3,
      fuzzy: (term) => (isLatinTerm(term) && term.length >= 5 && !/^\d+$/.test(term) ? 0.2 : false),
      maxFuzzy: 2,
      weights: { prefix: 0.5, fuzzy: 0.35 },
    },
  });
}

/**
 * Past this many articles, query terms found in more than `commonShare` of them are left out of a
 * query that has other terms: their BM25 weight is small (ln 3 at one third, against ln 100 for a
 * term in 1 %) but walking their postings is most of a query's cost.
 */
const pruneFrom = 300;
const commonShare = 1 / 3;
/** A long text (a fault's description) is searched by its first terms only. */
const maxQueryTerms = 24;

/** A search index kept in step with the article table: `sync` adds, replaces and drops documents. */
export class KbSearchIndex {
  private collecting: Set<string> | null = null;
  private index = newIndex((terms) => {
    if (this.collecting) for (const t of terms) this.collecting.add(t);
  });
  private stamps = new Map<string, string>();
  /** Document frequency of every indexed term, and each document's terms (to undo on change). */
  private df = new Map<string, number>();
  private docTerms = new Map<string, string[]>();

  get size(): number {
    return this.stamps.size;
  }

  /** Brings the index in line with `docs`: only new, changed or removed articles are touched. */
  sync(docs: KbSearchDoc[]): void {
    this.syncSome(docs, Infinity);
  }

  /**
   * Like `sync`, but indexes at most `budget` new or changed articles, so a large first build can be
   * spread over several turns of the event loop. Returns true once the index matches `docs`.
   */
  syncSome(docs: KbSearchDoc[], budget: number): boolean {
    let left = budget;
    const seen = new Set<string>();
    for (const d of docs) {
      seen.add(d.id);
      const stamp = this.stamps.get(d.id);
      if (stamp === d.revision) continue;
      if (left <= 0) return false;
      left--;
      if (stamp !== undefined) this.remove(d.id);
      this.add(d);
      this.stamps.set(d.id, d.revision);
    }
    for (const id of [...this.stamps.keys()]) {
      if (!seen.has(id)) {
        this.remove(id);
        this.stamps.delete(id);
      }
    }
    return true;
  }

  private add(d: KbSearchDoc): void {
    this.collecting = new Set();
    try {
      this.index.add(d);
    } finally {
      const terms = [...this.collecting];
      this.collecting = null;
      this.docTerms.set(d.id, terms);
      for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
  }

  private remove(id: string): void {
    this.index.discard(id);
    for (const t of this.docTerms.get(id) ?? []) {
      const n = (this.df.get(t) ?? 1) - 1;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
    this.docTerms.delete(id);
  }

  /** The terms a query walks: see `queryTerms`, `pruneFrom` and `maxQueryTerms`. */
  termsOf(text: string): string[] {
    let terms = queryTerms(text, (t) => this.df.has(t)).slice(0, maxQueryTerms);
    const n = this.stamps.size;
    if (n >= pruneFrom) {
      const df = (t: string) => this.df.get(t) ?? 0;
      const common = (t: string) => df(t) > n * commonShare;
      // Only when another term can find something: a bigram no article has (a segmentation
      // artefact) must not be all that is left of the query.
      if (terms.some((t) => !common(t) && (df(t) > 0 || isLatinTerm(t)))) terms = terms.filter((t) => !common(t));
    }
    return terms;
  }

  /** Hits best first; an empty query returns nothing (the caller lists articles instead). */
  search(q: KbQuery): KbHit[] {
    const terms = this.termsOf(q.text);
    if (terms.length === 0) return [];
    const hasFilter = !!q.family || !!q.tags?.length;
    const results = this.index.search(q.text, {
      tokenize: () => terms,
      filter: hasFilter
        ? (r: SearchResult) =>
            (!q.family || r.family === q.family) && (q.tags ?? []).every((t) => (r.tagList as string[]).includes(t))
        : undefined,
    });
    return results
      .slice(0, q.limit ?? 50)
      .map((r) => ({ id: String(r.id), score: r.score, terms: r.terms, queryTerms: r.queryTerms }));
  }

  /**
   * Articles worth suggesting for a fault being logged: only hits that share at least two terms
   * with the text (one when the text has only one) and score near the best, so a single common
   * word does not drag in unrelated articles.
   */
  suggest(text: string, limit = 3): KbHit[] {
    const meaningful = new Set(this.termsOf(text).filter((t) => !isSingleHan(t)));
    if (meaningful.size === 0) return [];
    const need = Math.min(2, meaningful.size);
    const hits = this.search({ text, limit: 20 }).filter(
      (h) => h.queryTerms.filter((t) => meaningful.has(t)).length >= need,
    );
    const best = hits[0]?.score ?? 0;
    return hits.filter((h) => h.score >= best * 0.35).slice(0, limit);
  }
}
