import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeam } from '../../core';
import { approveWithPin } from './approval';
import { useApprovalStore } from './approval.store';
import { accessErrorText } from './messages';

/**
 * The approval dialog: the decision, who may take it (the project manager), and the PM's PIN typed on
 * this laptop. Mounted once by the app; opened by `requireApproval`.
 */
export function ApprovalHost() {
  const { t } = useTranslation('access');
  const pending = useApprovalStore((s) => s.pending);
  const set = useApprovalStore((s) => s.set);
  const team = useTeam();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pms = (team ?? []).filter((m) => m.role === 'pm' && m.active);
  const close = () => {
    pending?.resolve(null);
    set(null);
    setPin('');
    setError(null);
  };
  const submit = async () => {
    if (!pending || busy) return;
    if (!pin) {
      setError(t('approval.pinRequired'));
      return;
    }
    setBusy(true);
    try {
      const approval = await approveWithPin(pending.decision, pin);
      pending.resolve(approval);
      set(null);
      setPin('');
      setError(null);
    } catch (err) {
      setError(accessErrorText(t, err));
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  if (!pending) return null;
  return (
    <Modal
      open
      width={480}
      title={
        <span>
          <SafetyCertificateOutlined aria-hidden /> {t('approval.title')}
        </span>
      }
      okText={t('approval.ok')}
      cancelText={t('common:actions.cancel')}
      onOk={() => void submit()}
      onCancel={close}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="approval-dialog"
    >
      <Typography.Paragraph>
        <Typography.Text strong data-testid="approval-decision">
          {t(`decisions.${pending.decision}`)}
        </Typography.Text>
        {pending.subject && (
          <>
            <br />
            <Typography.Text type="secondary">{pending.subject}</Typography.Text>
          </>
        )}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('approval.intro', { names: pms.map((m) => m.name).join(t('approval.nameSeparator')) || '—' })}
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={t('approval.pmPin')} validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Input.Password
            autoFocus
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            onPressEnter={() => void submit()}
            data-testid="approval-pin"
          />
        </Form.Item>
      </Form>
      {pms.length === 0 && <Alert type="warning" showIcon title={t('errors.noPm')} />}
    </Modal>
  );
}
