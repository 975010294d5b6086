/**
 * One fault: level, track and status at the top; the live clock panel; the timeline; the actions
 * its state allows. Everything shown is the fault's view of its log (./fault-view.ts), never the
 * stored row; a stored row that differs from its log is reported above the actions.
 */
import { Card, Col, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultEventRow, FaultRecord } from '@shared/schemas/fault';
import { EmptyState } from '../../components/EmptyState';
import { navigate } from '../../app/router';
import { AttachmentList, useSystems, useTeam, useClockConfig, useNow } from '../../core';
import { FaultKbBar } from '../kb';
import { ClockPanel } from './ClockPanel';
import { CommandDialog, type DialogCommand } from './CommandDialog';
import { EscalationDialog } from './EscalationDialog';
import { toTimeline } from '../../core/faults/event-text';
import { availableCommands, type ClockConfig, type FaultCommand } from './fault-model';
import { checkProjection, faultView, projectFault } from './fault-view';
import { FaultDetailHeader, FaultAlerts, CommandBar } from './FaultDetailHeader';
import { OverviewCard, ResolutionCard } from './FaultDetailCards';
import { FaultCorrections } from './FaultCorrections';
import { FaultReports } from './FaultReports';
import { FaultTimeline } from './FaultTimeline';
import { useFault, useFaultEvents } from './faults.repo';
import { MismatchAlert } from './MismatchMark';

/** The view, the fault as its log says at `now`, and where the stored row differs from the log. */
function useDetail(stored: FaultRecord | undefined | null, rows: FaultEventRow[] | undefined, cfg: ClockConfig) {
  // Level, status and alerts move with events or at a breach: a 5-second pace is enough here.
  const now = useNow(5000);
  const mismatches = useMemo(
    () => (stored && rows?.length ? checkProjection(stored, rows, cfg).mismatches : []),
    [stored, rows, cfg],
  );
  const current = useMemo(() => {
    if (!stored || !rows?.length) return undefined;
    // Upgrades the view derives but the log does not hold yet are shown at once; the monitor records them.
    return { view: faultView(rows, cfg, now), fault: projectFault(rows, cfg, now, stored.updatedBy) };
  }, [stored, rows, cfg, now]);
  return { ...current, mismatches };
}

export function FaultDetailPage({ id }: { id: string }) {
  const { t } = useTranslation('faults');
  const stored = useFault(id);
  const rows = useFaultEvents(id);
  const team = useTeam();
  const systems = useSystems();
  const cfg = useClockConfig();
  const [open, setOpen] = useState<FaultCommand | null>(null);
  const { view, fault, mismatches } = useDetail(stored, rows, cfg);
  const member = useMemo(() => (mid: string) => team?.find((m) => m.id === mid)?.name ?? mid, [team]);
  const system = useMemo(() => (sid: string) => systems?.find((s) => s.id === sid)?.name ?? sid, [systems]);
  const timeline = useMemo(() => (rows ? toTimeline(rows, { member, system }) : []), [rows, member, system]);

  if (stored === null)
    return (
      <EmptyState
        testId="fault-not-found"
        title={t('detail.notFound')}
        description={t('detail.notFoundHint')}
        action={t('detail.back')}
        onAction={() => navigate('/faults')}
      />
    );
  if (!fault || !rows || !view) return null;
  const affected = systems?.find((s) => s.id === fault.systemId);
  const commands = availableCommands(fault, view, rows);

  return (
    <div data-testid="fault-detail">
      <FaultDetailHeader fault={fault} view={view} />
      <MismatchAlert list={mismatches} member={member} />
      <FaultAlerts view={view} onEscalate={() => setOpen('escalate')} />
      <CommandBar commands={commands} onCommand={setOpen} extra={<FaultCorrections fault={fault} rows={rows} />} />
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
          <OverviewCard fault={fault} rows={rows} system={affected} member={member} />
          <ResolutionCard fault={fault} rows={rows} />
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
          system={affected}
          team={team ?? []}
          suggested={view.escalationSuggested}
          onClose={() => setOpen(null)}
        />
      )}
      {open && open !== 'escalate' && open !== 'report' && (
        <CommandDialog command={open as DialogCommand} fault={fault} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}
