import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Checkbox, Col, Flex, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useEffect, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackAction, FeedbackAttendee } from '@shared/schemas/feedback';
import { useSaveHandler } from '../../components/useSaveHandler';
import { shanghaiDate, useContacts, useTeam } from '../../core';
import { feedbackIssues, saveFeedbackMeeting, type FeedbackDraft, type FeedbackMeeting } from './feedback.repo';

interface Values {
  date: string;
  /** Names: picked from the team and the client contacts, or typed. */
  attendees: string[];
  clientSaid: string;
  actions: FeedbackAction[];
}

/**
 * Record or edit a feedback meeting: date, attendees (team and client contacts, or typed), what the
 * client said, the actions with owner, due date and done. Ctrl+Enter saves from any field; the
 * repository's own checks (shared/schemas/feedback.ts) are shown at their field before saving.
 */
export function FeedbackForm({
  open,
  meeting,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The meeting edited; null for a new one. */
  meeting: FeedbackMeeting | null;
  onClose: () => void;
  onSaved?: (m: FeedbackMeeting) => void;
}) {
  const { t } = useTranslation('feedback');
  const [form] = Form.useForm<Values>();
  const save = useSaveHandler();
  const team = useTeam();
  const clients = useContacts('client');
  const today = shanghaiDate(new Date());
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      meeting
        ? { ...meeting, attendees: meeting.attendees.map((a) => a.name), actions: meeting.actions }
        : { date: today, attendees: [], clientSaid: '', actions: [] },
    );
  }, [open, meeting, form, today]);
  const required = { required: true, whitespace: true, message: t('common:validation.required') };

  function attendee(name: string): FeedbackAttendee {
    const member = (team ?? []).find((m) => m.name === name);
    if (member) return { name, memberId: member.id };
    const contact = (clients ?? []).find((c) => c.name === name);
    return contact ? { name, contactId: contact.id } : { name };
  }

  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is wrong
    const draft: FeedbackDraft = {
      ...(meeting ? { id: meeting.id } : {}),
      date: v.date,
      attendees: (v.attendees ?? [])
        .map((n) => n.trim())
        .filter(Boolean)
        .map(attendee),
      clientSaid: v.clientSaid ?? '',
      actions: (v.actions ?? []).map((a) => ({
        what: a.what ?? '',
        owner: a.owner ?? '',
        due: a.due ?? '',
        done: !!a.done,
      })),
    };
    // A field's name as the form knows it: an attendee is one tag of the one attendees field.
    const issues = feedbackIssues(draft).map((i) => ({
      name: (i.path[0] === 'attendees' ? ['attendees'] : i.path) as never,
      errors: [t(i.message)],
    }));
    if (issues.length) {
      form.setFields(issues);
      form.scrollToField(issues[0].name);
      return;
    }
    let saved: FeedbackMeeting | undefined;
    const ok = await save(async () => {
      saved = await saveFeedbackMeeting(draft);
    });
    if (ok && saved) {
      onSaved?.(saved);
      onClose();
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  }

  const people = [
    {
      label: t('form.team'),
      options: (team ?? [])
        .filter((m) => m.active)
        .map((m) => ({ value: m.name, label: m.name, hint: t(`common:roles.${m.role}`) })),
    },
    {
      label: t('form.clients'),
      options: (clients ?? []).map((c) => ({ value: c.name, label: c.name, hint: c.department || c.company })),
    },
  ];
  const owners = [
    ...(team ?? []).filter((m) => m.active).map((m) => ({ value: m.name })),
    ...(clients ?? []).map((c) => ({ value: c.name })),
  ];
  return (
    <Modal
      open={open}
      title={meeting ? t('form.editTitle') : t('form.newTitle')}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      width={780}
      destroyOnHidden
      forceRender
    >
      <div onKeyDown={onKeyDown}>
        <Form<Values>
          form={form}
          name="feedback"
          layout="vertical"
          data-testid="feedback-form"
          onFinish={() => void submit()}
        >
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item
                name="date"
                label={t('fields.date')}
                rules={[{ required: true, message: t('common:validation.date') }]}
              >
                <Input type="date" max={today} autoFocus />
              </Form.Item>
            </Col>
            <Col span={18}>
              <Form.Item
                name="attendees"
                label={t('fields.attendees')}
                extra={t('form.attendeesHint')}
                rules={[{ required: true, type: 'array', min: 1, message: t('validation.attendeesRequired') }]}
              >
                <Select
                  mode="tags"
                  options={people}
                  tokenSeparators={[',', '，', '、']}
                  // The chosen tag shows the name; the list also says who the person is.
                  optionRender={(o) => {
                    const { label, hint } = o.data as { label?: string; hint?: string };
                    return hint ? `${label}（${hint}）` : o.label;
                  }}
                  aria-label={t('fields.attendees')}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="clientSaid"
            label={t('fields.clientSaid')}
            extra={t('form.clientSaidHint')}
            rules={[required, { max: 5000, message: t('common:validation.max', { n: 5000 }) }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
          <Typography.Text strong>{t('fields.actions')}</Typography.Text>
          <Form.List name="actions">
            {(items, { add, remove }) => (
              <div style={{ marginTop: 8 }} data-testid="feedback-actions">
                {items.map((item, i) => (
                  <Flex key={item.key} gap={8} align="start">
                    <Form.Item
                      name={[item.name, 'what']}
                      style={{ flex: 3, marginBottom: 8 }}
                      rules={[required, { max: 500, message: t('common:validation.max', { n: 500 }) }]}
                    >
                      <Input aria-label={t('form.actionWhat', { n: i + 1 })} placeholder={t('fields.what')} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'owner']} style={{ flex: 1, marginBottom: 8 }} rules={[required]}>
                      <AutoComplete
                        aria-label={t('form.actionOwner', { n: i + 1 })}
                        placeholder={t('fields.owner')}
                        options={owners}
                        filterOption={(input, o) => !!o?.value.includes(input)}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'due']}
                      style={{ width: 150, marginBottom: 8 }}
                      rules={[{ required: true, message: t('common:validation.date') }]}
                    >
                      <Input type="date" aria-label={t('form.actionDue', { n: i + 1 })} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'done']} valuePropName="checked" style={{ marginBottom: 8 }}>
                      <Checkbox aria-label={t('form.actionDone', { n: i + 1 })}>{t('fields.done')}</Checkbox>
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('form.removeAction', { n: i + 1 })}
                      onClick={() => remove(item.name)}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ what: '', owner: '', due: '', done: false })}
                  data-testid="feedback-add-action"
                >
                  {t('form.addAction')}
                </Button>
              </div>
            )}
          </Form.List>
          <button type="submit" hidden />
        </Form>
      </div>
    </Modal>
  );
}
