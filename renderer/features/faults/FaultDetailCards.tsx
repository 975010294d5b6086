/** The side cards of a fault's page: the overview (reporter, system, times) and the resolution. */
import { Card, Descriptions, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClientSystem } from '@shared/schemas/core';
import type { FaultEventRow, FaultRecord } from '@shared/schemas/fault';
import { formatDateTime } from '../../core';
import { navigate } from '../../app/router';

type Member = (id: string) => string;

export function OverviewCard({
  fault,
  rows,
  system,
  member,
}: {
  fault: FaultRecord;
  rows: FaultEventRow[];
  system?: ClientSystem;
  member: Member;
}) {
  const { t, i18n } = useTranslation('faults');
  const reported = rows.find((r) => r.type === 'reported');
  const dt = (v?: string) => (v ? formatDateTime(v, i18n.language) : '—');
  const D = Descriptions.Item;
  return (
    <Card size="small" title={t('detail.overview')} style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small">
        <D label={t('detail.reporter')}>
          {[fault.reporter.name, fault.reporter.department, fault.reporter.phone].filter(Boolean).join(' · ')}
        </D>
        <D label={t('detail.system')}>
          {system
            ? t('detail.systemValue', {
                name: system.name,
                model: [system.vendor, system.model].filter(Boolean).join(' '),
              })
            : '—'}
        </D>
        <D label={t('detail.assignee')}>{member(fault.assigneeId)}</D>
        <D label={t('detail.channel')}>
          {t(`channels.${fault.channel}`)}
          {fault.complexity ? ` · ${t(`complexity.${fault.complexity}`)}` : ''}
        </D>
        {reported?.type === 'reported' && reported.payload.source && (
          <D label={t('detail.source')}>
            <Typography.Link
              onClick={() => navigate(`/inspections/${reported.payload.source!.inspectionId}`)}
              data-testid="fault-source"
            >
              {t('detail.sourceValue', {
                number: reported.payload.source.inspectionNumber,
                item: reported.payload.source.itemTitle,
              })}
            </Typography.Link>
          </D>
        )}
        <D label={t('detail.occurredAt')}>{dt(fault.occurredAt)}</D>
        <D label={t('detail.reportedAt')}>{dt(fault.reportedAt)}</D>
        {reported?.type === 'reported' && reported.payload.overrideReason && (
          <D label={t('detail.levelHistory')}>
            {t('detail.proposedWas', {
              level: t(`levels.${reported.payload.proposedLevel}`),
              reason: reported.payload.overrideReason,
            })}
          </D>
        )}
        {fault.description && <D label={t('detail.description')}>{fault.description}</D>}
      </Descriptions>
    </Card>
  );
}

/** Root cause, resolution, prevention and the client's satisfaction, once the fault is resolved. */
export function ResolutionCard({ fault, rows }: { fault: FaultRecord; rows: FaultEventRow[] }) {
  const { t } = useTranslation('faults');
  const resolved = [...rows].reverse().find((r) => r.type === 'resolved');
  const done = fault.status === 'resolved' || fault.status === 'confirmed' || fault.status === 'closed';
  if (resolved?.type !== 'resolved' || !done) return null;
  const D = Descriptions.Item;
  return (
    <Card size="small" title={t('detail.resolution')} style={{ marginBottom: 16 }} data-testid="fault-resolution">
      <Descriptions column={1} size="small">
        <D label={t('detail.rootCause')}>{resolved.payload.rootCause}</D>
        <D label={t('detail.resolutionText')}>{resolved.payload.resolution}</D>
        {resolved.payload.prevention && <D label={t('detail.prevention')}>{resolved.payload.prevention}</D>}
        {fault.satisfaction && (
          <D label={t('detail.satisfaction')}>
            <Rate disabled value={fault.satisfaction} />
          </D>
        )}
      </Descriptions>
    </Card>
  );
}
