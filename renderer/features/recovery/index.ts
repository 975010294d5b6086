/**
 * What the app's start uses from recovery: the start-up decision (start.ts), the marker reports
 * that keep what the database held outside IndexedDB (data-marker.ts), and the recovery screen.
 */
export { startDatabase, classifyOpenError, type Recovery, type RecoveryReason, type StartResult } from './start';
export { startMarkerReports } from './data-marker';
export { RecoveryScreen } from './RecoveryScreen';
