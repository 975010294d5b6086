import { teamKey } from '../../core/team-key';
import { backupMac, NoTeamKeyError } from './format-auth';
import { encrypt, newSeal, sha256HexAsync, toBase64 } from './format-crypto';
import {
  backupKind,
  backupMagic,
  defaultIterations,
  formatVersion,
  prefixBytes,
  type BackupInfo,
  type EncodeOptions,
  type Header,
  type Manifest,
  type ManifestTable,
  type SnapshotTable,
  type TypedValue,
} from './format-types';

/** A value the format cannot carry faithfully (a Map, a Float32Array…): the backup fails rather than lose it. */
export class UnsupportedValueError extends Error {
  constructor(
    public table: string,
    public path: string,
  ) {
    super(`Unsupported value in ${table} at ${path}`);
    this.name = 'UnsupportedValueError';
  }
}

const tag = (v: object) => Object.prototype.toString.call(v);

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as object | null;
  // Any realm's Object.prototype (rows read from IndexedDB in a test realm included).
  return proto === null || Object.getPrototypeOf(proto) === null;
}

interface Extracted {
  typed: TypedValue[];
  binaries: Array<Uint8Array | Blob>;
}

/** Thrown by `sorted` for an object with array-index keys, whose order a JS object cannot keep. */
const indexKeys = Symbol('index keys');
const indexKey = /^(0|[1-9]\d*)$/;

/**
 * A copy of `value` with every object's keys in RFC 8785 order (UTF-16 code units), binary values
 * and dates replaced by null and listed in `out`: JSON.stringify of it is the canonical JSON,
 * natively and several times faster than building the string in JS (see `canon`).
 */
function sorted(value: unknown, row: number, path: Array<string | number>, out: Extracted, table: string): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new UnsupportedValueError(table, path.join('.'));
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol' || value === undefined)
      throw new UnsupportedValueError(table, path.join('.'));
    return value;
  }
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      copy[i] = value[i] === undefined ? null : sorted(value[i], row, path, out, table);
      path.pop();
    }
    return copy;
  }
  if (special(value, row, path, out, table)) return null;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (indexKey.test(key)) throw indexKeys;
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    path.push(key);
    copy[key] = sorted(v, row, path, out, table);
    path.pop();
  }
  return copy;
}

/** Moves a binary value or date out into `out`; true when `value` was one. Refuses other non-plain objects. */
function special(value: object, row: number, path: Array<string | number>, out: Extracted, table: string): boolean {
  const t = tag(value);
  if (t === '[object Uint8Array]' || t === '[object ArrayBuffer]') {
    out.typed.push({
      row,
      path: [...path],
      type: t === '[object Uint8Array]' ? 'bytes' : 'arraybuffer',
      blob: out.binaries.length,
    });
    out.binaries.push(t === '[object Uint8Array]' ? (value as Uint8Array) : new Uint8Array(value as ArrayBuffer));
    return true;
  }
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    out.typed.push({ row, path: [...path], type: 'blob', blob: out.binaries.length, mime: value.type });
    out.binaries.push(value);
    return true;
  }
  if (t === '[object Date]') {
    const time = (value as Date).getTime();
    if (Number.isNaN(time)) throw new UnsupportedValueError(table, path.join('.'));
    out.typed.push({ row, path: [...path], type: 'date', value: (value as Date).toISOString() });
    return true;
  }
  if (!isPlainObject(value)) throw new UnsupportedValueError(table, path.join('.'));
  return false;
}

/** One row as canonical JSON: the fast path, or `canon` for the rare object with index-like keys. */
function rowJson(r: unknown, row: number, out: Extracted, table: string): string {
  const typed = out.typed.length;
  const binaries = out.binaries.length;
  try {
    return JSON.stringify(sorted(r, row, [], out, table));
  } catch (err) {
    if (err !== indexKeys) throw err;
    out.typed.length = typed;
    out.binaries.length = binaries;
    return canon(r, row, [], out, table);
  }
}

/**
 * Writes `value` as canonical JSON (RFC 8785: keys sorted by UTF-16 code units, numbers and
 * strings as JSON.stringify writes them) in one pass, putting null where a binary value or a date
 * is and listing it in `out`. The slow path of `rowJson`, for objects with index-like keys.
 */
function canon(value: unknown, row: number, path: Array<string | number>, out: Extracted, table: string): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new UnsupportedValueError(table, path.join('.'));
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol' || value === undefined)
      throw new UnsupportedValueError(table, path.join('.'));
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      s += (i ? ',' : '') + (value[i] === undefined ? 'null' : canon(value[i], row, path, out, table));
      path.pop();
    }
    return `${s}]`;
  }
  if (special(value, row, path, out, table)) return 'null';
  // Default sort compares UTF-16 code units, as RFC 8785 asks.
  const keys = Object.keys(value).sort();
  let s = '{';
  let first = true;
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue; // JSON has no undefined: an absent optional field is the same record
    path.push(key);
    s += `${first ? '' : ','}${JSON.stringify(key)}:${canon(v, row, path, out, table)}`;
    path.pop();
    first = false;
  }
  return `${s}}`;
}

function u32(view: DataView, at: number, n: number) {
  view.setUint32(at, n, true);
}

/** The fixed prefix and header bytes (also the AES-GCM additional data). */
export function headerBytes(header: Header): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(prefixBytes + json.length);
  out.set(new TextEncoder().encode(backupMagic), 0);
  const view = new DataView(out.buffer);
  view.setUint16(4, formatVersion, true);
  u32(view, 6, json.length);
  out.set(json, prefixBytes);
  return out;
}

/**
 * Encodes a snapshot into one `.odbk` file (see format-types.ts). Pure apart from WebCrypto's
 * randomness: the same tables give the same manifest hashes.
 */
export async function encodeBackup(
  tables: SnapshotTable[],
  info: BackupInfo,
  opts: EncodeOptions = {},
): Promise<Uint8Array> {
  const progress = opts.onProgress ?? (() => undefined);
  const key = opts.key === undefined ? teamKey() : opts.key;
  if (!key) throw new NoTeamKeyError();
  const team = { id: key.teamId, name: key.teamName };
  /** The header with its MAC over itself and the manifest (format-auth.ts). */
  const sign = async (header: Header): Promise<Header> => ({
    ...header,
    mac: await backupMac(key, header, manifestJson),
  });
  const encoder = new TextEncoder();
  const sections: Uint8Array[] = [];
  const manifestTables: ManifestTable[] = [];
  const binaries: Array<Uint8Array | Blob> = [];
  for (const [i, t] of tables.entries()) {
    const out: Extracted = { typed: [], binaries: [] };
    const parts = t.rows.map((r, row) => rowJson(r, row, out, t.name));
    for (const tv of out.typed) if (tv.blob !== undefined) tv.blob += binaries.length;
    binaries.push(...out.binaries);
    const bytes = encoder.encode(`[${parts.join(',')}]`);
    sections.push(bytes);
    manifestTables.push({
      name: t.name,
      primKey: t.primKey,
      count: t.rows.length,
      sha256: await sha256HexAsync(bytes),
      bytes: bytes.length,
      typed: out.typed,
    });
    progress((0.3 * (i + 1)) / tables.length);
  }
  const blobBytes: Uint8Array[] = [];
  const blobs: Manifest['blobs'] = [];
  for (const [i, b] of binaries.entries()) {
    const data = tag(b) === '[object Uint8Array]' ? (b as Uint8Array) : new Uint8Array(await (b as Blob).arrayBuffer());
    blobBytes.push(data);
    blobs.push({ length: data.length, sha256: await sha256HexAsync(data) });
    if (i % 16 === 15) progress(0.3 + (0.3 * i) / binaries.length);
  }
  const manifest: Manifest = { kind: backupKind, format: formatVersion, ...info, tables: manifestTables, blobs };
  const manifestJson = encoder.encode(JSON.stringify(manifest));
  const parts = [manifestJson, ...sections, ...blobBytes];
  const payloadLength = 4 + parts.reduce((n, p) => n + p.length, 0);
  /** Lays the payload out at `offset` of `target`: the only copy of hundreds of megabytes. */
  const layOut = (target: Uint8Array, offset: number) => {
    u32(new DataView(target.buffer, target.byteOffset), offset, manifestJson.length);
    let at = offset + 4;
    for (const p of parts) {
      target.set(p, at);
      at += p.length;
    }
  };
  progress(0.7);
  let file: Uint8Array;
  if (opts.password) {
    const seal = newSeal(opts.iterations ?? defaultIterations);
    const header = await sign({
      encrypted: true,
      payloadLength: payloadLength + 16, // + the GCM tag
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: seal.iterations, salt: toBase64(seal.salt) },
      cipher: { name: 'AES-GCM', iv: toBase64(seal.iv) },
      team,
    });
    const payload = new Uint8Array(payloadLength);
    layOut(payload, 0);
    const head = headerBytes(header);
    const body = await encrypt(payload, opts.password, seal, head);
    file = new Uint8Array(head.length + body.length);
    file.set(head, 0);
    file.set(body, head.length);
  } else {
    // Every section has its own hash in the manifest; the header's hash covers the manifest.
    const head = headerBytes(
      await sign({ encrypted: false, payloadLength, manifestSha256: await sha256HexAsync(manifestJson), team }),
    );
    file = new Uint8Array(head.length + payloadLength);
    file.set(head, 0);
    layOut(file, head.length);
  }
  progress(1);
  return file;
}
