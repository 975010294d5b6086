import { Card, Col, Descriptions, Row } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, useContacts, useSite, useSystems, useTeam } from '../../core';

/** Each feature may add a card: `renderer/features/<f>/dashboard-widget.tsx` exporting `Widget` and `order`. */
type WidgetModule = { Widget: ComponentType; order?: number; span?: number };
const widgets = Object.values(import.meta.glob<WidgetModule>('../*/dashboard-widget.tsx', { eager: true })).sort(
  (a, b) => (a.order ?? 50) - (b.order ?? 50),
);

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const site = useSite();
  const team = useTeam();
  const systems = useSystems();
  const maint = useContacts('client')?.find((c) => c.isMaintenanceEngineer);
  const today = formatDate(new Date(), i18n.language);
  return (
    <>
      <PageHeader title={t('dashboard.title')} sub={today} />
      <Row gutter={[16, 16]}>
        {widgets.map(({ Widget, span }, i) => (
          <Col key={i} xs={24} xl={span ?? 12}>
            <Widget />
          </Col>
        ))}
        <Col xs={24} xl={12}>
          <Card title={t('dashboard.site')} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('settings:site.clientName')}>{site?.clientName}</Descriptions.Item>
              <Descriptions.Item label={t('settings:site.providerName')}>{site?.providerName}</Descriptions.Item>
              <Descriptions.Item label={t('settings:site.maintenanceEngineer')}>
                {maint ? `${maint.name} ${maint.phone}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('dashboard.team')}>{team?.map((m) => m.name).join('、')}</Descriptions.Item>
              <Descriptions.Item label={t('dashboard.systems')}>{systems?.length ?? 0}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </>
  );
}
