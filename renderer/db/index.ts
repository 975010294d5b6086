import type { IndexableType, Table } from 'dexie';
import type { AuditAction } from '@shared/schemas/core';
import { appendAudit, recordHash, type AuditedTable } from './audit';
import { assertWritable, tableOf, type KeyOf, type OnsiteDb, type RowOf, type TableName } from './db';
import { isStorageError, toWriteError } from './errors';
import { recordChange, syncedTables } from './sync-capture';

export { OnsiteDb, openDatabase, isReadOnly, defaultDbName, tableOf, isTableName, tableNames } from './db';
export type { TableName, RowOf, KeyOf, TypedTable } from './db';
export { WriteError, toWriteError } from './errors';
export { auditedTables, isAuditedTable, type AuditedTable } from './audit';

let current: OnsiteDb | null = null;
let currentActor = 'system';

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
 * The one way features write an audited table (renderer/db/audit.ts `auditedTables`): every call
 * writes the record and appends its audit entry — actor from `getActor()`, the record's content
 * hash after the write — in the transaction `writeTx` opened; a write of a synced table also
 * appends its field-level sync change (renderer/db/sync-capture.ts). A lint rule
 * (eslint-rules/audited-writes.js) refuses direct table writes and `appendAudit` outside renderer/db.
 * Await each call before the next: every one reads and advances the audit chain and the sync clock.
 */
export class Writer {
  /** The transaction's database, for reads. */
  constructor(readonly db: OnsiteDb) {}

  private table<N extends AuditedTable>(name: N): Table<RowOf<N>, IndexableType> {
    return tableOf(this.db, name) as unknown as Table<RowOf<N>, IndexableType>;
  }

  private keyOf(name: AuditedTable, row: object): IndexableType {
    const path = this.db.table(name).schema.primKey.keyPath as string;
    return (row as Record<string, IndexableType>)[path];
  }

  private async entry(
    table: string,
    id: IndexableType,
    action: AuditAction,
    summary: string,
    contentHash?: string | null,
    actor = currentActor,
  ) {
    await appendAudit(this.db, { actor, entity: table, entityId: String(id), action, summary, contentHash });
  }

  /** The sync change of one write of a synced table: `prev` as it was, `next` as it is (null: deleted). */
  private async capture(table: AuditedTable, key: IndexableType, prev: object | undefined, next: object | null) {
    if (!syncedTables.has(table) || typeof key !== 'string') return;
    await recordChange(this.db, {
      table,
      id: key,
      prev: prev as Record<string, unknown> | undefined,
      next: next as Record<string, unknown> | null,
      actor: currentActor,
    });
  }

  /** Creates or replaces a row; the action defaults to create or update by whether it existed. */
  async put<N extends AuditedTable>(table: N, row: RowOf<N>, summary: string, action?: AuditAction): Promise<RowOf<N>> {
    const key = this.keyOf(table, row);
    const prev = await this.table(table).get(key);
    await this.table(table).put(row);
    await this.capture(table, key, prev, row);
    await this.entry(table, key, action ?? (prev !== undefined ? 'update' : 'create'), summary, recordHash(row));
    return row;
  }

  /** Creates a row; fails (ConstraintError) when its key exists. */
  async add<N extends AuditedTable>(
    table: N,
    row: RowOf<N>,
    summary: string,
    action: AuditAction = 'create',
  ): Promise<RowOf<N>> {
    const key = this.keyOf(table, row);
    await this.table(table).add(row);
    await this.capture(table, key, undefined, row);
    await this.entry(table, key, action, summary, recordHash(row));
    return row;
  }

  /** Puts several rows, one entry each (`summary` may name each row). */
  async bulkPut<N extends AuditedTable>(
    table: N,
    rows: readonly RowOf<N>[],
    summary: string | ((row: RowOf<N>) => string),
    action?: AuditAction,
  ): Promise<void> {
    for (const row of rows) await this.put(table, row, typeof summary === 'string' ? summary : summary(row), action);
  }

  /** Adds several rows, one entry each. */
  async bulkAdd<N extends AuditedTable>(
    table: N,
    rows: readonly RowOf<N>[],
    summary: string | ((row: RowOf<N>) => string),
    action: AuditAction = 'create',
  ): Promise<void> {
    for (const row of rows) await this.add(table, row, typeof summary === 'string' ? summary : summary(row), action);
  }

  /** Merges `changes` into an existing row; returns the new row, or undefined when there is none. */
  async update<N extends AuditedTable>(
    table: N,
    key: KeyOf<N>,
    changes: Partial<RowOf<N>>,
    summary: string,
    action: AuditAction = 'update',
  ): Promise<RowOf<N> | undefined> {
    const existing = await this.table(table).get(key as IndexableType);
    if (existing === undefined) return undefined;
    const next = { ...existing, ...changes } as RowOf<N>;
    await this.table(table).put(next);
    await this.capture(table, key as IndexableType, existing, next);
    await this.entry(table, key as IndexableType, action, summary, recordHash(next));
    return next;
  }

  /** Deletes a row (confirmed in the UI first); false, and no entry, when there was none. */
  async delete<N extends AuditedTable>(
    table: N,
    key: KeyOf<N>,
    summary: string,
    action: AuditAction = 'delete',
  ): Promise<boolean> {
    const existing = await this.table(table).get(key as IndexableType);
    if (existing === undefined) return false;
    await this.table(table).delete(key as IndexableType);
    await this.capture(table, key as IndexableType, existing, null);
    await this.entry(table, key as IndexableType, action, summary, null);
    return true;
  }

  /** Deletes several rows, one entry each. */
  async bulkDelete<N extends AuditedTable>(
    table: N,
    keys: readonly KeyOf<N>[],
    summary: string,
    action: AuditAction = 'delete',
  ): Promise<void> {
    for (const key of keys) await this.delete(table, key, summary, action);
  }

  /**
   * An entry that changes no audited record (a demo load, a restore, an export, a review of the
   * chain, a PIN check). `actor` defaults to the unlocked person; the lock screen names the person
   * whose PIN was checked, before anyone is unlocked.
   */
  async log(entity: string, entityId: string, action: AuditAction, summary: string, actor?: string): Promise<void> {
    await this.entry(entity, entityId, action, summary, undefined, actor);
  }
}

/**
 * Runs `fn` in one read-write transaction over `tables` plus the audit log and the sync change
 * log (`syncChanges`, `syncState`, and `settings` for this laptop's device code); `fn` reads through
 * `db` and writes audited tables through `w` (meta and alertLog, which are not audited, directly).
 * A full disk, a read-only (newer) database or a constraint error becomes a `WriteError` with an
 * i18n key; the transaction is rolled back whole, so nothing is half-saved.
 */
export async function writeTx<R>(tables: TableName[], fn: (db: OnsiteDb, w: Writer) => Promise<R>): Promise<R> {
  const db = getDb();
  try {
    assertWritable();
    const result = await db.transaction(
      'rw',
      [...new Set([...tables, 'auditLog', 'syncChanges', 'syncState', 'settings'])],
      // An async function, so that Dexie keeps this transaction current for the whole scope: the
      // writer's methods are native async functions, and after `await w.put(…)` (a native promise)
      // the transaction stays current only then. A plain function here loses it after the first
      // writer call and the next write fails with PrematureCommitError (renderer/db/write-zone.test.ts).
      async () => await fn(db, new Writer(db)),
    );
    for (const listener of committed) listener(db);
    return result;
  } catch (err) {
    throw isStorageError(err) ? toWriteError(err) : err;
  }
}

const committed = new Set<(db: OnsiteDb) => void>();
/**
 * Calls `listener` after every committed `writeTx` (the audit seal, renderer/db/audit-seal.ts,
 * follows the chain this way). Returns the unsubscribe function.
 */
export function onWriteCommitted(listener: (db: OnsiteDb) => void): () => void {
  committed.add(listener);
  return () => committed.delete(listener);
}

/** Creates or updates one row and appends the audit entry in the same transaction. */
export async function saveRecord<T extends { id?: string; createdAt?: string }>(
  tableName: 'team' | 'contacts' | 'systems',
  data: T,
  summary: string,
): Promise<T & Stamped> {
  return writeTx([tableName], async (db, w) => {
    const existing = data.id ? await tableOf(db, tableName).get(data.id) : undefined;
    const row = stamp({ ...data, createdAt: existing?.createdAt ?? data.createdAt });
    await w.put(tableName, row as never, summary, existing ? 'update' : 'create');
    return row;
  });
}

/** Deletes one row (confirmed in the UI first) and records it in the audit log. */
export async function deleteRecord(tableName: AuditedTable, id: string, summary: string): Promise<void> {
  await writeTx([tableName], async (_db, w) => {
    await w.delete(tableName, id as never, summary);
  });
}
