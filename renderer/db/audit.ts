import type { AuditAction, AuditEntry } from '@shared/schemas/core';
import { cleanText } from '@shared/util/clean-text';
import { dataHash, zeroHash } from '@shared/util/hash';
import type { OnsiteDb } from './db';

export interface AuditInput {
  actor: string;
  entity: string;
  entityId: string;
  action: AuditAction;
  summary: string;
  at?: string;
}

/** The hash of an entry: SHA-256 of the canonical JSON of every field but `hash`. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return dataHash(entry);
}

/**
 * Appends one entry to the hash chain. Must run inside a read-write transaction that includes
 * `auditLog`, so the entry commits (or fails) together with the change it describes.
 */
export async function appendAudit(db: OnsiteDb, input: AuditInput): Promise<AuditEntry> {
  const last = await db.auditLog.orderBy('seq').last();
  const base: Omit<AuditEntry, 'hash'> = {
    seq: last ? last.seq + 1 : 0,
    id: crypto.randomUUID(),
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    entity: input.entity,
    entityId: input.entityId,
    action: input.action,
    // Cleaned before the first write: once hashed into the chain it can never be cleaned.
    summary: cleanText(input.summary).slice(0, 2000),
    prevHash: last ? last.hash : zeroHash,
  };
  const entry: AuditEntry = { ...base, hash: entryHash(base) };
  await db.auditLog.add(entry);
  return entry;
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
      const { hash, ...rest } = e;
      if (e.seq !== expectedSeq) bad = { ok: false, count, firstBadSeq: expectedSeq, reason: 'gap' };
      else if (e.prevHash !== prev) bad = { ok: false, count, firstBadSeq: e.seq, reason: 'link' };
      else if (entryHash(rest) !== hash) bad = { ok: false, count, firstBadSeq: e.seq, reason: 'hash' };
      prev = hash;
      expectedSeq++;
      count++;
    });
  return bad ?? { ok: true, count, head: prev };
}

/** The chain head hash (printed on report sign-off pages). */
export async function auditHead(db: OnsiteDb): Promise<string> {
  return (await db.auditLog.orderBy('seq').last())?.hash ?? zeroHash;
}
