import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resources } from '../../i18n/resources';
import { OnsiteDb } from '../../db/db';
import { bookkeepingFields, syncedTables } from '../../db/sync-capture';
import { reportSignatureSchema } from '@shared/schemas/report';
import { resolveTableSchemas } from '../backup';
import { fieldLabel, fieldLabelKeys, recordName } from './field-labels';

/** The top-level fields of a record schema: an object's keys, a union's (discriminated or not) together. */
function fieldsOf(schema: unknown): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return [...new Set((schema.options as unknown[]).flatMap(fieldsOf))];
  if (schema instanceof z.ZodPipe) return fieldsOf(schema.in);
  if (schema instanceof z.ZodIntersection) return [...fieldsOf(schema.def.left), ...fieldsOf(schema.def.right)];
  throw new Error(`no fields found in a ${(schema as { constructor?: { name?: string } })?.constructor?.name} schema`);
}

/** Fields a sync conflict can name: every field but the id and the bookkeeping stamps merged by clock. */
const canConflict = (field: string) => field !== 'id' && !bookkeepingFields.has(field);

const probe = new OnsiteDb('onsite-desk-field-label-probe');
const tables = probe.tables.map((t) => ({ name: t.name, primKey: t.schema.primKey.keyPath ?? null }));
const schemas = resolveTableSchemas(tables);
// `signatures` has no record schema of its own: its rows are a report signature with an id and the
// report's id (`SignatureRow`, renderer/db/db.ts).
if (!schemas.has('signatures'))
  schemas.set('signatures', reportSignatureSchema.extend({ id: z.string(), reportId: z.string() }));
const synced = tables.map((t) => t.name).filter((n) => syncedTables.has(n));

/** The text of `ns:a.b.c` in `lng` itself (no fallback to the other language). */
function textOf(lng: string, key: string): unknown {
  const [ns, path] = key.split(':');
  let node: unknown = resources[lng]?.[ns];
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

describe('sync conflict field labels', () => {
  it('every synced table has a record schema to read its fields from', () => {
    expect(synced.filter((n) => !schemas.has(n))).toEqual([]);
  });

  it.each(['zh-CN', 'en'])('every field of every synced table that can conflict has a label (%s)', (lng) => {
    const missing: string[] = [];
    for (const table of synced) {
      const schema = schemas.get(table);
      if (!schema) continue;
      for (const field of fieldsOf(schema).filter(canConflict)) {
        const key = fieldLabelKeys[table]?.[field];
        if (!key || typeof textOf(lng, key) !== 'string' || !textOf(lng, key)) missing.push(`${table}.${field}${key ? ` (${key})` : ''}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('fieldLabel', () => {
  it('names a field by its form label in each language, and an unknown field by its key', async () => {
    const { createI18n } = await import('../../i18n');
    const zh = await createI18n('zh-CN');
    const en = await createI18n('en');
    expect(fieldLabel(en.t, 'serviceRequests', 'title')).toBe(textOf('en', 'requests:intake.titleField'));
    expect(fieldLabel(zh.t, 'kbArticles', 'symptoms')).toBe(textOf('zh-CN', 'kb:fields.symptoms'));
    expect(fieldLabel(en.t, 'contacts', 'phone')).toBe('Phone');
    expect(fieldLabel(en.t, 'kbArticles', '_deleted')).toBe(textOf('en', 'sync:conflicts.deleteField'));
    expect(fieldLabel(en.t, 'kbArticles', 'notAField')).toBe('notAField');
    expect(fieldLabel(en.t, 'noSuchTable', 'constructor')).toBe('constructor');
  });
});

describe('recordName', () => {
  it('names a record by number and name, title or topic; a roster day by its date; nothing when absent', () => {
    expect(recordName({ id: 'k1', number: 'KB-A-0001', title: '堡垒机会话断开' })).toBe('KB-A-0001 堡垒机会话断开');
    expect(recordName({ id: 'tm-1', name: '李喆' })).toBe('李喆');
    expect(recordName({ id: 'r1', date: '2026-12-06', memberId: 'tm-1' })).toBe('2026-12-06');
    expect(recordName({ id: 'x' })).toBeUndefined();
    expect(recordName(undefined)).toBeUndefined();
  });
});
