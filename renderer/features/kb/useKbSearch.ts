import { useEffect, useMemo, useState } from 'react';
import type { ClientSystem } from '@shared/schemas/core';
import { useSystems } from '../../core';
import { toSearchDoc, useArticles, type KbArticle } from './kb.repo';
import { KbSearchIndex, type KbHit, type KbQuery } from './search';

/** One index for the window, kept in step with the table (sync touches only what changed). */
const sharedIndex = new KbSearchIndex();
/** Articles indexed per turn of the event loop: a first build of thousands never freezes the window. */
const chunk = 150;

export interface KbIndexState {
  index: KbSearchIndex;
  articles: KbArticle[] | undefined;
  byId: Map<string, KbArticle>;
  systems: Map<string, ClientSystem>;
  /** False while a large first build is still running (results may be partial). */
  isComplete: boolean;
  /** Changes after every indexing step, for memoised queries. */
  revision: number;
}

/** The live article list and the search index built from it. */
export function useKbIndex(): KbIndexState {
  const articles = useArticles();
  const systemList = useSystems();
  const systems = useMemo(() => new Map((systemList ?? []).map((s) => [s.id, s])), [systemList]);
  const [progress, setProgress] = useState({ revision: 0, isComplete: false });
  useEffect(() => {
    if (!articles) return;
    const docs = articles.map((a) => toSearchDoc(a, systems));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      const isComplete = sharedIndex.syncSome(docs, chunk);
      setProgress((p) => ({ revision: p.revision + 1, isComplete }));
      if (!isComplete) timer = setTimeout(step, 0);
    };
    step();
    return () => clearTimeout(timer);
  }, [articles, systems]);
  const byId = useMemo(() => new Map((articles ?? []).map((a) => [a.id, a])), [articles]);
  return { index: sharedIndex, articles, byId, systems, ...progress };
}

export interface ArticleHit {
  article: KbArticle;
  hit: KbHit;
}

/** Runs a query against the live index; `undefined` while the articles load. */
export function useKbSearch(q: KbQuery): ArticleHit[] | undefined {
  const { index, articles, byId, revision } = useKbIndex();
  const tagsKey = (q.tags ?? []).join('\u0000');
  return useMemo(() => {
    if (!articles) return undefined;
    return index
      .search({ text: q.text, family: q.family, tags: tagsKey ? tagsKey.split('\u0000') : [], limit: q.limit })
      .flatMap((hit) => {
        const article = byId.get(hit.id);
        return article ? [{ article, hit }] : [];
      });
    // `revision` stands for the index contents, which the memo cannot see.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, articles, byId, revision, q.text, q.family, tagsKey, q.limit]);
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/**
 * Articles that match what is being typed into a fault's symptoms (intake form), best first, at most
 * three; recomputed once typing pauses.
 */
export function useKbSuggestions(text: string, limit = 3): ArticleHit[] {
  const settled = useDebounced(text, 300);
  const { index, byId, revision } = useKbIndex();
  return useMemo(
    () =>
      index.suggest(settled, limit).flatMap((hit) => {
        const article = byId.get(hit.id);
        return article ? [{ article, hit }] : [];
      }),
    // `revision` stands for the index contents, which the memo cannot see.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, byId, revision, settled, limit],
  );
}
