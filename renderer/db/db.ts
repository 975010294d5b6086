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
    // 'strict' durability: a write is on disk before the transaction reports success (docs/architecture.md).
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

/** Called with the old database (opened without a schema) before it is upgraded; a throw stops the upgrade. */
export type PreUpgradeHook = (old: Dexie, fromVersion: number) => Promise<void>;
let preUpgradeHook: PreUpgradeHook | null = null;
/** The backup feature registers the pre-upgrade backup here (renderer/features/backup). */
export function setPreUpgradeHook(hook: PreUpgradeHook | null): void {
  preUpgradeHook = hook;
}

/**
 * The schema version on disk without opening the database (Dexie stores version × 10, plus one
 * per schema patch); null when there is none, undefined when the browser cannot tell.
 */
async function installedVersion(name: string): Promise<number | null | undefined> {
  if (typeof indexedDB.databases !== 'function') return undefined;
  const listed = (await indexedDB.databases()).find((d) => d.name === name);
  return listed?.version ? Math.floor(listed.version / 10) : null;
}

/** Runs the hook when the database on disk is older than `schemaVersion` and holds records. */
async function beforeUpgrade(name: string, installed: number | null | undefined): Promise<void> {
  if (!preUpgradeHook || installed === null || (installed !== undefined && installed >= schemaVersion)) return;
  if (!(await Dexie.exists(name))) return;
  const old = new Dexie(name);
  await old.open();
  try {
    const from = Math.round(old.verno);
    if (from >= schemaVersion) return;
    const counts = await Promise.all(old.tables.filter((t) => t.name !== 'meta').map((t) => t.count()));
    if (counts.some((c) => c > 0)) await preUpgradeHook(old, from);
  } finally {
    old.close();
  }
}

/**
 * Opens the database. A database newer than this app (a VersionError from IndexedDB, or a newer
 * schema number in `meta`) is opened read-only, never upgraded or written. An older one with
 * records is first handed to the pre-upgrade hook (a backup); if that fails, nothing is upgraded.
 */
export async function openDatabase(name = defaultDbName): Promise<DbState> {
  readOnly = false;
  const installed = await installedVersion(name);
  // Checked before Dexie opens it: Dexie 4 answers a VersionError by opening the newer database
  // as it is and then *adding* any missing tables to it (a schema patch), i.e. writing to it.
  if (installed && installed > schemaVersion) {
    readOnly = true;
    return { kind: 'newer', db: null, foundVersion: installed };
  }
  try {
    await beforeUpgrade(name, installed);
  } catch (err) {
    return {
      kind: 'error',
      message: `pre-upgrade backup failed, the database was not upgraded: ${(err as Error)?.message ?? String(err)}`,
    };
  }
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
