/** Service request intake: the fault intake's keyboard-first form, with a request type instead of a level. */
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requestChannels, requestTypes, type RequestType, type ServiceRequest } from '@shared/schemas/request';
import { useSaveHandler } from '../../components/useSaveHandler';
import { PageHeader } from '../../components/PageHeader';
import {
  isoToLocalInput,
  localInputToIso,
  ReporterFields,
  toReporter,
  type ReporterValues,
  useRules,
  useSite,
  useSystems,
  useTeam,
} from '../../core';
import { navigate } from '../../app/router';
import { createRequest, RequestInputError } from './requests.repo';

interface Values extends ReporterValues {
  type: RequestType;
  channel: ServiceRequest['channel'];
  receivedAt: string;
  systemId?: string;
  title: string;
  description?: string;
  assigneeId: string;
}

export function RequestIntakePage() {
  const { t } = useTranslation('requests');
  const { message } = App.useApp();
  const r = useRules();
  const [form] = Form.useForm<Values>();
  const site = useSite();
  const systems = useSystems();
  const team = useTeam();
  const save = useSaveHandler();
  const [busy, setBusy] = useState(false);
  const now = isoToLocalInput(new Date().toISOString());

  const onFinish = async (v: Values) => {
    setBusy(true);
    const { reporter, saveAsContact } = toReporter(v);
    let created: ServiceRequest | undefined;
    const ok = await save(async () => {
      try {
        created = await createRequest({
          type: v.type,
          channel: v.channel,
          reporter,
          saveReporterAsContact: saveAsContact,
          systemId: v.systemId ?? '',
          assigneeId: v.assigneeId,
          title: v.title.trim(),
          description: (v.description ?? '').trim(),
          receivedAt: localInputToIso(v.receivedAt),
        });
      } catch (err) {
        if (err instanceof RequestInputError && err.field)
          form.setFields([{ name: err.field as keyof Values, errors: [t(err.messageKey)] }]);
        throw err;
      }
    }, null);
    setBusy(false);
    if (ok && created) {
      message.success(t('intake.saved', { number: created.number }));
      navigate(`/requests/${created.id}`);
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
    <div onKeyDown={onKeyDown} data-testid="request-intake">
      <PageHeader title={t('intake.title')} sub={t('intake.shortcut')} />
      <Form<Values>
        form={form}
        layout="vertical"
        scrollToFirstError
        onFinish={(v) => void onFinish(v)}
        initialValues={{
          channel: 'hotline',
          type: 'consultation',
          receivedAt: now,
          assigneeId: site.currentUserId || undefined,
          saveContact: true,
        }}
      >
        <Card size="small" title={t('intake.caller')} style={{ marginBottom: 12 }}>
          <ReporterFields form={form} autoFocus />
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('intake.channel')} rules={[r.required]}>
                <Radio.Group options={requestChannels.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="receivedAt"
                label={t('intake.receivedAt')}
                rules={[{ required: true, message: t('errors.timeRequired') }]}
              >
                <Input type="datetime-local" data-testid="received-at" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('intake.what')} style={{ marginBottom: 12 }}>
          <Form.Item name="type" label={t('intake.type')} rules={[r.required]}>
            <Radio.Group
              optionType="button"
              options={requestTypes.map((c) => ({ value: c, label: t(`types.${c}`) }))}
              data-testid="request-type"
            />
          </Form.Item>
          <Form.Item name="title" label={t('intake.titleField')} rules={[r.required, r.max(200)]}>
            <Input placeholder={t('intake.titlePlaceholder')} data-testid="request-title" />
          </Form.Item>
          <Form.Item name="description" label={t('intake.description')} rules={[r.max(8000)]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="systemId" label={t('intake.system')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('intake.systemPlaceholder')}
                  options={(systems ?? []).map((s) => ({ value: s.id, label: s.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="assigneeId" label={t('intake.assignee')} rules={[r.required]}>
                <Select options={team.map((m) => ({ value: m.id, label: m.name }))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="request-submit">
            {t('intake.submit')}
          </Button>
          <Button onClick={() => navigate('/requests')}>{t('common:actions.cancel')}</Button>
          <Typography.Text type="secondary">{t('intake.shortcut')}</Typography.Text>
        </Space>
      </Form>
    </div>
  );
}
