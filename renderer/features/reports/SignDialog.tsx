import { Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRecord, ReportSignature } from '@shared/schemas/report';
import { SignaturePad } from '../../components/SignaturePad';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useContacts, useSite, useTeam, signReport } from '../../core';

type Role = ReportSignature['role'];

/** Captures one signer's signature on screen; the client's signature marks the report signed. */
export function SignDialog({ report, onClose }: { report: ReportRecord; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const save = useSaveHandler();
  const site = useSite();
  const team = useTeam();
  const maint = useContacts('client')?.find((c) => c.isMaintenanceEngineer);
  const [form] = Form.useForm<{ role: Role; name: string }>();
  const [image, setImage] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const defaultName = (role: Role) =>
    (role === 'clientEngineer'
      ? maint?.name
      : role === 'projectManager'
        ? team?.find((m) => m.role === 'pm')?.name
        : team?.find((m) => m.id === site?.currentUserId)?.name) ?? '';
  // The people load asynchronously: fill the default signer once they are there, unless typed already.
  const loaded = !!team && !!site;
  useEffect(() => {
    if (loaded && !form.getFieldValue('name'))
      form.setFieldValue('name', defaultName(form.getFieldValue('role') ?? 'clientEngineer'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, maint]);
  return (
    <Modal
      open
      width={540}
      title={t('sign.title', { number: report.number })}
      okText={t('sign.ok')}
      cancelText={t('common:actions.cancel')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        if (!image) {
          setMissing(true);
          return;
        }
        if (await save(() => signReport(report, { role: v.role, name: v.name.trim(), image }), 'registry:signed'))
          onClose();
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'clientEngineer', name: defaultName('clientEngineer') }}
        onValuesChange={(c) => c.role && form.setFieldValue('name', defaultName(c.role))}
      >
        <Form.Item name="role" label={t('sign.role')}>
          <Select
            options={(['clientEngineer', 'engineer', 'projectManager'] as const).map((r) => ({
              value: r,
              label: t(`reports:signOff.roles.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('sign.name')}
          rules={[{ required: true, whitespace: true, message: t('common:validation.required') }]}
        >
          <Input data-testid="signer-name" />
        </Form.Item>
      </Form>
      <SignaturePad
        onChange={(v) => {
          setImage(v);
          if (v) setMissing(false);
        }}
      />
      {missing && <Typography.Text type="danger">{t('sign.missing')}</Typography.Text>}
    </Modal>
  );
}
