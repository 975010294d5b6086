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

/** Maps IndexedDB/Dexie failures (QuotaExceededError may arrive wrapped as AbortError) to a WriteError. */
export function toWriteError(err: unknown): WriteError {
  if (err instanceof WriteError) return err;
  const n = names(err);
  if ((err as { code?: string })?.code === 'read-only') return new WriteError('read-only', 'errors.readOnly', err);
  if (n.some((x) => x === 'QuotaExceededError')) return new WriteError('disk-full', 'errors.diskFull', err);
  if (n.some((x) => x === 'ConstraintError')) return new WriteError('constraint', 'errors.constraint', err);
  return new WriteError('unknown', 'errors.writeFailed', err);
}
