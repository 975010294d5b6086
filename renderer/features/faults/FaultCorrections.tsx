/**
 * The "Correct" menu of a fault's action bar: change the level (with a reason; the clocks follow the
 * new level from now) and correct the intake (reporter, channel, system, symptoms; the previous
 * values stay in the history). Both are FormDialogs (renderer/core/forms/FormDialog.tsx); a password or
 * key pasted into the texts is offered for masking before the save. Writes through ./corrections.ts.
 */
import { DownOutlined } from '@ant-design/icons';
import { Button, Col, Dropdown, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { faultChannels, faultComplexities, type FaultEventRow, type FaultRecord } from '@shared/schemas/fault';
import { FormDialog, useRules, useSystems } from '../../core';
import { useSecretCheck } from '../access';
import { changeFaultLevel, correctIntake } from './corrections';
import { correctedIntake } from './fault-view';

type Which = 'level' | 'intake';

export function FaultCorrections({ fault, rows }: { fault: FaultRecord; rows: FaultEventRow[] }) {
  const { t } = useTranslation('faults');
  const [open, setOpen] = useState<Which | null>(null);
  if (fault.status === 'closed') return null;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'level', label: <span data-testid="correct-level">{t('correct.changeLevel')}</span> },
            { key: 'intake', label: <span data-testid="correct-intake">{t('correct.intake')}</span> },
          ],
          onClick: ({ key }) => setOpen(key as Which),
        }}
      >
        <Button data-testid="cmd-correct">
          {t('correct.button')} <DownOutlined />
        </Button>
      </Dropdown>
      {open === 'level' && <ChangeLevelDialog fault={fault} onClose={() => setOpen(null)} />}
      {open === 'intake' && <CorrectIntakeDialog fault={fault} rows={rows} onClose={() => setOpen(null)} />}
    </>
  );
}

function ChangeLevelDialog({ fault, onClose }: { fault: FaultRecord; onClose: () => void }) {
  const { t } = useTranslation('faults');
  const r = useRules();
  const [form] = Form.useForm<{ level: 1 | 2 | 3 | 4; reason: string }>();
  const checkSecrets = useSecretCheck();
  return (
    <FormDialog
      form={form}
      title={t('correct.changeLevelTitle')}
      beforeSave={(v) => checkSecrets(v, ['reason'])}
      save={(v) => changeFaultLevel(fault, v.level, v.reason)}
      savedKey="faults:correct.saved"
      onClose={onClose}
    >
      <Typography.Paragraph>{t('correct.currentLevel', { level: t(`levels.${fault.level}`) })}</Typography.Paragraph>
      <Form.Item
        name="level"
        label={t('correct.newLevel')}
        // A number: the shared text rule (whitespace check) would refuse it.
        rules={[{ required: true, message: r.required.message }]}
        extra={t('correct.levelHint')}
      >
        <Radio.Group
          optionType="button"
          options={([1, 2, 3, 4] as const).map((l) => ({
            value: l,
            label: t(`levels.${l}`),
            disabled: l === fault.level,
          }))}
          data-testid="new-level"
        />
      </Form.Item>
      <Form.Item name="reason" label={t('correct.reason')} rules={[r.required, r.max(500)]}>
        <Input.TextArea rows={2} placeholder={t('correct.reasonPlaceholder')} data-testid="level-reason" />
      </Form.Item>
    </FormDialog>
  );
}

type IntakeValues = {
  reporterName: string;
  reporterDepartment: string;
  reporterPhone: string;
  reporterEmail: string;
  channel: FaultRecord['channel'];
  complexity?: FaultRecord['complexity'];
  systemId: string;
  symptoms: string;
  reason: string;
};

function CorrectIntakeDialog({
  fault,
  rows,
  onClose,
}: {
  fault: FaultRecord;
  rows: FaultEventRow[];
  onClose: () => void;
}) {
  const { t } = useTranslation('faults');
  const r = useRules();
  const systems = useSystems();
  const [form] = Form.useForm<IntakeValues>();
  const checkSecrets = useSecretCheck();
  const cur = correctedIntake(rows);
  const channel = Form.useWatch('channel', form);
  const save = (v: IntakeValues) => {
    const name = v.reporterName.trim();
    // The contact link holds while the reporter is the same person.
    const contactId = name === cur.reporter.name ? cur.reporter.contactId : undefined;
    const reporter = {
      name,
      department: v.reporterDepartment ?? '',
      phone: v.reporterPhone ?? '',
      email: v.reporterEmail ?? '',
      ...(contactId ? { contactId } : {}),
    };
    return correctIntake(
      fault,
      { reporter, channel: v.channel, complexity: v.complexity, systemId: v.systemId, symptoms: v.symptoms },
      v.reason,
    );
  };
  return (
    <FormDialog
      form={form}
      title={t('correct.intakeTitle')}
      beforeSave={(v) => checkSecrets(v, ['reporterName', 'reporterDepartment', 'symptoms', 'reason'])}
      save={save}
      savedKey="faults:correct.saved"
      onClose={onClose}
      width={640}
      initialValues={{
        reporterName: cur.reporter.name,
        reporterDepartment: cur.reporter.department,
        reporterPhone: cur.reporter.phone,
        reporterEmail: cur.reporter.email,
        channel: cur.channel,
        complexity: cur.complexity ?? 'general',
        systemId: cur.systemId,
        symptoms: cur.symptoms,
      }}
    >
      <Typography.Paragraph type="secondary">{t('correct.intakeHint')}</Typography.Paragraph>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="reporterName" label={t('intake.reporterName')} rules={[r.required, r.max(60)]}>
            <Input autoFocus data-testid="correct-reporter-name" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="reporterDepartment" label={t('intake.department')} rules={[r.max(60)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="reporterPhone" label={t('intake.phone')} rules={[r.phone, r.max(40)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="reporterEmail" label={t('intake.email')} rules={[r.email]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="channel" label={t('intake.channel')} rules={[r.required]}>
            <Select
              options={faultChannels.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
              data-testid="correct-channel"
            />
          </Form.Item>
        </Col>
        {channel === 'email' && (
          <Col span={12}>
            <Form.Item name="complexity" label={t('intake.complexity')}>
              <Select options={faultComplexities.map((c) => ({ value: c, label: t(`complexity.${c}`) }))} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name="systemId" label={t('intake.system')} rules={[r.required]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(systems ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="correct-system"
        />
      </Form.Item>
      <Form.Item name="symptoms" label={t('intake.symptoms')} rules={[r.required, r.max(200)]}>
        <Input data-testid="correct-symptoms" />
      </Form.Item>
      <Form.Item name="reason" label={t('correct.intakeReason')} rules={[r.required, r.max(500)]}>
        <Input.TextArea rows={2} placeholder={t('correct.intakeReasonPlaceholder')} data-testid="intake-reason" />
      </Form.Item>
    </FormDialog>
  );
}
