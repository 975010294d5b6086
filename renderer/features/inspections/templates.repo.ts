/**
 * Checklist templates: the built-ins (read-only, from resources/checklists) and the team's own
 * copies in `inspectionTemplates`. A stored version is never changed: saving an edit writes
 * version + 1, so a plan that took a snapshot of an older version keeps exactly what it used.
 */
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  inspectionTemplateSchema,
  templateKeyPattern,
  type ChecklistFile,
  type ChecklistItem,
  type InspectionTemplate,
  type LocalizedText,
} from '@shared/schemas/inspection';
import type { SystemFamily } from '@shared/schemas/core';
import { getDb, stamp, writeTx } from '../../db';
import { builtInFor, builtInId, builtInTemplates, snapshotOf } from './checklists';

/** A template as lists show it: built-in or stored, with the id plans refer to. */
export interface TemplateEntry {
  /** `builtin-…@1` for built-ins, the row id for stored versions. */
  id: string;
  isBuiltIn: boolean;
  template: ChecklistFile | InspectionTemplate;
}

export class TemplateError extends Error {
  constructor(public messageKey: string) {
    super(messageKey);
  }
}

const table = () => getDb().inspectionTemplates;

export const builtInEntries = (): TemplateEntry[] =>
  builtInTemplates.map((t) => ({ id: builtInId(t), isBuiltIn: true, template: t }));

/** The newest version of each stored template key. */
export function latestVersions(rows: InspectionTemplate[]): InspectionTemplate[] {
  const best = new Map<string, InspectionTemplate>();
  for (const r of rows) if ((best.get(r.templateKey)?.version ?? 0) < r.version) best.set(r.templateKey, r);
  return [...best.values()];
}

/** Built-ins, then the newest version of every team template. */
export function useTemplateEntries(): TemplateEntry[] | undefined {
  return useLiveQuery(async () => {
    const stored = latestVersions(await table().toArray()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return [...builtInEntries(), ...stored.map((t) => ({ id: t.id, isBuiltIn: false, template: t }))];
  }, []);
}

/** Every stored version of one template key, newest first. */
export function useTemplateVersions(templateKey: string | undefined): InspectionTemplate[] | undefined {
  return useLiveQuery(
    async () =>
      templateKey
        ? (await table().where('templateKey').equals(templateKey).toArray()).sort((a, b) => b.version - a.version)
        : [],
    [templateKey],
  );
}

/**
 * A built-in by its id, or a stored version by its row id. Not an async function on purpose: it runs
 * inside transactions, where awaiting a promise that is not Dexie's can commit the transaction early.
 */
export function getTemplate(id: string): Promise<TemplateEntry | undefined> {
  const builtIn = builtInEntries().find((e) => e.id === id);
  if (builtIn) return Dexie.Promise.resolve(builtIn);
  return table()
    .get(id)
    .then((row) => (row ? { id: row.id, isBuiltIn: false, template: row } : undefined));
}

export function useTemplate(id: string | undefined): TemplateEntry | null | undefined {
  return useLiveQuery(async () => (id ? ((await getTemplate(id)) ?? null) : null), [id]);
}

/** The template a plan uses for a family by default: the team's newest copy for it, else the built-in. */
export function defaultTemplateFor(family: SystemFamily, entries: TemplateEntry[]): TemplateEntry | undefined {
  const own = entries.filter((e) => !e.isBuiltIn && e.template.family === family);
  return own[0] ?? entries.find((e) => e.isBuiltIn && e.template.family === family);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/** Copies a template (built-in or stored) into a new team template, version 1. */
export async function copyTemplate(
  source: ChecklistFile | InspectionTemplate,
  title: LocalizedText,
  now = new Date(),
): Promise<InspectionTemplate> {
  const existing = new Set((await table().toArray()).map((r) => r.templateKey));
  const stem = slug(title.en) || `${source.family}-copy`;
  let key = `team-${stem}`;
  for (let n = 2; existing.has(key); n++) key = `team-${stem}-${n}`;
  const row = inspectionTemplateSchema.parse(
    stamp(
      {
        templateKey: key,
        family: source.family,
        version: 1,
        title,
        description: source.description ?? { zh: title.zh, en: title.en },
        items: structuredClone(source.items),
        basedOn: { templateKey: source.templateKey, version: source.version },
      },
      now,
    ),
  );
  await writeTx(['inspectionTemplates'], async (_db, w) => {
    await w.add('inspectionTemplates', row, `${row.templateKey} v1 copied from ${source.templateKey} v${source.version}`);
  });
  return row;
}

export interface TemplateDraft {
  title: LocalizedText;
  description: LocalizedText;
  items: ChecklistItem[];
  changeNote?: string;
}

/**
 * Saves an edit of a team template as a new version (the newest + 1); the edited version stays as it
 * was. Built-ins cannot be edited, only copied.
 */
export async function saveTemplateVersion(
  base: InspectionTemplate,
  draft: TemplateDraft,
  now = new Date(),
): Promise<InspectionTemplate> {
  if (!templateKeyPattern.test(base.templateKey) || base.templateKey.startsWith('builtin-'))
    throw new TemplateError('inspections:templates.builtInReadOnly');
  return writeTx(['inspectionTemplates'], async (db, w) => {
    const t = db.inspectionTemplates;
    const versions = await t.where('templateKey').equals(base.templateKey).toArray();
    const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
    const row = inspectionTemplateSchema.parse(
      stamp(
        {
          templateKey: base.templateKey,
          family: base.family,
          version,
          title: draft.title,
          description: draft.description,
          items: draft.items,
          basedOn: base.basedOn,
          ...(draft.changeNote?.trim() ? { changeNote: draft.changeNote.trim() } : {}),
        },
        now,
      ),
    );
    await w.add(
      'inspectionTemplates',
      row,
      `${row.templateKey} v${version} (${row.items.length} items)${row.changeNote ? `: ${row.changeNote}` : ''}`,
    );
    return row;
  });
}

export { builtInFor, snapshotOf };
