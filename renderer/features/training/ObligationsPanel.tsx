import { CalendarOutlined, EditOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Progress, Select, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSerious } from '@shared/domain/training';
import { useSaveHandler } from '../../components/useSaveHandler';
import { formatDate, shanghaiDate, issueReport, saveReportPdf } from '../../core';
import { PlanDialog, type PlanDraft } from './PlanDialog';
import { trainingSummaryData } from './report-data';
import { StateTag, TopicTag } from './StateTag';
import { TrainingDates } from './TrainingDates';
import { TrainingForm, type TrainingDraft } from './TrainingForm';
import {
  createYearPlan,
  useObligations,
  usePlans,
  useTrainings,
  type InspectionSlot,
  type YearObligations,
} from './training.repo';

function Reminders({ o }: { o: YearObligations }) {
  const { t, i18n } = useTranslation('training');
  if (o.reminders.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        title={t('reminders.none')}
        style={{ marginBottom: 12 }}
        data-testid="training-reminders-none"
      />
    );
  return (
    <Flex vertical gap={6} style={{ marginBottom: 12 }} data-testid="training-reminders">
      {[...o.reminders]
        .sort((a, b) => Number(isSerious(b.kind)) - Number(isSerious(a.kind)))
        .map((r, i) => (
          <Alert
            key={i}
            showIcon
            type={isSerious(r.kind) ? 'error' : 'warning'}
            title={t(`reminders.${r.kind}`, { n: r.slot, date: formatDate(r.date, i18n.language) })}
          />
        ))}
    </Flex>
  );
}

/** The yearly plan and the contract's obligations: 4 inspection trainings with client topics, 1 special training. */
export function ObligationsPanel() {
  const { t, i18n } = useTranslation('training');
  const save = useSaveHandler();
  const today = shanghaiDate(new Date());
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const o = useObligations(year);
  const plans = usePlans(year);
  const all = useTrainings();
  const [plan, setPlan] = useState<PlanDraft | null>(null);
  const [draft, setDraft] = useState<TrainingDraft | null>(null);
  const [busy, setBusy] = useState(false);
  if (!o || !plans) return <Spin />;
  const years = [
    ...new Set([
      year - 1,
      year,
      year + 1,
      Number(today.slice(0, 4)),
      ...(all ?? []).map((x) => Number(x.startDate.slice(0, 4))),
    ]),
  ].sort();
  const missingPlan = plans.filter((p) => p.type === 'inspection').length < o.inspection.length;
  const fmt = (d: string) => formatDate(d, i18n.language);

  const editPlan = (s: InspectionSlot) =>
    setPlan(
      s.plan ?? { year, type: 'inspection', slot: s.slot, plannedDate: s.dueDate, topic: '', days: 1, notes: '' },
    );
  const record = (s: InspectionSlot) =>
    setDraft({
      type: 'inspection',
      planId: s.plan?.id,
      topic: s.topic,
      startDate: s.plan?.plannedDate ?? today,
      endDate: s.plan?.plannedDate ?? today,
      hours: 2,
    });
  const sp = o.special;
  const exportSummary = async () => {
    setBusy(true);
    await save(async () => {
      const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
      const { report } = await issueReport({
        type: 'training-summary',
        subjectType: 'training-year',
        subjectId: `training-summary-${year}`,
        data: trainingSummaryData(year, asOf, all ?? [], o),
        title: t('pdf.summary.title', { year }),
        period: { from: `${year}-01-01`, to: `${year}-12-31` },
        signers: [{ role: 'projectManager' }, { role: 'clientEngineer' }],
      });
      await saveReportPdf(report);
    }, 'training:obligations.summaryExported');
    setBusy(false);
  };

  return (
    <div data-testid="training-obligations">
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space>
          <CalendarOutlined aria-hidden />
          <Select
            aria-label={t('list.year')}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: t('obligations.yearLabel', { year: y }) }))}
            style={{ width: 130 }}
            data-testid="training-year"
          />
        </Space>
        <Space wrap>
          {missingPlan && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => void save(() => createYearPlan(year), 'training:plan.created')}
              data-testid="training-create-plan"
            >
              {t('plan.create', { year })}
            </Button>
          )}
          <Button
            icon={<FilePdfOutlined />}
            loading={busy}
            onClick={() => void exportSummary()}
            data-testid="training-export-summary"
          >
            {t('obligations.exportSummary')}
          </Button>
        </Space>
      </Flex>
      <Reminders o={o} />
      <Card
        size="small"
        title={t('obligations.inspectionTitle')}
        extra={
          <span data-testid="inspection-met">
            {t('obligations.metCount', { met: o.inspectionMet, total: o.inspection.length })}
          </span>
        }
      >
        <Progress
          percent={Math.round((o.inspectionMet / o.inspection.length) * 100)}
          size="small"
          format={() => `${o.inspectionMet} / ${o.inspection.length}`}
          style={{ marginBottom: 8, maxWidth: 360 }}
        />
        <Table<InspectionSlot>
          size="small"
          rowKey="slot"
          pagination={false}
          dataSource={o.inspection}
          data-testid="inspection-slots"
          columns={[
            {
              title: t('obligations.slot'),
              dataIndex: 'slot',
              width: 150,
              sorter: (a, b) => a.slot - b.slot,
              render: (n: number) => t('obligations.inspectionN', { n }),
            },
            {
              title: t('plan.plannedDate'),
              dataIndex: 'dueDate',
              width: 110,
              sorter: (a, b) => a.dueDate.localeCompare(b.dueDate),
              render: (d: string, s) =>
                s.plan ? (
                  fmt(d)
                ) : (
                  <Typography.Text type="secondary">{t('obligations.quarterEnd', { date: fmt(d) })}</Typography.Text>
                ),
            },
            {
              title: t('fields.topic'),
              dataIndex: 'topic',
              render: (v: string, s) => (
                <Space wrap size={4}>
                  {v || <Typography.Text type="secondary">{t('obligations.topicNotNamed')}</Typography.Text>}
                  {s.state !== 'met' && <TopicTag state={s.topicState} />}
                  {s.state !== 'met' && !s.plan?.topic && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('obligations.topicBy', { date: fmt(s.topicDueDate) })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('obligations.held'),
              key: 'held',
              width: 200,
              render: (_, s) =>
                s.training ? (
                  <a href={`#/training/records/${s.training.id}`}>
                    <TrainingDates t={s.training} />
                  </a>
                ) : (
                  '—'
                ),
            },
            {
              title: t('obligations.state'),
              dataIndex: 'state',
              width: 90,
              render: (v: InspectionSlot['state']) => <StateTag state={v} />,
            },
            {
              key: 'actions',
              width: 190,
              render: (_, s) => (
                <Space>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => editPlan(s)}
                    data-testid={`plan-edit-${s.slot}`}
                  >
                    {t('plan.edit')}
                  </Button>
                  {!s.training && (
                    <Button
                      size="small"
                      type="primary"
                      ghost
                      onClick={() => record(s)}
                      data-testid={`plan-record-${s.slot}`}
                    >
                      {t('obligations.record')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        {o.extraInspections.length > 0 && (
          <Typography.Text type="secondary">
            {t('obligations.extra', { count: o.extraInspections.length })}
          </Typography.Text>
        )}
      </Card>
      <Card
        size="small"
        title={t('obligations.specialTitle')}
        style={{ marginTop: 16 }}
        extra={<StateTag state={sp.state} />}
        data-testid="special-obligation"
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('obligations.period')}>
            {t('dates.period', { from: fmt(sp.period.from), to: fmt(sp.period.to) })}
            {!sp.hasProjectPeriod && (
              <Typography.Text type="warning"> {t('obligations.noProjectPeriod')}</Typography.Text>
            )}
          </Descriptions.Item>
          {sp.state !== 'met' && (
            <Descriptions.Item label={t('obligations.dueBy')}>{fmt(sp.dueDate)}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('fields.topic')}>
            {sp.training?.topic || sp.plan?.topic || t('obligations.topicNotNamed')}
          </Descriptions.Item>
          <Descriptions.Item label={t('obligations.held')}>
            {sp.training ? (
              <a href={`#/training/records/${sp.training.id}`}>
                <TrainingDates t={sp.training} />
              </a>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
        {sp.state !== 'met' && (
          <Space>
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() =>
                setPlan(
                  sp.plan ?? { year, type: 'special', slot: 1, plannedDate: sp.dueDate, topic: '', days: 3, notes: '' },
                )
              }
            >
              {t('plan.edit')}
            </Button>
            <Button
              size="small"
              type="primary"
              ghost
              onClick={() =>
                setDraft({
                  type: 'special',
                  planId: sp.plan?.id,
                  topic: sp.plan?.topic ?? '',
                  startDate: sp.plan?.plannedDate ?? today,
                  endDate: sp.plan?.plannedDate ?? today,
                  hours: 18,
                })
              }
            >
              {t('obligations.record')}
            </Button>
          </Space>
        )}
      </Card>
      <PlanDialog draft={plan} onClose={() => setPlan(null)} />
      <TrainingForm open={draft !== null} draft={draft} onClose={() => setDraft(null)} />
    </div>
  );
}
