import { Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '@shared/schemas/core';
import { useSaveHandler } from '../../components/useSaveHandler';
import { monthDates, rotationFill } from './roster';
import { fillRoster } from './team.repo';

interface Values {
  memberIds: string[];
  shift: 1 | 7 | 0;
  customDays?: number;
  from: string;
  to: string;
  overwrite: boolean;
}

/** Quick fill of the roster: the chosen engineers take turns, a day or a week each. */
export function RotationDialog({
  open,
  month,
  members,
  onClose,
}: {
  open: boolean;
  month: string;
  members: TeamMember[];
  onClose: () => void;
}) {
  const { t } = useTranslation('team');
  const [form] = Form.useForm<Values>();
  const save = useSaveHandler();
  const v = Form.useWatch([], form) as Values | undefined;
  useEffect(() => {
    if (!open) return;
    const dates = monthDates(month);
    form.resetFields();
    form.setFieldsValue({
      memberIds: members.filter((m) => m.role === 'engineer').map((m) => m.id),
      shift: 7,
      customDays: 2,
      from: dates[0],
      to: dates[dates.length - 1],
      overwrite: false,
    });
  }, [open, month, members, form]);
  const perShift = v?.shift === 0 ? Number(v?.customDays ?? 1) : Number(v?.shift ?? 7);
  const preview =
    v?.from && v?.to
      ? rotationFill({ from: v.from, to: v.to, memberIds: v.memberIds ?? [], daysPerShift: perShift })
      : [];
  const name = (id: string) => members.find((m) => m.id === id)?.name ?? id;
  const allTurns = preview.filter((d, i) => i === 0 || preview[i - 1].memberId !== d.memberId);
  const turns = allTurns.slice(0, 6);

  async function submit() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the fields show what is wrong
    const ok = await save(() => fillRoster(preview, values.overwrite), 'team:roster.filled');
    if (ok) onClose();
  }
  return (
    <Modal
      open={open}
      title={t('roster.quickFill')}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('roster.fill', { count: preview.length })}
      cancelText={t('common:actions.cancel')}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} name="rotation" layout="vertical" data-testid="rotation-form">
        <Form.Item
          name="memberIds"
          label={t('roster.rotationOrder')}
          extra={t('roster.rotationOrderHint')}
          rules={[{ required: true, message: t('roster.needMembers') }]}
        >
          <Select mode="multiple" options={members.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="shift" label={t('roster.shift')}>
          <Radio.Group
            options={[
              { value: 1, label: t('roster.daily') },
              { value: 7, label: t('roster.weekly') },
              { value: 0, label: t('roster.custom') },
            ]}
          />
        </Form.Item>
        {v?.shift === 0 && (
          <Form.Item
            name="customDays"
            label={t('roster.customDays')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <InputNumber min={1} max={31} />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="from"
              label={t('roster.from')}
              rules={[{ required: true, message: t('common:validation.date') }]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="to"
              label={t('roster.to')}
              dependencies={['from']}
              rules={[
                { required: true, message: t('common:validation.date') },
                ({ getFieldValue }) => ({
                  validator: (_, x: string) =>
                    !x || x >= getFieldValue('from')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('roster.toBeforeFrom'))),
                }),
              ]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="overwrite" valuePropName="checked">
          <Checkbox>{t('roster.overwrite')}</Checkbox>
        </Form.Item>
        {turns.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('roster.preview')}
            {turns.map((d) => `${d.date.slice(5)} ${name(d.memberId)}`).join(' → ')}
            {allTurns.length > turns.length ? ' …' : ''}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
