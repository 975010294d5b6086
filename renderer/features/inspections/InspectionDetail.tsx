import { EditOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Progress, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionEvent, InspectionSystem } from '@shared/schemas/inspection';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, useTeam } from '../../core';
import { navigate } from '../../app/router';
import { AnomalyList } from './AnomalyList';
import { isInspectionOverdue } from './deadlines';
import { inspectionProgress, useDeadlines } from './inspection-progress';
import { answerKey, progressOf } from '@shared/domain/inspection-judge';
import { runSystems, useAnswers, useInspection } from './inspections.repo';
import { PlanDialog } from './PlanDialog';
import { ReportsCard } from './ReportsCard';
import { DeadlineTag, StatusTag } from './tags';
import { ConflictMark } from '../sync';

/** One inspection: plan, progress per system, anomalies, report deadlines, reports and sign-off, history. */
export function InspectionDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation('inspections');
  const insp = useInspection(id);
  const answers = useAnswers(id);
  const team = useTeam();
  const deadlinesOf = useDeadlines();
  const [editing, setEditing] = useState(false);
  if (insp === null) return <Empty description={t('errors.notFound')} />;
  if (!insp || !answers) return null;
  const nameOf = (uid: string) => team?.find((m) => m.id === uid)?.name ?? uid;
  const byKey = new Map(answers.map((a) => [answerKey(a.systemId, a.itemId), a]));
  const items = new Map(runSystems(insp).map((s) => [s.systemId, s.items]));
  const progress = (s: InspectionSystem) =>
    progressOf(items.get(s.systemId) ?? [], (item) => byKey.get(answerKey(s.systemId, item)));
  const overall = inspectionProgress(insp, answers);
  const deadlines = deadlinesOf(insp);
  const lng = i18n.language;
  const eventText = (e: InspectionEvent) => {
    if (e.type === 'approval')
      return t('events.approval', {
        who: e.approverName,
        when: formatDateTime(e.approvedAt, lng),
        decision: t(`escalate.${e.decision}`),
        system: insp.systems.find((s) => s.systemId === e.systemId)?.name ?? '',
      });
    if (e.type === 'fault-created') return t('events.fault-created', { number: e.faultNumber });
    if (e.type === 'action-created') return t('events.action-created', { text: e.text });
    if (e.type === 'plan-changed') return t('events.plan-changed', { summary: e.summary });
    return t(`events.${e.type}`);
  };
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="inspection-number">{t('detail.taskNumber', { number: insp.number })}</span>
            <StatusTag status={insp.status} overdue={isInspectionOverdue(insp, new Date())} />
            <Tag>{t(`mode.${insp.mode}`)}</Tag>
            <ConflictMark table="inspections" recordId={insp.id} />
          </Flex>
        }
        sub={t('detail.sub', { month: insp.month, due: insp.dueDate })}
        extra={
          <>
            <Button onClick={() => navigate('/inspections')}>{t('detail.back')}</Button>
            {insp.status !== 'finished' && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
                {t('plan.edit')}
              </Button>
            )}
            <Button
              type={insp.status === 'finished' ? 'default' : 'primary'}
              icon={<PlayCircleOutlined />}
              onClick={() => navigate(`/inspections/${insp.id}/run`)}
              data-testid="run-open"
            >
              {insp.status === 'finished'
                ? t('run.view')
                : insp.status === 'planned'
                  ? t('run.start')
                  : t('run.continue')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('detail.progress')}>
            <Progress percent={overall.percent} size="small" style={{ width: 160, margin: 0 }} />
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.counts')}>
            {t('thisMonth.counts', { answered: overall.answered, total: overall.total, abnormal: overall.abnormal })}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.engineers')}>
            {[...new Set(insp.systems.map((s) => nameOf(s.engineerId)))].join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.started')}>
            {formatDateTime(insp.startedAt, lng) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.finished')}>
            {formatDateTime(insp.finishedAt, lng) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('col.deadlines')}>
            {deadlines ? (
              <Flex vertical gap={2} data-testid="report-deadlines">
                <span>
                  {t('deadline.inspection')} <DeadlineTag d={deadlines.report} />
                </span>
                <span>
                  {t('deadline.diagnosis')} <DeadlineTag d={deadlines.diagnosis} />
                </span>
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('deadline.afterFinish')}</Typography.Text>
            )}
          </Descriptions.Item>
          {insp.note && <Descriptions.Item label={t('plan.note')}>{insp.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('detail.systems')} style={{ marginBottom: 16 }}>
        <Table<InspectionSystem>
          rowKey="systemId"
          size="small"
          pagination={false}
          dataSource={insp.systems}
          data-testid="detail-systems"
          columns={[
            { title: t('col.system'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
            {
              title: t('col.family'),
              dataIndex: 'family',
              render: (f: string) => t(`common:families.${f}`),
              sorter: (a, b) => a.family.localeCompare(b.family),
            },
            {
              title: t('col.engineer'),
              dataIndex: 'engineerId',
              render: nameOf,
              sorter: (a, b) => nameOf(a.engineerId).localeCompare(nameOf(b.engineerId), 'zh-CN'),
            },
            {
              title: t('col.progress'),
              key: 'p',
              width: 200,
              sorter: (a, b) => progress(a).percent - progress(b).percent,
              render: (_, s) => <Progress percent={progress(s).percent} size="small" />,
            },
            {
              title: t('col.abnormal'),
              key: 'a',
              sorter: (a, b) => progress(a).abnormal - progress(b).abnormal,
              render: (_, s) => (progress(s).abnormal ? <Tag color="error">{progress(s).abnormal}</Tag> : 0),
            },
          ]}
        />
      </Card>
      <AnomalyList inspection={insp} answers={answers} />
      <ReportsCard inspection={insp} />
      <Card size="small" title={t('detail.history')} style={{ marginTop: 16 }}>
        <Timeline
          items={[...insp.events].reverse().map((e, i) => ({
            key: i,
            color: e.type === 'approval' ? 'green' : e.type === 'fault-created' ? 'red' : 'blue',
            content: (
              <span data-testid={`event-${e.type}`}>
                <Typography.Text type="secondary">
                  {formatDateTime(e.at, lng)} · {nameOf(e.by)}
                </Typography.Text>{' '}
                {eventText(e)}
              </span>
            ),
          }))}
        />
      </Card>
      {editing && <PlanDialog inspection={insp} onClose={() => setEditing(false)} />}
    </>
  );
}
