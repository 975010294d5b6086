import { PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '@shared/schemas/inspection';
import { EmptyState } from '../../components/EmptyState';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../app/router';
import { useTeam } from '../../core';
import { isInspectionOverdue, shanghaiMonth, type Deadline } from './deadlines';
import type { Progress as RunProgress } from '@shared/domain/inspection-judge';
import { inspectionProgress, useDeadlines } from './inspection-progress';
import { useAnswersByInspection, useInspections } from './inspections.repo';
import { PlanDialog } from './PlanDialog';
import { DeadlineTag, StatusTag } from './tags';

type Deadlines = (i: Inspection) => { report: Deadline; diagnosis: Deadline } | undefined;

/** The Inspections page: this month's status, overdue work, report deadlines, every inspection. */
export function InspectionsPage() {
  const { t } = useTranslation('inspections');
  const rows = useInspections();
  const answers = useAnswersByInspection();
  const team = useTeam();
  const deadlinesOf = useDeadlines();
  const [planning, setPlanning] = useState(false);
  const now = new Date();
  const nameOf = (id: string) => team?.find((m) => m.id === id)?.name ?? id;
  const progress = (i: Inspection) => inspectionProgress(i, answers?.get(i.id));
  const columns = useInspectionColumns(nameOf, progress, deadlinesOf, now);

  return (
    <>
      <PageHeader
        title={t('title')}
        sub={t('subtitle')}
        extra={
          <>
            <Button
              icon={<ProfileOutlined />}
              onClick={() => navigate('/inspections/templates')}
              data-testid="open-templates"
            >
              {t('templates.title')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="plan-new">
              {t('plan.new')}
            </Button>
          </>
        }
      />
      <OverdueAlerts rows={rows ?? []} deadlinesOf={deadlinesOf} now={now} />
      <ThisMonthCard rows={rows} now={now} nameOf={nameOf} progress={progress} onPlan={() => setPlanning(true)} />
      <Card size="small" title={t('all')}>
        <ListTable<Inspection>
          rows={rows}
          columns={columns}
          searchText={(i) =>
            [i.number, i.month, ...i.systems.map((s) => `${s.name} ${nameOf(s.engineerId)}`)].join(' ')
          }
          searchLabel={t('search')}
          empty={{ title: t('empty'), description: t('emptyHint') }}
          testId="inspections-table"
        />
      </Card>
      {planning && <PlanDialog onClose={() => setPlanning(false)} onSaved={(i) => navigate(`/inspections/${i.id}`)} />}
    </>
  );
}

/** Inspections past their due date, and finished ones whose reports are late. */
function OverdueAlerts({ rows, deadlinesOf, now }: { rows: Inspection[]; deadlinesOf: Deadlines; now: Date }) {
  const { t } = useTranslation('inspections');
  const overdue = rows.filter((i) => isInspectionOverdue(i, now));
  const lateReports = rows.filter((i) => {
    const d = deadlinesOf(i);
    return d && (d.report.status === 'overdue' || d.diagnosis.status === 'overdue');
  });
  const tags = (list: Inspection[], color: 'error' | 'warning', label: (i: Inspection) => string) =>
    list.map((i) => (
      <Tag key={i.id} color={color} style={{ cursor: 'pointer' }} onClick={() => navigate(`/inspections/${i.id}`)}>
        {label(i)}
      </Tag>
    ));
  return (
    <>
      {overdue.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="overdue-inspections"
          title={t('overdue.title', { count: overdue.length })}
          description={tags(overdue, 'error', (i) => t('overdue.item', { number: i.number, date: i.dueDate }))}
        />
      )}
      {lateReports.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="overdue-reports"
          title={t('overdue.reports', { count: lateReports.length })}
          description={tags(lateReports, 'warning', (i) => i.number)}
        />
      )}
    </>
  );
}

/** This month's inspections: progress, who does how many systems, and the way into the run. */
function ThisMonthCard({
  rows,
  now,
  nameOf,
  progress,
  onPlan,
}: {
  rows: Inspection[] | undefined;
  now: Date;
  nameOf: (id: string) => string;
  progress: (i: Inspection) => RunProgress;
  onPlan: () => void;
}) {
  const { t } = useTranslation('inspections');
  const month = shanghaiMonth(now);
  const thisMonth = (rows ?? []).filter((i) => i.month === month);
  return (
    <Card size="small" title={t('thisMonth.title', { month })} style={{ marginBottom: 16 }} data-testid="this-month">
      {rows && thisMonth.length === 0 ? (
        <EmptyState
          title={t('thisMonth.empty')}
          description={t('thisMonth.emptyHint')}
          action={t('plan.new')}
          onAction={onPlan}
        />
      ) : (
        <Flex vertical gap={12}>
          {thisMonth.map((i) => {
            const p = progress(i);
            const split = [...new Set(i.systems.map((s) => s.engineerId))].map((id) =>
              t('thisMonth.split', { name: nameOf(id), count: i.systems.filter((s) => s.engineerId === id).length }),
            );
            return (
              <Flex key={i.id} align="center" gap={16} wrap>
                <a onClick={() => navigate(`/inspections/${i.id}`)} style={{ minWidth: 150 }}>
                  {i.number}
                </a>
                <Tag>{t(`mode.${i.mode}`)}</Tag>
                <StatusTag status={i.status} overdue={isInspectionOverdue(i, now)} />
                <Progress percent={p.percent} style={{ width: 220, margin: 0 }} size="small" />
                <Typography.Text type="secondary">
                  {t('thisMonth.counts', { answered: p.answered, total: p.total, abnormal: p.abnormal })}
                </Typography.Text>
                <Typography.Text type="secondary">{split.join(' · ')}</Typography.Text>
                {i.status !== 'finished' && (
                  <Button size="small" type="primary" onClick={() => navigate(`/inspections/${i.id}/run`)}>
                    {i.status === 'planned' ? t('run.start') : t('run.continue')}
                  </Button>
                )}
              </Flex>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}

function useInspectionColumns(
  nameOf: (id: string) => string,
  progress: (i: Inspection) => RunProgress,
  deadlinesOf: Deadlines,
  now: Date,
): ColumnsType<Inspection> {
  const { t } = useTranslation('inspections');
  return [
    {
      title: t('col.number'),
      dataIndex: 'number',
      sorter: (a, b) => a.number.localeCompare(b.number),
      render: (v: string, i) => <a onClick={() => navigate(`/inspections/${i.id}`)}>{v}</a>,
    },
    {
      title: t('col.month'),
      dataIndex: 'month',
      sorter: (a, b) => a.month.localeCompare(b.month),
      defaultSortOrder: 'descend',
    },
    {
      title: t('col.mode'),
      dataIndex: 'mode',
      render: (m: string) => t(`mode.${m}`),
      sorter: (a, b) => a.mode.localeCompare(b.mode),
    },
    {
      title: t('col.systems'),
      key: 'systems',
      sorter: (a, b) => a.systems.length - b.systems.length,
      render: (_, i) => i.systems.length,
    },
    {
      title: t('col.engineers'),
      key: 'engineers',
      render: (_, i) => [...new Set(i.systems.map((s) => nameOf(s.engineerId)))].join('、'),
    },
    {
      title: t('col.progress'),
      key: 'progress',
      width: 160,
      sorter: (a, b) => progress(a).percent - progress(b).percent,
      render: (_, i) => (
        <Progress percent={progress(i).percent} size="small" status={i.status === 'finished' ? 'success' : 'active'} />
      ),
    },
    {
      title: t('col.status'),
      dataIndex: 'status',
      sorter: (a, b) => a.status.localeCompare(b.status),
      render: (_, i) => <StatusTag status={i.status} overdue={isInspectionOverdue(i, now)} />,
    },
    {
      title: t('col.deadlines'),
      key: 'deadlines',
      render: (_, i) => {
        const d = deadlinesOf(i);
        if (!d) return <Typography.Text type="secondary">{t('deadline.afterFinish')}</Typography.Text>;
        return (
          <Flex vertical gap={2}>
            <span>
              {t('deadline.inspection')} <DeadlineTag d={d.report} />
            </span>
            <span>
              {t('deadline.diagnosis')} <DeadlineTag d={d.diagnosis} />
            </span>
          </Flex>
        );
      },
    },
  ];
}
