import { PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection, InspectionAnswer } from '@shared/schemas/inspection';
import type { ReportRecord } from '@shared/schemas/report';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../app/router';
import { useClockConfig } from '../faults/clock-config';
import { useAllReports } from '../reports/reports.repo';
import { useTeam } from '../settings/settings.repo';
import { isInspectionOverdue, reportDeadlines, shanghaiMonth, type Deadline } from './deadlines';
import { answerKey, progressOf, sumProgress, type Progress as RunProgress } from './judge';
import { runSystems, useAnswersByInspection, useInspections } from './inspections.repo';
import { PlanDialog } from './PlanDialog';
import { DeadlineTag, StatusTag } from './tags';

/** Overall progress of one inspection from its answers. */
export function inspectionProgress(i: Inspection, answers: InspectionAnswer[] = []): RunProgress {
  const byKey = new Map(answers.map((a) => [answerKey(a.systemId, a.itemId), a]));
  return sumProgress(runSystems(i).map((s) => progressOf(s.items, (id) => byKey.get(answerKey(s.systemId, id)))));
}

/** The first issue (any version but void) of a report type about an inspection. */
export function firstIssued(
  reports: ReportRecord[] | undefined,
  inspectionId: string,
  type: string,
): string | undefined {
  return (reports ?? [])
    .filter((r) => r.subjectId === inspectionId && r.type === type && r.status !== 'void')
    .map((r) => r.issuedAt)
    .sort()[0];
}

export function useDeadlines(): (i: Inspection) => { report: Deadline; diagnosis: Deadline } | undefined {
  const reports = useAllReports();
  const { calendar } = useClockConfig();
  const now = new Date();
  return (i) =>
    i.finishedAt
      ? reportDeadlines(
          i.finishedAt,
          {
            inspection: firstIssued(reports, i.id, 'inspection'),
            diagnosis: firstIssued(reports, i.id, 'system-diagnosis'),
          },
          now,
          calendar,
        )
      : undefined;
}

/** The Inspections page: this month's status, overdue work, report deadlines, every inspection. */
export function InspectionsPage() {
  const { t } = useTranslation('inspections');
  const rows = useInspections();
  const answers = useAnswersByInspection();
  const team = useTeam();
  const deadlinesOf = useDeadlines();
  const [planning, setPlanning] = useState(false);
  const [query, setQuery] = useState('');
  const now = new Date();
  const month = shanghaiMonth(now);
  const nameOf = (id: string) => team?.find((m) => m.id === id)?.name ?? id;
  const progress = (i: Inspection) => inspectionProgress(i, answers?.get(i.id));
  const thisMonth = (rows ?? []).filter((i) => i.month === month);
  const overdue = (rows ?? []).filter((i) => isInspectionOverdue(i, now));
  const lateReports = (rows ?? []).filter((i) => {
    const d = deadlinesOf(i);
    return d && (d.report.status === 'overdue' || d.diagnosis.status === 'overdue');
  });
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (rows ?? []).filter(
      (i) =>
        !q ||
        [i.number, i.month, ...i.systems.map((s) => `${s.name} ${nameOf(s.engineerId)}`)]
          .join(' ')
          .toLowerCase()
          .includes(q),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, query, team]);

  const columns: ColumnsType<Inspection> = [
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
      {overdue.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="overdue-inspections"
          title={t('overdue.title', { count: overdue.length })}
          description={overdue.map((i) => (
            <Tag
              key={i.id}
              color="error"
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/inspections/${i.id}`)}
            >
              {t('overdue.item', { number: i.number, date: i.dueDate })}
            </Tag>
          ))}
        />
      )}
      {lateReports.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="overdue-reports"
          title={t('overdue.reports', { count: lateReports.length })}
          description={lateReports.map((i) => (
            <Tag
              key={i.id}
              color="warning"
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/inspections/${i.id}`)}
            >
              {i.number}
            </Tag>
          ))}
        />
      )}
      <Card size="small" title={t('thisMonth.title', { month })} style={{ marginBottom: 16 }} data-testid="this-month">
        {rows && thisMonth.length === 0 ? (
          <EmptyState
            title={t('thisMonth.empty')}
            description={t('thisMonth.emptyHint')}
            action={t('plan.new')}
            onAction={() => setPlanning(true)}
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
      <Card size="small" title={t('all')}>
        <Input.Search
          allowClear
          placeholder={t('search')}
          aria-label={t('search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ maxWidth: 320, marginBottom: 12 }}
        />
        {rows && rows.length === 0 ? (
          <EmptyState title={t('empty')} description={t('emptyHint')} />
        ) : (
          <Table<Inspection>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={filtered}
            loading={!rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="inspections-table"
          />
        )}
      </Card>
      {planning && <PlanDialog onClose={() => setPlanning(false)} onSaved={(i) => navigate(`/inspections/${i.id}`)} />}
    </>
  );
}
