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

function names(err: unknown): string[] {
  const out: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    out.push(String((e as { name?: string }).name));
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return out;
}

/**
 * True for failures of the storage itself (IndexedDB/Dexie, a read-only database). Errors of the
 * caller's own logic — validation (ZodError), domain errors with a `messageKey` — are not: they
 * reach the UI unchanged, with their own precise message.
 */
export function isStorageError(err: unknown): boolean {
  if (err instanceof WriteError || (err as { code?: string })?.code === 'read-only') return true;
  if (!err || typeof err !== 'object' || 'messageKey' in err) return false;
  const n = names(err);
  return (
    n.some((x) => /Error$/.test(x) && x !== 'Error' && x !== 'TypeError' && x !== 'ZodError' && x !== 'RangeError') ||
    (err as object) instanceof DOMException
  );
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
