import { Alert, App, Button, Descriptions, Form, Input, Modal, Popconfirm, Table, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core';
import { AccessError, requireApproval, type Approval } from '../access';
import { useAuditChainStore } from '../audit';
import { WriteError } from '../../db/errors';
import { BackupError, type BackupStage } from './backup.service';
import type { BackupIssue } from './format-types';
import { formatBytes, issueText, tableLabel, tableRank } from './messages';
import { checkFile, loadSource, performRestore, type LoadedFile, type RestoreSource } from './restore.service';
import type { RestoreProgress } from './restore-progress';
import { RestoreProgressBar } from './RestoreProgressBar';
import type { RestorePlan, ValidationResult } from './validate';

type State =
  | { step: 'loading'; progress?: RestoreProgress }
  | { step: 'password'; wrong: boolean }
  | { step: 'invalid'; errors: BackupIssue[]; total: number; detail?: string; unverified?: RestorePlan }
  | { step: 'confirm'; plan: RestorePlan }
  | { step: 'preFailed'; plan: RestorePlan; error: BackupError; approval: Approval | null }
  | { step: 'restoring'; stage: BackupStage | 'apply'; percent: number; write?: RestoreProgress };

/** The whole restore conversation: read, (password), validate, show and confirm, restore. */
export function RestoreDialog({
  source,
  onClose,
}: {
  source: RestoreSource & { undo?: boolean };
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('backup');
  const { message } = App.useApp();
  const [state, setState] = useState<State>({ step: 'loading' });
  const file = useRef<LoadedFile | null>(null);
  /** Reading and checking, reported by the restore worker (restore-client.ts). */
  const onCheck = (progress: RestoreProgress) => setState({ step: 'loading', progress });

  function judge(result: ValidationResult) {
    if (result.ok) setState({ step: 'confirm', plan: result.plan });
    else if (result.needsPassword)
      setState({ step: 'password', wrong: result.errors.some((e) => e.key === 'errors.wrongPassword') });
    else
      setState({
        step: 'invalid',
        errors: result.errors,
        total: result.total ?? result.errors.length,
        unverified: result.unverified,
      });
  }

  useEffect(() => {
    let live = true;
    loadSource(source).then(
      async (f) => {
        if (!live) return;
        if (!f) return onClose();
        file.current = f;
        const result = await checkFile(f, undefined, (p) => live && onCheck(p));
        if (live) judge(result);
      },
      (err: unknown) =>
        live &&
        setState({
          step: 'invalid',
          errors: [{ key: err instanceof BackupError ? err.messageKey : 'errors.readFailed' }],
          total: 1,
          // A BackupError's own message repeats its key; only its detail (if any) is worth showing.
          detail: err instanceof BackupError ? err.detail : (err as Error)?.message,
        }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** "Restore anyway": the project manager approves it with their PIN (the access feature's dialog). */
  async function restoreUntrusted(plan: RestorePlan) {
    const approval = await requireApproval('backup-untrusted-restore', file.current?.name);
    if (approval) await restore(plan, false, approval);
  }

  async function restore(plan: RestorePlan, skipPreRestore = false, approval: Approval | null = null) {
    setState({ step: 'restoring', stage: 'snapshot', percent: 0 });
    try {
      const out = await performRestore(plan, file.current!.name, {
        skipPreRestore,
        approval,
        onProgress: (stage, percent) => setState({ step: 'restoring', stage, percent: Math.round(percent * 0.8) }),
        // The tables, N of M, on the last fifth of the bar.
        onWrite: (write) =>
          setState({
            step: 'restoring',
            stage: 'apply',
            percent: 80 + Math.round((20 * write.done) / Math.max(1, write.total)),
            write,
          }),
      });
      message.success({
        content: out.preRestore ? t('restore.doneUndo', { name: out.preRestore.name }) : t('restore.done'),
        duration: 8,
      });
      // The chain is now the restored one (plus the restore entry): verify that one.
      void useAuditChainStore.getState().check();
      onClose();
    } catch (err) {
      if (err instanceof BackupError && !skipPreRestore)
        return setState({ step: 'preFailed', plan, error: err, approval });
      // Refused for want of a (valid) approval: nothing was touched, and "restore anyway" is offered again.
      if (err instanceof AccessError)
        return setState({ step: 'invalid', errors: [{ key: err.messageKey }], total: 1, unverified: plan });
      const key =
        err instanceof WriteError
          ? err.code === 'disk-full'
            ? 'errors.restoreDiskFull'
            : 'errors.restoreWriteFailed'
          : 'errors.restoreWriteFailed';
      setState({ step: 'invalid', errors: [{ key }], total: 1, detail: (err as Error)?.message });
    }
  }

  const busy = state.step === 'loading' || state.step === 'restoring';
  let body = null;
  const cancel = (
    <Button key="close" onClick={onClose} disabled={busy}>
      {t('common:actions.cancel')}
    </Button>
  );
  let footer: ReactNode[] = [cancel];
  if (state.step === 'loading')
    body = state.progress ? (
      <RestoreProgressBar title={t('restore.checking')} progress={state.progress} />
    ) : (
      <Typography.Text type="secondary">{t('restore.checking')}</Typography.Text>
    );
  if (state.step === 'password') {
    body = (
      <Form
        name="restorePassword"
        layout="vertical"
        onFinish={(v: { password: string }) => (
          setState({ step: 'loading' }),
          void checkFile(file.current!, v.password, onCheck).then(judge)
        )}
        data-testid="restore-password"
      >
        <Typography.Paragraph>{t('restore.passwordNeeded')}</Typography.Paragraph>
        {state.wrong && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('errors.wrongPassword')} />}
        <Form.Item
          name="password"
          label={t('encryption.password')}
          rules={[{ required: true, message: t('common:validation.required') }]}
        >
          <Input.Password autoFocus autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('restore.unlock')}
        </Button>
      </Form>
    );
  }
  if (state.step === 'invalid') {
    body = (
      <Alert
        type="error"
        showIcon
        data-testid="restore-errors"
        title={t('restore.invalidTitle')}
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 8 }}>{t('restore.untouched')}</Typography.Paragraph>
            <ul style={{ paddingInlineStart: 18, margin: 0 }}>
              {state.errors.slice(0, 10).map((e, i) => (
                <li key={i}>{issueText(t, e)}</li>
              ))}
            </ul>
            {state.total > 10 && (
              <Typography.Text type="secondary">{t('restore.moreIssues', { count: state.total - 10 })}</Typography.Text>
            )}
            {state.detail && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                {state.detail}
              </Typography.Paragraph>
            )}
          </>
        }
      />
    );
    const plan = state.unverified;
    // The explicit second choice for a file the team key does not vouch for: restored, marked untrusted, audited.
    if (plan)
      footer = [
        cancel,
        <Popconfirm
          key="anyway"
          title={t('restore.anywayConfirm')}
          okText={t('common:actions.ok')}
          cancelText={t('common:actions.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => void restoreUntrusted(plan)}
        >
          <Button danger data-testid="restore-anyway">
            {t('restore.anyway')}
          </Button>
        </Popconfirm>,
      ];
  }
  if (state.step === 'confirm') {
    const m = state.plan.manifest;
    const rows = Object.entries(state.plan.counts)
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => tableRank(a) - tableRank(b) || a.localeCompare(b));
    body = (
      <div data-testid="restore-confirm">
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('restore.replaceWarning')} />
        <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('restore.file')} span={2}>
            {file.current?.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('restore.createdAt')}>
            {formatDateTime(m.createdAt, i18n.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('restore.reason')}>{t(`reasons.${m.reason}`)}</Descriptions.Item>
          <Descriptions.Item label={t('restore.appVersion')}>{m.appVersion}</Descriptions.Item>
          <Descriptions.Item label={t('restore.device')}>{m.deviceCode}</Descriptions.Item>
          <Descriptions.Item label={t('restore.schema')}>{m.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label={t('restore.size')}>
            {formatBytes(file.current?.data.length ?? 0, i18n.language)}
            {state.plan.encrypted ? ` · ${t('last.encrypted')}` : ''}
          </Descriptions.Item>
        </Descriptions>
        {state.plan.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('restore.warningsTitle')}
            description={
              <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                {state.plan.warnings.slice(0, 10).map((w, i) => (
                  <li key={i}>{issueText(t, w)}</li>
                ))}
              </ul>
            }
          />
        )}
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          scroll={{ y: 220 }}
          dataSource={rows.map(([name, n]) => ({ name, n }))}
          columns={[
            {
              title: t('restore.table'),
              dataIndex: 'name',
              render: (v: string) => tableLabel(t, v),
              sorter: (a, b) => tableRank(a.name) - tableRank(b.name),
            },
            { title: t('restore.rows'), dataIndex: 'n', align: 'right', width: 120, sorter: (a, b) => a.n - b.n },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('restore.keepNote')}
        </Typography.Paragraph>
      </div>
    );
    footer = [
      cancel,
      <Button key="ok" type="primary" danger onClick={() => void restore(state.plan)} data-testid="restore-ok">
        {t('restore.confirm')}
      </Button>,
    ];
  }
  if (state.step === 'preFailed') {
    body = (
      <Alert
        type="error"
        showIcon
        title={t('restore.preFailedTitle')}
        description={
          <>
            {t(`backup:${state.error.messageKey}`)} {t('restore.preFailedHint')}
          </>
        }
      />
    );
    footer = [
      cancel,
      <Button key="force" danger onClick={() => void restore(state.plan, true, state.approval)}>
        {t('restore.forceWithout')}
      </Button>,
    ];
  }
  if (state.step === 'restoring')
    body = <RestoreProgressBar title={t(`stages.${state.stage}`)} progress={state.write} percent={state.percent} />;
  return (
    <Modal
      open
      title={source.undo ? t('restore.undoTitle') : t('restore.title')}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      maskClosable={false}
      footer={footer}
      width={680}
      data-testid="restore-dialog"
    >
      {body}
    </Modal>
  );
}
