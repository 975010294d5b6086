import { FileSearchOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, List, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, useAllReports } from '../../core';
import { navigate } from '../../app/router';
import { isInspectionOverdue, shanghaiMonth } from './deadlines';
import { inspectionProgress } from './inspection-progress';
import { useAnswersByInspection, useInspections } from './inspections.repo';
import { StatusTag } from './tags';

const signedTypes = new Set(['inspection', 'system-diagnosis', 'health-check']);

/** Dashboard card: this month's inspections and the inspection reports waiting for the client's signature. */
export function Widget() {
  const { t, i18n } = useTranslation('inspections');
  const rows = useInspections();
  const answers = useAnswersByInspection();
  const reports = useAllReports();
  const now = new Date();
  const month = shanghaiMonth(now);
  const current = (rows ?? []).filter((i) => i.month === month || isInspectionOverdue(i, now));
  const waiting = (reports ?? []).filter((r) => r.status === 'issued' && signedTypes.has(r.type));
  return (
    <Card
      size="small"
      title={
        <>
          <FileSearchOutlined /> {t('widget.title')}
        </>
      }
      extra={<a onClick={() => navigate('/inspections')}>{t('widget.open')}</a>}
      data-testid="inspection-widget"
    >
      <Typography.Text strong>{t('widget.month', { month })}</Typography.Text>
      {current.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('thisMonth.empty')} />
      ) : (
        <Flex vertical gap={6} style={{ margin: '8px 0 12px' }}>
          {current.map((i) => (
            <Flex key={i.id} align="center" gap={8} wrap>
              <a onClick={() => navigate(`/inspections/${i.id}`)}>{i.number}</a>
              <StatusTag status={i.status} overdue={isInspectionOverdue(i, now)} />
              <Progress
                percent={inspectionProgress(i, answers?.get(i.id)).percent}
                size="small"
                style={{ width: 140, margin: 0 }}
              />
            </Flex>
          ))}
        </Flex>
      )}
      <Typography.Text strong>{t('widget.waiting', { count: waiting.length })}</Typography.Text>
      <List
        size="small"
        dataSource={waiting}
        locale={{ emptyText: t('widget.noneWaiting') }}
        data-testid="widget-waiting"
        renderItem={(r) => (
          <List.Item
            style={{ cursor: 'pointer' }}
            onClick={() => navigate(r.subjectType === 'inspection' ? `/inspections/${r.subjectId}` : '/reports')}
          >
            <Flex gap={8} align="center" wrap>
              <Tag color="blue">{t('registry:status.issued')}</Tag>
              <span>{r.title}</span>
              <Typography.Text type="secondary">
                {r.number} · {formatDate(r.issuedAt, i18n.language)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

export const order = 30;
export const span = 12;
