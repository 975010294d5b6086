/**
 * The fault's two PDFs through the report engine: the fault diagnosis report (numbered with the
 * fault number, recorded as `report-issued` in the log) and the escalation package.
 */
import type { ClockState, FaultEvent } from '@shared/domain/fault-clock';
import type { ClientSystem, Contact, TeamMember } from '@shared/schemas/core';
import type { FaultEventRow, FaultRecord } from '@shared/schemas/fault';
import { getDb } from '../../db';
import type { EscalationPackageData } from '../../pdf/escalation-package-report';
import type { FaultDiagnosisData, ReportAction, ReportClock, ReportSystem } from '../../pdf/fault-diagnosis-report';
import type { Language, Signer } from '../../pdf/types';
import { listAttachments, toDataUrl } from '../attachments/attachments.repo';
import { issueReport } from '../reports/reports.repo';
import { loadClockConfig } from './clock-config';
import { toTimeline } from './event-text';
import { bySeq } from './fault-model';
import { faultView } from './fault-view';
import { appendFaultEvents, FaultInputError, getFault, listEvents } from './faults.repo';

/** Images larger than this are listed, not embedded (a report stays a sensible size). */
const maxEmbeddedImage = 4 * 1024 * 1024;

interface Context {
  fault: FaultRecord;
  rows: FaultEventRow[];
  team: TeamMember[];
  contacts: Contact[];
  system?: ClientSystem;
}

async function context(faultId: string): Promise<Context> {
  const db = getDb();
  const fault = await getFault(faultId);
  if (!fault) throw new FaultInputError('faults:errors.notFound');
  const [rows, team, contacts] = await Promise.all([listEvents(faultId), db.team.toArray(), db.contacts.toArray()]);
  return { fault, rows: rows.sort(bySeq), team, contacts, system: await db.systems.get(fault.systemId) };
}

const nameOf = (c: Context) => (id: string) => c.team.find((m) => m.id === id)?.name ?? (id === 'system' ? '' : id);

function systemOf(s: ClientSystem | undefined): ReportSystem | null {
  return s
    ? { name: s.name, family: s.family, vendor: s.vendor, model: s.model, version: s.version, location: s.location }
    : null;
}

function actionsOf(c: Context): ReportAction[] {
  const name = nameOf(c);
  return c.rows
    .filter((r): r is Extract<FaultEventRow, { type: 'action' }> => r.type === 'action')
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
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

function clocksAt(c: Context, now: Date, extra: FaultEvent[] = []): Promise<ReportClock[]> {
  return loadClockConfig().then((cfg) =>
    faultView(c.rows, cfg, now, extra)
      .clocks.filter((k: ClockState) => k.state !== 'pending')
      .map((k) => ({
        kind: k.kind,
        calendar: k.calendar,
        targetMinutes: k.targetMinutes,
        state: k.state,
        startedAt: k.startedAt,
        dueAt: k.dueAt,
        stoppedAt: k.stoppedAt,
      })),
  );
}

/** The diagnosis report's data at `now` (the report clock shown as stopped by this very issue). */
export async function faultDiagnosisData(faultId: string, now = new Date()): Promise<FaultDiagnosisData> {
  const c = await context(faultId);
  const name = nameOf(c);
  const { fault } = c;
  const levelHistory = c.rows
    .filter(
      (r): r is Extract<FaultEventRow, { type: 'reported' | 'level-changed' }> =>
        r.type === 'reported' || r.type === 'level-changed',
    )
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
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
  const resolved = [...c.rows]
    .reverse()
    .find((r): r is Extract<FaultEventRow, { type: 'resolved' }> => r.type === 'resolved');
  const confirmation = [...c.rows]
    .reverse()
    .find(
      (r): r is Extract<FaultEventRow, { type: 'confirmation' }> =>
        r.type === 'confirmation' && (!resolved || Date.parse(r.at) >= Date.parse(resolved.at)),
    );
  const files = await listAttachments('fault', faultId);
  return {
    number: fault.number,
    symptoms: fault.symptoms,
    description: fault.description,
    level: fault.level,
    track: fault.track,
    channel: fault.channel,
    occurredAt: fault.occurredAt,
    reportedAt: fault.reportedAt,
    resolvedAt: resolved?.at,
    engineer: name(fault.assigneeId),
    tier: fault.tier,
    reporter: {
      name: fault.reporter.name,
      department: fault.reporter.department,
      phone: fault.reporter.phone,
      email: fault.reporter.email,
    },
    system: systemOf(c.system),
    levelHistory,
    clocks: await clocksAt(c, now, [{ at: now.toISOString(), type: 'report-issued' }]),
    timeline: toTimeline(c.rows, { member: name }),
    actions: actionsOf(c),
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
    attachments: files.map((a) => ({
      name: a.name,
      size: a.size,
      sha256: a.sha256,
      image: /^image\/(png|jpe?g)$/.test(a.mime) && a.size <= maxEmbeddedImage ? toDataUrl(a) : undefined,
    })),
  };
}

async function signers(c: Context): Promise<Signer[]> {
  const pm = c.team.find((m) => m.role === 'pm');
  const client = c.contacts.find((x) => x.kind === 'client' && x.isMaintenanceEngineer);
  return [
    { role: 'engineer', name: nameOf(c)(c.fault.assigneeId) },
    { role: 'projectManager', name: pm?.name },
    { role: 'clientEngineer', name: client?.name },
  ];
}

/**
 * Issues the fault diagnosis report (number = the fault number, file 故障诊断报告-GZ-….pdf) and
 * records `report-issued` in the fault's log.
 */
export async function issueFaultDiagnosisReport(faultId: string, language: Language, now = new Date()) {
  const c = await context(faultId);
  const data = await faultDiagnosisData(faultId, now);
  const { report, pdf } = await issueReport(
    {
      type: 'fault-diagnosis',
      subjectType: 'fault',
      subjectId: faultId,
      data,
      number: c.fault.number,
      language,
      signers: await signers(c),
    },
    now,
  );
  await appendFaultEvents(faultId, [
    {
      type: 'report-issued',
      at: new Date(Math.max(now.getTime(), Date.now())).toISOString(),
      payload: { reportId: report.id, reportNumber: report.number, version: report.version },
    },
  ]);
  return { report, pdf };
}

/** Issues the handover package of one escalation event. */
export async function issueEscalationPackage(
  faultId: string,
  escalationSeq: number,
  language: Language,
  now = new Date(),
) {
  const c = await context(faultId);
  const e = c.rows.find(
    (r): r is Extract<FaultEventRow, { type: 'escalation' }> => r.type === 'escalation' && r.seq === escalationSeq,
  );
  if (!e) throw new FaultInputError('faults:errors.notFound');
  const name = nameOf(c);
  const recipient = c.contacts.find((x) => x.id === e.payload.recipientId);
  const upTo = (r: { at: string }) => Date.parse(r.at) <= Date.parse(e.at);
  const data: EscalationPackageData = {
    faultNumber: c.fault.number,
    symptoms: c.fault.symptoms,
    description: c.fault.description,
    level: c.fault.level,
    track: c.fault.track,
    reportedAt: c.fault.reportedAt,
    reporter: { name: c.fault.reporter.name, department: c.fault.reporter.department, phone: c.fault.reporter.phone },
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
    system: systemOf(c.system),
    systemInfo: e.payload.systemInfo,
    actionsSummary: e.payload.actionsSummary,
    actions: actionsOf({ ...c, rows: c.rows.filter(upTo) }),
    clocks: await clocksAt({ ...c, rows: c.rows.filter(upTo) }, new Date(e.at)),
  };
  return issueReport(
    {
      type: 'escalation-package',
      subjectType: 'fault',
      subjectId: faultId,
      data,
      language,
      signers: [{ role: 'engineer', name: name(e.by) }],
    },
    now,
  );
}
