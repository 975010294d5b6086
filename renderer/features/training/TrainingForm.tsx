import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, Flex, Form, Input, InputNumber, Modal, Rate, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { trainingTypes, type Attendee, type Training } from '@shared/schemas/training';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useContacts, useTeam } from '../../core';
import { useSecretCheck } from '../access';
import { saveTraining } from './training.repo';

export type TrainingDraft = Partial<Omit<Training, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>> & { id?: string };

interface Values {
  type: Training['type'];
  topic: string;
  startDate: string;
  endDate: string;
  hours: number;
  trainer: string;
  location: string;
  content: string;
  attendees: Attendee[];
  feedback: string;
  rating?: number;
}

/** Add or edit a training record: dates, hours, type, topic, trainer, attendees (client contacts or typed), feedback. */
export function TrainingForm({
  open,
  draft,
  onClose,
  onSaved,
}: {
  open: boolean;
  draft: TrainingDraft | null;
  onClose: () => void;
  onSaved?: (t: Training) => void;
}) {
  const { t } = useTranslation('training');
  const [form] = Form.useForm<Values>();
  const save = useSaveHandler();
  const checkSecrets = useSecretCheck();
  const team = useTeam();
  const clients = useContacts('client');
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      type: 'onsite',
      hours: 2,
      attendees: [],
      location: '',
      content: '',
      feedback: '',
      ...(draft as Partial<Values>),
    });
  }, [open, draft, form]);
  const required = { required: true, whitespace: true, message: t('common:validation.required') };

  async function submit() {
    const typed = await form.validateFields().catch(() => null);
    if (!typed) return; // the fields show what is wrong
    // A password pasted into the texts is offered for masking; the masked texts go back into the form.
    const v = await checkSecrets(typed, ['topic', 'location', 'content', 'feedback']);
    if (!v) return;
    if (v !== typed) form.setFieldsValue(v);
    let saved: Training | undefined;
    const ok = await save(async () => {
      saved = await saveTraining({
        ...(draft ?? {}),
        type: v.type,
        topic: v.topic,
        startDate: v.startDate,
        endDate: v.endDate || v.startDate,
        hours: Number(v.hours ?? 0),
        trainer: v.trainer,
        location: v.location ?? '',
        content: v.content ?? '',
        attendees: (v.attendees ?? [])
          .filter((a) => a?.name?.trim())
          .map((a) => ({
            name: a.name.trim(),
            department: (a.department ?? '').trim(),
            ...(a.contactId ? { contactId: a.contactId } : {}),
          })),
        feedback: v.feedback ?? '',
        ...(v.rating ? { rating: v.rating } : { rating: undefined }),
        id: draft?.id,
      } as Omit<Training, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'> & { id?: string });
    });
    if (ok && saved) {
      onSaved?.(saved);
      onClose();
    }
  }

  const contactOptions = (clients ?? []).map((c) => ({
    value: c.name,
    label: `${c.name}（${c.department || c.company}）`,
    contact: c,
  }));
  return (
    <Modal
      open={open}
      title={draft?.id ? t('form.editTitle') : t('form.newTitle')}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      width={760}
      destroyOnHidden
      forceRender
      okButtonProps={{ htmlType: 'submit' }}
    >
      <Form<Values>
        form={form}
        name="training"
        layout="vertical"
        data-testid="training-form"
        onFinish={() => void submit()}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="type"
              label={t('fields.type')}
              rules={[{ required: true, message: t('common:validation.required') }]}
            >
              <Select options={trainingTypes.map((x) => ({ value: x, label: t(`types.${x}`) }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="topic"
              label={t('fields.topic')}
              rules={[required, { max: 200, message: t('common:validation.max', { n: 200 }) }]}
            >
              <Input autoFocus />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="startDate"
              label={t('fields.startDate')}
              rules={[{ required: true, message: t('common:validation.date') }]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="endDate"
              label={t('fields.endDate')}
              dependencies={['startDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: string) =>
                    !v || v >= getFieldValue('startDate')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('validation.endBeforeStart'))),
                }),
              ]}
              extra={t('form.endDateHint')}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name="hours"
              label={t('fields.hours')}
              rules={[{ required: true, message: t('common:validation.required') }]}
            >
              <InputNumber min={0} max={500} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="trainer"
              label={t('fields.trainer')}
              rules={[required, { max: 60, message: t('common:validation.max', { n: 60 }) }]}
            >
              <AutoComplete options={(team ?? []).map((m) => ({ value: m.name }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="location"
          label={t('fields.location')}
          rules={[{ max: 120, message: t('common:validation.max', { n: 120 }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="content" label={t('fields.content')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Typography.Text strong>{t('fields.attendees')}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {t('form.attendeesHint')}
        </Typography.Text>
        <Form.List name="attendees">
          {(items, { add, remove }) => (
            <div style={{ marginTop: 8 }} data-testid="training-attendees">
              {items.map((item, i) => (
                <Flex key={item.key} gap={8} align="start">
                  <Form.Item name={[item.name, 'name']} style={{ flex: 1, marginBottom: 8 }} rules={[required]}>
                    <AutoComplete
                      aria-label={t('form.attendeeName', { n: i + 1 })}
                      placeholder={t('form.attendeeName', { n: i + 1 })}
                      options={contactOptions}
                      filterOption={(input, o) => !!o?.label.includes(input)}
                      onSelect={(_, o) => {
                        const c = (o as (typeof contactOptions)[number]).contact;
                        form.setFieldValue(['attendees', item.name, 'department'], c.department);
                        form.setFieldValue(['attendees', item.name, 'contactId'], c.id);
                      }}
                    />
                  </Form.Item>
                  <Form.Item name={[item.name, 'department']} style={{ flex: 1, marginBottom: 8 }}>
                    <Input
                      aria-label={t('form.attendeeDepartment', { n: i + 1 })}
                      placeholder={t('fields.department')}
                    />
                  </Form.Item>
                  <Form.Item name={[item.name, 'contactId']} hidden>
                    <Input />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('form.removeAttendee', { n: i + 1 })}
                    onClick={() => remove(item.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', department: '' })}
                style={{ marginBottom: 16 }}
                data-testid="training-add-attendee"
              >
                {t('form.addAttendee')}
              </Button>
            </div>
          )}
        </Form.List>
        <Row gutter={12}>
          <Col span={18}>
            <Form.Item name="feedback" label={t('fields.feedback')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="rating" label={t('fields.rating')}>
              <Rate />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
