/** What the app shell and the backup feature use from the audit log: its banner, its store and the chain check. */
export { AuditChainBanner } from './AuditChainBanner';
export { useAuditChainStore, type ChainState } from './audit-chain.store';
export { checkChainRows } from './chain';
