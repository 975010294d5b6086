import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '@shared/schemas/core';
import { resetPin } from './credentials.repo';
import { accessErrorText } from './messages';
import { pinProblem } from './pin';

/** A forgotten PIN: the project manager types their own PIN and the new PIN for the person (audited). */
export function ResetPinDialog({ member, onClose }: { member: TeamMember; onClose: () => void }) {
  const { t } = useTranslation('access');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ pmPin: string; newPin: string; newPin2: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const { pmPin = '', newPin = '', newPin2 = '' } = form.getFieldsValue();
    const problem = pinProblem(newPin);
    if (problem) return setError(t(`errors.${problem}`));
    if (newPin !== newPin2) return setError(t('lock.mismatch'));
    setBusy(true);
    try {
      const pm = await resetPin(member.id, pmPin, newPin);
      message.success(t('reset.done', { name: member.name, pm: pm.name }));
      onClose();
    } catch (err) {
      setError(accessErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('reset.title', { name: member.name })}
      okText={t('reset.ok')}
      cancelText={t('common:actions.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      data-testid="reset-pin-dialog"
    >
      <Typography.Paragraph type="secondary">{t('reset.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="pmPin" label={t('lock.pmPin')}>
          <Input.Password autoComplete="off" data-testid="reset-pm-pin" />
        </Form.Item>
        <Form.Item name="newPin" label={t('reset.newPin', { name: member.name })} extra={t('lock.pinRule')}>
          <Input.Password autoComplete="new-password" data-testid="reset-new-pin" />
        </Form.Item>
        <Form.Item name="newPin2" label={t('lock.newPin2')}>
          <Input.Password autoComplete="new-password" data-testid="reset-new-pin2" />
        </Form.Item>
      </Form>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}
