/**
 * A fault's view: the one place that turns its event log into what is shown and acted on — level,
 * track, status, tier, every clock, the most urgent clock (the next deadline), the instant it needs
 * attention, the PM alert and the escalation suggestion. The detail page, the clock panel, the
 * monitor, the report and the stored projection (`projectFault`) all read `faultView`; the list,
 * the dashboard widget and the navigation badge read the stored projection through `rowClock` and
 * `needsAttention`, and `projectionMismatches` says when that stored row no longer matches its log.
 * Pure: no Dexie, no React.
 */
import { businessMinutesBetween } from '@shared/domain/calendar';
import {
  evaluateFault,
  mostUrgentClock,
  type ClockState,
  type FaultEvaluation,
  type FaultEvent,
} from '@shared/domain/fault-clock';
import type { FaultEventPayload, FaultEventRow, FaultRecord, FaultStatusValue } from '@shared/schemas/fault';
import {
  atRiskInstant,
  bySeq,
  lastOf,
  reportedRow,
  sinceLastResolved,
  statusOfRows,
  toClockEvents,
  type ClockConfig,
} from './fault-model';

export interface FaultView {
  level: 1 | 2 | 3 | 4;
  track: 'remote' | 'onsite';
  severityClass: FaultEvaluation['severityClass'];
  status: FaultStatusValue;
  tier: 1 | 2 | 3;
  assigneeId: string;
  /** One entry per clock kind, for its latest run. */
  clocks: ClockState[];
  /** The open clock closest to (or furthest over) its due instant. */
  urgent?: ClockState;
  /** The due instant of `urgent`: the fault's next deadline. */
  nextDeadline?: string;
  /** Earliest instant at which some open clock is at risk or breached (now, if one already is). */
  attentionAt?: Date;
  pmAlert: boolean;
  escalationSuggested: boolean;
  /** Automatic upgrades (recorded or derived), in time order. */
  upgrades: FaultEvaluation['upgrades'];
  /** Derived upgrades the log does not hold yet (the monitor records them). */
  pendingUpgrades: number;
  warnings: string[];
}

/** Earliest instant at which some open clock is at risk or breached. */
function attentionInstant(clocks: ClockState[], cfg: ClockConfig, now: Date): Date | undefined {
  let best: Date | undefined;
  for (const c of clocks) {
    const at = atRiskInstant(c, cfg, now);
    if (at && (!best || at < best)) best = at;
  }
  return best;
}

/**
 * The view of a fault's log at `now`. `extra` adds clock events not in the log yet (the report
 * shows its own report clock as stopped by the very issue that prints it).
 */
export function faultView(rows: FaultEventRow[], cfg: ClockConfig, now: Date, extra: FaultEvent[] = []): FaultView {
  const sorted = [...rows].sort(bySeq);
  const rep = reportedRow(sorted);
  const ev = evaluateFault([...toClockEvents(sorted), ...extra], { calendar: cfg.calendar, policy: cfg.policy, now });
  const urgent = mostUrgentClock(ev);
  const tier = sorted.reduce<number>((t, r) => (r.type === 'escalation' ? Math.max(t, r.payload.toTier) : t), 1);
  const recorded = sorted.filter((r) => r.type === 'level-changed' && r.payload.reason === 'auto-upgrade').length;
  return {
    level: ev.level,
    track: ev.track,
    severityClass: ev.severityClass,
    status: statusOfRows(sorted, now),
    tier: tier as 1 | 2 | 3,
    assigneeId: lastOf(sorted, 'assignment')?.payload.toId ?? rep.payload.assigneeId,
    clocks: ev.clocks,
    urgent,
    nextDeadline: urgent?.dueAt,
    attentionAt: attentionInstant(ev.clocks, cfg, now),
    pmAlert: ev.pmAlert,
    escalationSuggested: ev.escalationSuggested,
    upgrades: ev.upgrades,
    pendingUpgrades: Math.max(0, ev.upgrades.length - recorded),
    warnings: ev.warnings,
  };
}

/** The intake as it stands: the `reported` payload with every later correction applied, in log order. */
export function correctedIntake(
  rows: FaultEventRow[],
): Pick<FaultEventPayload<'reported'>, 'reporter' | 'channel' | 'complexity' | 'systemId' | 'symptoms'> {
  const sorted = [...rows].sort(bySeq);
  const p = reportedRow(sorted).payload;
  const out = {
    reporter: p.reporter,
    channel: p.channel,
    complexity: p.complexity,
    systemId: p.systemId,
    symptoms: p.symptoms,
  };
  for (const r of sorted) {
    if (r.type !== 'intake-corrected') continue;
    const c = r.payload;
    if (c.reporter) out.reporter = c.reporter.to;
    if (c.channel) out.channel = c.channel.to;
    if (c.complexity) out.complexity = c.complexity.to;
    if (c.systemId) out.systemId = c.systemId.to;
    if (c.symptoms) out.symptoms = c.symptoms.to;
  }
  if (out.channel !== 'email') out.complexity = undefined;
  else out.complexity ??= 'general';
  return out;
}

const isDone = (s: FaultStatusValue) => s === 'resolved' || s === 'confirmed' || s === 'closed';

/**
 * The `faults` row for a log at `now`: the view, persisted. A pure function of the log, so the row
 * can always be rebuilt from `faultEvents`, which is why it may be written only together with an event.
 */
export function projectFault(rows: FaultEventRow[], cfg: ClockConfig, now: Date, updatedBy: string): FaultRecord {
  const sorted = [...rows].sort(bySeq);
  const rep = reportedRow(sorted);
  const p = { ...rep.payload, ...correctedIntake(sorted) };
  const v = faultView(sorted, cfg, now);
  const done = isDone(v.status);
  const resolved = lastOf(sorted, 'resolved');
  const closed = lastOf(sorted, 'closed');
  const confirmation = done ? sinceLastResolved(sorted, 'confirmation').pop() : undefined;
  const record: FaultRecord = {
    id: rep.faultId,
    createdAt: rep.recordedAt,
    updatedAt: now.toISOString(),
    updatedBy,
    number: p.number,
    status: v.status,
    level: v.level,
    track: v.track,
    channel: p.channel,
    systemId: p.systemId,
    assigneeId: v.assigneeId,
    reporter: p.reporter,
    symptoms: p.symptoms,
    description: p.description,
    occurredAt: p.occurredAt,
    reportedAt: rep.at,
    tier: v.tier,
    flags: {
      escalationSuggested: v.escalationSuggested,
      pmAlert: v.pmAlert,
      breached: v.clocks.some((c) => c.state === 'breached'),
      reportIssued: done && sinceLastResolved(sorted, 'report-issued').length > 0,
      reportWaived: sorted.some((r) => r.type === 'report-waived'),
    },
    lastSeq: sorted[sorted.length - 1].seq,
  };
  if (p.complexity) record.complexity = p.complexity;
  if (v.urgent) {
    const u = v.urgent;
    record.urgent = { kind: u.kind, calendar: u.calendar, targetMinutes: u.targetMinutes, state: u.state };
    if (u.dueAt) record.urgent.dueAt = u.dueAt;
  }
  if (v.attentionAt) record.attentionAt = v.attentionAt.toISOString();
  if (done && resolved) record.resolvedAt = resolved.at;
  if (v.status === 'closed' && closed) record.closedAt = closed.at;
  if (confirmation) record.satisfaction = confirmation.payload.satisfaction;
  return record;
}

/** Minutes left (negative: overdue) of an open clock, on its own calendar; undefined when stopped or paused. */
export function minutesLeft(
  c: Pick<ClockState, 'calendar' | 'dueAt' | 'stoppedAt'>,
  cfg: ClockConfig,
  now: Date,
): number | undefined {
  if (c.stoppedAt !== undefined || !c.dueAt) return undefined;
  const due = new Date(c.dueAt);
  const span = (a: Date, b: Date) =>
    c.calendar === '5x8' ? businessMinutesBetween(cfg.calendar, a, b) : (b.getTime() - a.getTime()) / 60_000;
  return now <= due ? span(now, due) : -span(due, now);
}

/**
 * A stored row's most urgent clock at `now` (no log needed: the list, the dashboard widget). The
 * state moves on from the one stored with the row as `now` passes its at-risk share or its due instant.
 */
export function rowClock(
  row: Pick<FaultRecord, 'status' | 'urgent'>,
  cfg: ClockConfig,
  now: Date,
): { state: ClockState['state']; leftMinutes?: number } | undefined {
  const u = row.urgent;
  if (!u || row.status === 'closed') return undefined;
  const left = minutesLeft(u, cfg, now);
  if (left === undefined || !u.dueAt) return { state: u.state };
  if (now.getTime() > Date.parse(u.dueAt)) return { state: 'breached', leftMinutes: left };
  const atRisk = left <= (1 - cfg.policy.atRiskRatio) * u.targetMinutes;
  return { state: atRisk ? 'at-risk' : 'running', leftMinutes: left };
}

/** Whether a stored row has an open clock at risk or breached at `now` (the badge, the monitor, the filter). */
export function needsAttention(f: Pick<FaultRecord, 'status' | 'attentionAt'>, now: Date): boolean {
  return f.status !== 'closed' && !!f.attentionAt && Date.parse(f.attentionAt) <= now.getTime();
}

/** The fields of a stored row checked against its log (what the list and the detail both show). */
export const checkedFields = ['level', 'status', 'track', 'tier', 'assigneeId', 'lastSeq'] as const;
export type CheckedField = (typeof checkedFields)[number];
export interface ProjectionMismatch {
  field: CheckedField;
  stored: string | number;
  derived: string | number;
}

/**
 * Where a stored `faults` row differs from the projection of its log — a row (or log) changed
 * behind the app. The row is compared with the projection at the instant it says it was written
 * (`updatedAt`): the computation that wrote it, so clocks that moved on since are no mismatch.
 * Returns the projection too, which is what the screens show instead of the stored row (the
 * stored row itself when the log is missing or malformed).
 */
export function checkProjection(
  stored: FaultRecord,
  rows: FaultEventRow[],
  cfg: ClockConfig,
): { derived: FaultRecord; mismatches: ProjectionMismatch[] } {
  const at = Date.parse(stored.updatedAt);
  let derived: FaultRecord;
  try {
    derived = projectFault(rows, cfg, Number.isNaN(at) ? new Date() : new Date(at), stored.updatedBy);
  } catch {
    // No log, or one the engine refuses: nothing to derive from, the stored row is all there is.
    return { derived: stored, mismatches: [{ field: 'lastSeq', stored: stored.lastSeq, derived: '—' }] };
  }
  const mismatches = checkedFields
    .filter((f) => stored[f] !== derived[f])
    .map((f) => ({ field: f, stored: stored[f], derived: derived[f] }));
  return { derived, mismatches };
}
