import { Alert, Button, Popconfirm } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, writeTx } from '../../db';
import { useSaveHandler } from '../../components/useSaveHandler';
import { untrustedKey, type UntrustedMark } from './restore';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core';
import { navigate } from '../../app/router';
import { isStale, useLastBackup } from './backup.repo';
import { useBackupAgent } from './agent';
import { useBackupStore } from './backup.store';

/** Clears the untrusted mark after a person reviewed the restored data; audited. */
export async function markReviewed(): Promise<void> {
  await writeTx(['meta'], async (db, w) => {
    const mark = (await db.meta.get(untrustedKey))?.value as UntrustedMark | undefined;
    await db.meta.delete(untrustedKey);
    await w.log(
      'backup',
      (mark?.source ?? 'untrusted').slice(0, 64),
      'settings',
      `restored data reviewed: untrusted mark (${mark?.reason ?? '?'}, ${mark?.at ?? '?'}) cleared`,
    );
  });
}

/** Shown on every page while the data came from a backup the team key did not vouch for. */
function UntrustedBanner() {
  const { t, i18n } = useTranslation('backup');
  const save = useSaveHandler();
  const mark = useLiveQuery(async () => (await getDb().meta.get(untrustedKey))?.value as UntrustedMark | undefined);
  if (!mark) return null;
  return (
    <Alert
      type="error"
      showIcon
      banner
      data-testid="untrusted-banner"
      title={t('untrusted.banner', { source: mark.source, time: formatDateTime(mark.at, i18n.language) })}
      description={
        mark.approvedBy &&
        t('untrusted.approvedBy', {
          name: mark.approvedBy.approverName,
          time: formatDateTime(mark.approvedBy.approvedAt, i18n.language),
        })
      }
      action={
        <Popconfirm
          title={t('untrusted.reviewedConfirm')}
          okText={t('common:actions.ok')}
          cancelText={t('common:actions.cancel')}
          onConfirm={() => void save(markReviewed)}
        >
          <Button size="small">{t('untrusted.reviewed')}</Button>
        </Popconfirm>
      }
    />
  );
}

/**
 * For the shell, above every page: the untrusted-data banner, and the backup banner, shown when the last verified backup is older than 7 days or
 * there is none. Mounting it also keeps the automatic backups (30 min, on close) running.
 */
export function BackupBanner() {
  return (
    <>
      <UntrustedBanner />
      <BackupAgeBanner />
    </>
  );
}

function BackupAgeBanner() {
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
