import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { contactKinds, systemFamilies, teamRoles } from '@shared/schemas/core';
import { useContacts } from './settings.repo';

export const phoneRule = { pattern: /^[0-9+()\-\s#转ext.]*$/i, messageKey: 'validation.phone' };

/** Shared rules, messages in the user's language. */
export function useRules() {
  const { t } = useTranslation();
  return {
    required: { required: true, whitespace: true, message: t('validation.required') },
    phone: { pattern: phoneRule.pattern, message: t('validation.phone') },
    email: { type: 'email' as const, message: t('validation.email') },
    max: (n: number) => ({ max: n, message: t('validation.max', { n }) }),
  };
}

export function TeamMemberFields() {
  const { t } = useTranslation('settings');
  const r = useRules();
  return (
    <>
      <Form.Item name="name" label={t('team.name')} rules={[r.required, r.max(40)]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="role" label={t('team.role')} rules={[r.required]}>
        <Select options={teamRoles.map((v) => ({ value: v, label: t(`common:roles.${v}`) }))} />
      </Form.Item>
      <Form.Item name="phone" label={t('common:fields.phone')} rules={[r.phone, r.max(40)]}>
        <Input />
      </Form.Item>
      <Form.Item name="email" label={t('common:fields.email')} rules={[r.email]}>
        <Input />
      </Form.Item>
    </>
  );
}

export function ContactFields({ kinds = contactKinds }: { kinds?: readonly (typeof contactKinds)[number][] }) {
  const { t } = useTranslation('settings');
  const r = useRules();
  return (
    <>
      <Form.Item name="kind" label={t('contacts.kind')} rules={[r.required]} hidden={kinds.length === 1}>
        <Select options={kinds.map((v) => ({ value: v, label: t(`contacts.kinds.${v}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('contacts.name')} rules={[r.required, r.max(60)]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="company" label={t('contacts.company')} rules={[r.max(80)]}>
        <Input />
      </Form.Item>
      <Form.Item name="department" label={t('contacts.department')} rules={[r.max(60)]}>
        <Input />
      </Form.Item>
      <Form.Item name="title" label={t('contacts.title')} rules={[r.max(60)]}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('common:fields.phone')} rules={[r.phone, r.max(40)]}>
        <Input />
      </Form.Item>
      <Form.Item name="email" label={t('common:fields.email')} rules={[r.email]}>
        <Input />
      </Form.Item>
      <Form.Item name="products" label={t('contacts.products')}>
        <Select mode="tags" tokenSeparators={[',', '，']} />
      </Form.Item>
      <Form.Item name="isMaintenanceEngineer" valuePropName="checked">
        <Checkbox>{t('contacts.isMaintenanceEngineer')}</Checkbox>
      </Form.Item>
    </>
  );
}

export function SystemFields() {
  const { t } = useTranslation('settings');
  const r = useRules();
  const vendors = useContacts('vendor');
  return (
    <>
      <Form.Item name="name" label={t('systems.name')} rules={[r.required, r.max(80)]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="family" label={t('systems.family')} rules={[r.required]}>
        <Select options={systemFamilies.map((v) => ({ value: v, label: t(`common:families.${v}`) }))} />
      </Form.Item>
      <Form.Item name="vendor" label={t('systems.vendor')} rules={[r.max(60)]}>
        <Input />
      </Form.Item>
      <Form.Item name="model" label={t('systems.model')} rules={[r.max(60)]}>
        <Input />
      </Form.Item>
      <Form.Item name="version" label={t('systems.version')} rules={[r.max(40)]}>
        <Input />
      </Form.Item>
      <Form.Item name="location" label={t('systems.location')} rules={[r.max(80)]}>
        <Input />
      </Form.Item>
      <Form.Item name="vendorContactId" label={t('systems.vendorContact')}>
        <Select allowClear options={(vendors ?? []).map((v) => ({ value: v.id, label: `${v.name} ${v.phone}` }))} />
      </Form.Item>
    </>
  );
}
