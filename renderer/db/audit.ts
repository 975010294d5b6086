import type { AuditAction, AuditEntry } from '@shared/schemas/core';
import { cleanText } from '@shared/util/clean-text';
import { dataHash, sha256Hex, zeroHash } from '@shared/util/hash';
import type { OnsiteDb, TableName } from './db';

/**
 * Tables whose every write leaves an audit entry carrying the record's content hash. `meta` (this
 * laptop's bookkeeping), `alertLog` (which alerts were sent) and the audit log itself are not.
 */
export const auditedTables = [
  'settings',
  'team',
  'contacts',
  'systems',
  'faults',
  'faultEvents',
  'serviceRequests',
  'attachments',
  'inspectionTemplates',
  'inspections',
  'inspectionAnswers',
  'reports',
  'signatures',
  'kbArticles',
  'kbVersions',
  'trainings',
  'trainingPlans',
  'roster',
  'personnelChanges',
  'calendars',
  'feedbackMeetings',
] as const satisfies readonly TableName[];
export type AuditedTable = (typeof auditedTables)[number];
export function isAuditedTable(name: string): name is AuditedTable {
  return (auditedTables as readonly string[]).includes(name);
}

export interface AuditInput {
  actor: string;
  entity: string;
  entityId: string;
  action: AuditAction;
  summary: string;
  at?: string;
  /** The record's content hash after the write (`recordHash`), null when it was deleted. */
  contentHash?: string | null;
}

/**
 * A row as the content hash sees it: byte arrays (attachment data) are replaced by their SHA-256,
 * so a large file is hashed once, not canonicalised byte by byte.
 */
function hashable(value: unknown): unknown {
  // Tags, not instanceof: rows read back from IndexedDB may come from another realm (jsdom).
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Uint8Array]') return { $sha256: sha256Hex(value as Uint8Array) };
  if (tag === '[object ArrayBuffer]') return { $sha256: sha256Hex(new Uint8Array(value as ArrayBuffer)) };
  if (Array.isArray(value)) return value.map(hashable);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = hashable(v);
    return out;
  }
  return value;
}

/** SHA-256 of a record's canonical JSON (RFC 8785), byte arrays by their own hash. */
export function recordHash(row: unknown): string {
  return dataHash(hashable(row));
}

/** The hash of an entry: SHA-256 of the canonical JSON of every field but `hash` and `mac`. */
export function entryHash(entry: Omit<AuditEntry, 'hash' | 'mac'> & { hash?: string; mac?: string }): string {
  const { hash: _hash, mac: _mac, ...rest } = entry;
  return dataHash(rest);
}

/** The next entry after `last` (pure: the caller stores it). */
export function nextEntry(last: AuditEntry | undefined, input: AuditInput): AuditEntry {
  const base: Omit<AuditEntry, 'hash'> = {
    seq: last ? last.seq + 1 : 0,
    id: crypto.randomUUID(),
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    entity: input.entity,
    entityId: input.entityId.slice(0, 64),
    action: input.action,
    // Cleaned before the first write: once hashed into the chain it can never be cleaned.
    summary: cleanText(input.summary).slice(0, 2000),
    prevHash: last ? last.hash : zeroHash,
  };
  if (input.contentHash !== undefined) base.contentHash = input.contentHash;
  return { ...base, hash: entryHash(base) };
}

/**
 * Appends one entry to the hash chain. Must run inside a read-write transaction that includes
 * `auditLog`, so the entry commits (or fails) together with the change it describes. Only the
 * write helper in renderer/db/index.ts (and restore, migrations) call it: features write through
 * `writeTx`'s writer, which appends the entry itself.
 */
export async function appendAudit(db: OnsiteDb, input: AuditInput): Promise<AuditEntry> {
  const last = await db.auditLog.orderBy('seq').last();
  const entry = nextEntry(last, input);
  await db.auditLog.add(entry);
  writtenHere.add(`${db.name}:${entry.seq}`);
  return entry;
}

/**
 * Sequence numbers of entries this app instance appended (per database). The seal
 * (renderer/db/audit-seal.ts) extends only over entries written here: an entry that appeared while
 * the app was closed is never sealed by itself.
 */
const writtenHere = new Set<string>();
export function wasWrittenHere(db: OnsiteDb, seq: number): boolean {
  return writtenHere.has(`${db.name}:${seq}`);
}

export type ChainCheck =
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; firstBadSeq: number; reason: 'hash' | 'link' | 'gap' };

/** Verifies the whole chain in order; names the first entry that does not hold. */
export async function verifyAuditChain(db: OnsiteDb): Promise<ChainCheck> {
  let prev = zeroHash;
  let expectedSeq = 0;
  let count = 0;
  let bad: ChainCheck | null = null;
  await db.auditLog
    .orderBy('seq')
    .until(() => bad !== null)
    .each((e) => {
      if (e.seq !== expectedSeq) bad = { ok: false, count, firstBadSeq: expectedSeq, reason: 'gap' };
      else if (e.prevHash !== prev) bad = { ok: false, count, firstBadSeq: e.seq, reason: 'link' };
      else if (entryHash(e) !== e.hash) bad = { ok: false, count, firstBadSeq: e.seq, reason: 'hash' };
      prev = e.hash;
      expectedSeq++;
      count++;
    });
  return bad ?? { ok: true, count, head: prev };
}

/** The chain head hash (printed on report sign-off pages). */
export async function auditHead(db: OnsiteDb): Promise<string> {
  return (await db.auditLog.orderBy('seq').last())?.hash ?? zeroHash;
}
