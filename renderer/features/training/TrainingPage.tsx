import { Badge, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../app/router';
import { shanghaiDate } from '../../core';
import { PersonnelPanel, RosterPanel } from '../team';
import { ObligationsPanel } from './ObligationsPanel';
import { TrainingRecords } from './TrainingRecords';
import { useObligations } from './training.repo';

export const trainingTabs = ['plan', 'records', 'roster', 'personnel'] as const;

/** 培训与团队: the yearly plan and obligations, training records, the on-call roster, personnel changes. */
export function TrainingPage({ tab }: { tab?: string }) {
  const { t } = useTranslation('training');
  const reminders = useObligations(Number(shanghaiDate(new Date()).slice(0, 4)))?.reminders.length ?? 0;
  const active = (trainingTabs as readonly string[]).includes(tab ?? '') ? tab! : 'plan';
  const items = [
    {
      key: 'plan',
      label: (
        <Badge count={reminders} size="small" offset={[8, -2]}>
          {t('tabs.plan')}
        </Badge>
      ),
      children: <ObligationsPanel />,
    },
    { key: 'records', label: t('tabs.records'), children: <TrainingRecords /> },
    { key: 'roster', label: t('tabs.roster'), children: <RosterPanel /> },
    { key: 'personnel', label: t('tabs.personnel'), children: <PersonnelPanel /> },
  ];
  return (
    <>
      <PageHeader title={t('page.title')} sub={t('page.sub')} />
      <Tabs activeKey={active} onChange={(k) => navigate(`/training/${k}`)} items={items} destroyOnHidden />
    </>
  );
}
