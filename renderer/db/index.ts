import type { Table } from 'dexie';
import { appendAudit } from './audit';
import { assertWritable, tableOf, type OnsiteDb, type TableName } from './db';
import { isStorageError, toWriteError } from './errors';
import { captureWrites, setCaptureActor } from './sync-capture';

export { OnsiteDb, openDatabase, isReadOnly, defaultDbName, tableOf, isTableName, tableNames } from './db';
export type { TableName, RowOf, KeyOf, TypedTable } from './db';
export { WriteError, toWriteError } from './errors';

let current: OnsiteDb | null = null;
let currentActor = 'system';
setCaptureActor(() => currentActor);

/** Set once the database is open (app start, or a test's fresh database). */
export function setDb(db: OnsiteDb | null): void {
  current = db;
}

/** The open database. */
export function getDb(): OnsiteDb {
  if (!current) throw new Error('Database not open');
  return current;
}

/** Who is writing: the team member using this laptop (audit log, `updatedBy`). */
export function setActor(id: string): void {
  currentActor = id || 'system';
}
export function getActor(): string {
  return currentActor;
}

export interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** Fills the record fields every table row carries. */
export function stamp<T extends object>(data: T & { id?: string; createdAt?: string }, now = new Date()): T & Stamped {
  const iso = now.toISOString();
  return {
    ...data,
    id: data.id ?? crypto.randomUUID(),
    createdAt: data.createdAt ?? iso,
    updatedAt: iso,
    updatedBy: currentActor,
  };
}

/**
 * Runs `fn` in one read-write transaction over `tables` plus the audit log. A full disk, a
 * read-only (newer) database or a constraint error becomes a `WriteError` with an i18n key;
 * the transaction is rolled back whole, so nothing is half-saved.
 */
export async function writeTx<R>(tables: TableName[], fn: (db: OnsiteDb) => Promise<R>): Promise<R> {
  const db = getDb();
  try {
    assertWritable();
    // syncChanges/syncState/settings: the change log of renderer/db/sync-capture.ts, written in the same transaction.
    return await db.transaction(
      'rw',
      [...new Set([...tables, 'auditLog', 'syncChanges', 'syncState', 'settings'])],
      () => {
        captureWrites();
        return fn(db);
      },
    );
  } catch (err) {
    throw isStorageError(err) ? toWriteError(err) : err;
  }
}

/** Creates or updates one row and appends the audit entry in the same transaction. */
export async function saveRecord<T extends { id?: string; createdAt?: string }>(
  tableName: 'team' | 'contacts' | 'systems',
  data: T,
  summary: string,
): Promise<T & Stamped> {
  return writeTx([tableName], async (db) => {
    const table = tableOf(db, tableName) as unknown as Table<T & Stamped, string>;
    const existing = data.id ? await table.get(data.id) : undefined;
    const row = stamp({ ...data, createdAt: existing?.createdAt ?? data.createdAt });
    await table.put(row);
    await appendAudit(db, {
      actor: currentActor,
      entity: tableName,
      entityId: row.id,
      action: existing ? 'update' : 'create',
      summary,
    });
    return row;
  });
}

/** Deletes one row (confirmed in the UI first) and records it in the audit log with its last content. */
export async function deleteRecord(tableName: TableName, id: string, summary: string): Promise<void> {
  await writeTx([tableName], async (db) => {
    const table = tableOf(db, tableName);
    const existing = await table.get(id);
    if (!existing) return;
    await table.delete(id);
    await appendAudit(db, { actor: currentActor, entity: tableName, entityId: id, action: 'delete', summary });
  });
}
