/**
 * Fault intake while the caller is still on the line: keyboard first (Tab through, Enter picks,
 * Ctrl+Enter saves), reporter pick-or-add, guided level, attachments. One transaction writes it all.
 */
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeAnswers } from '@shared/domain/level';
import { proposeLevel } from '@shared/domain/level';
import { faultChannels } from '@shared/schemas/fault';
import { PageHeader } from '../../components/PageHeader';
import {
  isoToLocalInput,
  localInputToIso,
  useRules,
  useSite,
  useSystems,
  useTeam,
  ReporterFields,
  toReporter,
  type ReporterValues,
} from '../../core';
import { navigate } from '../../app/router';
import { KbFormSuggestions } from '../kb';
import { createFault } from './faults.repo';
import { LevelGuide } from './LevelGuide';
import { PendingAttachments, type PendingFile } from './PendingAttachments';
import { useFieldSubmit } from './useFieldSubmit';

interface IntakeValues extends ReporterValues {
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
  const { message } = App.useApp();
  const r = useRules();
  const [form] = Form.useForm<IntakeValues>();
  const site = useSite();
  const systems = useSystems();
  const team = useTeam();
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = useFieldSubmit(form);
  const channel = Form.useWatch('channel', form);
  const now = isoToLocalInput(new Date().toISOString());

  const onFinish = async (v: IntakeValues) => {
    setBusy(true);
    const { reporter, saveAsContact } = toReporter(v);
    const proposal = proposeLevel(v.answers ?? {});
    let number = '';
    let id = '';
    const ok = await submit(async () => {
      const f = await createFault(
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
      number = f.number;
      id = f.id;
    }, null);
    setBusy(false);
    if (ok) {
      message.success(t('intake.saved', { number }));
      navigate(`/faults/${id}`);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };
  if (!site || !team) return null;
  return (
    <div onKeyDown={onKeyDown} data-testid="fault-intake">
      <PageHeader title={t('intake.title')} sub={t('intake.shortcut')} />
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        scrollToFirstError
        onFinish={(v) => void onFinish(v)}
        initialValues={{
          channel: 'hotline',
          complexity: 'general',
          occurredAt: now,
          reportedAt: now,
          assigneeId: site.currentUserId || undefined,
          answers: {},
          track: 'remote',
          saveContact: true,
        }}
      >
        <Card size="small" title={t('intake.caller')} style={{ marginBottom: 12 }}>
          <ReporterFields form={form} autoFocus />
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('intake.channel')} rules={[r.required]}>
                <Radio.Group options={faultChannels.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
              </Form.Item>
            </Col>
            {channel === 'email' && (
              <Col xs={24} md={12}>
                <Form.Item name="complexity" label={t('intake.complexity')}>
                  <Radio.Group
                    options={(['general', 'complex'] as const).map((c) => ({ value: c, label: t(`complexity.${c}`) }))}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Row gutter={12}>
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
          </Row>
        </Card>
        <Card size="small" title={t('intake.what')} style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="systemId" label={t('intake.system')} rules={[r.required]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('intake.systemPlaceholder')}
                  options={(systems ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  data-testid="system-select"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="assigneeId" label={t('intake.assignee')} rules={[r.required]}>
                <Select options={team.map((m) => ({ value: m.id, label: m.name }))} />
              </Form.Item>
            </Col>
          </Row>
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
        </Card>
        <Card size="small" title={t('intake.levelTitle')} style={{ marginBottom: 12 }}>
          <LevelGuide form={form} />
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="intake-submit">
            {t('intake.submit')}
          </Button>
          <Button onClick={() => navigate('/faults')}>{t('common:actions.cancel')}</Button>
          <Typography.Text type="secondary">{t('intake.shortcut')}</Typography.Text>
        </Space>
      </Form>
    </div>
  );
}
