/** What the app shell uses from backup: the banner that warns of an overdue or failed backup. */
export { BackupBanner } from './BackupBanner';
/** A backup file opened with the app (file association, second launch) goes to the restore dialog. */
export { OpenedBackupFile } from './OpenedBackupFile';
