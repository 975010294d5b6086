import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core';
import { navigate } from '../../app/router';
import { isStale, useLastBackup } from './backup.repo';
import { useBackupAgent } from './agent';
import { useBackupStore } from './backup.store';

/**
 * For the shell, above every page: shown when the last verified backup is older than 7 days or
 * there is none. Mounting it also keeps the automatic backups (30 min, on close) running.
 */
export function BackupBanner() {
  useBackupAgent();
  const { t, i18n } = useTranslation('backup');
  const last = useLastBackup();
  const isClosing = useBackupStore((s) => s.isClosing);
  if (isClosing) return <Alert type="info" showIcon banner data-testid="backup-closing" title={t('banner.closing')} />;
  if (!isStale(last)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="backup-banner"
      title={last ? t('banner.old', { time: formatDateTime(last.at, i18n.language) }) : t('banner.none')}
      action={
        <Button size="small" onClick={() => navigate('/settings/backup')}>
          {t('actions.openSettings')}
        </Button>
      }
    />
  );
}
