/**
 * Fault intake while the caller is still on the line, in the shared intake form (renderer/core/forms/
 * IntakeForm.tsx): times of occurrence and report, symptoms, attachments, knowledge-base suggestions
 * and the guided level. A password or key pasted into the texts is offered for masking before the
 * save (the access feature's secret check). One transaction writes it all.
 */
import { Card, Col, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeAnswers } from '@shared/domain/level';
import { proposeLevel } from '@shared/domain/level';
import { faultChannels } from '@shared/schemas/fault';
import {
  IntakeForm,
  PendingAttachments,
  type PendingFile,
  isoToLocalInput,
  localInputToIso,
  toReporter,
  useRules,
  type IntakeBaseValues,
} from '../../core';
import { useSecretCheck } from '../access';
import { KbFormSuggestions } from '../kb';
import { createFault } from './faults.repo';
import { LevelGuide } from './LevelGuide';

interface IntakeValues extends IntakeBaseValues {
  channel: (typeof faultChannels)[number];
  complexity?: 'general' | 'complex';
  occurredAt: string;
  reportedAt: string;
  systemId: string;
  symptoms: string;
  description?: string;
  assigneeId: string;
  answers?: IntakeAnswers;
  level: 1 | 2 | 3 | 4;
  overrideReason?: string;
  track: 'remote' | 'onsite';
}

export function FaultIntakePage() {
  const { t } = useTranslation('faults');
  const r = useRules();
  const [form] = Form.useForm<IntakeValues>();
  const [files, setFiles] = useState<PendingFile[]>([]);
  const channel = Form.useWatch('channel', form);
  const [now] = useState(() => isoToLocalInput(new Date().toISOString()));
  const checkSecrets = useSecretCheck();

  const save = async (v: IntakeValues) => {
    const { reporter, saveAsContact } = toReporter(v);
    const proposal = proposeLevel(v.answers ?? {});
    return createFault(
      {
        level: v.level,
        channel: v.channel,
        track: v.track,
        complexity: v.channel === 'email' ? (v.complexity ?? 'general') : undefined,
        proposedLevel: proposal.level,
        overrideReason: v.level !== proposal.level ? v.overrideReason : undefined,
        answers: v.answers,
        reporter,
        saveReporterAsContact: saveAsContact,
        symptoms: v.symptoms.trim(),
        description: (v.description ?? '').trim(),
        occurredAt: localInputToIso(v.occurredAt),
        reportedAt: localInputToIso(v.reportedAt),
        systemId: v.systemId,
        assigneeId: v.assigneeId,
      },
      files,
    );
  };
  return (
    <IntakeForm<IntakeValues>
      ns="faults"
      form={form}
      path="/faults"
      testId="fault-intake"
      submitTestId="intake-submit"
      channels={faultChannels}
      systemRequired
      save={save}
      beforeSave={(v) => checkSecrets(v, ['reporterName', 'reporterDepartment', 'symptoms', 'description', 'overrideReason'])}
      initialValues={{
        channel: 'hotline',
        complexity: 'general',
        occurredAt: now,
        reportedAt: now,
        answers: {},
        track: 'remote',
      }}
      channelExtra={
        channel === 'email' && (
          <Col xs={24} md={12}>
            <Form.Item name="complexity" label={t('intake.complexity')}>
              <Radio.Group
                options={(['general', 'complex'] as const).map((c) => ({ value: c, label: t(`complexity.${c}`) }))}
              />
            </Form.Item>
          </Col>
        )
      }
      times={
        <>
          <Col xs={12} md={6}>
            <Form.Item
              name="occurredAt"
              label={t('intake.occurredAt')}
              rules={[{ required: true, message: t('errors.timeRequired') }]}
            >
              <Input type="datetime-local" data-testid="occurred-at" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="reportedAt"
              label={t('intake.reportedAt')}
              dependencies={['occurredAt']}
              rules={[
                { required: true, message: t('errors.timeRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, value: string) =>
                    value && getFieldValue('occurredAt') && value < getFieldValue('occurredAt')
                      ? Promise.reject(new Error(t('errors.reportedBeforeOccurred')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input type="datetime-local" data-testid="reported-at" />
            </Form.Item>
          </Col>
        </>
      }
      whatAfter={
        <>
          <Form.Item name="symptoms" label={t('intake.symptoms')} rules={[r.required, r.max(200)]}>
            <Input placeholder={t('intake.symptomsPlaceholder')} data-testid="symptoms" />
          </Form.Item>
          <Form.Item name="description" label={t('intake.description')} rules={[r.max(8000)]}>
            <Input.TextArea rows={3} placeholder={t('intake.descriptionPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('intake.attachments')}>
            <PendingAttachments value={files} onChange={setFiles} />
          </Form.Item>
          {/* Knowledge base (kb feature): articles matching the symptoms as they are typed. */}
          <KbFormSuggestions form={form} />
        </>
      }
    >
      <Card size="small" title={t('intake.levelTitle')} style={{ marginBottom: 12 }}>
        <LevelGuide form={form} />
      </Card>
    </IntakeForm>
  );
}
