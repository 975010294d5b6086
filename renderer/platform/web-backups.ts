/**
 * Backups for plain Chromium (tests, browser use): a separate IndexedDB database, so wiping or
 * corrupting the app's own database never takes the backups with it. Metadata and bytes live in
 * two stores so listing never loads hundreds of megabytes. Same retention rule as on disk.
 */
import type { BackupEntry, BackupWriteRequest, BackupWriteResult, OpenedFile } from '@shared/ipc/contract';
import { selectRetained } from '@shared/ipc/backup-retention';
import { PlatformError } from './errors';

export const BACKUP_DB_NAME = 'onsite-desk-backups';
/** What backupGetFolder reports in the browser: there is no folder. */
export const BROWSER_BACKUP_FOLDER = 'browser-storage';
const META = 'meta';
const DATA = 'data';

interface BackupMeta {
  name: string;
  size: number;
  modifiedMs: number;
}

let dbPromise: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(BACKUP_DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(META, { keyPath: 'name' });
      request.result.createObjectStore(DATA);
    };
    request.onsuccess = () => {
      // Another tab upgrading the database: step aside rather than block it.
      request.result.onversionchange = () => {
        request.result.close();
        dbPromise = null;
      };
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  }).catch((error: unknown) => {
    dbPromise = null;
    throw asPlatformError(error);
  });
  return dbPromise as Promise<IDBDatabase>;
}

function asPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const name = (error as { name?: string } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  return new PlatformError(name === 'QuotaExceededError' ? 'disk-full' : 'io', message);
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(asPlatformError(tx.error));
    tx.onabort = () => reject(asPlatformError(tx.error ?? new Error('transaction aborted')));
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(asPlatformError(request.error));
  });
}

async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data.slice());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stores a backup, re-reads and hashes it, then applies retention. `now` is injectable for tests. */
export async function webBackupWrite(req: BackupWriteRequest, now = Date.now()): Promise<BackupWriteResult> {
  const db = await openDb();
  const expected = await sha256Hex(req.data);
  const write = db.transaction([META, DATA], 'readwrite', { durability: 'strict' });
  write.objectStore(DATA).put(req.data.slice(), req.name);
  write.objectStore(META).put({ name: req.name, size: req.data.byteLength, modifiedMs: now } satisfies BackupMeta);
  await done(write);

  const stored = await result(
    db.transaction(DATA, 'readonly').objectStore(DATA).get(req.name) as IDBRequest<Uint8Array | undefined>,
  );
  const actual = stored ? await sha256Hex(stored) : '';
  if (actual !== expected) {
    await deleteBackups(db, [req.name]);
    throw new PlatformError(
      'io',
      `Backup verification failed: the bytes read back from ${req.name} differ from the bytes written.`,
    );
  }

  const metas = await result(db.transaction(META, 'readonly').objectStore(META).getAll() as IDBRequest<BackupMeta[]>);
  const removed = selectRetained(metas, now)
    .remove.map((m) => m.name)
    .filter((name) => name !== req.name);
  await deleteBackups(db, removed);
  return {
    path: `${BROWSER_BACKUP_FOLDER}/${req.name}`,
    size: req.data.byteLength,
    sha256: actual,
    verified: true,
    removed,
  };
}

async function deleteBackups(db: IDBDatabase, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const tx = db.transaction([META, DATA], 'readwrite');
  for (const name of names) {
    tx.objectStore(META).delete(name);
    tx.objectStore(DATA).delete(name);
  }
  await done(tx);
}

/** Lists stored backups, newest first. */
export async function webBackupList(): Promise<BackupEntry[]> {
  const db = await openDb();
  const metas = await result(db.transaction(META, 'readonly').objectStore(META).getAll() as IDBRequest<BackupMeta[]>);
  return metas
    .sort((a, b) => b.modifiedMs - a.modifiedMs || b.name.localeCompare(a.name))
    .map((m) => ({
      name: m.name,
      path: `${BROWSER_BACKUP_FOLDER}/${m.name}`,
      size: m.size,
      modifiedAt: new Date(m.modifiedMs).toISOString(),
    }));
}

/** Reads one stored backup; a missing one is a `not-found` PlatformError. */
export async function webBackupRead(name: string): Promise<OpenedFile> {
  const db = await openDb();
  const data = await result(
    db.transaction(DATA, 'readonly').objectStore(DATA).get(name) as IDBRequest<Uint8Array | undefined>,
  );
  if (!data) throw new PlatformError('not-found', `No backup named ${name}.`);
  return { name, data };
}
