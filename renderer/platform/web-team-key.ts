/**
 * The browser build's team key: a non-extractable WebCrypto HMAC key, stored as a CryptoKey object
 * (structured clone) in an IndexedDB database of its own — not the app's Dexie database, so it is
 * never part of a backup, and its bytes can never be read back by script, only used to sign.
 */
export const KEY_DB_NAME = 'onsite-desk-keys';
const STORE = 'keys';
const TEAM = 'team';

export interface WebTeamKeyRecord {
  teamId: string;
  teamName: string;
  key: CryptoKey;
}

function openKeyDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(KEY_DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB.open failed'));
    req.onblocked = () => reject(new Error('the key database is blocked by another window'));
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openKeyDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode, { durability: 'strict' });
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('key transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('key transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function webTeamKeyLoad(): Promise<WebTeamKeyRecord | null> {
  const rec = (await run('readonly', (s) => s.get(TEAM))) as WebTeamKeyRecord | undefined;
  return rec ?? null;
}

/** Imports `raw` as a non-extractable HMAC key and stores it; the caller then wipes `raw`. */
export async function webTeamKeySave(raw: Uint8Array, teamId: string, teamName: string): Promise<WebTeamKeyRecord> {
  const key = await crypto.subtle.importKey(
    'raw',
    raw as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const rec: WebTeamKeyRecord = { teamId, teamName, key };
  await run('readwrite', (s) => s.put(rec, TEAM));
  return rec;
}
