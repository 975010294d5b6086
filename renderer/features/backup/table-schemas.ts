/**
 * Which zod schema checks the rows of which table on restore and import.
 *
 * The core schemas are mapped here by hand. Feature schemas in shared/schemas/*.ts are found as
 * their files appear: a module may export `tableSchemas: { <table>: schema }` (the explicit way),
 * otherwise an exported schema named `<thing>Schema` (also `<thing>RecordSchema`, `…RowSchema`,
 * `…EntrySchema`) is matched to the table `<thing>s` (or `<thing>`, `<thing>es`, `<thin>ies`)
 * when it is an object schema, or a union of them, whose fields include that table's primary key.
 * A table with no schema gets the generic check of `genericRowIssues`.
 */
import { z } from 'zod';
import { attachmentSchema } from '@shared/schemas/attachment';
import {
  auditEntrySchema,
  contactSchema,
  siteSettingsSchema,
  systemSchema,
  teamMemberSchema,
} from '@shared/schemas/core';
import { reportRecordSchema } from '@shared/schemas/report';
import type { PrimKey } from './format-types';

type Schema = z.ZodType;
type SchemaModule = Record<string, unknown>;

const schemaModules = import.meta.glob<SchemaModule>(
  ['../../../shared/schemas/*.ts', '!../../../shared/schemas/*.test.ts'],
  { eager: true },
);

const core: Record<string, Schema> = {
  settings: siteSettingsSchema,
  team: teamMemberSchema,
  contacts: contactSchema,
  systems: systemSchema,
  auditLog: auditEntrySchema,
  attachments: attachmentSchema,
  reports: reportRecordSchema,
};

function candidates(name: string): string[] {
  const bases = [name, name.replace(/(Record|Row|Entry)$/, '')];
  return bases.flatMap((b) => [b, `${b}s`, `${b}es`, b.endsWith('y') ? `${b.slice(0, -1)}ies` : '']).filter(Boolean);
}

function hasKey(schema: unknown, key: PrimKey): boolean {
  const keys = typeof key === 'string' ? [key] : (key ?? []);
  if (keys.length === 0) return false;
  if (schema instanceof z.ZodObject) return keys.every((k) => k in schema.shape);
  if (schema instanceof z.ZodUnion) return (schema.options as unknown[]).every((o) => hasKey(o, key));
  return false;
}

/** The schema for each of `tables` (name → primary key) that has one. */
export function resolveTableSchemas(
  tables: Array<{ name: string; primKey: PrimKey }>,
  modules: Record<string, SchemaModule> = schemaModules,
): Map<string, Schema> {
  const out = new Map<string, Schema>();
  const byName = new Map(tables.map((t) => [t.name, t.primKey]));
  for (const [name, schema] of Object.entries(core)) if (byName.has(name)) out.set(name, schema);
  const explicit = new Map<string, Schema>();
  for (const mod of Object.values(modules)) {
    const declared = mod.tableSchemas;
    if (declared && typeof declared === 'object') {
      for (const [name, schema] of Object.entries(declared as Record<string, unknown>))
        if (schema instanceof z.ZodType) explicit.set(name, schema);
    }
    for (const [exportName, schema] of Object.entries(mod)) {
      const m = /^(.+)Schema$/.exec(exportName);
      if (!m || !(schema instanceof z.ZodType)) continue;
      for (const name of candidates(m[1])) {
        if (byName.has(name) && !out.has(name) && hasKey(schema, byName.get(name)!)) out.set(name, schema);
      }
    }
  }
  for (const [name, schema] of explicit) if (byName.has(name)) out.set(name, schema);
  return out;
}

const isoLike = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * The check for a table without a schema: a plain object with its primary key; where the key is
 * `id`, a string id and the created/updated fields every record carries.
 */
export function genericRowIssues(row: unknown, primKey: PrimKey): string[] {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return ['(row)'];
  const r = row as Record<string, unknown>;
  const keys = typeof primKey === 'string' ? [primKey] : (primKey ?? []);
  const issues = keys.filter((k) => !['string', 'number'].includes(typeof r[k]) || r[k] === '');
  if (primKey === 'id') {
    if (typeof r.id !== 'string' || r.id.length > 64) issues.push('id');
    for (const f of ['createdAt', 'updatedAt']) if (!isoLike(r[f])) issues.push(f);
  }
  return [...new Set(issues)];
}
