/**
 * zod schemas for every IPC request of `IpcContract`, and the helpers that build `IpcResult`s.
 * Main parses every payload with these before touching the disk: the renderer is treated as
 * untrusted (a compromised page must not write outside the chosen folders or exhaust memory).
 */
import { z } from 'zod';
import type { Channel, IpcContract, IpcError, IpcErrorCode, IpcResult } from './contract';
import { allowedExtensions, matchesFilters } from './file-types';

const MiB = 1024 * 1024;
/** Largest file the save/open dialogs move across IPC (structured clone copies it twice). */
export const MAX_FILE_BYTES = 512 * MiB;
/** Largest generated PDF accepted for viewing or printing. */
export const MAX_PDF_BYTES = 256 * MiB;
/** Largest backup accepted; the budget case (10k faults + 200 MB of images) stays well under. */
export const MAX_BACKUP_BYTES = 1024 * MiB;
/** Backups are the only files the backup store lists or deletes in a user-chosen folder. */
export const BACKUP_EXTENSION = '.odbk';

// Control characters (NUL included) are never part of a legitimate file name.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

const RESERVED_CHARS = /[/\\:*?"<>|]/;

/**
 * A bare file name: no folders (so no way to climb out with `..`), not `.` or `..` itself, no drive
 * letters or streams (`:`), no control characters. Windows-reserved characters are refused too so
 * a name saved on Linux still opens on Windows. Use `sanitizeFileName` to make any title fit.
 */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (s) => !RESERVED_CHARS.test(s),
    'must not contain path separators or reserved characters (/ \\ : * ? " < > |)',
  )
  .refine((s) => s !== '.' && s !== '..', 'must not be "." or ".."')
  .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters');

/**
 * Turns any text (a report title, an attachment's original name) into a name `fileNameSchema`
 * accepts: reserved and control characters become `_`, the length is capped keeping the extension.
 */
export function sanitizeFileName(name: string, fallback = 'file'): string {
  const cleaned = name.replace(new RegExp(`${RESERVED_CHARS.source}|${CONTROL_CHARS.source}`, 'g'), '_').trim();
  const safe = cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
  if (safe.length <= 200) return safe;
  const ext = /\.[^.]{1,16}$/.exec(safe)?.[0] ?? '';
  return safe.slice(0, 200 - ext.length) + ext;
}

/** A backup file name: a bare name ending in `.odbk`, not hidden (temp files start with a dot). */
export const backupNameSchema = fileNameSchema
  .refine(
    (s) => s.toLowerCase().endsWith(BACKUP_EXTENSION) && s.length > BACKUP_EXTENSION.length,
    `must end with ${BACKUP_EXTENSION}`,
  )
  .refine((s) => !s.startsWith('.'), 'must not start with a dot');

/**
 * True for a Uint8Array from any realm (or a Buffer, its subclass). `instanceof` alone fails for
 * bytes structured-cloned in another realm (IndexedDB in jsdom tests, for one).
 */
function isUint8Array(value: unknown): value is Uint8Array {
  return (
    value instanceof Uint8Array ||
    (ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]')
  );
}

/** Raw bytes with an upper bound; structured clone delivers a Uint8Array (or a Buffer, its subclass). */
export function bytesSchema(maxBytes: number) {
  return z
    .custom<Uint8Array>(isUint8Array, 'must be a Uint8Array')
    .refine((b) => b.byteLength <= maxBytes, `must be at most ${maxBytes} bytes`);
}

export const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(
      z
        .string()
        .regex(/^[A-Za-z0-9]{1,16}$/, 'an extension without dot')
        .refine((e) => allowedExtensions.has(e.toLowerCase()), 'not a file type the app saves or opens'),
    )
    .min(1)
    .max(30),
});

/** Every dialog names the operation's file types: no "all files", no missing filter (shared/ipc/file-types.ts). */
const filtersSchema = z.array(fileFilterSchema).min(1).max(10);

export const saveFileRequestSchema = z
  .strictObject({
    defaultName: fileNameSchema,
    data: bytesSchema(MAX_FILE_BYTES),
    filters: filtersSchema,
  })
  .refine((r) => matchesFilters(r.defaultName, r.filters), {
    message: "the suggested name must end in one of the filters' extensions",
    path: ['defaultName'],
  });

export const openFileRequestSchema = z.strictObject({
  filters: filtersSchema,
  maxBytes: z.number().int().positive().max(MAX_FILE_BYTES).optional(),
});

export const pdfRequestSchema = z.strictObject({
  name: fileNameSchema,
  data: bytesSchema(MAX_PDF_BYTES),
});

export const notifyRequestSchema = z.strictObject({
  title: z.string().min(1).max(256),
  body: z.string().max(10_000),
  tag: z.string().min(1).max(100).optional(),
});

/** A device code as site settings hold it (shared/schemas/common.ts): it goes into file names. */
const deviceCodeSchema = z.string().regex(/^[A-Z0-9]{1,3}$/);

/** No `name`: main chooses every backup file name (shared/ipc/backup-names.ts). */
export const backupWriteRequestSchema = z.strictObject({
  data: bytesSchema(MAX_BACKUP_BYTES),
  reason: z.enum(['auto', 'manual', 'close', 'pre-upgrade', 'pre-restore']),
  deviceCode: deviceCodeSchema,
});

export const backupReadRequestSchema = z.strictObject({ name: backupNameSchema });

const dbNameSchema = z.string().regex(/^[A-Za-z0-9._-]{1,80}$/);

export const dataMarkerSchema = z.strictObject({
  dbName: dbNameSchema,
  deviceCode: z.string().max(3),
  counts: z.record(z.string().max(64), z.number().int().nonnegative()).refine((c) => Object.keys(c).length <= 200),
  records: z.number().int().nonnegative(),
  auditSeq: z.number().int().min(-1),
  auditHead: z.string().regex(/^[0-9a-f]{0,64}$/),
  auditSealSeq: z.number().int().min(-1).optional(),
  schemaVersion: z.number().int().nonnegative().optional(),
  at: z.iso.datetime({ offset: true }),
});

export const switchDbRequestSchema = z.strictObject({
  current: dbNameSchema,
  aside: dbNameSchema,
  reason: z.string().max(500),
});

export const saveTeamKeyRequestSchema = z.strictObject({
  teamName: z.string().trim().min(1).max(80),
  key: bytesSchema(20).refine((b) => b.byteLength === 20, 'must be 20 bytes'),
  replace: z.boolean(),
});

export const backupPasswordRequestSchema = z.strictObject({ password: z.string().min(1).max(1024).nullable() });

/** Channels without a request receive `undefined` (the preload forwards the missing argument). */
export const noRequestSchema = z.undefined();

/** Every channel's request schema; the mapped type makes a missing or mistyped channel a compile error. */
export const requestSchemas = {
  'app:info': noRequestSchema,
  'file:save': saveFileRequestSchema,
  'file:open': openFileRequestSchema,
  'pdf:open': pdfRequestSchema,
  'pdf:print': pdfRequestSchema,
  'notify:show': notifyRequestSchema,
  'backup:get-folder': noRequestSchema,
  'backup:choose-folder': noRequestSchema,
  'backup:write': backupWriteRequestSchema,
  'backup:list': noRequestSchema,
  'backup:read': backupReadRequestSchema,
  'backup:take-opened': noRequestSchema,
  'backup:unpin': backupReadRequestSchema,
  'backup:location': noRequestSchema,
  'state:report': dataMarkerSchema,
  'state:get': noRequestSchema,
  'state:switch-db': switchDbRequestSchema,
  'teamkey:load': noRequestSchema,
  'teamkey:save': saveTeamKeyRequestSchema,
  'secret:get-backup-password': noRequestSchema,
  'secret:set-backup-password': backupPasswordRequestSchema,
} as const satisfies { [C in Channel]: z.ZodType<IpcContract[C]['req']> };

/** Builds a successful `IpcResult`. */
export function ipcOk<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** Builds a failed `IpcResult` with a typed error code and a human-readable message. */
export function ipcFail(code: IpcErrorCode, message: string): { ok: false; error: IpcError } {
  return { ok: false, error: { code, message } };
}

/** Summarises a zod error in one line (`data: must be at most … bytes; name: …`) for an `invalid-payload` result. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(request)'}: ${issue.message}`)
    .join('; ');
}
