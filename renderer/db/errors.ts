import Dexie from 'dexie';

/** A failed write, with an i18n key (namespace `common`) the UI shows in the user's language. */
export class WriteError extends Error {
  constructor(
    public code: 'disk-full' | 'read-only' | 'constraint' | 'unknown',
    public messageKey: string,
    public cause?: unknown,
  ) {
    super(messageKey);
    this.name = 'WriteError';
  }
}

/** The error and what it wraps (Dexie's `inner`, a `cause`), outermost first. */
function chain(err: unknown): object[] {
  const out: object[] = [];
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    out.push(e);
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return out;
}

function names(err: unknown): string[] {
  return chain(err).map((e) => String((e as { name?: string }).name));
}

/**
 * The names a failure of the storage itself carries: the DOMException names IndexedDB raises
 * (https://www.w3.org/TR/IndexedDB/#exceptions) and Dexie's own error classes (`Dexie.errnames`).
 */
export const storageErrorNames: ReadonlySet<string> = new Set([
  'QuotaExceededError',
  'ConstraintError',
  'AbortError',
  'InvalidStateError',
  'DataError',
  'NotFoundError',
  'TransactionInactiveError',
  'ReadOnlyError',
  'VersionError',
  'UnknownError',
  'InvalidAccessError',
  'DataCloneError',
  'TimeoutError',
  ...Object.values(Dexie.errnames),
]);

/** JavaScript's own error names that Dexie's list shares: storage errors only as a DOMException or a Dexie error. */
const sharedWithJs = new Set(['SyntaxError']);

function isStorageNamed(e: object): boolean {
  if (e instanceof Dexie.DexieError) return true;
  const name = String((e as { name?: string }).name);
  if (!storageErrorNames.has(name)) return false;
  return !sharedWithJs.has(name) || e instanceof DOMException || e instanceof Dexie.DexieError;
}

/**
 * True for failures of the storage itself (IndexedDB/Dexie, a read-only database): an error, or
 * one it wraps, named in `storageErrorNames`. Errors of the caller's own logic — validation
 * (ZodError), TypeError, domain errors with a `messageKey` — are not: they reach the UI unchanged,
 * with their own precise message.
 */
export function isStorageError(err: unknown): boolean {
  if (err instanceof WriteError || (err as { code?: string })?.code === 'read-only') return true;
  if (!err || typeof err !== 'object' || 'messageKey' in err) return false;
  return chain(err).some(isStorageNamed);
}

/** Maps IndexedDB/Dexie failures (QuotaExceededError may arrive wrapped as AbortError) to a WriteError. */
export function toWriteError(err: unknown): WriteError {
  if (err instanceof WriteError) return err;
  const n = names(err);
  if ((err as { code?: string })?.code === 'read-only') return new WriteError('read-only', 'errors.readOnly', err);
  if (n.some((x) => x === 'QuotaExceededError')) return new WriteError('disk-full', 'errors.diskFull', err);
  if (n.some((x) => x === 'ConstraintError')) return new WriteError('constraint', 'errors.constraint', err);
  return new WriteError('unknown', 'errors.writeFailed', err);
}
