import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClientSystem, Contact, TeamMember } from '@shared/schemas/core';
import { CrudTable } from '../../components/CrudTable';
import {
  ContactFields,
  SystemFields,
  TeamMemberFields,
  deleteContact,
  deleteSystem,
  deleteTeamMember,
  saveContact,
  saveSystem,
  saveTeamMember,
  useContacts,
  useSystems,
  useTeam,
} from '../../core';
import { ConflictMark } from '../sync';

const clean = (v: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x ?? (k === 'products' ? [] : '')]));

export function TeamTable() {
  const { t } = useTranslation('settings');
  return (
    <CrudTable<TeamMember>
      testId="team-table"
      rows={useTeam()}
      columns={[
        {
          title: t('team.name'),
          dataIndex: 'name',
          render: (v: string, r) => (
            <>
              {v}
              <ConflictMark table="team" recordId={r.id} />
            </>
          ),
        },
        { title: t('team.role'), dataIndex: 'role', render: (v: string) => t(`common:roles.${v}`) },
        { title: t('common:fields.phone'), dataIndex: 'phone' },
        { title: t('common:fields.email'), dataIndex: 'email' },
      ]}
      searchText={(r) => `${r.name} ${r.phone} ${r.email ?? ''}`}
      renderForm={() => <TeamMemberFields />}
      initialValues={(e) => e ?? { role: 'engineer' }}
      onSave={(v, e) => saveTeamMember({ ...(clean(v) as Omit<TeamMember, 'id'>), id: e?.id, active: true })}
      onDelete={deleteTeamMember}
      onRestore={(r) => saveTeamMember(r)}
      addLabel={t('team.add')}
      modalTitle={(e) => (e ? t('team.edit') : t('team.add'))}
      emptyTitle={t('team.empty')}
      emptyDescription={t('team.emptyHint')}
    />
  );
}

export function ContactTable({ kinds, testId }: { kinds: Contact['kind'][]; testId: string }) {
  const { t } = useTranslation('settings');
  const all = useContacts();
  const rows = all?.filter((c) => kinds.includes(c.kind));
  return (
    <CrudTable<Contact>
      testId={testId}
      rows={rows}
      columns={[
        {
          title: t('contacts.name'),
          dataIndex: 'name',
          render: (v: string, r) =>
            r.isMaintenanceEngineer ? (
              <>
                {v} <Tag color="blue">{t('contacts.signer')}</Tag>
              </>
            ) : (
              v
            ),
        },
        ...(kinds.length > 1
          ? [{ title: t('contacts.kind'), dataIndex: 'kind', render: (v: string) => t(`contacts.kinds.${v}`) }]
          : []),
        { title: t('contacts.company'), dataIndex: 'company' },
        { title: t('contacts.department'), dataIndex: 'department' },
        { title: t('common:fields.phone'), dataIndex: 'phone' },
        {
          title: t('contacts.products'),
          dataIndex: 'products',
          render: (v: string[]) => v.map((p) => <Tag key={p}>{p}</Tag>),
        },
      ]}
      searchText={(r) => `${r.name} ${r.company} ${r.department} ${r.phone} ${r.email} ${r.products.join(' ')}`}
      renderForm={() => <ContactFields kinds={kinds} />}
      initialValues={(e) => e ?? { kind: kinds[0], products: [], isMaintenanceEngineer: false }}
      onSave={(v, e) =>
        saveContact({
          ...(clean(v) as Omit<Contact, 'id'>),
          isMaintenanceEngineer: !!v.isMaintenanceEngineer,
          id: e?.id,
        })
      }
      onDelete={deleteContact}
      onRestore={(r) => saveContact(r)}
      addLabel={t('contacts.add')}
      modalTitle={(e) => (e ? t('contacts.edit') : t('contacts.add'))}
      emptyTitle={t('contacts.empty')}
      emptyDescription={t('contacts.emptyHint')}
    />
  );
}

export function SystemTable() {
  const { t } = useTranslation('settings');
  return (
    <CrudTable<ClientSystem>
      testId="systems-table"
      rows={useSystems()}
      columns={[
        {
          title: t('systems.name'),
          dataIndex: 'name',
          render: (v: string, r) => (
            <>
              {v}
              <ConflictMark table="systems" recordId={r.id} />
            </>
          ),
        },
        { title: t('systems.family'), dataIndex: 'family', render: (v: string) => t(`common:families.${v}`) },
        { title: t('systems.vendor'), dataIndex: 'vendor' },
        { title: t('systems.model'), dataIndex: 'model' },
        { title: t('systems.version'), dataIndex: 'version' },
        { title: t('systems.location'), dataIndex: 'location' },
      ]}
      searchText={(r) =>
        `${r.name} ${r.vendor} ${r.model} ${r.version} ${r.location} ${t(`common:families.${r.family}`)}`
      }
      renderForm={() => <SystemFields />}
      initialValues={(e) => e ?? { family: 'virtualization' }}
      onSave={(v, e) =>
        saveSystem({
          ...(clean(v) as Omit<ClientSystem, 'id'>),
          vendorContactId: (v.vendorContactId as string) || undefined,
          active: true,
          id: e?.id,
        })
      }
      onDelete={deleteSystem}
      onRestore={(r) => saveSystem(r)}
      addLabel={t('systems.add')}
      modalTitle={(e) => (e ? t('systems.edit') : t('systems.add'))}
      emptyTitle={t('systems.empty')}
      emptyDescription={t('systems.emptyHint')}
    />
  );
}
