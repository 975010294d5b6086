import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPersonnelChange, earliestChangeDate, PERSONNEL_NOTICE_DAYS } from '@shared/domain/personnel';
import { personnelStatuses, type PersonnelChange } from '@shared/schemas/team';
import { useSaveHandler } from '../../components/useSaveHandler';
import { shanghaiDate, useTeam } from '../../core';
import { useSecretCheck } from '../access';
import { assertPersonnelChange, personnelRuleError, PersonnelRuleError } from './personnel-rule';
import { savePersonnelChange } from './team.repo';

type Values = Omit<PersonnelChange, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'leavingName'>;

/** Add or edit a personnel change; the 30-day notice rule is checked at the planned-date field. */
export function PersonnelForm({
  editing,
  open,
  onClose,
}: {
  editing: PersonnelChange | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('team');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveHandler();
  const checkSecrets = useSecretCheck();
  const team = useTeam();
  const status = Form.useWatch('status', form);
  const noticeDate = Form.useWatch('noticeDate', form);
  const earliest = noticeDate ? earliestChangeDate(noticeDate) : undefined;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const today = shanghaiDate(new Date());
    form.setFieldsValue(
      editing ?? {
        status: 'pending',
        noticeDate: today,
        replacementPhone: '',
        replacementProfile: '',
        reason: '',
        notes: '',
      },
    );
  }, [open, editing, form]);
  const required = { required: true, whitespace: true, message: t('common:validation.required') };

  async function submit() {
    const typed = await form.validateFields().catch(() => null);
    if (!typed) return; // the fields show what is wrong
    // A password pasted into the texts is offered for masking; the masked texts go back into the form.
    const v = await checkSecrets(typed, ['replacementProfile', 'reason', 'notes']);
    if (!v) return;
    if (v !== typed) form.setFieldsValue(v);
    const leaving = team?.find((m) => m.id === v.leavingMemberId);
    const draft = {
      ...v,
      id: editing?.id,
      leavingName: leaving?.name ?? editing?.leavingName ?? '',
      replacementPhone: v.replacementPhone ?? '',
      replacementProfile: v.replacementProfile ?? '',
      reason: v.reason ?? '',
      notes: v.notes ?? '',
      consentDate: v.consentDate || undefined,
      consentBy: v.consentBy || undefined,
    };
    // The repository refuses the same; checking here gives the message with its numbers.
    try {
      assertPersonnelChange(draft);
    } catch (err) {
      if (!(err instanceof PersonnelRuleError)) throw err;
      message.error(t(err.messageKey, err.values));
      return;
    }
    const ok = await save(() => savePersonnelChange(draft), 'team:personnel.saved');
    if (ok) onClose();
  }

  const noticeRule = ({ getFieldValue }: { getFieldValue: (n: string) => string }) => ({
    validator: (_: unknown, planned: string) => {
      const notice = getFieldValue('noticeDate');
      if (!planned || !notice) return Promise.resolve();
      const err = personnelRuleError(checkPersonnelChange({ noticeDate: notice, plannedDate: planned }));
      return err ? Promise.reject(new Error(t(err.messageKey, err.values))) : Promise.resolve();
    },
  });
  const needsConsent = status === 'consented' || status === 'completed';
  return (
    <Modal
      open={open}
      title={editing ? t('personnel.editTitle') : t('personnel.newTitle')}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      width={720}
      destroyOnHidden
      forceRender
    >
      <Alert
        type="info"
        showIcon
        title={t('personnel.rule', { min: PERSONNEL_NOTICE_DAYS })}
        style={{ marginBottom: 12 }}
      />
      <Form<Values>
        form={form}
        name="personnel"
        layout="vertical"
        data-testid="personnel-form"
        onFinish={() => void submit()}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="leavingMemberId"
              label={t('personnel.fields.leaving')}
              rules={[{ required: true, message: t('common:validation.required') }]}
            >
              <Select
                options={(team ?? []).map((m) => ({
                  value: m.id,
                  label: `${m.name}（${t(`common:roles.${m.role}`)}）`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="replacementName"
              label={t('personnel.fields.replacement')}
              rules={[required, { max: 40, message: t('common:validation.max', { n: 40 }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="noticeDate"
              label={t('personnel.fields.noticeDate')}
              rules={[{ required: true, message: t('common:validation.date') }]}
              extra={t('personnel.noticeHint')}
            >
              <Input type="date" onChange={() => void form.validateFields(['plannedDate']).catch(() => undefined)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="plannedDate"
              label={t('personnel.fields.plannedDate')}
              dependencies={['noticeDate']}
              rules={[{ required: true, message: t('common:validation.date') }, noticeRule]}
              extra={earliest ? t('personnel.earliest', { date: earliest }) : undefined}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="replacementPhone"
              label={t('personnel.fields.replacementPhone')}
              rules={[{ pattern: /^[0-9+()\-\s#转ext.]*$/i, message: t('common:validation.phone') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={t('personnel.fields.status')}>
              <Select options={personnelStatuses.map((s) => ({ value: s, label: t(`personnel.status.${s}`) }))} />
            </Form.Item>
          </Col>
          {needsConsent && (
            <>
              <Col span={12}>
                <Form.Item
                  name="consentDate"
                  label={t('personnel.fields.consentDate')}
                  rules={[{ required: true, message: t('personnel.errors.consentDateRequired') }]}
                >
                  <Input type="date" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="consentBy" label={t('personnel.fields.consentBy')}>
                  <Input />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        <Form.Item name="replacementProfile" label={t('personnel.fields.replacementProfile')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="reason" label={t('personnel.fields.reason')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="notes" label={t('personnel.fields.handover')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2000}
            placeholder={t('personnel.handoverPlaceholder')}
          />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
