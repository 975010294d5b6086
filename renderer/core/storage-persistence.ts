/**
 * Asks the browser engine to keep this app's storage (IndexedDB, the browser's backups) when the
 * disk runs low, instead of evicting it as "best effort" data (`navigator.storage.persist()`), and
 * reports the answer for Settings → Backup. Electron's window usually grants it; a plain browser may
 * refuse, which the settings page then says. `null` where the engine has no StorageManager.
 */
export type Persistence = 'persisted' | 'refused' | 'unsupported';

let requested: Promise<Persistence> | null = null;

function manager(): StorageManager | null {
  const s = typeof navigator === 'undefined' ? undefined : navigator.storage;
  return s && typeof s.persist === 'function' && typeof s.persisted === 'function' ? s : null;
}

/** Asks the engine with `ask` (a StorageManager method); any failure is read as a refusal. */
async function answer(ask: (s: StorageManager) => Promise<boolean>): Promise<Persistence> {
  const s = manager();
  if (!s) return 'unsupported';
  try {
    return (await ask(s)) ? 'persisted' : 'refused';
  } catch {
    return 'refused';
  }
}

/** Requests persistence once per session (later calls get the first answer). */
export function requestPersistentStorage(): Promise<Persistence> {
  requested ??= answer(async (s) => (await s.persisted()) || s.persist());
  return requested;
}

/** The current answer, without asking again. */
export function storagePersistence(): Promise<Persistence> {
  return answer((s) => s.persisted());
}

/** Tests only: forget the request made in this session. */
export function resetPersistenceRequest(): void {
  requested = null;
}
