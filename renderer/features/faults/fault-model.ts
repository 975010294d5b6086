/**
 * Pure rules of the faults feature around the domain engine: the log → clock events and status,
 * and which actions the current state allows (the log → view and stored
 * projection are in ./fault-view.ts). No Dexie, no
 * React: the repository and the tests call these with `now` and the calendar/policy.
 */
import { addBusinessMinutes } from '@shared/domain/calendar';
import { statusOf, type ClockState, type FaultEvaluation, type FaultEvent } from '@shared/domain/fault-clock';
import type { ClockConfig } from '../../core';
import { compareLogOrder } from '@shared/domain/fault-log';
import { clockEventTypes, type FaultEventRow, type FaultRecord, type FaultStatusValue } from '@shared/schemas/fault';

export type { ClockConfig };

type Row<T extends FaultEventRow['type']> = Extract<FaultEventRow, { type: T }>;
const clockTypes = new Set<string>(clockEventTypes);

export const isClockEvent = (row: Pick<FaultEventRow, 'type'>): boolean => clockTypes.has(row.type);
/** Log order (shared/domain/fault-log.ts `compareLogOrder`): position, then write time, then id. */
export const bySeq = compareLogOrder;

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
      case 'intake-corrected': {
        const e: FaultEvent = { at: r.at, type: 'intake-corrected' };
        if (r.payload.channel) e.channel = r.payload.channel.to;
        if (r.payload.complexity) e.complexity = r.payload.complexity.to;
        out.push(e);
        break;
      }
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
export function lastOf<T extends FaultEventRow['type']>(rows: FaultEventRow[], type: T): Row<T> | undefined {
  let best: Row<T> | undefined;
  for (const r of rows) if (r.type === type && (!best || ms(r.at) >= ms(best.at))) best = r as Row<T>;
  return best;
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

/** After the latest resolution (or ever, if none): the events of the current resolution cycle. */
export function sinceLastResolved<T extends FaultEventRow['type']>(rows: FaultEventRow[], type: T): Row<T>[] {
  const resolved = lastOf(rows, 'resolved');
  return rows.filter((r) => r.type === type && (!resolved || ms(r.at) >= ms(resolved.at))) as Row<T>[];
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
  ev: Pick<FaultEvaluation, 'track' | 'clocks'>,
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
