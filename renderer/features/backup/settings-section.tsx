import { BackupSettings } from './BackupSettings';

/** Settings → “Backup” tab (before the Data tab). */
export const sections = [{ key: 'backup', titleKey: 'backup:tab', Component: BackupSettings, order: 80 }];
