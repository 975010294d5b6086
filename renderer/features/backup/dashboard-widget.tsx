import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core';
import { navigate } from '../../app/router';
import { platform } from '../../platform';
import { isStale, olderThanADay, useLastBackup } from './backup.repo';
import { BackupError, runBackup } from './backup.service';
import { useBackupAgent } from './agent';

/** Dashboard card: when the data was last safely copied, and a one-click backup. */
export function Widget() {
  useBackupAgent();
  const { t, i18n } = useTranslation('backup');
  const { message } = App.useApp();
  const last = useLastBackup();
  const [busy, setBusy] = useState(false);
  const stale = isStale(last);
  const [sameDisk, setSameDisk] = useState(false);
  useEffect(() => {
    let live = true;
    void platform.backupLocation().then(
      (loc) => live && setSameDisk(loc.kind !== 'browser' && loc.sameDiskAsData === true),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  async function now() {
    setBusy(true);
    try {
      const done = await runBackup('manual');
      message.success(t('done', { name: done.name }));
    } catch (err) {
      message.error(err instanceof BackupError ? t(err.messageKey, err.params) : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card
      size="small"
      title={t('widget.title')}
      data-testid="backup-widget"
      extra={
        <Button type="link" size="small" onClick={() => navigate('/settings/backup')}>
          {t('widget.manage')}
        </Button>
      }
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={last ? t('banner.old', { time: formatDateTime(last.at, i18n.language) }) : t('last.none')}
        />
      )}
      {last && !stale && olderThanADay(last) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="backup-widget-day-old"
          title={t('widget.dayOld', { time: formatDateTime(last.at, i18n.language) })}
        />
      )}
      {sameDisk && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="backup-widget-same-disk"
          title={t('widget.sameDisk')}
        />
      )}
      {last && !stale && (
        <Typography.Paragraph style={{ marginBottom: 12 }}>
          {t('widget.last', { time: formatDateTime(last.at, i18n.language) })}{' '}
          <Typography.Text type="success">{t('last.verified')}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Space>
        <Button icon={<CloudUploadOutlined />} loading={busy} onClick={() => void now()}>
          {t('actions.backupNow')}
        </Button>
      </Space>
    </Card>
  );
}

export const order = 90;
export const span = 12;
