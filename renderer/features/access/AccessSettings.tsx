import { Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useAccessStore } from './access.store';
import { MAX_IDLE_MINUTES, MIN_IDLE_MINUTES, saveIdleMinutes, useIdleMinutes } from './idle.repo';

/** Settings → Access: the idle time before the app locks itself, and locking now. */
export function AccessSettings() {
  const { t } = useTranslation('access');
  const minutes = useIdleMinutes();
  const save = useSaveHandler();
  const lock = useAccessStore((s) => s.lock);
  const [form] = Form.useForm<{ minutes: number }>();
  useEffect(() => form.setFieldsValue({ minutes }), [form, minutes]);
  return (
    <Card title={t('settings.title')}>
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={{ minutes }}
        onFinish={(v) => void save(() => saveIdleMinutes(v.minutes))}
      >
        <Form.Item
          name="minutes"
          label={t('settings.idleMinutes')}
          rules={[
            {
              required: true,
              type: 'integer',
              min: MIN_IDLE_MINUTES,
              max: MAX_IDLE_MINUTES,
              message: t('settings.idleRange', { min: MIN_IDLE_MINUTES, max: MAX_IDLE_MINUTES }),
            },
          ]}
        >
          <InputNumber min={MIN_IDLE_MINUTES} max={MAX_IDLE_MINUTES} precision={0} data-testid="idle-minutes" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="idle-save">
            {t('common:actions.save')}
          </Button>
          <Button onClick={lock} data-testid="lock-now">
            {t('settings.lockNow')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
