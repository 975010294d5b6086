import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@shared/schemas/inspection';
import { useSaveHandler } from '../../components/useSaveHandler';
import { navigate } from '../../app/router';
import { copyTemplate, type TemplateEntry } from './templates.repo';

/** Copies a template under a new name (both languages), then opens the copy in the editor. */
export function CopyDialog({ entry, onClose }: { entry: TemplateEntry; onClose: () => void }) {
  const { t } = useTranslation('inspections');
  const save = useSaveHandler();
  const [form] = Form.useForm<LocalizedText>();
  const submit = async () => {
    const v = await form.validateFields();
    let id = '';
    const ok = await save(async () => {
      id = (await copyTemplate(entry.template, { zh: v.zh.trim(), en: v.en.trim() })).id;
    }, 'inspections:templates.copied');
    if (ok) {
      onClose();
      navigate(`/inspections/templates/${id}`);
    }
  };
  const required = { required: true, whitespace: true, message: t('common:validation.required') };
  return (
    <Modal
      open
      title={t('templates.copyTitle')}
      okText={t('templates.copy')}
      cancelText={t('common:actions.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      data-testid="copy-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          zh: t('templates.copyName', { name: entry.template.title.zh, lng: 'zh-CN' }),
          en: t('templates.copyName', { name: entry.template.title.en, lng: 'en' }),
        }}
        onFinish={() => void submit()}
      >
        <Form.Item name="zh" label={t('templates.nameZh')} rules={[required]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="en" label={t('templates.nameEn')} rules={[required]}>
          <Input maxLength={120} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
