import { Button, Card, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteSettings } from '@shared/schemas/core';
import { setActor } from '../../db';
import { useSaveHandler } from '../../components/useSaveHandler';
import { TextField, useRules } from '../../components/TextField';
import { saveSite, useSite, useTeam } from '../../core';

export const deviceCodeRule = /^[A-Z0-9]{1,3}$/;

/** A form over the site settings row, filled from it whenever it changes. */
function useSiteForm() {
  const site = useSite();
  const [form] = Form.useForm<SiteSettings>();
  const save = useSaveHandler();
  useEffect(() => {
    if (site) form.setFieldsValue(site);
  }, [site, form]);
  return { form, save };
}

/** This laptop: who uses it, its device code, the provider and the project. */
export function GeneralForm() {
  const { t } = useTranslation('settings');
  const r = useRules();
  const team = useTeam();
  const { form, save } = useSiteForm();
  return (
    <Card size="small" title={t('general.title')} style={{ maxWidth: 720 }}>
      <Form
        form={form}
        layout="vertical"
        data-testid="general-form"
        onFinish={(v) =>
          void save(async () => {
            await saveSite({
              currentUserId: v.currentUserId,
              deviceCode: v.deviceCode,
              providerName: v.providerName,
              projectName: v.projectName ?? '',
              contractNumber: v.contractNumber?.trim() || undefined,
              projectStart: v.projectStart || undefined,
              projectEnd: v.projectEnd || undefined,
            });
            setActor(v.currentUserId);
          })
        }
      >
        <Form.Item
          name="currentUserId"
          label={t('general.currentUser')}
          rules={[r.required]}
          extra={t('general.currentUserHint')}
        >
          <Select
            options={(team ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${t(`common:roles.${m.role}`)}` }))}
          />
        </Form.Item>
        <Form.Item
          name="deviceCode"
          label={t('general.deviceCode')}
          rules={[r.required, { pattern: deviceCodeRule, message: t('common:validation.deviceCode') }]}
          extra={t('general.deviceCodeHint')}
          normalize={(v: string) => v?.toUpperCase()}
        >
          <Input style={{ width: 120 }} maxLength={3} />
        </Form.Item>
        <TextField name="providerName" label={t('site.providerName')} required max={80} />
        <TextField name="projectName" label={t('site.projectName')} max={80} />
        <TextField
          name="contractNumber"
          label={t('site.contractNumber')}
          max={60}
          extra={t('site.contractNumberHint')}
        />
        <Form.Item label={t('site.projectPeriod')} style={{ marginBottom: 0 }}>
          {(['projectStart', 'projectEnd'] as const).map((name) => (
            <Form.Item
              key={name}
              name={name}
              style={{ display: 'inline-block', marginRight: 8 }}
              rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('common:validation.date') }]}
            >
              <Input type="date" aria-label={t(`site.${name}`)} />
            </Form.Item>
          ))}
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common:actions.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** The client's name and site address. */
export function ClientForm() {
  const { t } = useTranslation('settings');
  const { form, save } = useSiteForm();
  return (
    <Card size="small" title={t('site.client')} style={{ maxWidth: 720, marginBottom: 16 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(() => saveSite({ clientName: v.clientName, clientAddress: v.clientAddress ?? '' }))}
      >
        <TextField name="clientName" label={t('site.clientName')} required max={80} />
        <TextField name="clientAddress" label={t('site.clientAddress')} max={160} />
        <Button type="primary" htmlType="submit">
          {t('common:actions.save')}
        </Button>
      </Form>
    </Card>
  );
}
