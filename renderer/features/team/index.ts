/** What other features use from the team: the personnel and on-call roster panels (shown on the training page). */
export { PersonnelPanel } from './PersonnelPanel';
export { RosterPanel } from './RosterPanel';
