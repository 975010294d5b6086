/**
 * Escalation L1 → L2 (senior expert) → L3 (original vendor): assembles the handover package the
 * contract requires — system information, actions taken with their results (prefilled from the
 * timeline, editable), the recipient, the vendor's case number for L3, the reason — records it as
 * an `escalation` event and, if asked, issues it as the 'escalation-package' PDF. A level-1 fault's
 * escalation is received by the project manager: their PIN, asked for on OK, is recorded. The package
 * leaves the desk: a password or key in its texts is offered for masking first.
 */
import { Alert, App, Checkbox, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSystem, Contact, TeamMember } from '@shared/schemas/core';
import type { FaultEventRow, FaultRecord } from '@shared/schemas/fault';
import { formatDateTime, useContacts, useFieldSubmit, useRules } from '../../core';
import type { Language } from '../../pdf/types';
import { requireApproval, useSecretCheck, type Approval } from '../access';
import { issueEscalationPackage } from './fault-reports';
import { escalateFault, escalationNeedsPm } from './faults.repo';

/** The system as text lines, for the handover. */
export function systemInfoText(s: ClientSystem | undefined, t: TFunction): string {
  if (!s) return '';
  const line = (label: string, v: string | undefined) =>
    v?.trim() ? t('faults:events.labelled', { label, text: v.trim() }) : '';
  return [
    line(t('faults:pdf.systemName'), s.name),
    line(t('faults:pdf.family'), t(`common:families.${s.family}`)),
    line(t('faults:pdf.vendorModel'), [s.vendor, s.model].filter(Boolean).join(' / ')),
    line(t('faults:pdf.version'), s.version),
    line(t('faults:pdf.location'), s.location),
    s.notes?.trim() ?? '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The recorded actions and their results, one line each, oldest first. */
export function actionsText(rows: FaultEventRow[], team: TeamMember[], t: TFunction, lng: string): string {
  const name = (id: string) => team.find((m) => m.id === id)?.name ?? id;
  return rows
    .filter((r): r is Extract<FaultEventRow, { type: 'action' }> => r.type === 'action')
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((r) => {
      const p = r.payload;
      const result = p.result ? ` ${t('faults:events.result', { text: p.result })}` : '';
      return `${t('faults:events.labelled', { label: `${formatDateTime(r.at, lng)} ${name(p.engineerId)} ${t(`faults:actionKinds.${p.kind}`)}`, text: p.what })}${result}`;
    })
    .join('\n');
}

interface Values {
  toTier: 2 | 3;
  recipientId: string;
  vendorCaseNumber?: string;
  reason: string;
  systemInfo: string;
  actionsSummary: string;
  print: boolean;
}

export function EscalationDialog({
  fault,
  rows,
  system,
  team,
  suggested,
  onClose,
}: {
  fault: FaultRecord;
  rows: FaultEventRow[];
  system?: ClientSystem;
  team: TeamMember[];
  suggested: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('faults');
  const { message } = App.useApp();
  const r = useRules();
  const [form] = Form.useForm<Values>();
  const submit = useFieldSubmit(form);
  const checkSecrets = useSecretCheck();
  const [busy, setBusy] = useState(false);
  const experts = useContacts('expert');
  const vendors = useContacts('vendor');
  const toTier = (Form.useWatch('toTier', form) ?? Math.min(3, fault.tier + 1)) as 2 | 3;
  const recipients: Contact[] = (toTier === 3 ? vendors : experts) ?? [];
  const initial = useMemo<Partial<Values>>(
    () => ({
      toTier: Math.min(3, fault.tier + 1) as 2 | 3,
      recipientId: fault.tier + 1 >= 3 ? system?.vendorContactId : undefined,
      reason: suggested ? t('escalation.reasonSuggested', { level: t(`levels.${fault.level}`) }) : '',
      systemInfo: systemInfoText(system, t),
      actionsSummary: actionsText(rows, team, t, i18n.language) || t('escalation.noActions'),
      print: true,
    }),
    // The prefill is taken once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const ok = async () => {
    const typed = await form.validateFields();
    const v = await checkSecrets(typed, ['reason', 'systemInfo', 'actionsSummary']);
    if (!v) return;
    if (v !== typed) form.setFieldsValue(v);
    const recipient = recipients.find((c) => c.id === v.recipientId);
    // A level-1 fault's escalation is received by the project manager, who types their PIN here.
    let approval: Approval | null = null;
    if (await escalationNeedsPm(fault.id)) {
      approval = await requireApproval('fault-l1-escalation', `${fault.number} · ${fault.symptoms}`);
      if (!approval) return;
    }
    setBusy(true);
    let seq = -1;
    const done = await submit(async () => {
      const next = await escalateFault(
        fault.id,
        {
          at: new Date().toISOString(),
          fromTier: fault.tier,
          toTier: v.toTier,
          recipientId: v.recipientId,
          recipientName: recipient
            ? recipient.company
              ? t('escalation.recipientName', { name: recipient.name, company: recipient.company })
              : recipient.name
            : v.recipientId,
          ...(v.toTier === 3 && v.vendorCaseNumber?.trim() ? { vendorCaseNumber: v.vendorCaseNumber.trim() } : {}),
          reason: v.reason.trim(),
          systemInfo: (v.systemInfo ?? '').trim(),
          actionsSummary: v.actionsSummary === t('escalation.noActions') ? '' : (v.actionsSummary ?? '').trim(),
        },
        approval,
      );
      seq = next.lastSeq;
    }, null);
    if (done) {
      message.success(t('escalation.saved', { tier: t(`tiers.${v.toTier}`) }));
      onClose();
      if (v.print) {
        const key = 'escalation-pdf';
        message.open({ key, type: 'loading', content: t('report.issuing'), duration: 0 });
        await submit(() => issueEscalationPackage(fault.id, seq, (i18n.language as Language) || 'zh-CN'), null);
        message.destroy(key);
      }
    }
    setBusy(false);
  };
  return (
    <Modal
      open
      title={t('escalation.title')}
      onOk={() => void ok()}
      onCancel={onClose}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'escalation-ok' }}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('escalation.intro')}</Typography.Paragraph>
      {suggested && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('detail.escalationSuggested')} />
      )}
      {fault.level === 1 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('escalation.needsPm')}
          data-testid="escalation-needs-pm"
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial} data-testid="escalation-form">
        <Form.Item
          name="toTier"
          label={t('escalation.toTier')}
          rules={[{ required: true, message: t('common:validation.required') }]}
        >
          <Radio.Group
            onChange={(e) =>
              form.setFieldValue('recipientId', e.target.value === 3 ? system?.vendorContactId : undefined)
            }
            options={([2, 3] as const).filter((x) => x > fault.tier).map((x) => ({ value: x, label: t(`tiers.${x}`) }))}
          />
        </Form.Item>
        <Form.Item name="recipientId" label={t('escalation.recipient')} rules={[r.required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('escalation.recipientPlaceholder')}
            options={recipients.map((c) => ({ value: c.id, label: `${c.name} · ${c.company} · ${c.phone}` }))}
            data-testid="escalation-recipient"
          />
        </Form.Item>
        {toTier === 3 && (
          <Form.Item name="vendorCaseNumber" label={t('escalation.vendorCaseNumber')} rules={[r.required, r.max(80)]}>
            <Input data-testid="vendor-case" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('escalation.reason')} rules={[r.required, r.max(2000)]}>
          <Input.TextArea rows={2} data-testid="escalation-reason" />
        </Form.Item>
        <Form.Item name="systemInfo" label={t('escalation.systemInfo')} rules={[r.max(4000)]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="actionsSummary" label={t('escalation.actionsSummary')} rules={[r.max(8000)]}>
          <Input.TextArea rows={5} data-testid="escalation-actions" />
        </Form.Item>
        <Form.Item name="print" valuePropName="checked">
          <Checkbox>{t('escalation.printAfter')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
