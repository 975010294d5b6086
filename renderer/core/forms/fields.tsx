import { Checkbox, Form, Select } from 'antd';
import { TextField, useRules } from '../../components/TextField';
import { useTranslation } from 'react-i18next';
import { contactKinds, systemFamilies, teamRoles } from '@shared/schemas/core';
import { useContacts } from '../site/site.repo';

// The rules moved to the shared form parts; re-exported for the features that import them from here.
export { phoneRule, useRules } from '../../components/TextField';

export function TeamMemberFields() {
  const { t } = useTranslation('settings');
  const r = useRules();
  return (
    <>
      <TextField name="name" label={t('team.name')} required max={40} autoFocus />
      <Form.Item name="role" label={t('team.role')} rules={[r.required]}>
        <Select options={teamRoles.map((v) => ({ value: v, label: t(`common:roles.${v}`) }))} />
      </Form.Item>
      <TextField name="phone" label={t('common:fields.phone')} kind="phone" max={40} />
      <TextField name="email" label={t('common:fields.email')} kind="email" />
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
      <TextField name="name" label={t('contacts.name')} required max={60} autoFocus />
      <TextField name="company" label={t('contacts.company')} max={80} />
      <TextField name="department" label={t('contacts.department')} max={60} />
      <TextField name="title" label={t('contacts.title')} max={60} />
      <TextField name="phone" label={t('common:fields.phone')} kind="phone" max={40} />
      <TextField name="email" label={t('common:fields.email')} kind="email" />
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
      <TextField name="name" label={t('systems.name')} required max={80} autoFocus />
      <Form.Item name="family" label={t('systems.family')} rules={[r.required]}>
        <Select options={systemFamilies.map((v) => ({ value: v, label: t(`common:families.${v}`) }))} />
      </Form.Item>
      <TextField name="vendor" label={t('systems.vendor')} max={60} />
      <TextField name="model" label={t('systems.model')} max={60} />
      <TextField name="version" label={t('systems.version')} max={40} />
      <TextField name="location" label={t('systems.location')} max={80} />
      <Form.Item name="vendorContactId" label={t('systems.vendorContact')}>
        <Select allowClear options={(vendors ?? []).map((v) => ({ value: v.id, label: `${v.name} ${v.phone}` }))} />
      </Form.Item>
    </>
  );
}
