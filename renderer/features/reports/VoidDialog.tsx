import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Voiding needs a reason; an issued report is never deleted. */
export function VoidDialog({ onClose, onVoid }: { onClose: () => void; onVoid: (reason: string) => Promise<boolean> }) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('void.title')}
      okText={t('actions.void')}
      okButtonProps={{ danger: true }}
      cancelText={t('common:actions.cancel')}
      onCancel={onClose}
      onOk={async () => {
        const { reason } = await form.validateFields();
        if (await onVoid(reason)) onClose();
      }}
    >
      <Typography.Paragraph type="secondary">{t('void.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('void.reason')}
          rules={[{ required: true, whitespace: true, message: t('void.reasonRequired') }]}
        >
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
