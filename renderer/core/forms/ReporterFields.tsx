/**
 * Reporter pick-or-add, keyboard first: type a few characters of the name, Enter picks the contact;
 * or pick "new reporter" and type name, department, phone and e-mail. Used by faults and requests.
 */
import { Checkbox, Col, Form, Input, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@shared/schemas/core';
import type { Reporter } from '@shared/schemas/fault';
import { useRules } from './fields';
import { useContacts } from '../site/site.repo';

export const NEW_REPORTER = '__new__';

export interface ReporterValues {
  reporterId?: string;
  reporterName?: string;
  reporterDepartment?: string;
  reporterPhone?: string;
  reporterEmail?: string;
  saveContact?: boolean;
}

/** The reporter snapshot stored with the record, and whether to keep a new one as a contact. */
export function toReporter(v: ReporterValues): { reporter: Reporter; saveAsContact: boolean } {
  const isNew = !v.reporterId || v.reporterId === NEW_REPORTER;
  const reporter: Reporter = {
    name: (v.reporterName ?? '').trim(),
    department: (v.reporterDepartment ?? '').trim(),
    phone: (v.reporterPhone ?? '').trim(),
    email: (v.reporterEmail ?? '').trim(),
  };
  if (!isNew) reporter.contactId = v.reporterId;
  return { reporter, saveAsContact: isNew && v.saveContact !== false };
}

function fill(form: FormInstance, c: Contact | undefined) {
  form.setFieldsValue({
    reporterName: c?.name ?? '',
    reporterDepartment: c?.department ?? '',
    reporterPhone: c?.phone ?? '',
    reporterEmail: c?.email ?? '',
    saveContact: true,
  });
}

export function ReporterFields({ form, autoFocus }: { form: FormInstance; autoFocus?: boolean }) {
  const { t } = useTranslation('faults');
  const r = useRules();
  const contacts = useContacts('client');
  const picked = Form.useWatch('reporterId', form) as string | undefined;
  const isNew = picked === NEW_REPORTER;
  const options = [
    ...(contacts ?? []).map((c) => ({
      value: c.id,
      label: `${c.name}${c.department ? ` · ${c.department}` : ''}${c.phone ? ` · ${c.phone}` : ''}`,
    })),
    { value: NEW_REPORTER, label: t('intake.newReporter') },
  ];
  return (
    <>
      <Form.Item name="reporterId" label={t('intake.reporter')} rules={[r.required]}>
        <Select
          autoFocus={autoFocus}
          showSearch={{
            filterOption: (input, o) =>
              o?.value === NEW_REPORTER ||
              String(o?.label ?? '')
                .toLowerCase()
                .includes(input.toLowerCase()),
          }}
          placeholder={t('intake.reporterPlaceholder')}
          options={options}
          onChange={(id: string) =>
            fill(
              form,
              contacts?.find((c) => c.id === id),
            )
          }
          data-testid="reporter-select"
        />
      </Form.Item>
      {picked && (
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="reporterName" label={t('intake.reporterName')} rules={[r.required, r.max(60)]}>
              <Input autoFocus={isNew} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="reporterDepartment" label={t('intake.department')} rules={[r.max(60)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="reporterPhone" label={t('intake.phone')} rules={[r.phone, r.max(40)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="reporterEmail" label={t('intake.email')} rules={[r.email]}>
              <Input />
            </Form.Item>
          </Col>
          {isNew && (
            <Col span={24}>
              <Form.Item name="saveContact" valuePropName="checked" style={{ marginTop: -12 }}>
                <Checkbox>{t('intake.saveContact')}</Checkbox>
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
    </>
  );
}
