import Dexie, { type Table } from 'dexie';
import type { AuditEntry, ClientSystem, Contact, SiteSettings, TeamMember } from '@shared/schemas/core';
import { migrations, schemaVersion } from './migrations';

export interface MetaRow {
  key: string;
  value: unknown;
}

export const defaultDbName = 'onsite-desk';

/** The app's database. Feature tables are reached with `db.table<T>(name)` from their repositories. */
export class OnsiteDb extends Dexie {
  meta!: Table<MetaRow, string>;
  settings!: Table<SiteSettings, string>;
  team!: Table<TeamMember, string>;
  contacts!: Table<Contact, string>;
  systems!: Table<ClientSystem, string>;
  auditLog!: Table<AuditEntry, number>;

  constructor(name = defaultDbName, upTo = migrations.length) {
    // 'strict' durability: a write is on disk before the transaction reports success (architecture.md).
    super(name, { chromeTransactionDurability: 'strict' });
    for (const apply of migrations.slice(0, upTo)) apply(this);
  }
}

export type DbState =
  | { kind: 'ok'; db: OnsiteDb }
  | { kind: 'newer'; db: OnsiteDb | null; foundVersion: number }
  | { kind: 'error'; message: string };

/** True when the database on disk was written by a newer app: it is then never written. */
let readOnly = false;
export function isReadOnly(): boolean {
  return readOnly;
}
export class ReadOnlyError extends Error {
  code = 'read-only' as const;
  constructor() {
    super('The database was written by a newer version of Onsite Desk; it is open read-only.');
  }
}
export function assertWritable(): void {
  if (readOnly) throw new ReadOnlyError();
}

/**
 * Opens the database. A database newer than this app (a VersionError from IndexedDB, or a newer
 * schema number in `meta`) is opened read-only, never upgraded or written.
 */
export async function openDatabase(name = defaultDbName): Promise<DbState> {
  readOnly = false;
  const db = new OnsiteDb(name);
  try {
    await db.open();
  } catch (err) {
    if ((err as Error).name === 'VersionError') {
      readOnly = true;
      db.close();
      // Dynamic mode: opens whatever version is on disk, without declaring (or upgrading) any schema.
      const found = new Dexie(name);
      try {
        await found.open();
        const foundVersion = Math.round(found.verno);
        found.close();
        return { kind: 'newer', db: null, foundVersion };
      } catch {
        return { kind: 'newer', db: null, foundVersion: NaN };
      }
    }
    return { kind: 'error', message: (err as Error).message };
  }
  const stored = await db.meta.get('schemaVersion');
  const storedVersion = typeof stored?.value === 'number' ? stored.value : 0;
  if (storedVersion > schemaVersion) {
    readOnly = true;
    return { kind: 'newer', db, foundVersion: storedVersion };
  }
  if (storedVersion !== schemaVersion) {
    await db.meta.put({ key: 'schemaVersion', value: schemaVersion });
    if (!(await db.meta.get('createdAt'))) await db.meta.put({ key: 'createdAt', value: new Date().toISOString() });
  }
  return { kind: 'ok', db };
}
