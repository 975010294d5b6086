/**
 * Knowledge base storage: articles with their full version history. Every save writes the article
 * and a new `kbVersions` row (an immutable copy of the content) in one transaction with the audit
 * entry; restoring an old version is a save too, so history only ever grows.
 */
import { nextStandingNumber } from '@shared/domain/numbering';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Attachment } from '@shared/schemas/attachment';
import type { ClientSystem } from '@shared/schemas/core';
import {
  kbArticleContentSchema,
  kbArticleSchema,
  kbVersionSchema,
  type KbArticle,
  type KbArticleContent,
  type KbVersion,
} from '@shared/schemas/kb';
import { getDb, stamp, writeTx } from '../../db';
import type { OnsiteDb } from '../../db/db';
import { loadSite } from '../../core';
import type { KbSearchDoc } from './search';

export type { KbArticle, KbArticleContent, KbVersion };

/** A mistake the user can correct; `messageKey` is in the `kb` namespace. */
export class KbError extends Error {
  constructor(public messageKey: string) {
    super(messageKey);
    this.name = 'KbError';
  }
}

export const articleOwnerType = 'kbArticle';
const articles = (db: OnsiteDb = getDb()) => db.kbArticles;
const versions = (db: OnsiteDb = getDb()) => db.kbVersions;

export function useArticles(): KbArticle[] | undefined {
  return useLiveQuery(() => articles().orderBy('updatedAt').reverse().toArray(), []);
}
export function useArticle(id: string | undefined): KbArticle | null | undefined {
  return useLiveQuery(async () => (id ? ((await articles().get(id)) ?? null) : null), [id]);
}
/** Versions of one article, newest first. */
export function useVersions(articleId: string | undefined): KbVersion[] | undefined {
  return useLiveQuery(
    async () => (articleId ? (await versions().where('articleId').equals(articleId).sortBy('version')).reverse() : []),
    [articleId],
  );
}
/**
 * Articles written from a fault. `faultIds` has no index (the schema is fixed), so this filters in
 * memory; a site has hundreds of articles, not millions.
 */
export function useArticlesForFault(faultId: string | undefined): KbArticle[] | undefined {
  return useLiveQuery(
    async () =>
      faultId
        ? articles()
            .filter((a) => a.faultIds.includes(faultId))
            .toArray()
        : [],
    [faultId],
  );
}

/** `KB-A-0012`: this laptop's device code and a sequence, so numbers never collide between laptops. */
async function nextNumber(db: OnsiteDb, device: string): Promise<string> {
  const taken = (await articles(db).toArray()).map((a) => a.number);
  return nextStandingNumber(taken, 'KB', device);
}

/** Tidies what a form gives: trimmed text, no empty steps or tags, no duplicates. */
export function normalizeContent(c: KbArticleContent): KbArticleContent {
  const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
  const out: KbArticleContent = {
    ...c,
    title: c.title.trim(),
    symptoms: c.symptoms.trim(),
    cause: c.cause.trim(),
    commands: c.commands.replace(/\s+$/, ''),
    steps: c.steps.map((s) => s.trim()).filter(Boolean),
    tags: uniq(c.tags),
    faultIds: uniq(c.faultIds),
  };
  if (!out.systemId) delete out.systemId;
  return kbArticleContentSchema.parse(out);
}

export interface SaveOptions {
  id?: string;
  note?: KbVersion['note'];
  restoredFrom?: number;
}

/** Creates or updates an article and records the new version, in one transaction. */
export async function saveArticle(
  content: KbArticleContent,
  opts: SaveOptions = {},
  now = new Date(),
): Promise<KbArticle> {
  const clean = normalizeContent(content);
  const site = await loadSite();
  return writeTx(['kbArticles', 'kbVersions'], async (db, w) => {
    const existing = opts.id ? await articles(db).get(opts.id) : undefined;
    if (opts.id && !existing) throw new KbError('kb:errors.notFound');
    const version = (existing?.version ?? 0) + 1;
    const article = kbArticleSchema.parse(
      stamp(
        {
          ...clean,
          id: existing?.id,
          createdAt: existing?.createdAt,
          number: existing?.number ?? (await nextNumber(db, site.deviceCode)),
          version,
        },
        now,
      ),
    );
    const note = opts.note ?? (existing ? 'edited' : 'created');
    const row = kbVersionSchema.parse(
      stamp({ articleId: article.id, version, note, restoredFrom: opts.restoredFrom, content: clean }, now),
    );
    if (row.restoredFrom === undefined) delete row.restoredFrom;
    const summary = `${article.number} v${version} (${note}): ${article.title}`;
    await w.put('kbArticles', article, summary, existing ? 'update' : 'create');
    await w.add('kbVersions', row, summary);
    return article;
  });
}

/** Brings back an old version's content as a new version (history is never rewritten). */
export async function restoreVersion(articleId: string, version: number): Promise<KbArticle> {
  const old = await versions().where('[articleId+version]').equals([articleId, version]).first();
  if (!old) throw new KbError('kb:errors.versionNotFound');
  return saveArticle(old.content, { id: articleId, note: 'restored', restoredFrom: version });
}

/** What a delete removed, kept by the UI for a few seconds so it can be undone. */
export interface RemovedArticle {
  article: KbArticle;
  versions: KbVersion[];
  attachments: Attachment[];
}

/** Deletes an article with its versions and attachments (confirmed in the UI first). */
export async function deleteArticle(id: string): Promise<RemovedArticle | null> {
  return writeTx(['kbArticles', 'kbVersions', 'attachments'], async (db, w) => {
    const article = await articles(db).get(id);
    if (!article) return null;
    const vs = await versions(db).where('articleId').equals(id).toArray();
    const files = await db.attachments.where('[ownerType+ownerId]').equals([articleOwnerType, id]).toArray();
    const summary = `${article.number} ${article.title} (${vs.length} versions, ${files.length} attachments)`;
    await w.delete('kbArticles', id, summary);
    await w.bulkDelete('kbVersions', vs.map((v) => v.id), summary);
    await w.bulkDelete('attachments', files.map((f) => f.id), summary);
    return { article, versions: vs, attachments: files };
  });
}

/** Undo of a delete: puts every removed row back as it was. */
export async function undoDelete(r: RemovedArticle): Promise<void> {
  await writeTx(['kbArticles', 'kbVersions', 'attachments'], async (_db, w) => {
    const summary = `${r.article.number} ${r.article.title} (undo delete)`;
    await w.put('kbArticles', r.article, summary, 'restore');
    await w.bulkPut('kbVersions', r.versions, summary, 'restore');
    await w.bulkPut('attachments', r.attachments, summary, 'restore');
  });
}

/** The index's view of an article. */
export function toSearchDoc(a: KbArticle, systems: Map<string, ClientSystem>): KbSearchDoc {
  const systemName = (a.systemId && systems.get(a.systemId)?.name) || '';
  return {
    id: a.id,
    title: a.title,
    symptoms: a.symptoms,
    cause: a.cause,
    solution: a.steps.join('\n'),
    commands: a.commands,
    tags: a.tags,
    family: a.family,
    systemName,
    number: a.number,
    revision: `${a.updatedAt}|${systemName}`,
  };
}

/** Every tag in use, most used first (filters, the tag picker). */
export function tagCounts(list: KbArticle[]): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const a of list) for (const t of a.tags) m.set(t, (m.get(t) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
}
