/**
 * The one intake form for whatever a caller reports — a fault or a service request — keyboard first:
 * Tab through, Enter picks, Ctrl+Enter saves. The frame is shared (caller card with the reporter,
 * channel and times; "what" card with system and assignee; save and cancel); each kind of record
 * brings its own fields. A mistake that belongs to one field is shown at that field; anything else
 * through the shared save handler. On success: a message with the new number and its page.
 */
import { App, Button, Card, Col, Form, Radio, Row, Select, Space, Typography, type FormInstance } from 'antd';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../app/router';
import { useSite, useSystems, useTeam } from '../site/site.repo';
import { useRules } from './fields';
import { ReporterFields, type ReporterValues } from './ReporterFields';
import { useFieldSubmit } from './useFieldSubmit';

/** Values every intake form has; each record kind adds its own. */
export interface IntakeBaseValues extends ReporterValues {
  channel: string;
  systemId?: string;
  assigneeId: string;
}

export interface IntakeFormProps<V extends IntakeBaseValues> {
  /** i18n namespace with `intake.*` (title, caller, channel, what, system, assignee, submit, saved…) and `channels.*`. */
  ns: 'faults' | 'requests';
  form: FormInstance<V>;
  /** Where the list is (`/faults`): cancel goes there, a saved record opens at `<path>/<id>`. */
  path: string;
  testId: string;
  submitTestId: string;
  channels: readonly string[];
  initialValues: Omit<Partial<V>, 'channel' | 'assigneeId' | 'saveContact'> & { channel: V['channel'] };
  /** Writes the record; a field error (messageKey in `ns`, field) is shown at that field. */
  save: (values: V) => Promise<{ id: string; number: string }>;
  /**
   * Runs before `save` (the access feature's secret check: offer to mask a pasted password). Returns
   * the values to save, possibly changed (they are put back into the form), or null to stay in the form.
   */
  beforeSave?: (values: V) => Promise<V | null>;
  /** Columns next to the channel (e-mail complexity). */
  channelExtra?: ReactNode;
  /** The time fields of the caller card. */
  times: ReactNode;
  /** Fields of the "what" card before and after the system and assignee row. */
  whatBefore?: ReactNode;
  whatAfter?: ReactNode;
  systemRequired?: boolean;
  /** Cards after "what" (the fault's level guide). */
  children?: ReactNode;
}

export function IntakeForm<V extends IntakeBaseValues>(p: IntakeFormProps<V>) {
  const { t } = useTranslation(p.ns);
  const { message } = App.useApp();
  const r = useRules();
  const site = useSite();
  const systems = useSystems();
  const team = useTeam();
  const submit = useFieldSubmit(p.form, p.ns);
  const [busy, setBusy] = useState(false);

  const onFinish = async (typed: V) => {
    const v = p.beforeSave ? await p.beforeSave(typed) : typed;
    if (!v) return;
    if (v !== typed) p.form.setFieldsValue(v as never);
    setBusy(true);
    let saved: { id: string; number: string } | undefined;
    const ok = await submit(async () => {
      saved = await p.save(v);
    }, null);
    setBusy(false);
    if (ok && saved) {
      message.success(t('intake.saved', { number: saved.number }));
      navigate(`${p.path}/${saved.id}`);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      p.form.submit();
    }
  };
  if (!site || !team) return null;
  return (
    <div onKeyDown={onKeyDown} data-testid={p.testId}>
      <PageHeader title={t('intake.title')} sub={t('intake.shortcut')} />
      <Form<V>
        form={p.form}
        layout="vertical"
        scrollToFirstError
        onFinish={(v) => void onFinish(v)}
        initialValues={{ ...p.initialValues, assigneeId: site.currentUserId || undefined, saveContact: true } as never}
      >
        <Card size="small" title={t('intake.caller')} style={{ marginBottom: 12 }}>
          <ReporterFields form={p.form} autoFocus />
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('intake.channel')} rules={[r.required]}>
                <Radio.Group options={p.channels.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
              </Form.Item>
            </Col>
            {p.channelExtra}
          </Row>
          <Row gutter={12}>{p.times}</Row>
        </Card>
        <Card size="small" title={t('intake.what')} style={{ marginBottom: 12 }}>
          {p.whatBefore}
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="systemId" label={t('intake.system')} rules={p.systemRequired ? [r.required] : []}>
                <Select
                  allowClear={!p.systemRequired}
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
          {p.whatAfter}
        </Card>
        {p.children}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid={p.submitTestId}>
            {t('intake.submit')}
          </Button>
          <Button onClick={() => navigate(p.path)}>{t('common:actions.cancel')}</Button>
          <Typography.Text type="secondary">{t('intake.shortcut')}</Typography.Text>
        </Space>
      </Form>
    </div>
  );
}
