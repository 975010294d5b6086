/**
 * The sync feature's front door: the dashboard shows per peer when this laptop last received
 * their changes, reports that count the team's work warn about peers behind, and a record with an
 * undecided sync conflict carries a mark. The page itself is reached through ./routes.tsx.
 */
export { usePeers, usePeerLabel } from './SyncPage';
export { PeersBehindNotice } from './PeersBehindNotice';
export { ConflictMark, useRecordConflicts } from './ConflictMark';
export { relativeTime, peerLagWarnMs } from './sync.service';
