/**
 * The sync feature's front door: the dashboard shows per peer when this laptop last received
 * their changes. The page itself is reached through ./routes.tsx.
 */
export { usePeers, usePeerLabel } from './SyncPage';
export { relativeTime, peerLagWarnMs } from './sync.service';
