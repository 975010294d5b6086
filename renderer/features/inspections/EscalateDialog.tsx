import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, InspectionAnswer, InspectionSystem } from '@shared/schemas/inspection';
import { useTeam } from '../../core';
import { requireApproval, useSecretCheck, useUnlocked } from '../access';
import { useSaveHandler } from '../../components/useSaveHandler';
import { escalateAnomaly, levelForSeverity } from './escalate';
import { pick } from '@shared/domain/inspection-judge';
import { findingText } from './report-data';

interface Values {
  decision: 'fault' | 'action';
  comment?: string;
  level: 1 | 2 | 3 | 4;
  symptoms: string;
  description: string;
  actionText: string;
  ownerId?: string;
  dueDate?: string;
}

/**
 * What an anomaly becomes — a fault on the fault desk (channel: found in inspection) or a follow-up
 * action — and, on OK, the project manager's approval: the PM types their PIN in the approval dialog
 * (renderer/features/access), which names the approver and the time.
 */
export function EscalateDialog({
  inspectionId,
  inspectionNumber,
  system,
  item,
  answer,
  onClose,
}: {
  inspectionId: string;
  inspectionNumber: string;
  system: InspectionSystem;
  item: ChecklistItem;
  answer: InspectionAnswer;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('inspections');
  const lng = i18n.language === 'en' ? 'en' : 'zh-CN';
  const save = useSaveHandler();
  const team = useTeam();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form) ?? 'fault';
  const [busy, setBusy] = useState(false);
  const pms = (team ?? []).filter((m) => m.role === 'pm' && m.active);
  const unlocked = useUnlocked();
  const me = team?.find((m) => m.id === unlocked?.id);
  const title = pick(item.title, lng);
  const finding = findingText(item, answer, lng, t);
  const initial: Partial<Values> = {
    decision: 'fault',
    level: levelForSeverity(item.severity),
    symptoms: t('escalate.symptoms', { system: system.name, item: title, finding }).slice(0, 200),
    description: t('escalate.description', {
      number: inspectionNumber,
      item: title,
      finding,
      note: answer.note ?? '',
      countermeasure: answer.countermeasure ?? '',
    }),
    actionText: answer.countermeasure ?? '',
    ownerId: system.engineerId,
  };
  const checkSecrets = useSecretCheck();
  const submit = async () => {
    const typed = await form.validateFields();
    // The new fault's texts are prefilled from the notes, and may be edited: no secret goes into it unasked.
    const v = await checkSecrets(typed, ['comment', 'symptoms', 'description', 'actionText']);
    if (!v) return;
    if (v !== typed) form.setFieldsValue(v);
    // The project manager types their PIN here (the access feature's approval dialog).
    const approval = await requireApproval('inspection-onsite-fix', `${system.name} · ${title}`);
    if (!approval) return;
    setBusy(true);
    const reporter = {
      name: me?.name ?? '',
      department: t('escalate.reporterDepartment'),
      phone: me?.phone ?? '',
      email: me?.email ?? '',
    };
    const ok = await save(
      () =>
        escalateAnomaly(
          v.decision === 'fault'
            ? {
                inspectionId,
                systemId: system.systemId,
                itemId: item.id,
                approval,
                comment: v.comment,
                decision: 'fault',
                fault: { level: v.level, symptoms: v.symptoms, description: v.description, reporter },
              }
            : {
                inspectionId,
                systemId: system.systemId,
                itemId: item.id,
                approval,
                comment: v.comment,
                decision: 'action',
                action: { text: v.actionText, ownerId: v.ownerId, dueDate: v.dueDate || undefined },
              },
        ),
      v.decision === 'fault' ? 'inspections:escalate.faultCreated' : 'inspections:escalate.actionCreated',
    );
    setBusy(false);
    if (ok) onClose();
  };
  const required = { required: true, message: t('common:validation.required') };
  return (
    <Modal
      open
      width={640}
      title={t('escalate.title', { item: title })}
      okText={t('escalate.ok')}
      cancelText={t('common:actions.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      data-testid="escalate-dialog"
    >
      <Typography.Paragraph type="secondary">{t('escalate.intro')}</Typography.Paragraph>
      {pms.length === 0 && <Alert type="warning" showIcon title={t('escalate.noPm')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={() => void submit()}>
        <Form.Item name="decision" label={t('escalate.decision')}>
          <Radio.Group
            optionType="button"
            options={(['fault', 'action'] as const).map((d) => ({ value: d, label: t(`escalate.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('escalate.comment')}>
          <Input maxLength={500} placeholder={t('escalate.commentPlaceholder')} />
        </Form.Item>
        {decision === 'fault' ? (
          <>
            <Form.Item name="level" label={t('escalate.level')} extra={t('escalate.levelHint')}>
              <Select
                options={([1, 2, 3, 4] as const).map((l) => ({
                  value: l,
                  label: t('escalate.levelOption', { level: l }),
                }))}
              />
            </Form.Item>
            <Form.Item name="symptoms" label={t('escalate.faultSymptoms')} rules={[required]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="description" label={t('escalate.faultDescription')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={8000} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="actionText" label={t('escalate.actionText')} rules={[{ ...required, whitespace: true }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
            <Form.Item name="ownerId" label={t('escalate.owner')}>
              <Select allowClear options={(team ?? []).map((m) => ({ value: m.id, label: m.name }))} />
            </Form.Item>
            <Form.Item name="dueDate" label={t('escalate.dueDate')}>
              <Input type="date" />
            </Form.Item>
          </>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
