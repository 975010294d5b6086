/**
 * Backups for plain Chromium (tests, browser use): a separate IndexedDB database, so wiping or
 * corrupting the app's own database never takes the backups with it (Chromium may still delete a
 * site's whole storage: export to a file for a copy that survives). Metadata and bytes live in
 * two stores so listing never loads hundreds of megabytes. The same rules as on disk
 * (electron/main/backup-store.ts): this code, not the caller, chooses the name; a write never
 * replaces an entry (`add`); retention touches only this browser's unpinned backups.
 */
import type {
  BackupEntry,
  BackupLocation,
  BackupWriteRequest,
  BackupWriteResult,
  OpenedFile,
} from '@shared/ipc/contract';
import { composeBackupName, parseBackupName, pinnedReasons } from '@shared/ipc/backup-names';
import { planRetention } from '@shared/ipc/backup-retention';
import { PlatformError } from './errors';
import { bytesToHex } from '@shared/util/hash';

export const BACKUP_DB_NAME = 'onsite-desk-backups';
/** What backupGetFolder reports in the browser: there is no folder. */
export const BROWSER_BACKUP_FOLDER = 'browser-storage';
const META = 'meta';
const DATA = 'data';

interface BackupMeta {
  name: string;
  size: number;
  modifiedMs: number;
  /** The installation that wrote it (one per browser profile): its manifest entry. */
  installId?: string;
  pinned?: boolean;
}

const INSTALL_KEY = 'onsite-desk.installId';
/** This browser profile's installation id (localStorage), created on first use. */
export function webInstallId(): string {
  let id = localStorage.getItem(INSTALL_KEY);
  if (!id) {
    id = crypto.randomUUID().replace(/-/g, '').slice(0, 12);
    localStorage.setItem(INSTALL_KEY, id);
  }
  return id;
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
  const e = new PlatformError(name === 'QuotaExceededError' ? 'disk-full' : 'io', message);
  // A taken key on `add`: the caller tries the next name.
  if (name === 'ConstraintError') Object.assign(e, { constraint: true });
  return e;
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
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data.slice())));
}

/** Adds the bytes under the first free name: `add` fails on a taken key, so nothing is ever replaced. */
async function addNew(db: IDBDatabase, req: BackupWriteRequest, now: number, meta: Omit<BackupMeta, 'name'>) {
  for (let n = 0; n < 20; n++) {
    const name = composeBackupName(req.deviceCode, req.reason, new Date(now + n));
    const write = db.transaction([META, DATA], 'readwrite', { durability: 'strict' });
    write.objectStore(DATA).add(req.data.slice(), name);
    write.objectStore(META).add({ ...meta, name } satisfies BackupMeta);
    try {
      await done(write);
      return name;
    } catch (error) {
      if (!(error as { constraint?: boolean }).constraint) throw error;
    }
  }
  throw new PlatformError('io', 'Could not find a free name for the backup.');
}

/** Stores a backup, re-reads and hashes it, then applies retention. `now` is injectable for tests. */
export async function webBackupWrite(req: BackupWriteRequest, now = Date.now()): Promise<BackupWriteResult> {
  const db = await openDb();
  const expected = await sha256Hex(req.data);
  const installId = webInstallId();
  const name = await addNew(db, req, now, {
    size: req.data.byteLength,
    modifiedMs: now,
    installId,
    pinned: pinnedReasons.has(req.reason),
  });

  const stored = await result(
    db.transaction(DATA, 'readonly').objectStore(DATA).get(name) as IDBRequest<Uint8Array | undefined>,
  );
  const actual = stored ? await sha256Hex(stored) : '';
  if (actual !== expected) {
    await deleteBackups(db, [name]);
    throw new PlatformError(
      'io',
      `Backup verification failed: the bytes read back from ${name} differ from the bytes written.`,
    );
  }

  const metas = await result(db.transaction(META, 'readonly').objectStore(META).getAll() as IDBRequest<BackupMeta[]>);
  const candidates = metas.map((m) => ({ ...m, pinned: m.pinned ?? false, inManifest: m.installId === installId }));
  const removed = planRetention(candidates, req.deviceCode, now)
    .map((m) => m.name)
    .filter((n) => n !== name);
  await deleteBackups(db, removed);
  return {
    name,
    path: `${BROWSER_BACKUP_FOLDER}/${name}`,
    size: req.data.byteLength,
    sha256: actual,
    verified: true,
    removed,
  };
}

/** A person unpins one of this browser's pinned backups. */
export async function webBackupUnpin(name: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(META, 'readwrite');
  const meta = await result(tx.objectStore(META).get(name) as IDBRequest<BackupMeta | undefined>);
  if (!meta || meta.installId !== webInstallId()) throw new PlatformError('not-found', `${name} was not written here.`);
  tx.objectStore(META).put({ ...meta, pinned: false });
  await done(tx);
}

/** In the browser, backups live in this profile's storage: the same disk as the database, always. */
export async function webBackupLocation(): Promise<BackupLocation> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const free = estimate?.quota !== undefined ? estimate.quota - (estimate.usage ?? 0) : null;
  return { folder: BROWSER_BACKUP_FOLDER, kind: 'browser', sameDiskAsData: true, freeBytes: free };
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
  const installId = webInstallId();
  const metas = await result(db.transaction(META, 'readonly').objectStore(META).getAll() as IDBRequest<BackupMeta[]>);
  return metas
    .sort((a, b) => b.modifiedMs - a.modifiedMs || b.name.localeCompare(a.name))
    .map((m) => {
      const deviceCode = parseBackupName(m.name)?.deviceCode ?? null;
      return {
        name: m.name,
        path: `${BROWSER_BACKUP_FOLDER}/${m.name}`,
        size: m.size,
        modifiedAt: new Date(m.modifiedMs).toISOString(),
        pinned: m.pinned ?? false,
        mine: m.installId === installId && deviceCode !== null,
        deviceCode,
      };
    });
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
