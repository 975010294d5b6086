import { teamKey, type TeamKey } from '../../core/team-key';
import { checkAuth, type BackupAuth } from './format-auth';
import { decrypt, fromBase64, sha256HexAsync } from './format-crypto';
import {
  authFormatVersion,
  backupKind,
  backupMagic,
  formatVersion,
  headerSchema,
  manifestSchema,
  maxHeaderBytes,
  maxManifestBytes,
  prefixBytes,
  type BackupIssue,
  type DecodeResult,
  type Header,
  type Manifest,
  type TypedValue,
} from './format-types';
import type { OnRestoreProgress } from './restore-progress';
import { safeJsonParse, type SafeParse } from './safe-json';

const fail = (key: string, params?: BackupIssue['params'], needsPassword?: boolean): DecodeResult => ({
  ok: false,
  errors: [{ key, params }],
  needsPassword,
});

/** A JSON document or any other text, rather than a backup: said plainly instead of "corrupt". */
function looksLikeJson(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i])) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b; // { or [
}

function readHeader(bytes: Uint8Array): { header: Header; end: number; version: number } | DecodeResult {
  if (bytes.length === 0) return fail('errors.empty');
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== backupMagic) return fail(looksLikeJson(bytes) ? 'errors.foreignJson' : 'errors.notBackup');
  if (bytes.length < prefixBytes) return fail('errors.truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version > formatVersion) return fail('errors.newerFormat', { version, supported: formatVersion });
  if (version < 1) return fail('errors.corrupt');
  const length = view.getUint32(6, true);
  if (length > maxHeaderBytes) return fail('errors.corrupt');
  if (bytes.length < prefixBytes + length) return fail('errors.truncated');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(prefixBytes, prefixBytes + length));
  } catch {
    return fail('errors.corrupt');
  }
  const json = safeJsonParse(text);
  if (!json.ok && json.duplicateKey !== undefined) return duplicateInFile(json);
  if (!json.ok || json.forbidden.length) return fail('errors.corrupt');
  const parsed = headerSchema.safeParse(json.value);
  if (!parsed.success) return fail('errors.corrupt');
  const header = parsed.data;
  if (header.encrypted !== Boolean(header.kdf && header.cipher) || header.encrypted === Boolean(header.manifestSha256))
    return fail('errors.corrupt');
  // From format 2 on, a file names its team and carries a MAC; before, it cannot.
  if (version >= authFormatVersion !== Boolean(header.team && header.mac)) return fail('errors.corrupt');
  return { header, end: prefixBytes + length, version };
}

/** A key twice in one object of the header or manifest: refused by name, like one in a table. */
const duplicateInFile = (json: SafeParse) =>
  fail('errors.duplicateKeyFile', { key: json.ok ? '' : (json.duplicateKey ?? '').slice(0, 64) });

/** Puts a binary value or date back at its path inside a row. False when the path does not fit the row. */
function place(row: unknown, tv: TypedValue, value: unknown): boolean {
  let node = row;
  for (let i = 0; i < tv.path.length - 1; i++) {
    if (node === null || typeof node !== 'object') return false;
    const k = tv.path[i];
    if (!Object.prototype.hasOwnProperty.call(node, k)) return false;
    node = (node as Record<string | number, unknown>)[k];
  }
  const last = tv.path[tv.path.length - 1];
  if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, last)) return false;
  if ((node as Record<string | number, unknown>)[last] !== null) return false;
  (node as Record<string | number, unknown>)[last] = value;
  return true;
}

/** Reads the header only: enough to know whether a password is needed, and which team made it. Never throws. */
export function inspectBackup(
  bytes: Uint8Array,
): { ok: true; encrypted: boolean; team: { id: string; name: string } | null } | { ok: false; errors: BackupIssue[] } {
  try {
    const h = readHeader(bytes);
    if ('ok' in h) return h as { ok: false; errors: BackupIssue[] };
    return { ok: true, encrypted: h.header.encrypted, team: h.header.team ?? null };
  } catch {
    return { ok: false, errors: [{ key: 'errors.corrupt' }] };
  }
}

/**
 * Parses and checks a backup file: container, decryption, payload hash, manifest, per-table
 * hashes and counts, per-blob hashes. Returns errors, never throws (anything unexpected is "corrupt").
 */
export async function decodeBackup(
  bytes: Uint8Array,
  password?: string,
  opts: DecodeOptions = {},
): Promise<DecodeResult> {
  try {
    return await decode(bytes, password, opts);
  } catch (err) {
    return fail('errors.corrupt', {
      detail: err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200),
    });
  }
}

export interface DecodeOptions {
  /**
   * Give binary values views into the file instead of copies of their own: fine for checking a
   * file (the read-back after a backup), wrong for rows going into IndexedDB, where a view would
   * store the whole file's buffer with every attachment.
   */
  views?: boolean;
  /** The key that checks the MAC; defaults to the loaded team key (renderer/core/team-key.ts). */
  key?: TeamKey | null;
  /** Called before each section (attachment or table) is read: phase `reading`. */
  onProgress?: OnRestoreProgress;
}

async function decode(bytes: Uint8Array, password: string | undefined, opts: DecodeOptions): Promise<DecodeResult> {
  const h = readHeader(bytes);
  if ('ok' in h) return h as DecodeResult;
  const { header, end } = h;
  const key = opts.key === undefined ? teamKey() : opts.key;
  // Another team's file is refused by name, before any password is asked for.
  if (header.team && key && header.team.id !== key.teamId)
    return fail('errors.otherTeam', { team: header.team.name || header.team.id, id: header.team.id });
  if (bytes.length < end + header.payloadLength) return fail('errors.truncated');
  if (bytes.length > end + header.payloadLength) return fail('errors.corrupt');
  let payload = bytes.subarray(end, end + header.payloadLength);
  if (header.encrypted) {
    if (!password) return fail('errors.passwordRequired', undefined, true);
    const seal = {
      salt: fromBase64(header.kdf!.salt),
      iv: fromBase64(header.cipher!.iv),
      iterations: header.kdf!.iterations,
    };
    // The prefix and header as stored are the additional data: altering either fails like a wrong password.
    const plain = await decrypt(payload, password, seal, bytes.subarray(0, end));
    if (!plain) return fail('errors.wrongPassword', undefined, true);
    payload = plain;
  }
  if (payload.length < 4) return fail('errors.corrupt');
  const manifestLength = new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getUint32(0, true);
  if (manifestLength > maxManifestBytes || 4 + manifestLength > payload.length) return fail('errors.corrupt');
  if (!header.encrypted && (await sha256HexAsync(payload.subarray(4, 4 + manifestLength))) !== header.manifestSha256)
    return fail('errors.corrupt');
  const mjson = safeJsonParse(new TextDecoder().decode(payload.subarray(4, 4 + manifestLength)));
  if (!mjson.ok && mjson.duplicateKey !== undefined) return duplicateInFile(mjson);
  if (!mjson.ok) return fail('errors.corrupt');
  if (mjson.forbidden.length) return fail('errors.forbiddenKey', { table: 'manifest' });
  const kind = (mjson.value as { kind?: unknown } | null)?.kind;
  if (kind !== backupKind) return fail('errors.notBackup');
  const format = (mjson.value as { format?: unknown }).format;
  if (typeof format === 'number' && format > formatVersion)
    return fail('errors.newerFormat', { version: format, supported: formatVersion });
  const parsed = manifestSchema.safeParse(mjson.value);
  if (!parsed.success) return fail('errors.manifestInvalid', { detail: parsed.error.issues[0]?.path.join('.') ?? '' });
  const auth = await checkAuth(header, payload.subarray(4, 4 + manifestLength), key);
  const progress = opts.onProgress ?? (() => undefined);
  return readSections(parsed.data, payload, 4 + manifestLength, { header, auth }, opts.views === true, progress);
}

/**
 * A copy of its own (rows must not share one huge buffer; IndexedDB would store the whole buffer
 * with each row), made by this realm's Uint8Array: bytes that came through IPC (a Buffer) or
 * another realm still pass `instanceof Uint8Array`.
 */
function ownCopy(view: Uint8Array): Uint8Array {
  const data = new Uint8Array(view.length);
  data.set(view);
  return data;
}

async function readSections(
  manifest: Manifest,
  payload: Uint8Array,
  start: number,
  { header, auth }: { header: Header; auth: BackupAuth },
  views: boolean,
  progress: OnRestoreProgress,
): Promise<DecodeResult> {
  const errors: BackupIssue[] = [];
  const tableBytes = manifest.tables.reduce((n, t) => n + t.bytes, 0);
  const blobBytes = manifest.blobs.reduce((n, b) => n + b.length, 0);
  if (start + tableBytes + blobBytes !== payload.length)
    return fail(start + tableBytes + blobBytes > payload.length ? 'errors.truncated' : 'errors.corrupt');
  const names = new Set<string>();
  for (const t of manifest.tables) {
    if (names.has(t.name)) return fail('errors.manifestInvalid', { detail: t.name });
    names.add(t.name);
  }
  const sections = manifest.blobs.length + manifest.tables.length;
  let done = 0;
  // Blobs first: their hashes are needed before rows take them. Hashed where they lie in the file;
  // copied only when their row takes them, table by table.
  const blobs: Uint8Array[] = [];
  const hashes = new WeakMap<object, string>();
  let at = start + tableBytes;
  for (const [i, b] of manifest.blobs.entries()) {
    progress({ phase: 'reading', done: done++, total: sections });
    const data = payload.subarray(at, at + b.length);
    at += b.length;
    if ((await sha256HexAsync(data)) !== b.sha256) errors.push({ key: 'errors.blobHash', params: { index: i + 1 } });
    blobs.push(data);
  }
  const tables = new Map<string, unknown[]>();
  at = start;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const used = new Set<number>();
  for (const t of manifest.tables) {
    progress({ phase: 'reading', done: done++, total: sections });
    const section = payload.subarray(at, at + t.bytes);
    at += t.bytes;
    if ((await sha256HexAsync(section)) !== t.sha256) {
      errors.push({ key: 'errors.tableHash', params: { table: t.name } });
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(section);
    } catch {
      errors.push({ key: 'errors.tableHash', params: { table: t.name } });
      continue;
    }
    const json = safeJsonParse(text);
    if (!json.ok && json.duplicateKey !== undefined) {
      errors.push({ key: 'errors.duplicateKey', params: { table: t.name, key: json.duplicateKey.slice(0, 64) } });
      continue;
    }
    if (!json.ok || !Array.isArray(json.value)) {
      errors.push({ key: 'errors.tableUnreadable', params: { table: t.name } });
      continue;
    }
    if (json.forbidden.length) errors.push({ key: 'errors.forbiddenKey', params: { table: t.name } });
    const rows = json.value;
    if (rows.length !== t.count)
      errors.push({ key: 'errors.count', params: { table: t.name, expected: t.count, actual: rows.length } });
    for (const tv of t.typed) {
      let value: unknown;
      if (tv.type === 'date') value = tv.value && !Number.isNaN(Date.parse(tv.value)) ? new Date(tv.value) : undefined;
      else if (tv.blob !== undefined && tv.blob < blobs.length && !used.has(tv.blob)) {
        used.add(tv.blob);
        // A Blob copies its bytes itself: it gets the view.
        const data = views || tv.type === 'blob' ? blobs[tv.blob] : ownCopy(blobs[tv.blob]);
        value =
          tv.type === 'bytes'
            ? data
            : tv.type === 'arraybuffer'
              ? data.buffer
              : new Blob([data as Uint8Array<ArrayBuffer>], { type: tv.mime ?? '' });
        hashes.set(value as object, manifest.blobs[tv.blob].sha256);
      }
      if (value === undefined || tv.row >= rows.length || !place(rows[tv.row], tv, value)) {
        errors.push({ key: 'errors.typedValue', params: { table: t.name } });
        break;
      }
    }
    tables.set(t.name, rows);
  }
  progress({ phase: 'reading', done: sections, total: sections });
  if (used.size !== blobs.length && errors.length === 0)
    errors.push({ key: 'errors.manifestInvalid', params: { detail: 'blobs' } });
  if (errors.length) return { ok: false, errors };
  return { ok: true, backup: { header, auth, manifest, tables, hashes } };
}
