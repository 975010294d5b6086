import { z } from 'zod';
import { recordBase, cleanString } from './common';
import { systemFamilies } from './core';

/** The editable content of a knowledge article; every save keeps a copy of it in `kbVersions`. */
export const kbArticleContentShape = {
  title: cleanString().trim().min(1).max(200),
  family: z.enum(systemFamilies),
  systemId: z.string().max(64).optional(),
  /** 故障现象: what the user or the monitoring sees. */
  symptoms: cleanString().max(10_000),
  /** 原因 */
  cause: cleanString().max(10_000),
  /** 解决步骤, in order. */
  steps: z.array(cleanString().trim().min(1).max(4000)).max(100),
  /** Commands and output, printed in a monospace font. */
  commands: cleanString().max(20_000),
  tags: z.array(cleanString().trim().min(1).max(40)).max(30),
  /** The faults the article was written from (links back to each fault). */
  faultIds: z.array(z.string().min(1).max(64)).max(100),
  /** Team member who wrote it first. */
  authorId: z.string().max(64),
};
export const kbArticleContentSchema = z.strictObject(kbArticleContentShape);
export type KbArticleContent = z.infer<typeof kbArticleContentSchema>;

/** One knowledge-base article (知识文章); `version` is the number of its latest saved version. */
export const kbArticleSchema = z.strictObject({
  ...recordBase,
  /** Human number quoted by the team, e.g. `KB-A-0012` (device code keeps laptops apart). */
  number: z.string().max(40),
  version: z.number().int().positive(),
  ...kbArticleContentShape,
});
export type KbArticle = z.infer<typeof kbArticleSchema>;

export const kbVersionNotes = ['created', 'edited', 'restored', 'from-fault'] as const;

/** A saved version of an article: an immutable copy of its content (restoring makes a new version). */
export const kbVersionSchema = z.strictObject({
  ...recordBase,
  articleId: z.string().min(1).max(64),
  version: z.number().int().positive(),
  note: z.enum(kbVersionNotes),
  /** For `restored`: the version whose content was brought back. */
  restoredFrom: z.number().int().positive().optional(),
  content: kbArticleContentSchema,
});
export type KbVersion = z.infer<typeof kbVersionSchema>;
