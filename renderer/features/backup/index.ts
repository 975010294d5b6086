/** What the app shell uses from backup: the banner that warns of an overdue or failed backup. */
export { BackupBanner } from './BackupBanner';
