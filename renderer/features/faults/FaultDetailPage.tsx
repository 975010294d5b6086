/**
 * One fault: level, track and status at the top; the live clock panel; the timeline; the actions
 * its state allows. Clocks are evaluated from the log (the panel every second), never stored.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Rate, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../app/format';
import { navigate } from '../../app/router';
import { AttachmentList } from '../attachments/AttachmentList';
import { FaultKbBar } from '../kb';
import { useSystems, useTeam } from '../settings/settings.repo';
import { ClockPanel } from './ClockPanel';
import { useClockConfig } from './clock-config';
import { CommandDialog, type DialogCommand } from './CommandDialog';
import { EscalationDialog } from './EscalationDialog';
import { toTimeline } from './event-text';
import { availableCommands, type FaultCommand } from './fault-model';
import { faultView } from './fault-view';
import { FaultReports } from './FaultReports';
import { FaultTimeline } from './FaultTimeline';
import { useFault, useFaultEvents } from './faults.repo';
import { LevelTag, StatusTag } from './tags';
import { useNow } from './useNow';

const primary: FaultCommand[] = ['respond', 'arrived', 'resolve', 'confirm', 'close'];

/** The report is issued from its card (language choice, versions): the action-bar button leads there. */
function focusIssue() {
  const button = document.querySelector<HTMLButtonElement>('[data-testid="issue-report"]');
  button?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  button?.focus();
}

export function FaultDetailPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('faults');
  const fault = useFault(id);
  const rows = useFaultEvents(id);
  const team = useTeam();
  const systems = useSystems();
  const cfg = useClockConfig();
  // Level, status and alerts move with events or at a breach: a 5-second pace is enough here.
  const now = useNow(5000);
  const [open, setOpen] = useState<FaultCommand | null>(null);
  // Upgrades the view derives but the log does not hold yet are shown at once and recorded by the monitor.
  const ev = useMemo(() => (rows?.length ? faultView(rows, cfg, now) : undefined), [rows, cfg, now]);
  const member = useMemo(() => (mid: string) => team?.find((m) => m.id === mid)?.name ?? mid, [team]);
  const timeline = useMemo(() => (rows ? toTimeline(rows, { member }) : []), [rows, member]);

  if (fault === null)
    return (
      <EmptyState
        testId="fault-not-found"
        title={t('detail.notFound')}
        description={t('detail.notFoundHint')}
        action={t('detail.back')}
        onAction={() => navigate('/faults')}
      />
    );
  if (!fault || !rows || !ev) return null;
  const system = systems?.find((s) => s.id === fault.systemId);
  const commands = availableCommands(fault, ev, rows);
  const resolved = [...rows].reverse().find((r) => r.type === 'resolved');
  const reported = rows.find((r) => r.type === 'reported');
  const dt = (v?: string) => (v ? formatDateTime(v, i18n.language) : '—');

  return (
    <div data-testid="fault-detail">
      <PageHeader
        title={
          <span>
            <span data-testid="fault-number">{fault.number}</span>{' '}
            <Typography.Text style={{ fontSize: 18, fontWeight: 400 }}>{fault.symptoms}</Typography.Text>
          </span>
        }
        sub={
          <Space size={6} wrap style={{ marginTop: 6 }} data-testid="fault-header">
            <LevelTag level={ev.level} />
            <Tag data-testid="severity-tag">{t(`severityTag.${ev.severityClass}`)}</Tag>
            <Tag color={ev.track === 'onsite' ? 'purple' : 'cyan'} data-testid="track-tag">
              {t(`tracks.${ev.track}`)}
            </Tag>
            <StatusTag status={fault.status} />
            <Tag data-testid="tier-tag">{t(`tiers.${fault.tier}`)}</Tag>
          </Space>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/faults')}>
            {t('detail.back')}
          </Button>
        }
      />
      {ev.pmAlert && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('detail.pmAlert')} data-testid="pm-alert" />
      )}
      {ev.escalationSuggested && fault.tier < 3 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('detail.escalationSuggested')}
          data-testid="escalation-suggested"
          action={
            <Button size="small" onClick={() => setOpen('escalate')}>
              {t('commands.escalate')}
            </Button>
          }
        />
      )}
      {ev.warnings.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('detail.warnings')}
          description={ev.warnings.join('\n')}
        />
      )}
      <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="fault-commands">
        {commands.map((c) => (
          <Button
            key={c}
            type={primary.includes(c) ? 'primary' : 'default'}
            onClick={() => (c === 'report' ? focusIssue() : setOpen(c))}
            data-testid={`cmd-${c}`}
          >
            {t(`commands.${c}`)}
          </Button>
        ))}
      </Flex>
      {/* Knowledge base (kb feature): "Create article from this fault" once resolved, and the articles written from it. */}
      <FaultKbBar faultId={fault.id} status={fault.status} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('detail.clocks')} style={{ marginBottom: 16 }}>
            <ClockPanel rows={rows} cfg={cfg} />
          </Card>
          <Card size="small" title={t('detail.timeline')} style={{ marginBottom: 16 }}>
            <FaultTimeline entries={timeline} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('detail.overview')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('detail.reporter')}>
                {[fault.reporter.name, fault.reporter.department, fault.reporter.phone].filter(Boolean).join(' · ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.system')}>
                {system
                  ? t('detail.systemValue', {
                      name: system.name,
                      model: [system.vendor, system.model].filter(Boolean).join(' '),
                    })
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.assignee')}>{member(fault.assigneeId)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.channel')}>
                {t(`channels.${fault.channel}`)}
                {fault.complexity ? ` · ${t(`complexity.${fault.complexity}`)}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.occurredAt')}>{dt(fault.occurredAt)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.reportedAt')}>{dt(fault.reportedAt)}</Descriptions.Item>
              {reported?.type === 'reported' && reported.payload.overrideReason && (
                <Descriptions.Item label={t('detail.levelHistory')}>
                  {t('detail.proposedWas', {
                    level: t(`levels.${reported.payload.proposedLevel}`),
                    reason: reported.payload.overrideReason,
                  })}
                </Descriptions.Item>
              )}
              {fault.description && (
                <Descriptions.Item label={t('detail.description')}>{fault.description}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {resolved?.type === 'resolved' &&
            (fault.status === 'resolved' || fault.status === 'confirmed' || fault.status === 'closed') && (
              <Card
                size="small"
                title={t('detail.resolution')}
                style={{ marginBottom: 16 }}
                data-testid="fault-resolution"
              >
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('detail.rootCause')}>{resolved.payload.rootCause}</Descriptions.Item>
                  <Descriptions.Item label={t('detail.resolutionText')}>
                    {resolved.payload.resolution}
                  </Descriptions.Item>
                  {resolved.payload.prevention && (
                    <Descriptions.Item label={t('detail.prevention')}>{resolved.payload.prevention}</Descriptions.Item>
                  )}
                  {fault.satisfaction && (
                    <Descriptions.Item label={t('detail.satisfaction')}>
                      <Rate disabled value={fault.satisfaction} />
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
            )}
          <Card size="small" title={t('detail.reports')} style={{ marginBottom: 16 }}>
            {!fault.flags.reportIssued && commands.includes('close') && (
              <Typography.Paragraph type="secondary">{t('detail.closedNeedsReport')}</Typography.Paragraph>
            )}
            <FaultReports fault={fault} canIssue={commands.includes('report')} />
          </Card>
          <Card size="small" title={t('detail.attachments')} style={{ marginBottom: 16 }}>
            <AttachmentList ownerType="fault" ownerId={fault.id} readOnly={fault.status === 'closed'} />
          </Card>
        </Col>
      </Row>
      {open === 'escalate' && (
        <EscalationDialog
          fault={fault}
          rows={rows}
          system={system}
          team={team ?? []}
          suggested={ev.escalationSuggested}
          onClose={() => setOpen(null)}
        />
      )}
      {open && open !== 'escalate' && open !== 'report' && (
        <CommandDialog command={open as DialogCommand} fault={fault} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}
