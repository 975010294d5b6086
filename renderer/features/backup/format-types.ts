/**
 * The `.odbk` backup file, format 2 (format 1 is the same without `team` and `mac`):
 *
 *   "ODBK" | u16 LE format version | u32 LE header length H | header JSON (H bytes) | payload
 *
 * The header is always plain text (it says whether the payload is encrypted, and how). The payload
 * is `u32 LE manifest length | manifest JSON | one section per table | blob section`; when
 * encrypted it is AES-GCM ciphertext and the prefix + header are its additional data, so neither
 * can be altered unnoticed. Unencrypted, the header carries the manifest's SHA-256 and the
 * manifest that of every section, so every byte of the file is covered by a hash. The header also
 * names the team and carries an HMAC with the team key over itself and the manifest
 * (format-auth.ts): a hash anyone can recompute, the MAC only the team.
 *
 * A table section is the canonical JSON (RFC 8785) of its rows in primary-key order, with every
 * binary value (Uint8Array, ArrayBuffer, Blob) and Date replaced by null and listed in the
 * manifest's `typed` entries; the table's SHA-256 is that of the section.
 */
import { z } from 'zod';
import type { TeamKey } from '../../core/team-key';
import type { BackupAuth } from './format-auth';

export const backupMagic = 'ODBK';
export const formatVersion = 2;
/** The first format with a team and a MAC in the header (format-auth.ts). */
export const authFormatVersion = 2;
export const backupKind = 'onsite-desk-backup';
export const prefixBytes = 10;
/** A header is a few hundred bytes; anything larger is not ours. */
export const maxHeaderBytes = 64 * 1024;
export const maxManifestBytes = 64 * 1024 * 1024;
/** OWASP's figure for PBKDF2-HMAC-SHA-256; files asking for fewer or absurdly many iterations are refused. */
export const defaultIterations = 600_000;
export const minIterations = 310_000;
export const maxIterations = 10_000_000;

export type BackupReason = 'auto' | 'manual' | 'close' | 'pre-upgrade' | 'pre-restore' | 'export';
export type PrimKey = string | string[] | null;

/** What a backup is made of: every table's rows, in primary-key order. */
export interface SnapshotTable {
  name: string;
  primKey: PrimKey;
  rows: unknown[];
}

export interface BackupInfo {
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  deviceCode: string;
  reason: BackupReason;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const b64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+=*$/)
  .max(200);
const pathPart = z.union([z.string().max(200), z.number().int().nonnegative()]);

export const headerSchema = z.strictObject({
  encrypted: z.boolean(),
  payloadLength: z.number().int().nonnegative(),
  manifestSha256: hex64.optional(),
  kdf: z
    .strictObject({
      name: z.literal('PBKDF2'),
      hash: z.literal('SHA-256'),
      iterations: z.number().int().min(minIterations).max(maxIterations),
      salt: b64,
    })
    .optional(),
  cipher: z.strictObject({ name: z.literal('AES-GCM'), iv: b64 }).optional(),
  /** Format 2: the team that made the file (not secret) and the HMAC of format-auth.ts. */
  team: z.strictObject({ id: z.string().min(1).max(40), name: z.string().max(80) }).optional(),
  mac: hex64.optional(),
});
export type Header = z.infer<typeof headerSchema>;

export const typedValueSchema = z.strictObject({
  row: z.number().int().nonnegative(),
  path: z.array(pathPart).min(1).max(32),
  type: z.enum(['bytes', 'arraybuffer', 'blob', 'date']),
  blob: z.number().int().nonnegative().optional(),
  mime: z.string().max(200).optional(),
  value: z.string().max(64).optional(),
});
export type TypedValue = z.infer<typeof typedValueSchema>;

export const manifestTableSchema = z.strictObject({
  name: z.string().min(1).max(64),
  primKey: z.union([z.string().max(64), z.array(z.string().max(64)).max(8), z.null()]),
  count: z.number().int().nonnegative(),
  sha256: hex64,
  bytes: z.number().int().nonnegative(),
  typed: z.array(typedValueSchema),
});
export type ManifestTable = z.infer<typeof manifestTableSchema>;

export const manifestSchema = z.strictObject({
  kind: z.literal(backupKind),
  format: z.number().int().positive(),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().positive(),
  createdAt: z.iso.datetime({ offset: true }),
  deviceCode: z.string().max(8),
  reason: z.enum(['auto', 'manual', 'close', 'pre-upgrade', 'pre-restore', 'export']),
  tables: z.array(manifestTableSchema).max(200),
  blobs: z.array(z.strictObject({ length: z.number().int().nonnegative(), sha256: hex64 })),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** One problem found in a file: an i18n key (namespace `backup`) and its parameters. */
export interface BackupIssue {
  key: string;
  params?: Record<string, string | number>;
}

export interface DecodedBackup {
  header: Header;
  /** Whether the team key vouches for the file (format-auth.ts). */
  auth: BackupAuth;
  manifest: Manifest;
  /** Rows per table, binary values and dates put back in place. */
  tables: Map<string, unknown[]>;
  /** SHA-256 of each binary value put into a row, already checked against the manifest. */
  hashes: WeakMap<object, string>;
}

export type DecodeResult =
  { ok: true; backup: DecodedBackup } | { ok: false; errors: BackupIssue[]; needsPassword?: boolean };

export interface EncodeOptions {
  password?: string;
  /** The key that authenticates the file; defaults to the loaded team key (renderer/core/team-key.ts). */
  key?: TeamKey | null;
  iterations?: number;
  onProgress?: (fraction: number) => void;
}
