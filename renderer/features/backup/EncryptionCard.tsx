import { Alert, Button, Card, Form, Input, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveHandler } from '../../components/useSaveHandler';
import { canRememberPassword, saveBackupSettings, useBackupSettings } from './backup.repo';

export const minPasswordLength = 8;

/** The password fields shared by the encryption card and the export dialog. */
export function PasswordFields({ required }: { required: boolean }) {
  const { t } = useTranslation('backup');
  return (
    <>
      <Form.Item
        name="password"
        label={t('encryption.password')}
        rules={
          required
            ? [
                { required: true, message: t('common:validation.required') },
                { min: minPasswordLength, message: t('encryption.tooShort', { n: minPasswordLength }) },
              ]
            : []
        }
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('encryption.confirm')}
        dependencies={['password']}
        rules={
          required
            ? [
                { required: true, message: t('common:validation.required') },
                ({ getFieldValue }) => ({
                  validator: (_, v) =>
                    !v || v === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('encryption.mismatch'))),
                }),
              ]
            : []
        }
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/**
 * Encrypt every automatic backup with a password main remembers through the OS's protected
 * storage (Electron only). The browser build never remembers a password: it says so, and an
 * exported file can still be protected with its own password.
 */
export function EncryptionCard() {
  const { t } = useTranslation('backup');
  if (!canRememberPassword())
    return (
      <Card size="small" title={t('encryption.title')}>
        <Alert type="info" showIcon title={t('encryption.browser')} data-testid="backup-encryption-browser" />
      </Card>
    );
  return <EncryptionForm />;
}

function EncryptionForm() {
  const { t } = useTranslation('backup');
  const settings = useBackupSettings();
  const save = useSaveHandler();
  const [form] = Form.useForm();
  const encrypt = Form.useWatch('encrypt', form) as boolean | undefined;
  useEffect(() => {
    if (settings !== undefined) form.setFieldsValue({ encrypt: settings?.encrypt ?? false, password: '', confirm: '' });
  }, [settings, form]);
  async function submit(v: { encrypt: boolean; password?: string }) {
    const ok = await save(
      () => saveBackupSettings(v.encrypt ? { encrypt: true, password: v.password } : { encrypt: false }),
      'backup:encryption.saved',
    );
    if (ok) form.setFieldsValue({ password: '', confirm: '' });
  }
  return (
    <Card size="small" title={t('encryption.title')}>
      <Typography.Paragraph type="secondary">{t('encryption.description')}</Typography.Paragraph>
      <Form
        form={form}
        name="backupEncryption"
        layout="vertical"
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 420 }}
        data-testid="backup-encryption"
      >
        <Form.Item name="encrypt" label={t('encryption.enable')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {encrypt && (
          <>
            {settings?.encrypt && (
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('encryption.isOn')} />
            )}
            <PasswordFields required />
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('encryption.remember')} />
          </>
        )}
        <Button type="primary" htmlType="submit">
          {t('common:actions.save')}
        </Button>
      </Form>
    </Card>
  );
}
