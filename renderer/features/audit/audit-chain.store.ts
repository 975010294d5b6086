import { create } from 'zustand';
import type { AuditEntry } from '@shared/schemas/core';
import { verifyAuditChain, type ChainCheck } from '../../db/audit';
import { getDb } from '../../db';

/** The result of the last chain verification in this session (session state, not a table copy). */
export interface ChainState {
  status: 'idle' | 'checking' | 'ok' | 'broken' | 'error';
  result?: ChainCheck;
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
      const result = await verifyAuditChain(db);
      const bad = result.ok ? undefined : await db.auditLog.get(result.firstBadSeq);
      set({ status: result.ok ? 'ok' : 'broken', result, bad, checkedAt: new Date().toISOString(), error: undefined });
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
