import { Checkbox, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '@shared/schemas/inspection';
import { useSaveHandler } from '../../components/useSaveHandler';
import type { Language } from '../../i18n/resources';
import { useContacts, useSite, useTeam } from '../../core';
import { issueInspectionReport, type InspectionReportType } from './report-context';

interface Values {
  language: Language;
  engineer: string;
  projectManager: string;
  clientEngineer: string;
  withEvidence: boolean;
  conclusion?: string;
  extra?: string;
}

/**
 * Issues one of the inspection's reports: language, the names printed in the sign-off block (the
 * client's maintenance engineer signs later, on screen or on paper), and what the report includes.
 */
export function IssueDialog({
  inspection,
  type,
  onClose,
}: {
  inspection: Inspection;
  type: InspectionReportType;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('inspections');
  const save = useSaveHandler();
  const team = useTeam();
  const site = useSite();
  const maint = useContacts('client')?.find((c) => c.isMaintenanceEngineer);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const me = team?.find((m) => m.id === site?.currentUserId);
  const pm = team?.find((m) => m.role === 'pm' && m.active);
  // Names load after the first render; fill the fields still empty once they are known.
  useEffect(() => {
    const defaults: Partial<Values> = { engineer: me?.name, projectManager: pm?.name, clientEngineer: maint?.name };
    for (const [k, v] of Object.entries(defaults))
      if (v && !form.isFieldTouched(k as keyof Values) && !form.getFieldValue(k as keyof Values))
        form.setFieldValue(k as keyof Values, v);
  }, [me?.name, pm?.name, maint?.name, form]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const signers = [
      { role: 'engineer' as const, ...(v.engineer.trim() ? { name: v.engineer.trim() } : {}) },
      { role: 'projectManager' as const, ...(v.projectManager.trim() ? { name: v.projectManager.trim() } : {}) },
      { role: 'clientEngineer' as const, ...(v.clientEngineer.trim() ? { name: v.clientEngineer.trim() } : {}) },
    ];
    const extraRecommendations = (v.extra ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((text) => ({ system: t('reports.allSystems'), text, priority: 'medium' as const }));
    const ok = await save(
      () =>
        issueInspectionReport(type, inspection.id, {
          language: v.language,
          signers,
          withEvidence: v.withEvidence,
          conclusion: v.conclusion,
          extraRecommendations,
        }),
      'inspections:reports.issued',
    );
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Modal
      open
      width={600}
      title={t('reports.issueTitle', { type: t(`reports.titles.${type}`) })}
      okText={t('reports.issue')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      data-testid="issue-dialog"
    >
      {busy && <Typography.Paragraph type="secondary">{t('reports.generating')}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        onFinish={() => void submit()}
        initialValues={{
          language: i18n.language === 'en' ? 'en' : 'zh-CN',
          engineer: me?.name ?? '',
          projectManager: pm?.name ?? '',
          clientEngineer: maint?.name ?? '',
          withEvidence: true,
        }}
      >
        <Form.Item name="language" label={t('reports.language')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'zh-CN', label: t('common:languages.zh') },
              { value: 'en', label: t('common:languages.en') },
            ]}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('reports.signersHint')}</Typography.Paragraph>
        <Form.Item name="engineer" label={t('reports:signOff.roles.engineer')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="projectManager" label={t('reports:signOff.roles.projectManager')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="clientEngineer"
          label={t('reports:signOff.roles.clientEngineer')}
          extra={t('reports.clientEngineerHint')}
        >
          <Input maxLength={60} data-testid="issue-client-engineer" />
        </Form.Item>
        {type === 'inspection' && (
          <>
            <Form.Item name="withEvidence" valuePropName="checked">
              <Checkbox>{t('reports.withEvidence')}</Checkbox>
            </Form.Item>
            <Form.Item name="conclusion" label={t('reports.conclusion')} extra={t('reports.conclusionHint')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {type === 'system-diagnosis' && (
          <Form.Item name="extra" label={t('reports.extraRecommendations')} extra={t('reports.extraHint')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
