/**
 * The sync bundle file: one laptop's changes for its peers, as it travels on a USB stick or through
 * a shared folder. UTF-8 JSON with a header (format, version, team, schema version), the body
 * (see ./replica.ts), the attachments the peer lacks by content hash, and an HMAC-SHA-256 over the
 * canonical JSON of everything else, made with the team key. Reading checks, in this order: that
 * it is a whole bundle, of a format and schema this app reads, of this team, authentic, and well
 * formed — and refuses it otherwise, before anything is merged.
 */
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../util/hash';
import { FORBIDDEN_KEYS } from './merge';
import type { BundleBody } from './replica';

export const BUNDLE_FORMAT = 'onsite-desk-sync';
export const BUNDLE_VERSION = 1;

/** Signs and checks with the team key (the platform keeps the key; see renderer/platform). */
export interface BundleMac {
  sign(message: string): Promise<string>;
}

export interface BundleBlob {
  sha256: string;
  /** base64 */
  data: string;
}

export interface BundleFile {
  format: typeof BUNDLE_FORMAT;
  version: number;
  team: string;
  teamName?: string;
  schemaVersion: number;
  body: BundleBody;
  blobs: BundleBlob[];
  mac: string;
}

export type BundleRefusal =
  | { code: 'not-a-bundle' }
  | { code: 'newer-format'; version: number }
  | { code: 'newer-schema'; schemaVersion: number }
  | { code: 'other-team'; team: string; teamName?: string }
  | { code: 'auth-failed' }
  | { code: 'invalid'; detail: string }
  | { code: 'blob-mismatch'; sha256: string };

const safeKey = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((k) => !FORBIDDEN_KEYS.has(k), 'forbidden key');
const stamp = z.string().regex(/^\d{13}-[0-9a-f]{4}-[A-Za-z0-9]{1,16}$/);
const changeSchema = z.strictObject({
  id: stamp,
  device: z.string().regex(/^[A-Za-z0-9]{1,16}$/),
  seq: z.number().int().positive(),
  table: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/),
  recordId: safeKey(200),
  at: z.string().max(40),
  actor: z.string().max(200),
  fields: z.record(safeKey(100), z.strictObject({ value: z.unknown(), parents: z.array(stamp) })),
});
const bodySchema = z.strictObject({
  from: z.string().regex(/^[A-Za-z0-9]{1,16}$/),
  stamp,
  vv: z.record(z.string(), z.number().int().nonnegative()),
  changes: z.array(changeSchema),
});
const fileSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int(),
  team: z.string().min(1),
  teamName: z.string().optional(),
  schemaVersion: z.number().int(),
  body: bodySchema,
  blobs: z.array(z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), data: z.string() })),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

// The MAC covers each file by its SHA-256, not its bytes: every file is checked against its hash
// on reading (blob-mismatch), and canonicalising megabytes of base64 would cost seconds.
const unsigned = (f: Omit<BundleFile, 'mac'>) =>
  canonicalJson({
    format: f.format,
    version: f.version,
    team: f.team,
    teamName: f.teamName ?? null,
    schemaVersion: f.schemaVersion,
    body: f.body,
    blobs: f.blobs.map((b) => b.sha256),
  });

/** Writes a bundle file. */
export async function encodeBundle(
  header: { team: string; teamName?: string; schemaVersion: number },
  body: BundleBody,
  blobs: BundleBlob[],
  mac: BundleMac,
): Promise<Uint8Array> {
  const file: Omit<BundleFile, 'mac'> = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, ...header, body, blobs };
  const signed: BundleFile = { ...file, mac: await mac.sign(unsigned(file)) };
  return new TextEncoder().encode(JSON.stringify(signed));
}

function base64Bytes(b64: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Reads a bundle file; every refusal names why. Nothing here changes any state. */
export async function decodeBundle(
  bytes: Uint8Array,
  expect: { team: string; schemaVersion: number },
  mac: BundleMac,
): Promise<{ ok: true; file: BundleFile } | { ok: false; refusal: BundleRefusal }> {
  let raw: unknown;
  let forbidden = false;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes), (k, v: unknown) => {
      if (FORBIDDEN_KEYS.has(k)) forbidden = true;
      return v;
    });
  } catch {
    return { ok: false, refusal: { code: 'not-a-bundle' } };
  }
  if (forbidden) return { ok: false, refusal: { code: 'invalid', detail: 'forbidden key' } };
  const head = raw as Partial<BundleFile> | null;
  if (!head || typeof head !== 'object' || head.format !== BUNDLE_FORMAT) {
    return { ok: false, refusal: { code: 'not-a-bundle' } };
  }
  if (typeof head.version === 'number' && head.version > BUNDLE_VERSION) {
    return { ok: false, refusal: { code: 'newer-format', version: head.version } };
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > expect.schemaVersion) {
    return { ok: false, refusal: { code: 'newer-schema', schemaVersion: head.schemaVersion } };
  }
  if (typeof head.team === 'string' && head.team !== expect.team) {
    return { ok: false, refusal: { code: 'other-team', team: head.team, teamName: head.teamName } };
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, refusal: { code: 'invalid', detail: parsed.error.issues[0]?.path.join('.') ?? '' } };
  }
  const file = parsed.data as BundleFile;
  if ((await mac.sign(unsigned(file))) !== file.mac) return { ok: false, refusal: { code: 'auth-failed' } };
  for (const blob of file.blobs) {
    const data = base64Bytes(blob.data);
    if (!data || sha256Hex(data) !== blob.sha256)
      return { ok: false, refusal: { code: 'blob-mismatch', sha256: blob.sha256 } };
  }
  return { ok: true, file };
}
