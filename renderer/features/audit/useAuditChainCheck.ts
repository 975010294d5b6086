import { useEffect } from 'react';
import { useAuditChainStore, type ChainState } from './audit-chain.store';

/**
 * Verifies the audit log and the records once per session and returns the outcome; `check()`
 * verifies again. The shell's banner asks with a delay, so the check (it reads every record) does
 * not compete with start-up's own reads and writes; the audit page asks at once.
 */
export function useAuditChainCheck(delayMs = 0): ChainState {
  const state = useAuditChainStore();
  useEffect(() => {
    const start = () => {
      if (useAuditChainStore.getState().status === 'idle') void useAuditChainStore.getState().check();
    };
    if (delayMs <= 0) return start();
    const timer = setTimeout(start, delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  return state;
}
