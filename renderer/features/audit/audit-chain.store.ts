import { create } from 'zustand';
import type { AuditEntry } from '@shared/schemas/core';
import type { ChainCheck } from '../../db/audit';
import { verifyAudit, type AuditVerification } from '../../db/audit-seal';
import { getDb } from '../../db';
import { teamKey } from '../../core/team-key';
import { platform } from '../../platform';

/** When this session began: a marker written before it says how long the chain was at the last close. */
const sessionStart = Date.now();

/** The result of the last verification in this session (session state, not a table copy). */
export interface ChainState {
  status: 'idle' | 'checking' | 'ok' | 'broken' | 'error';
  /** The hash chain alone. */
  result?: ChainCheck;
  /** Chain, keyed seal, length kept outside the database, and every record against its entries. */
  verification?: AuditVerification;
  /** The first entry that does not hold (absent for a gap: the entry is missing). */
  bad?: AuditEntry;
  checkedAt?: string;
  error?: string;
  check: () => Promise<ChainCheck | null>;
}

export const useAuditChainStore = create<ChainState>((set, get) => ({
  status: 'idle',
  async check() {
    if (get().status === 'checking') return get().result ?? null;
    set({ status: 'checking' });
    try {
      const db = getDb();
      // The data-state marker is kept outside IndexedDB (renderer/features/recovery/data-marker.ts);
      // only one from before this session is used: within it the seal covers every write.
      const marker = (await platform.stateGet().catch(() => null))?.marker;
      const expectedLastSeq =
        marker && marker.dbName === db.name && Date.parse(marker.at) < sessionStart ? marker.auditSeq : undefined;
      const verification = await verifyAudit(db, { key: teamKey(), expectedLastSeq });
      const result = verification.chain;
      const bad = result.ok ? undefined : await db.auditLog.get(result.firstBadSeq);
      set({
        status: verification.ok ? 'ok' : 'broken',
        result,
        verification,
        bad,
        checkedAt: new Date().toISOString(),
        error: undefined,
      });
      return result;
    } catch (err) {
      set({
        status: 'error',
        error: err instanceof Error ? err.message : String(err),
        checkedAt: new Date().toISOString(),
      });
      return null;
    }
  },
}));
