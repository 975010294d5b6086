import {
  CloudUploadOutlined,
  ExportOutlined,
  FolderOpenOutlined,
  ImportOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, requestPersistentStorage, storagePersistence, type Persistence } from '../../core';
import { platform } from '../../platform';
import { useAppInfo, useBackupList, useLastAttempt, useLastBackup, useLastRestore } from './backup.repo';
import { BackupError, runBackup, type BackupStage, type LastBackup } from './backup.service';
import { BackupListCard } from './BackupListCard';
import { EncryptionCard } from './EncryptionCard';
import { ExportDialog } from './ExportDialog';
import { useBackupAgent } from './agent';
import { formatBytes, issueText } from './messages';
import { RestoreDialog } from './RestoreDialog';
import type { RestoreSource } from './restore.service';

export function contentsOf(last: Pick<LastBackup, 'counts'>): { tables: number; rows: number; files: number } {
  const counts = Object.entries(last.counts).filter(([name]) => name !== 'meta' && name !== 'auditLog');
  return {
    tables: counts.filter(([, n]) => n > 0).length,
    rows: counts.reduce((n, [, c]) => n + c, 0),
    files: last.counts.attachments ?? 0,
  };
}

/** Whether the engine keeps this app's storage when the disk runs low; a button asks again when it was refused. */
function PersistenceState() {
  const { t } = useTranslation('backup');
  const [state, setState] = useState<Persistence | null>(null);
  useEffect(() => void storagePersistence().then(setState), []);
  if (!state) return null;
  return (
    <Space wrap>
      <Typography.Text type={state === 'persisted' ? 'success' : 'warning'} data-testid="backup-persist">
        {t(`persist.${state}`)}
      </Typography.Text>
      {state === 'refused' && (
        <Button size="small" onClick={() => void requestPersistentStorage().then(setState)}>
          {t('persist.ask')}
        </Button>
      )}
    </Space>
  );
}

/** Settings → Backup: the last verified backup, back up now, folder, export/restore, encryption, the list. */
export function BackupSettings() {
  useBackupAgent();
  const { t, i18n } = useTranslation('backup');
  const { message } = App.useApp();
  const last = useLastBackup();
  const attempt = useLastAttempt();
  const lastRestore = useLastRestore();
  const info = useAppInfo();
  const { list, error, reload } = useBackupList();
  const [folder, setFolder] = useState<string>('');
  const [progress, setProgress] = useState<{ stage: BackupStage; percent: number } | null>(null);
  const [restore, setRestore] = useState<(RestoreSource & { undo?: boolean }) | null>(null);
  const [exporting, setExporting] = useState(false);
  useEffect(() => void platform.backupGetFolder().then(setFolder, () => undefined), []);
  const isBrowser = info?.platform === 'web';

  async function backupNow() {
    setProgress({ stage: 'snapshot', percent: 0 });
    try {
      const done = await runBackup('manual', (stage, percent) => setProgress({ stage, percent }));
      message.success(t('done', { name: done.name }));
      reload();
    } catch (err) {
      message.error(
        err instanceof BackupError
          ? [t(err.messageKey, err.params), ...err.issues.slice(0, 3).map((i) => issueText(t, i))].join(' ')
          : String(err),
      );
    } finally {
      setProgress(null);
    }
  }
  async function chooseFolder() {
    const chosen = await platform.backupChooseFolder().catch(() => null);
    if (chosen) {
      setFolder(chosen);
      message.success(t('folder.changed'));
      reload();
    }
  }

  const failed = attempt && !attempt.ok && (!last || attempt.at > last.at) ? attempt : null;
  const c = last ? contentsOf(last) : null;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 980 }} data-testid="backup-settings">
      <Card size="small" title={t('last.title')}>
        {last === null && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('last.none')}
            description={t('last.noneHint')}
            data-testid="backup-none"
          />
        )}
        {failed && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('last.failed', { time: formatDateTime(failed.at, i18n.language) })}
            description={[
              failed.messageKey ? t(failed.messageKey, failed.params) : '',
              ...(failed.issues ?? []).slice(0, 3).map((i) => issueText(t, i)),
            ].join(' ')}
          />
        )}
        {last && c && (
          <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="backup-last" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('last.time')}>{formatDateTime(last.at, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('last.reason')}>{t(`reasons.${last.reason}`)}</Descriptions.Item>
            <Descriptions.Item label={t('last.name')} span={2}>
              <Typography.Text copyable>{last.name}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('last.size')}>
              {formatBytes(last.size, i18n.language)}
              {last.encrypted ? ` · ${t('last.encrypted')}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('last.contents')}>{t('last.contentsValue', c)}</Descriptions.Item>
            <Descriptions.Item label={t('last.sha256')} span={2}>
              <Typography.Text code>{last.sha256.slice(0, 16)}…</Typography.Text>{' '}
              <Typography.Text type="success">{t('last.verified')}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('folder.label')}>
            <Space wrap>
              <Typography.Text code data-testid="backup-folder">
                {isBrowser ? t('folder.browser') : folder || '—'}
              </Typography.Text>
              {info?.platform === 'electron' && (
                <Button size="small" icon={<FolderOpenOutlined />} onClick={() => void chooseFolder()}>
                  {t('actions.chooseFolder')}
                </Button>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('persist.label')}>
            <PersistenceState />
          </Descriptions.Item>
        </Descriptions>
        {isBrowser && <Typography.Paragraph type="secondary">{t('folder.browserHint')}</Typography.Paragraph>}
        <Typography.Paragraph type="secondary">{t('schedule')}</Typography.Paragraph>
        <Space wrap>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={progress !== null}
            onClick={() => void backupNow()}
            data-testid="backup-now"
          >
            {t('actions.backupNow')}
          </Button>
          <Button icon={<ExportOutlined />} onClick={() => setExporting(true)} data-testid="backup-export">
            {t('actions.exportFile')}
          </Button>
          <Button
            icon={<ImportOutlined />}
            onClick={() => setRestore({ kind: 'file' })}
            data-testid="backup-restore-file"
          >
            {t('actions.restoreFile')}
          </Button>
          {lastRestore?.preRestoreName && (
            <Button
              icon={<UndoOutlined />}
              onClick={() => setRestore({ kind: 'stored', name: lastRestore.preRestoreName!, undo: true })}
              data-testid="backup-undo-restore"
            >
              {t('actions.undoRestore')}
            </Button>
          )}
        </Space>
        {progress && (
          <div style={{ marginTop: 12, maxWidth: 480 }} data-testid="backup-progress">
            <Typography.Text type="secondary">{t(`stages.${progress.stage}`)}</Typography.Text>
            <Progress percent={progress.percent} status="active" />
          </div>
        )}
        {lastRestore && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('last.restored', { time: formatDateTime(lastRestore.at, i18n.language), source: lastRestore.source })}
          </Typography.Paragraph>
        )}
      </Card>
      <BackupListCard
        list={list}
        error={error}
        onRestore={(name) => setRestore({ kind: 'stored', name })}
        onChanged={reload}
      />
      <EncryptionCard />
      {restore && (
        <RestoreDialog
          source={restore}
          onClose={() => {
            setRestore(null);
            reload();
          }}
        />
      )}
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
    </Flex>
  );
}
