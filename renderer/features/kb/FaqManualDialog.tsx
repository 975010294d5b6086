import { Alert, App, Form, Modal, Progress, Radio, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { systemFamilies, type SystemFamily } from '@shared/schemas/core';
import { useSaveHandler } from '../../components/useSaveHandler';
import { issueReport, saveReportPdf } from '../../core';
import { faqManualData } from './faq-data';
import { useKbIndex } from './useKbSearch';

type Scope = 'family' | 'selected' | 'all';
interface Values {
  scope: Scope;
  family?: SystemFamily;
  ids?: string[];
}

/** 常见问题手册: pick articles (or a family), issue the FAQ manual through the report registry, save the PDF. */
export function FaqManualDialog({
  open,
  onClose,
  preselect,
}: {
  open: boolean;
  onClose: () => void;
  preselect?: string[];
}) {
  const { t } = useTranslation('kb');
  const { message } = App.useApp();
  const save = useSaveHandler();
  const [form] = Form.useForm<Values>();
  const { articles, systems } = useKbIndex();
  const scope = Form.useWatch('scope', form);
  const family = Form.useWatch('family', form);
  const ids = Form.useWatch('ids', form);
  const [progress, setProgress] = useState<number | null>(null);
  const chosen = (articles ?? []).filter((a) =>
    scope === 'all' ? true : scope === 'family' ? a.family === family : (ids ?? []).includes(a.id),
  );

  async function run() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is wrong
    if (chosen.length === 0) {
      message.error(t('faq.noneChosen'));
      return;
    }
    const scopeText =
      v.scope === 'family' && v.family
        ? t(`common:families.${v.family}`)
        : v.scope === 'all'
          ? t('faq.scopeAll')
          : t('faq.scopeSelected', { count: chosen.length });
    setProgress(0);
    const ok = await save(async () => {
      const { report } = await issueReport({
        type: 'faq-manual',
        subjectType: 'kb',
        subjectId: v.scope === 'family' ? `faq-${v.family}` : v.scope === 'all' ? 'faq-all' : 'faq-selected',
        data: faqManualData(chosen, systems, scopeText),
        title: t('faq.docTitle', { scope: scopeText }),
        signers: [{ role: 'engineer' }, { role: 'projectManager' }],
        confidentiality: 'internal',
        onProgress: (p) => setProgress(Math.round((p.ratio ?? (p.stage === 'done' ? 1 : 0)) * 100)),
      });
      await saveReportPdf(report);
    }, 'kb:faq.done');
    setProgress(null);
    if (ok) onClose();
  }

  return (
    <Modal
      open={open}
      title={t('faq.title')}
      okText={t('faq.export', { count: chosen.length })}
      cancelText={t('common:actions.cancel')}
      onOk={() => void run()}
      onCancel={onClose}
      okButtonProps={
        { loading: progress !== null, disabled: chosen.length === 0, 'data-testid': 'kb-faq-export' } as ButtonProps
      }
      destroyOnHidden
      forceRender
    >
      <Form<Values>
        form={form}
        name="faqManual"
        layout="vertical"
        initialValues={{
          scope: preselect?.length ? 'selected' : 'family',
          family: 'virtualization',
          ids: preselect ?? [],
        }}
      >
        <Form.Item name="scope" label={t('faq.scope')}>
          <Radio.Group
            options={[
              { value: 'family', label: t('faq.byFamily') },
              { value: 'selected', label: t('faq.bySelection') },
              { value: 'all', label: t('faq.scopeAll') },
            ]}
          />
        </Form.Item>
        {scope === 'family' && (
          <Form.Item
            name="family"
            label={t('fields.family')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <Select
              options={systemFamilies.map((f) => ({
                value: f,
                label: `${t(`common:families.${f}`)} (${(articles ?? []).filter((a) => a.family === f).length})`,
              }))}
            />
          </Form.Item>
        )}
        {scope === 'selected' && (
          <Form.Item name="ids" label={t('faq.articles')} rules={[{ required: true, message: t('faq.noneChosen') }]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={(articles ?? []).map((a) => ({ value: a.id, label: `${a.number} ${a.title}` }))}
              data-testid="kb-faq-articles"
            />
          </Form.Item>
        )}
        {chosen.length === 0 ? (
          <Alert type="warning" showIcon title={t('faq.noneChosen')} />
        ) : (
          <Alert type="info" showIcon title={t('faq.summary', { count: chosen.length })} />
        )}
        {progress !== null && <Progress percent={progress} size="small" style={{ marginTop: 8 }} />}
      </Form>
    </Modal>
  );
}
