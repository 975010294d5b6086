import { App, Button, Card, Popconfirm, Space, Tabs, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useSaveHandler } from '../../components/useSaveHandler';
import { navigate } from '../../app/router';
import { useLoadDemo } from './useLoadDemo';
import { ClientForm, GeneralForm } from './SiteForms';
import { ContactTable, SystemTable, TeamTable } from './tables';
import { TeamKeyCard } from './TeamKeyCard';

/** Other features add tabs: `renderer/features/<f>/settings-section.tsx` exporting `sections`. */
type SectionModule = { sections: Array<{ key: string; titleKey: string; Component: ComponentType; order?: number }> };
const extra = Object.values(import.meta.glob<SectionModule>('../*/settings-section.tsx', { eager: true }))
  .flatMap((m) => m.sections)
  .sort((a, b) => (a.order ?? 50) - (b.order ?? 50));

function DataTab() {
  const { t } = useTranslation('settings');
  const { modal } = App.useApp();
  const save = useSaveHandler();
  const loadDemo = useLoadDemo();
  return (
    <Card size="small" title={t('demo.title')} style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">{t('demo.description')}</Typography.Paragraph>
      <Space>
        <Popconfirm
          title={t('demo.confirm')}
          okText={t('common:actions.ok')}
          cancelText={t('common:actions.cancel')}
          onConfirm={() => save(loadDemo, 'settings:demo.loaded').then(() => undefined)}
        >
          <Button data-testid="load-demo">{t('demo.load')}</Button>
        </Popconfirm>
        <Button type="link" onClick={() => modal.info({ title: t('demo.title'), content: t('demo.rule') })}>
          {t('demo.why')}
        </Button>
      </Space>
    </Card>
  );
}

export function SettingsPage({ tab }: { tab?: string }) {
  const { t } = useTranslation('settings');
  const items = [
    { key: 'general', label: t('tabs.general'), children: <GeneralForm /> },
    { key: 'team', label: t('tabs.team'), children: <TeamTable /> },
    { key: 'teamKey', label: t('tabs.teamKey'), children: <TeamKeyCard /> },
    {
      key: 'client',
      label: t('tabs.client'),
      children: (
        <>
          <ClientForm />
          <ContactTable kinds={['client']} testId="client-contacts-table" />
        </>
      ),
    },
    { key: 'inventory', label: t('tabs.inventory'), children: <SystemTable /> },
    {
      key: 'contacts',
      label: t('tabs.contacts'),
      children: <ContactTable kinds={['expert', 'vendor']} testId="support-contacts-table" />,
    },
    ...extra.map((s) => ({ key: s.key, label: t(s.titleKey), children: <s.Component /> })),
    { key: 'data', label: t('tabs.data'), children: <DataTab /> },
  ];
  return (
    <>
      <PageHeader title={t('common:nav.settings')} />
      <Tabs activeKey={tab ?? 'general'} onChange={(k) => navigate(`/settings/${k}`)} items={items} destroyOnHidden />
    </>
  );
}
