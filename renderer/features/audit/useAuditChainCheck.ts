import { useEffect } from 'react';
import { useAuditChainStore, type ChainState } from './audit-chain.store';

/**
 * Verifies the audit hash chain once per session, at start (the shell mounts AuditChainBanner,
 * which calls this), and returns the outcome; `check()` verifies again.
 */
export function useAuditChainCheck(): ChainState {
  const state = useAuditChainStore();
  useEffect(() => {
    if (useAuditChainStore.getState().status === 'idle') void useAuditChainStore.getState().check();
  }, []);
  return state;
}
