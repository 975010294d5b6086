import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Form, Input, Radio, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveHandler } from '../../components/useSaveHandler';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import {
  FormDialog,
  formatDateTime,
  isoToLocalInput,
  localInputToIso,
  useClockConfig,
  useNow,
  useRules,
  useSystems,
  useTeam,
} from '../../core';
import { navigate } from '../../app/router';
import { useSecretCheck } from '../access';
import { minutesLeft, ClockTag } from '../faults';
import {
  requestClock,
  requestStep,
  useRequest,
  type RequestStep,
  type ServiceRequest,
} from './requests.repo';
import { ConflictMark } from '../sync';

type Command = 'respond' | 'resolve' | 'close' | 'reopen';

function commandsOf(r: ServiceRequest): Command[] {
  if (r.status === 'open') return ['respond', 'resolve'];
  if (r.status === 'responded') return ['resolve'];
  if (r.status === 'resolved') return ['close', 'reopen'];
  return ['reopen'];
}

interface StepValues {
  at: string;
  note?: string;
  mode?: 'phone' | 'onsite';
  resolution?: string;
}

function StepDialog({ request, command, onClose }: { request: ServiceRequest; command: Command; onClose: () => void }) {
  const { t } = useTranslation('requests');
  const r = useRules();
  const [form] = Form.useForm<StepValues>();
  const checkSecrets = useSecretCheck();
  const initialAt = useMemo(() => isoToLocalInput(new Date().toISOString()), []);
  const save = (v: StepValues) => {
    const at = v.at === initialAt ? new Date().toISOString() : localInputToIso(v.at);
    const step: RequestStep =
      command === 'resolve'
        ? { type: 'resolved', at, resolutionMode: v.mode!, resolution: v.resolution ?? '' }
        : { type: command === 'respond' ? 'responded' : command === 'close' ? 'closed' : 'reopened', at, note: v.note };
    return requestStep(request.id, step);
  };
  return (
    <FormDialog<StepValues>
      form={form}
      title={t(`commands.${command}`)}
      beforeSave={(v) => checkSecrets(v, ['note', 'resolution'])}
      save={save}
      onClose={onClose}
      okTestId="request-dialog-ok"
      initialValues={{ at: initialAt, mode: 'phone' }}
    >
      <Form.Item
        name="at"
        label={t('form.at')}
        extra={t('form.timeHint')}
        rules={[{ required: true, message: t('errors.timeRequired') }]}
      >
        <Input type="datetime-local" />
      </Form.Item>
      {command === 'resolve' ? (
        <>
          <Form.Item name="mode" label={t('form.mode')} rules={[r.required]}>
            <Radio.Group options={(['phone', 'onsite'] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))} />
          </Form.Item>
          <Form.Item name="resolution" label={t('form.resolution')} rules={[r.required, r.max(8000)]}>
            <Input.TextArea rows={3} autoFocus data-testid="request-resolution" />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="note" label={t('form.note')} rules={[r.max(4000)]}>
          <Input.TextArea rows={2} autoFocus />
        </Form.Item>
      )}
    </FormDialog>
  );
}

export function RequestDetailPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('requests');
  const request = useRequest(id);
  const team = useTeam();
  const systems = useSystems();
  const cfg = useClockConfig();
  const now = useNow(1000);
  const save = useSaveHandler();
  const checkSecrets = useSecretCheck();
  const [open, setOpen] = useState<Command | null>(null);
  const [analysis, setAnalysis] = useState('');
  useEffect(() => setAnalysis(request?.analysis ?? ''), [request?.analysis]);
  if (request === null)
    return <EmptyState title={t('detail.notFound')} action={t('detail.back')} onAction={() => navigate('/requests')} />;
  if (!request) return null;
  const clock = requestClock(request, cfg, now);
  const member = (mid: string) => team?.find((m) => m.id === mid)?.name ?? mid;
  const system = systems?.find((s) => s.id === request.systemId);
  const dt = (v?: string) => (v ? formatDateTime(v, i18n.language) : t('detail.none'));
  const saveAnalysis = async () => {
    const v = await checkSecrets({ analysis }, ['analysis']);
    if (!v) return;
    setAnalysis(v.analysis);
    await save(() => requestStep(request.id, { type: 'analysed', at: new Date().toISOString(), analysis: v.analysis }));
  };
  return (
    <div data-testid="request-detail">
      <PageHeader
        title={
          <span>
            <span data-testid="request-number">{request.number}</span>{' '}
            <Typography.Text style={{ fontSize: 18, fontWeight: 400 }}>{request.title}</Typography.Text>
          </span>
        }
        sub={
          <Space size={6} style={{ marginTop: 6 }} data-testid="request-header">
            <Tag color="geekblue">{t(`types.${request.type}`)}</Tag>
            <Tag>{t(`statuses.${request.status}`)}</Tag>
            <ConflictMark table="serviceRequests" recordId={request.id} />
            <ClockTag
              kind="response"
              state={clock.state}
              leftMinutes={minutesLeft(clock, cfg, now)}
              calendar={clock.calendar}
              testId="request-clock"
            />
          </Space>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/requests')}>
            {t('detail.back')}
          </Button>
        }
      />
      <Flex gap={8} style={{ marginBottom: 16 }}>
        {commandsOf(request).map((c) => (
          <Button
            key={c}
            type={c === 'respond' || c === 'resolve' ? 'primary' : 'default'}
            onClick={() => setOpen(c)}
            data-testid={`request-cmd-${c}`}
          >
            {t(`commands.${c}`)}
          </Button>
        ))}
      </Flex>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('detail.analysis')} style={{ marginBottom: 16 }}>
            <Input.TextArea
              rows={4}
              value={analysis}
              onChange={(e) => setAnalysis(e.target.value)}
              placeholder={t('detail.analysisPlaceholder')}
              disabled={request.status === 'closed' || request.status === 'resolved'}
              data-testid="request-analysis"
            />
            {request.status !== 'closed' && request.status !== 'resolved' && (
              <Button
                style={{ marginTop: 8 }}
                disabled={!analysis.trim() || analysis.trim() === (request.analysis ?? '')}
                onClick={() => void saveAnalysis()}
                data-testid="request-save-analysis"
              >
                {t('detail.saveAnalysis')}
              </Button>
            )}
          </Card>
          {request.resolution && (
            <Card size="small" title={t('detail.resolution')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph>
                <Tag>{t(`modes.${request.resolutionMode}`)}</Tag> {dt(request.resolvedAt)}
              </Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{request.resolution}</Typography.Paragraph>
            </Card>
          )}
          <Card size="small" title={t('detail.history')}>
            <Timeline
              data-testid="request-history"
              items={[...request.log]
                .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
                .map((e, i) => ({
                  key: i,
                  content: (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {dt(e.at)} · {member(e.by)}
                      </Typography.Text>
                      <div>
                        <Typography.Text strong>{t(`steps.${e.type}`)}</Typography.Text>
                      </div>
                      {e.note && (
                        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                          {e.note}
                        </Typography.Paragraph>
                      )}
                    </div>
                  ),
                }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('detail.overview')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('detail.reporter')}>
                {[request.reporter.name, request.reporter.department, request.reporter.phone]
                  .filter(Boolean)
                  .join(' · ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.system')}>{system?.name ?? t('detail.none')}</Descriptions.Item>
              <Descriptions.Item label={t('detail.channel')}>{t(`channels.${request.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.receivedAt')}>{dt(request.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.respondedAt')}>{dt(request.respondedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.clock')}>
                {clock.dueAt ? t('detail.due', { due: dt(clock.dueAt) }) : t('detail.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.assignee')}>{member(request.assigneeId)}</Descriptions.Item>
              {request.description && (
                <Descriptions.Item label={t('detail.description')}>{request.description}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
      </Row>
      {open && <StepDialog request={request} command={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
