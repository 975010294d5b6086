/**
 * A service request's due time: the response deadline of its one clock (policy
 * serviceRequest.responseMinutes of 5×8 business time from `receivedAt`, evaluateRequestClock in
 * shared/domain/fault-clock.ts), with the time left, for the list's column and sort and the
 * desktop alerts (request-monitor.ts). Pure: no Dexie, no React.
 */
import type { ClockState } from '@shared/domain/fault-clock';
import type { ServiceRequest } from '@shared/schemas/request';
import type { ClockConfig } from '../../core';
import { minutesLeft } from '../faults';
import { requestClock } from './requests.repo';

export interface RequestDue {
  clock: ClockState;
  /** The response deadline (absent only before the request is received). */
  dueAt?: string;
  /** Business minutes left (negative: overdue) while the request waits for its response. */
  leftMinutes?: number;
  /** True while the request waits for its response: the deadline still matters. */
  open: boolean;
}

type DueFields = Pick<ServiceRequest, 'receivedAt' | 'respondedAt' | 'status'>;

/** Whether the request still waits for its first response (not responded, not closed). */
export function awaitsResponse(r: Pick<ServiceRequest, 'respondedAt' | 'status'>): boolean {
  return !r.respondedAt && r.status !== 'closed' && r.status !== 'resolved';
}

export function requestDue(r: DueFields, cfg: ClockConfig, now: Date): RequestDue {
  const clock = requestClock(r, cfg, now);
  const open = awaitsResponse(r) && clock.stoppedAt === undefined && clock.state !== 'pending';
  return { clock, dueAt: clock.dueAt, leftMinutes: open ? minutesLeft(clock, cfg, now) : undefined, open };
}

/**
 * Order for the due column: requests still waiting for their response first, the earliest
 * deadline (the most overdue) first; then answered ones by their deadline.
 */
export function compareDue(a: RequestDue, b: RequestDue): number {
  if (a.open !== b.open) return a.open ? -1 : 1;
  const da = a.dueAt ? Date.parse(a.dueAt) : Infinity;
  const db = b.dueAt ? Date.parse(b.dueAt) : Infinity;
  return da === db ? 0 : da < db ? -1 : 1;
}

/** One desktop alert of a request, keyed so that each threshold is announced once (alertLog). */
export interface RequestAlert {
  key: string;
  requestId: string;
  number: string;
  kind: 'at-risk' | 'breached';
  dueAt: string;
}

/**
 * The alerts a set of requests calls for at `now`: one when the response clock reaches its at-risk
 * share (policy atRiskRatio, "due soon"), one when it passes its deadline. The key names the
 * request, its clock start and the threshold, so a later pass (or a reload) finds it in alertLog.
 */
export function requestAlerts(
  rows: Array<DueFields & Pick<ServiceRequest, 'id' | 'number'>>,
  cfg: ClockConfig,
  now: Date,
): RequestAlert[] {
  const out: RequestAlert[] = [];
  for (const r of rows) {
    const { clock, open, dueAt } = requestDue(r, cfg, now);
    if (!open || !dueAt || (clock.state !== 'at-risk' && clock.state !== 'breached')) continue;
    out.push({
      key: `request:${r.id}:response:${clock.startedAt}:${clock.state}`,
      requestId: r.id,
      number: r.number,
      kind: clock.state,
      dueAt,
    });
  }
  return out;
}
