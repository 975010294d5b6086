import type { AuditEntry } from '@shared/schemas/core';
import { zeroHash } from '@shared/util/hash';
import { entryHash, type ChainCheck } from '../../db/audit';

/** The same check as `verifyAuditChain`, on entries in memory (a backup being restored). */
export function checkChainRows(entries: readonly AuditEntry[]): ChainCheck {
  let prev = zeroHash;
  for (let i = 0; i < entries.length; i++) {
    const { hash, ...rest } = entries[i];
    if (entries[i].seq !== i) return { ok: false, count: i, firstBadSeq: i, reason: 'gap' };
    if (entries[i].prevHash !== prev) return { ok: false, count: i, firstBadSeq: i, reason: 'link' };
    if (entryHash(rest) !== hash) return { ok: false, count: i, firstBadSeq: i, reason: 'hash' };
    prev = hash;
  }
  return { ok: true, count: entries.length, head: prev };
}
