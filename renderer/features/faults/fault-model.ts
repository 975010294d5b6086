/**
 * Pure rules of the faults feature around the domain engine: the log → clock events, the log →
 * list projection, the fault numbers, and which actions the current state allows. No Dexie, no
 * React: the repository and the tests call these with `now` and the calendar/policy.
 */
import type { CalendarData } from '@shared/domain/calendar';
import { addBusinessMinutes, businessMinutesBetween } from '@shared/domain/calendar';
import {
  evaluateFault,
  mostUrgentClock,
  statusOf,
  type ClockState,
  type FaultEvaluation,
  type FaultEvent,
  type Policy,
} from '@shared/domain/fault-clock';
import { clockEventTypes, type FaultEventRow, type FaultRecord, type FaultStatusValue } from '@shared/schemas/fault';

export interface ClockConfig {
  calendar: CalendarData;
  policy: Policy;
}

type Row<T extends FaultEventRow['type']> = Extract<FaultEventRow, { type: T }>;
const clockTypes = new Set<string>(clockEventTypes);

export const isClockEvent = (row: Pick<FaultEventRow, 'type'>): boolean => clockTypes.has(row.type);
export const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq;

/** The clock engine's view of the log: clock events only, in log order, with exactly the FaultEvent fields. */
export function toClockEvents(rows: FaultEventRow[]): FaultEvent[] {
  const out: FaultEvent[] = [];
  for (const r of [...rows].sort(bySeq)) {
    switch (r.type) {
      case 'reported': {
        const p = r.payload;
        const e: FaultEvent = { at: r.at, type: 'reported', level: p.level, channel: p.channel };
        if (p.track) e.track = p.track;
        if (p.complexity) e.complexity = p.complexity;
        out.push(e);
        break;
      }
      case 'level-changed':
        out.push({ at: r.at, type: 'level-changed', level: r.payload.level, reason: r.payload.reason });
        break;
      case 'track-changed':
        out.push({ at: r.at, type: 'track-changed', track: r.payload.track });
        break;
      case 'report-waived':
        out.push({ at: r.at, type: 'report-waived', reason: r.payload.reason });
        break;
      default:
        if (clockTypes.has(r.type)) out.push({ at: r.at, type: r.type } as FaultEvent);
    }
  }
  return out;
}

export function reportedRow(rows: FaultEventRow[]): Row<'reported'> {
  const r = rows.find((x) => x.type === 'reported');
  if (!r) throw new Error('fault log without a reported event');
  return r as Row<'reported'>;
}

const ms = (iso: string) => Date.parse(iso);
function lastOf<T extends FaultEventRow['type']>(rows: FaultEventRow[], type: T): Row<T> | undefined {
  let best: Row<T> | undefined;
  for (const r of rows) if (r.type === type && (!best || ms(r.at) >= ms(best.at))) best = r as Row<T>;
  return best;
}

/** Evaluates the log's clocks at `now`. */
export function evaluateRows(rows: FaultEventRow[], cfg: ClockConfig, now: Date): FaultEvaluation {
  return evaluateFault(toClockEvents(rows), { calendar: cfg.calendar, policy: cfg.policy, now });
}

/** The lifecycle status, with client confirmation and recorded actions folded in. */
export function statusOfRows(rows: FaultEventRow[], now: Date): FaultStatusValue {
  const confirmed = lastOf(rows, 'confirmation');
  const action = lastOf(rows, 'action');
  return statusOf(toClockEvents(rows), { now, confirmedAt: confirmed?.at, lastActionAt: action?.at });
}

/** The instant an open, running clock reaches the at-risk share of its target (now if it already has). */
export function atRiskInstant(c: ClockState, cfg: ClockConfig, now: Date): Date | undefined {
  if (c.stoppedAt !== undefined || c.dueAt === undefined) return undefined;
  if (c.state === 'at-risk' || c.state === 'breached') return now;
  if (c.state !== 'running') return undefined;
  const left = cfg.policy.atRiskRatio * c.targetMinutes - c.usedMinutes;
  if (left <= 0) return now;
  return c.calendar === '5x8' ? addBusinessMinutes(cfg.calendar, now, left) : new Date(now.getTime() + left * 60_000);
}

/** Earliest instant at which some open clock is at risk or breached. */
export function attentionInstant(ev: FaultEvaluation, cfg: ClockConfig, now: Date): Date | undefined {
  let best: Date | undefined;
  for (const c of ev.clocks) {
    const at = atRiskInstant(c, cfg, now);
    if (at && (!best || at < best)) best = at;
  }
  return best;
}

/** After the latest resolution (or ever, if none): the events of the current resolution cycle. */
function sinceLastResolved<T extends FaultEventRow['type']>(rows: FaultEventRow[], type: T): Row<T>[] {
  const resolved = lastOf(rows, 'resolved');
  return rows.filter((r) => r.type === type && (!resolved || ms(r.at) >= ms(resolved.at))) as Row<T>[];
}

/**
 * The `faults` row for a log at `now`. A pure function of the log: the row can always be rebuilt
 * from `faultEvents`, which is why it may be written only together with an event.
 */
export function projectFault(rows: FaultEventRow[], cfg: ClockConfig, now: Date, updatedBy: string): FaultRecord {
  const sorted = [...rows].sort(bySeq);
  const rep = reportedRow(sorted);
  const p = rep.payload;
  const ev = evaluateRows(sorted, cfg, now);
  const status = statusOfRows(sorted, now);
  const urgent = mostUrgentClock(ev);
  const attention = attentionInstant(ev, cfg, now);
  const assignment = lastOf(sorted, 'assignment');
  const escalations = sorted.filter((r) => r.type === 'escalation') as Row<'escalation'>[];
  const tier = escalations.reduce<number>((t, e) => Math.max(t, e.payload.toTier), 1) as 1 | 2 | 3;
  const resolved = lastOf(sorted, 'resolved');
  const closed = lastOf(sorted, 'closed');
  const done = status === 'resolved' || status === 'confirmed' || status === 'closed';
  const confirmation = done ? sinceLastResolved(sorted, 'confirmation').pop() : undefined;
  const last = sorted[sorted.length - 1];
  const record: FaultRecord = {
    id: rep.faultId,
    createdAt: rep.recordedAt,
    updatedAt: now.toISOString(),
    updatedBy,
    number: p.number,
    status,
    level: ev.level,
    track: ev.track,
    channel: p.channel,
    systemId: p.systemId,
    assigneeId: assignment?.payload.toId ?? p.assigneeId,
    reporter: p.reporter,
    symptoms: p.symptoms,
    description: p.description,
    occurredAt: p.occurredAt,
    reportedAt: rep.at,
    tier,
    flags: {
      escalationSuggested: ev.escalationSuggested,
      pmAlert: ev.pmAlert,
      breached: ev.clocks.some((c) => c.state === 'breached'),
      reportIssued: done && sinceLastResolved(sorted, 'report-issued').length > 0,
      reportWaived: sorted.some((r) => r.type === 'report-waived'),
    },
    lastSeq: last.seq,
  };
  if (p.complexity) record.complexity = p.complexity;
  if (urgent) {
    record.urgent = {
      kind: urgent.kind,
      calendar: urgent.calendar,
      targetMinutes: urgent.targetMinutes,
      state: urgent.state,
    };
    if (urgent.dueAt) record.urgent.dueAt = urgent.dueAt;
  }
  if (attention) record.attentionAt = attention.toISOString();
  if (done && resolved) record.resolvedAt = resolved.at;
  if (status === 'closed' && closed) record.closedAt = closed.at;
  if (confirmation) record.satisfaction = confirmation.payload.satisfaction;
  return record;
}

/** `GZ-202611-A-`: the month (Asia/Shanghai) of `at` and the laptop's device code. */
export function numberPrefix(kind: 'GZ' | 'XQ', at: string | Date, device: string): string {
  const d = new Date(new Date(at).getTime() + 8 * 3600_000);
  return `${kind}-${d.toISOString().slice(0, 7).replace('-', '')}-${device}-`;
}

/** The next number after the ones already taken with this prefix (3 digits at least). */
export function nextNumber(prefix: string, taken: string[]): string {
  let max = 0;
  for (const n of taken) {
    if (!n.startsWith(prefix)) continue;
    const seq = Number(n.slice(prefix.length));
    if (Number.isInteger(seq) && seq > max) max = seq;
  }
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

export type FaultCommand =
  | 'respond'
  | 'reply'
  | 'onsite'
  | 'arrived'
  | 'action'
  | 'pause'
  | 'resume'
  | 'escalate'
  | 'resolve'
  | 'confirm'
  | 'report'
  | 'close'
  | 'reopen'
  | 'reassign';

/** The commands the fault's current state allows, in the order the action bar shows them. */
export function availableCommands(
  fault: Pick<FaultRecord, 'status' | 'channel' | 'tier'>,
  ev: FaultEvaluation,
  rows: FaultEventRow[],
): FaultCommand[] {
  const s = fault.status;
  const done = s === 'resolved' || s === 'confirmed' || s === 'closed';
  const out: FaultCommand[] = [];
  const has = (t: FaultEventRow['type']) => rows.some((r) => r.type === t);
  if (s !== 'closed' && !has('responded')) out.push('respond');
  if (s !== 'closed' && fault.channel === 'email' && !has('replied')) out.push('reply');
  if (!done) {
    if (ev.track === 'remote') out.push('onsite');
    const arrival = ev.clocks.find((c) => c.kind === 'arrival');
    if (ev.track === 'onsite' && arrival && arrival.stoppedAt === undefined && s !== 'arrived') out.push('arrived');
  }
  if (s !== 'closed') out.push('action');
  if (!done) out.push(s === 'waiting-client' ? 'resume' : 'pause');
  if (!done && fault.tier < 3) out.push('escalate');
  if (!done) out.push('resolve');
  if (s === 'resolved') out.push('confirm');
  if (done) out.push('report');
  if (s === 'resolved' || s === 'confirmed') out.push('close');
  if (done) out.push('reopen');
  if (s !== 'closed') out.push('reassign');
  return out;
}

/** Whether closing is allowed now: the diagnosis report issued for the current resolution, or (level 4) waivable. */
export function closeReadiness(fault: Pick<FaultRecord, 'level' | 'flags'>): 'ready' | 'needs-waiver' | 'needs-report' {
  if (fault.flags.reportIssued) return 'ready';
  return fault.level === 4 ? 'needs-waiver' : 'needs-report';
}

/** Clock-derived state of a list row's most urgent clock at `now` (no log needed). */
export function liveUrgentState(
  u: FaultRecord['urgent'],
  cfg: ClockConfig,
  now: Date,
): { state: ClockState['state']; leftMinutes?: number } | undefined {
  if (!u) return undefined;
  if (!u.dueAt) return { state: u.state };
  const due = new Date(u.dueAt);
  if (now > due) {
    const over =
      u.calendar === '5x8' ? businessMinutesBetween(cfg.calendar, due, now) : (now.getTime() - due.getTime()) / 60_000;
    return { state: 'breached', leftMinutes: -over };
  }
  const left =
    u.calendar === '5x8' ? businessMinutesBetween(cfg.calendar, now, due) : (due.getTime() - now.getTime()) / 60_000;
  const atRisk = left <= (1 - cfg.policy.atRiskRatio) * u.targetMinutes;
  return { state: atRisk ? 'at-risk' : 'running', leftMinutes: left };
}
