/** What the app shell uses from backup: the banner that warns of an overdue or failed backup. */
export { BackupBanner } from './BackupBanner';
/** A backup file opened with the app (file association, second launch) goes to the restore dialog. */
export { OpenedBackupFile } from './OpenedBackupFile';
/** What the recovery screen (renderer/features/recovery) uses: validate a file and restore it into a fresh database. */
export { validateBackup, type RestorePlan, type ValidationResult } from './validate';
export { applyRestore } from './restore';
export { issueText, formatBytes, tableLabel } from './messages';
export type { BackupIssue } from './format-types';
/** Sync (renderer/features/sync) keeps a snapshot before it merges a bundle, to undo the import. */
export { makeBackupFile } from './backup.service';
/** Which zod schema checks which table: sync's test that every field that can conflict has a label. */
export { resolveTableSchemas } from './table-schemas';
