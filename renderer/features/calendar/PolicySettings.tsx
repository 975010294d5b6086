import { App, Button, Card, Col, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultPolicy, type Policy } from '@shared/domain/fault-clock';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useClockConfig } from '../../core';
import { CalendarInputError, resetPolicy, savePolicy } from './calendar.repo';

const groups: Array<[keyof Policy, string[]]> = [
  ['remote', ['responseMinutes', 'resolutionMinutes', 'reportMinutes']],
  ['onsite', ['responseMinutes', 'arrivalMinutes', 'fixMinutes', 'reportMinutes']],
  ['email', ['generalReplyMinutes', 'complexReplyMinutes']],
  ['serviceRequest', ['responseMinutes']],
];

/** The contract's deadline numbers; defaults from the service catalogue, every edit audited. */
export function PolicySettings() {
  const { t } = useTranslation('calendar');
  const { message, modal } = App.useApp();
  const save = useSaveHandler();
  const { policy } = useClockConfig();
  const [form] = Form.useForm();
  useEffect(() => {
    form.setFieldsValue({ ...policy, atRiskPercent: Math.round(policy.atRiskRatio * 100) });
  }, [policy, form]);
  const submit = async () => {
    const v = await form.validateFields();
    const next: Policy = { ...defaultPolicy(), ...v, atRiskRatio: v.atRiskPercent / 100 };
    delete (next as Partial<Policy> & { atRiskPercent?: number }).atRiskPercent;
    try {
      await savePolicy(next, policy);
      message.success(t('common:actions.saved'));
    } catch (err) {
      if (err instanceof CalendarInputError)
        modal.error({ title: t('invalid'), content: (err.issues as string[]).join('\n') });
      else await save(() => Promise.reject(err));
    }
  };
  const minutesRule = { required: true, type: 'number' as const, min: 1, max: 60 * 24 * 30, message: t('minutesRule') };
  return (
    <Card size="small" title={t('policy')} style={{ maxWidth: 1100 }}>
      <Typography.Paragraph type="secondary">{t('policyHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void submit()} data-testid="policy-form">
        <Row gutter={24}>
          {groups.map(([group, keys]) => (
            <Col key={group} xs={24} md={12} xl={6}>
              <Typography.Title level={5}>{t(`groups.${group}`)}</Typography.Title>
              {keys.map((k) => (
                <Form.Item key={k} name={[group, k]} label={t(`targets.${group}.${k}`)} rules={[minutesRule]}>
                  <InputNumber min={1} addonAfter={t('minutes')} style={{ width: '100%' }} />
                </Form.Item>
              ))}
            </Col>
          ))}
        </Row>
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item
              name="atRiskPercent"
              label={t('atRisk')}
              rules={[{ required: true, type: 'number', min: 1, max: 100, message: t('percentRule') }]}
            >
              <InputNumber min={1} max={100} addonAfter="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {([1, 2, 3, 4] as const).map((l) => (
            <Col key={l} xs={12} md={4}>
              <Form.Item name={['defaultTrack', String(l)]} label={t('defaultTrack', { level: l })}>
                <Select options={(['onsite', 'remote'] as const).map((v) => ({ value: v, label: t(`tracks.${v}`) }))} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common:actions.save')}
          </Button>
          <Button
            onClick={() =>
              modal.confirm({
                title: t('resetPolicyConfirm'),
                okText: t('common:actions.ok'),
                cancelText: t('common:actions.cancel'),
                onOk: () => save(resetPolicy),
              })
            }
          >
            {t('resetPolicy')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
