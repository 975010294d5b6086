import { App, Form, Modal, Progress, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupError, exportToFile } from './backup.service';
import { PasswordFields } from './EncryptionCard';

/** Export a backup to a file of the user's choosing, with its own optional password. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('backup');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const encrypt = Form.useWatch('encrypt', form) as boolean | undefined;
  const [percent, setPercent] = useState<number | null>(null);
  async function submit() {
    const v = (await form.validateFields()) as { encrypt: boolean; password?: string };
    setPercent(0);
    try {
      const saved = await exportToFile(v.encrypt ? v.password : undefined, (_s, p) => setPercent(p));
      if (saved) message.success(t('export.done'));
      onClose();
    } catch (err) {
      message.error(err instanceof BackupError ? t(err.messageKey, err.params) : t('errors.writeFailed'));
      setPercent(null);
    }
  }
  return (
    <Modal
      open
      title={t('export.title')}
      okText={t('export.ok')}
      cancelText={t('common:actions.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={percent !== null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('export.description')}</Typography.Paragraph>
      <Form
        form={form}
        name="backupExport"
        layout="vertical"
        initialValues={{ encrypt: false }}
        onFinish={() => void submit()}
      >
        <Form.Item name="encrypt" label={t('export.encrypt')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {encrypt && <PasswordFields required />}
        <button type="submit" hidden />
      </Form>
      {percent !== null && <Progress percent={percent} status="active" />}
    </Modal>
  );
}
