import { Alert, Button, Card, Descriptions, Input, Result, Segmented, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '@shared/ipc/contract';
import { formatWallDateTime } from '@shared/domain/time';
import { rememberLanguage, type Language } from '../../i18n';
import { platform } from '../../platform';
import { formatBytes, issueText, validateBackup, type BackupIssue, type RestorePlan } from '../backup';
import { findNewestVerified, listBackups, openBackupFile, restoreIntoFresh, type LoadedBackup } from './recover';
import type { Recovery } from './start';

type Step =
  | { step: 'idle' }
  | { step: 'checking'; name: string }
  | { step: 'password'; file: LoadedBackup; wrong: boolean }
  | { step: 'confirm'; file: LoadedBackup; plan: RestorePlan }
  | { step: 'invalid'; name: string; issues: BackupIssue[] }
  | { step: 'noneVerified'; tried: Array<{ name: string; reason: string }> }
  | { step: 'restoring' }
  | { step: 'failed'; message: string };

/** As everywhere in the app (renderer/core/format.ts): `2026-11-25 09:30`, Asia/Shanghai, both languages. */
const fmtTime = (iso: string, _lng?: string) => formatWallDateTime(iso) ?? iso;

/**
 * Shown instead of the app when the database will not open or its data is missing (start.ts):
 * what happened, the backups the platform can still read, and a restore into a fresh database.
 * The failed database is never deleted.
 */
export function RecoveryScreen({
  recovery,
  reload = () => location.reload(),
}: {
  recovery: Recovery;
  reload?: () => void;
}) {
  const { t, i18n } = useTranslation('recovery');
  const lng = i18n.language;
  const [backups, setBackups] = useState<{ entries: BackupEntry[]; error: string | null } | null>(null);
  const [state, setState] = useState<Step>({ step: 'idle' });
  const busy = state.step === 'checking' || state.step === 'restoring';

  useEffect(() => {
    void listBackups(platform).then(setBackups);
  }, []);

  async function check(file: LoadedBackup, password?: string) {
    setState({ step: 'checking', name: file.name });
    const result = await validateBackup(file.data, { password });
    if (result.ok) setState({ step: 'confirm', file, plan: result.plan });
    else if (result.needsPassword)
      setState({ step: 'password', file, wrong: result.errors.some((e) => e.key === 'errors.wrongPassword') });
    else setState({ step: 'invalid', name: file.name, issues: result.errors });
  }

  async function newest() {
    if (!backups?.entries.length) return;
    const found = await findNewestVerified(platform, backups.entries, undefined, (name) =>
      setState({ step: 'checking', name }),
    );
    setState(
      found.ok ? { step: 'confirm', file: found.file, plan: found.plan } : { step: 'noneVerified', tried: found.tried },
    );
  }

  async function chosen(name: string) {
    setState({ step: 'checking', name });
    try {
      await check(await platform.backupRead({ name }));
    } catch (err) {
      setState({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  async function fromFile() {
    try {
      const file = await openBackupFile(platform);
      if (file) await check(file);
    } catch (err) {
      setState({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  async function restore(file: LoadedBackup, plan: RestorePlan) {
    setState({ step: 'restoring' });
    try {
      await restoreIntoFresh(platform, recovery, file, plan);
      reload();
    } catch (err) {
      setState({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  const m = recovery.marker;
  return (
    <div style={{ maxWidth: 920, margin: '24px auto', padding: '0 16px' }} data-testid="recovery-screen">
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Segmented
          data-testid="recovery-language"
          value={lng}
          options={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(v) => {
            rememberLanguage(v as Language);
            void i18n.changeLanguage(v);
            document.documentElement.lang = v;
          }}
        />
      </Space>
      <Result
        status={recovery.reason === 'blocked' ? 'warning' : 'error'}
        title={<span data-testid="recovery-title">{t(`reason.${recovery.reason}.title`)}</span>}
        subTitle={t(`reason.${recovery.reason}.body`)}
        style={{ paddingBottom: 8 }}
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          message={t('keptAside', { name: recovery.dbName })}
          description={
            <Space direction="vertical" size={2}>
              {m && (
                <Typography.Text data-testid="recovery-marker">
                  {t('lastKnown', { records: m.records, seq: m.auditSeq + 1, at: fmtTime(m.at, lng) })}
                </Typography.Text>
              )}
              {recovery.detail && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('detail', { detail: recovery.detail })}
                </Typography.Text>
              )}
            </Space>
          }
        />
        <Card
          title={t('backups.title')}
          extra={
            <Space>
              <Button onClick={() => void fromFile()} disabled={busy} data-testid="recovery-open-file">
                {t('actions.openFile')}
              </Button>
              <Button
                type="primary"
                onClick={() => void newest()}
                disabled={busy || !backups?.entries.length}
                data-testid="recovery-newest"
              >
                {t('actions.newest')}
              </Button>
            </Space>
          }
        >
          {backups?.error && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('backups.unreadable', { detail: backups.error })}
            />
          )}
          <Table<BackupEntry>
            size="small"
            rowKey="name"
            loading={!backups}
            dataSource={backups?.entries ?? []}
            pagination={{ pageSize: 6, hideOnSinglePage: true }}
            locale={{ emptyText: t('backups.none') }}
            columns={[
              { title: t('backups.time'), dataIndex: 'modifiedAt', render: (v: string) => fmtTime(v, lng), width: 180 },
              { title: t('backups.name'), dataIndex: 'name', ellipsis: true },
              { title: t('backups.size'), dataIndex: 'size', render: (v: number) => formatBytes(v, lng), width: 100 },
              {
                title: '',
                width: 140,
                render: (_: unknown, e) => (
                  <Button size="small" disabled={busy} onClick={() => void chosen(e.name)}>
                    {t('actions.choose')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        <StepPanel
          state={state}
          onPassword={(file, pw) => void check(file, pw)}
          onRestore={(file, plan) => void restore(file, plan)}
        />
        {!busy && (
          <Space>
            <Button onClick={reload} data-testid="recovery-retry">
              {t('actions.retry')}
            </Button>
            <Typography.Text type="secondary">{t('retryHint')}</Typography.Text>
          </Space>
        )}
      </Space>
    </div>
  );
}

function StepPanel({
  state,
  onPassword,
  onRestore,
}: {
  state: Step;
  onPassword: (file: LoadedBackup, pw: string) => void;
  onRestore: (file: LoadedBackup, plan: RestorePlan) => void;
}) {
  const { t, i18n } = useTranslation('recovery');
  const [pw, setPw] = useState('');
  switch (state.step) {
    case 'idle':
      return null;
    case 'checking':
      return (
        <Card data-testid="recovery-checking">
          <Space>
            <Spin />
            {t('checking', { name: state.name })}
          </Space>
        </Card>
      );
    case 'restoring':
      return (
        <Card data-testid="recovery-restoring">
          <Space>
            <Spin />
            {t('restoring')}
          </Space>
        </Card>
      );
    case 'password':
      return (
        <Card title={t('password.title', { name: state.file.name })}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {state.wrong && <Alert type="error" showIcon message={t('password.wrong')} />}
            <Input.Password value={pw} onChange={(e) => setPw(e.target.value)} data-testid="recovery-password" />
            <Button type="primary" disabled={!pw} onClick={() => onPassword(state.file, pw)}>
              {t('password.unlock')}
            </Button>
          </Space>
        </Card>
      );
    case 'invalid':
      return (
        <Alert
          type="error"
          showIcon
          data-testid="recovery-invalid"
          message={t('invalid', { name: state.name })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {state.issues.slice(0, 8).map((issue, i) => (
                <li key={i}>{issueText(i18n.t.bind(i18n), issue)}</li>
              ))}
            </ul>
          }
        />
      );
    case 'noneVerified':
      return (
        <Alert
          type="error"
          showIcon
          data-testid="recovery-none-verified"
          message={t('noneVerified')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {state.tried.slice(0, 8).map((x) => (
                <li key={x.name}>
                  {x.name}: {x.reason.startsWith('errors.') ? i18n.t(`backup:${x.reason}`) : x.reason}
                </li>
              ))}
            </ul>
          }
        />
      );
    case 'failed':
      return (
        <Alert type="error" showIcon data-testid="recovery-failed" message={t('failed', { detail: state.message })} />
      );
    case 'confirm': {
      const rows = Object.values(state.plan.counts).reduce((a, b) => a + b, 0);
      const man = state.plan.manifest;
      return (
        <Card title={t('confirm.title')} data-testid="recovery-confirm">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('confirm.file')}>{state.file.name}</Descriptions.Item>
            <Descriptions.Item label={t('confirm.createdAt')}>
              {fmtTime(man.createdAt, i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('confirm.device')}>{man.deviceCode || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('confirm.rows')}>{rows}</Descriptions.Item>
          </Descriptions>
          {state.plan.warnings.length > 0 && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              message={state.plan.warnings.map((w) => issueText(i18n.t.bind(i18n), w)).join(' ')}
            />
          )}
          <Typography.Paragraph style={{ marginTop: 12 }}>{t('confirm.note')}</Typography.Paragraph>
          <Button type="primary" onClick={() => onRestore(state.file, state.plan)} data-testid="recovery-restore">
            {t('confirm.restore')}
          </Button>
        </Card>
      );
    }
  }
}
