import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerResult, InspectionStatus, Severity } from '@shared/schemas/inspection';
import type { Deadline } from './deadlines';

const statusColor: Record<InspectionStatus, string> = {
  planned: 'default',
  'in-progress': 'processing',
  finished: 'success',
};
export function StatusTag({ status, overdue }: { status: InspectionStatus; overdue?: boolean }) {
  const { t } = useTranslation('inspections');
  return (
    <>
      <Tag color={statusColor[status]}>{t(`status.${status}`)}</Tag>
      {overdue && <Tag color="error">{t('status.overdue')}</Tag>}
    </>
  );
}

const resultColor: Record<AnswerResult, string> = { normal: 'success', abnormal: 'error', na: 'default' };
export function ResultTag({ result }: { result: AnswerResult | undefined }) {
  const { t } = useTranslation('inspections');
  if (!result) return <Tag>{t('result.open')}</Tag>;
  return (
    <Tag color={resultColor[result]} data-testid={`result-${result}`}>
      {t(`result.${result}`)}
    </Tag>
  );
}

const severityColor: Record<Severity, string> = { low: 'default', medium: 'gold', high: 'orange', critical: 'red' };
export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation('inspections');
  return <Tag color={severityColor[severity]}>{t('severity.label', { level: t(`severity.${severity}`) })}</Tag>;
}

/** A report deadline: the due date and where it stands. */
export function DeadlineTag({ d }: { d: Deadline }) {
  const { t } = useTranslation('inspections');
  const color =
    d.status === 'done'
      ? d.doneLate
        ? 'warning'
        : 'success'
      : d.status === 'overdue'
        ? 'error'
        : d.daysLeft <= 1
          ? 'warning'
          : 'processing';
  const text =
    d.status === 'done'
      ? t(d.doneLate ? 'deadline.doneLate' : 'deadline.done', { date: d.dueDate })
      : d.status === 'overdue'
        ? t('deadline.overdue', { date: d.dueDate, days: -d.daysLeft })
        : t('deadline.due', { date: d.dueDate, days: d.daysLeft });
  return (
    <Tag color={color} title={d.warning}>
      {text}
    </Tag>
  );
}
