/** Service request intake in the shared intake form (renderer/core/forms/IntakeForm.tsx): a request type instead of a level. */
import { Col, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestChannels, requestTypes, type RequestType, type ServiceRequest } from '@shared/schemas/request';
import { IntakeForm, isoToLocalInput, localInputToIso, toReporter, useRules, type IntakeBaseValues } from '../../core';
import { useSecretCheck } from '../access';
import { createRequest } from './requests.repo';

interface Values extends IntakeBaseValues {
  type: RequestType;
  channel: ServiceRequest['channel'];
  receivedAt: string;
  title: string;
  description?: string;
}

export function RequestIntakePage() {
  const { t } = useTranslation('requests');
  const r = useRules();
  const [form] = Form.useForm<Values>();
  const [now] = useState(() => isoToLocalInput(new Date().toISOString()));
  const checkSecrets = useSecretCheck();

  const save = async (v: Values) => {
    const { reporter, saveAsContact } = toReporter(v);
    return createRequest({
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
  };
  return (
    <IntakeForm<Values>
      ns="requests"
      form={form}
      path="/requests"
      testId="request-intake"
      submitTestId="request-submit"
      channels={requestChannels}
      save={save}
      beforeSave={(v) => checkSecrets(v, ['reporterName', 'reporterDepartment', 'title', 'description'])}
      initialValues={{ channel: 'hotline', type: 'consultation', receivedAt: now }}
      times={
        <Col xs={12} md={6}>
          <Form.Item
            name="receivedAt"
            label={t('intake.receivedAt')}
            rules={[{ required: true, message: t('errors.timeRequired') }]}
          >
            <Input type="datetime-local" data-testid="received-at" />
          </Form.Item>
        </Col>
      }
      whatBefore={
        <>
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
        </>
      }
    />
  );
}
