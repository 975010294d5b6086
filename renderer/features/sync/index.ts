/**
 * The sync feature's front door: the dashboard shows per peer when this laptop last received
 * their changes, and reports that count the team's work warn about peers behind. The page itself is reached through ./routes.tsx.
 */
export { usePeers, usePeerLabel } from './SyncPage';
export { PeersBehindNotice } from './PeersBehindNotice';
export { relativeTime, peerLagWarnMs } from './sync.service';
