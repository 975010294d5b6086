/**
 * The data of a fault's two PDFs as pure functions of one loaded context (./report-context.ts):
 * the fault diagnosis report and the escalation handover package. Clocks come from the fault's
 * view (./fault-view.ts), like every screen's.
 */
import type { FaultEvent } from '@shared/domain/fault-clock';
import type { ClientSystem } from '@shared/schemas/core';
import type { FaultEventRow } from '@shared/schemas/fault';
import type { EscalationPackageData } from '../../pdf/escalation-package-report';
import type { FaultDiagnosisData, ReportAction, ReportClock, ReportSystem } from '../../pdf/fault-diagnosis-report';
import type { Signer } from '../../pdf/types';
import { toDataUrl } from '../../core';
import { toTimeline } from '../../core/faults/event-text';
import { faultView } from './fault-view';
import { FaultInputError } from './faults.repo';
import type { ReportContext } from './report-context';

type Row<T extends FaultEventRow['type']> = Extract<FaultEventRow, { type: T }>;

/** Images larger than this are listed, not embedded (a report stays a sensible size). */
const maxEmbeddedImage = 4 * 1024 * 1024;

const nameOf = (c: ReportContext) => (id: string) =>
  c.team.find((m) => m.id === id)?.name ?? (id === 'system' ? '' : id);
const byTime = (a: { at: string }, b: { at: string }) => Date.parse(a.at) - Date.parse(b.at);

function systemOf(s: ClientSystem | undefined): ReportSystem | null {
  return s
    ? { name: s.name, family: s.family, vendor: s.vendor, model: s.model, version: s.version, location: s.location }
    : null;
}

function actionsOf(c: ReportContext, rows = c.rows): ReportAction[] {
  const name = nameOf(c);
  return rows
    .filter((r): r is Row<'action'> => r.type === 'action')
    .sort(byTime)
    .map((r) => ({
      at: r.at,
      engineer: name(r.payload.engineerId),
      kind: r.payload.kind,
      what: r.payload.what,
      result: r.payload.result,
      part: r.payload.part,
      oldSerial: r.payload.oldSerial,
      newSerial: r.payload.newSerial,
    }));
}

function clocksAt(c: ReportContext, rows: FaultEventRow[], now: Date, extra: FaultEvent[] = []): ReportClock[] {
  return faultView(rows, c.cfg, now, extra)
    .clocks.filter((k) => k.state !== 'pending')
    .map((k) => ({
      kind: k.kind,
      calendar: k.calendar,
      targetMinutes: k.targetMinutes,
      state: k.state,
      startedAt: k.startedAt,
      dueAt: k.dueAt,
      stoppedAt: k.stoppedAt,
    }));
}

function levelHistory(rows: FaultEventRow[]): FaultDiagnosisData['levelHistory'] {
  return rows
    .filter((r): r is Row<'reported' | 'level-changed'> => r.type === 'reported' || r.type === 'level-changed')
    .sort(byTime)
    .map((r) =>
      r.type === 'reported'
        ? { at: r.at, to: r.payload.level, reason: r.payload.overrideReason ?? '', auto: false }
        : {
            at: r.at,
            from: r.payload.from,
            to: r.payload.level,
            reason: r.payload.reason,
            auto: r.payload.reason === 'auto-upgrade',
          },
    );
}

/** The latest resolution, and the client's confirmation of it. */
function outcome(
  rows: FaultEventRow[],
): Pick<FaultDiagnosisData, 'resolvedAt' | 'rootCause' | 'resolution' | 'prevention' | 'confirmation'> {
  const resolved = [...rows].reverse().find((r): r is Row<'resolved'> => r.type === 'resolved');
  const confirmation = [...rows]
    .reverse()
    .find(
      (r): r is Row<'confirmation'> =>
        r.type === 'confirmation' && (!resolved || Date.parse(r.at) >= Date.parse(resolved.at)),
    );
  return {
    resolvedAt: resolved?.at,
    rootCause: resolved?.payload.rootCause ?? '',
    resolution: resolved?.payload.resolution ?? '',
    prevention: resolved?.payload.prevention ?? '',
    confirmation: confirmation
      ? {
          at: confirmation.at,
          satisfaction: confirmation.payload.satisfaction,
          comment: confirmation.payload.comment,
          by: confirmation.payload.confirmedBy,
        }
      : undefined,
  };
}

/** The diagnosis report's data at `now` (the report clock shown as stopped by this very issue). */
export function diagnosisData(c: ReportContext, now: Date): FaultDiagnosisData {
  const name = nameOf(c);
  const { fault } = c;
  return {
    number: fault.number,
    symptoms: fault.symptoms,
    description: fault.description,
    level: fault.level,
    track: fault.track,
    channel: fault.channel,
    occurredAt: fault.occurredAt,
    reportedAt: fault.reportedAt,
    engineer: name(fault.assigneeId),
    tier: fault.tier,
    reporter: {
      name: fault.reporter.name,
      department: fault.reporter.department,
      phone: fault.reporter.phone,
      email: fault.reporter.email,
    },
    system: systemOf(c.system),
    levelHistory: levelHistory(c.rows),
    clocks: clocksAt(c, c.rows, now, [{ at: now.toISOString(), type: 'report-issued' }]),
    timeline: toTimeline(c.rows, { member: name, system: (id) => (id === c.system?.id ? c.system.name : id) }),
    actions: actionsOf(c),
    ...outcome(c.rows),
    attachments: c.files.map((a) => ({
      name: a.name,
      size: a.size,
      sha256: a.sha256,
      image: /^image\/(png|jpe?g)$/.test(a.mime) && a.size <= maxEmbeddedImage ? toDataUrl(a) : undefined,
    })),
  };
}

/** Who signs the diagnosis report: the engineer, the project manager, the client's maintenance engineer. */
export function diagnosisSigners(c: ReportContext): Signer[] {
  const pm = c.team.find((m) => m.role === 'pm');
  const client = c.contacts.find((x) => x.kind === 'client' && x.isMaintenanceEngineer);
  // The client signer is whoever confirmed the resolution (docs/domain.md), else the maintenance engineer.
  const confirmedBy = outcome(c.rows).confirmation?.by;
  return [
    { role: 'engineer', name: nameOf(c)(c.fault.assigneeId) },
    { role: 'projectManager', name: pm?.name },
    { role: 'clientEngineer', name: confirmedBy || client?.name },
  ];
}

/** The handover package of one escalation event: the log up to the escalation, its clocks at that instant. */
export function escalationData(c: ReportContext, escalationSeq: number): { data: EscalationPackageData; by: string } {
  const e = c.rows.find((r): r is Row<'escalation'> => r.type === 'escalation' && r.seq === escalationSeq);
  if (!e) throw new FaultInputError('faults:errors.notFound');
  const name = nameOf(c);
  const recipient = c.contacts.find((x) => x.id === e.payload.recipientId);
  const upTo = c.rows.filter((r) => Date.parse(r.at) <= Date.parse(e.at));
  const { fault } = c;
  const data: EscalationPackageData = {
    faultNumber: fault.number,
    symptoms: fault.symptoms,
    description: fault.description,
    level: fault.level,
    track: fault.track,
    reportedAt: fault.reportedAt,
    reporter: { name: fault.reporter.name, department: fault.reporter.department, phone: fault.reporter.phone },
    fromTier: e.payload.fromTier,
    toTier: e.payload.toTier,
    recipient: {
      name: e.payload.recipientName,
      company: recipient?.company ?? '',
      phone: recipient?.phone ?? '',
      email: recipient?.email ?? '',
    },
    vendorCaseNumber: e.payload.vendorCaseNumber,
    reason: e.payload.reason,
    escalatedAt: e.at,
    escalatedBy: name(e.by),
    ...(e.payload.receivedBy
      ? { receivedBy: { name: e.payload.receivedBy.approverName, at: e.payload.receivedBy.approvedAt } }
      : {}),
    system: systemOf(c.system),
    systemInfo: e.payload.systemInfo,
    actionsSummary: e.payload.actionsSummary,
    actions: actionsOf(c, upTo),
    clocks: clocksAt(c, upTo, new Date(e.at)),
  };
  return { data, by: name(e.by) };
}
