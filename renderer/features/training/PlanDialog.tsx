import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultTrainingRules } from '@shared/domain/training';
import type { TrainingPlan } from '@shared/schemas/training';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useSecretCheck } from '../access';
import { savePlan } from './training.repo';

export type PlanDraft = Omit<TrainingPlan, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'> & { id?: string };

interface Values {
  plannedDate: string;
  topic: string;
  topicNamedOn?: string;
  days: number;
  notes: string;
}

/** Edits one plan entry: date, the topic the client named (and when), planned days. */
export function PlanDialog({ draft, onClose }: { draft: PlanDraft | null; onClose: () => void }) {
  const { t } = useTranslation('training');
  const [form] = Form.useForm<Values>();
  const save = useSaveHandler();
  const checkSecrets = useSecretCheck();
  useEffect(() => {
    if (draft) {
      form.resetFields();
      form.setFieldsValue({
        plannedDate: draft.plannedDate,
        topic: draft.topic,
        topicNamedOn: draft.topicNamedOn,
        days: draft.days,
        notes: draft.notes,
      });
    }
  }, [draft, form]);
  const isSpecial = draft?.type === 'special';
  async function submit() {
    if (!draft) return;
    const typed = await form.validateFields().catch(() => null);
    if (!typed) return; // the fields show what is wrong
    // A password pasted into the texts is offered for masking; the masked texts go back into the form.
    const v = await checkSecrets(typed, ['topic', 'notes']);
    if (!v) return;
    if (v !== typed) form.setFieldsValue(v);
    const topic = (v.topic ?? '').trim();
    const ok = await save(() =>
      savePlan({
        ...draft,
        plannedDate: v.plannedDate,
        topic,
        topicNamedOn: topic ? v.topicNamedOn || undefined : undefined,
        days: Number(v.days ?? 1),
        notes: v.notes ?? '',
        year: Number(v.plannedDate.slice(0, 4)),
      }),
    );
    if (ok) onClose();
  }
  const title = draft ? (isSpecial ? t('obligations.special') : t('obligations.inspectionN', { n: draft.slot })) : '';
  return (
    <Modal
      open={!!draft}
      title={t('plan.editTitle', { what: title })}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      destroyOnHidden
      forceRender
    >
      <Form<Values>
        form={form}
        name="trainingPlan"
        layout="vertical"
        data-testid="plan-form"
        onFinish={() => void submit()}
      >
        <Form.Item
          name="plannedDate"
          label={t('plan.plannedDate')}
          rules={[{ required: true, message: t('common:validation.date') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="topic"
          label={t('plan.topic')}
          extra={isSpecial ? undefined : t('plan.topicHint')}
          rules={[{ max: 200, message: t('common:validation.max', { n: 200 }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="topicNamedOn" label={t('plan.topicNamedOn')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('plan.days')}
          rules={[
            { required: true, message: t('common:validation.required') },
            {
              validator: (_, v: number) =>
                !isSpecial || v >= defaultTrainingRules().specialMinDays
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('plan.specialMinDays'))),
            },
          ]}
        >
          <InputNumber min={1} max={30} />
        </Form.Item>
        <Form.Item name="notes" label={t('plan.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
