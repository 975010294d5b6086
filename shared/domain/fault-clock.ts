/**
 * The contract's deadline clocks for a fault, as a pure function of (event log, calendar, policy,
 * now): never a stored timer, so a laptop that was asleep shows the right state the moment it opens.
 * The replay lives in ./fault-engine.ts, one clock run in ./clock-run.ts, the log's shape in
 * ./fault-log.ts and the numbers in ./policy.ts.
 */
import type { CalendarData } from './calendar-data';
import { type ClockState, openRun, runToClock, stopRun } from './clock-run';
import { simulateFault } from './fault-engine';
import { AUTO_UPGRADE_REASON, type FaultEvent, checkFaultLog } from './fault-log';
import { severityClass } from './level';
import { type Policy, defaultPolicy } from './policy';
import { parseInstant } from './time';

export type { ClockCalendar, ClockKind, ClockState, ClockStatus } from './clock-run';
export { AUTO_UPGRADE_REASON, FAULT_EVENT_TYPES, FaultLogError } from './fault-log';
export type { Channel, Complexity, FaultEvent, FaultEventType } from './fault-log';
export { defaultPolicy, mergePolicy, parsePolicy, policySchema, validatePolicy } from './policy';
export type { FaultLevel, Policy, PolicyPatch, PolicyResult, Track } from './policy';

/**
 * What the clocks say about a fault at `now`. Times are ISO 8601 in the style of the log's `reported`
 * event: `…Z` (as Date.toISOString gives) for a log written in UTC, otherwise Asia/Shanghai `+08:00`.
 */
export type FaultEvaluation = {
  level: 1 | 2 | 3 | 4;
  track: 'remote' | 'onsite';
  severityClass: 'major' | 'general';
  /** One entry per clock kind, for its latest run. */
  clocks: ClockState[];
  /** Automatic upgrades (recorded or derived), in time order; manual level changes are not listed. */
  upgrades: Array<{ at: string; from: number; to: number }>;
  /** True while the fault is unresolved and its level is 1 or 2, or its arrival clock has breached. */
  escalationSuggested: boolean;
  /** True while a level-1 fault is unresolved and its fix or resolution clock has breached. */
  pmAlert: boolean;
  warnings: string[];
};

export type EvaluateOptions = { calendar: CalendarData; policy?: Policy; now: Date };

function nowMs(now: Date): number {
  const ms = now instanceof Date ? now.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError('`now` must be a valid Date');
  return ms;
}

/** The default policy, shared read-only by evaluations that pass none (defaultPolicy() gives callers their own copy). */
const DEFAULT_POLICY: Policy = defaultPolicy();

function simulate(events: FaultEvent[], opts: EvaluateOptions) {
  const now = nowMs(opts.now);
  return simulateFault(checkFaultLog(events), opts.calendar, opts.policy ?? DEFAULT_POLICY, now);
}

/**
 * Evaluates a fault's log at `now`: level, track, every clock's state, the automatic upgrades and
 * the escalation flags. Events after `now` are ignored. Throws FaultLogError (listing every
 * problem) when the log is malformed.
 */
export function evaluateFault(events: FaultEvent[], opts: EvaluateOptions): FaultEvaluation {
  const r = simulate(events, opts);
  return {
    level: r.level,
    track: r.track,
    severityClass: severityClass(r.level),
    clocks: r.clocks,
    upgrades: r.upgrades.map((u) => ({ at: r.fmt(u.at), from: u.from, to: u.to })),
    escalationSuggested: !r.resolved && !r.closed && (r.level <= 2 || r.arrivalBreached),
    pmAlert: r.pmAlert,
    warnings: r.warnings,
  };
}

/**
 * The automatic upgrades derived at `now` that the log does not hold yet, as `level-changed`
 * events (reason 'auto-upgrade', stamped at the breach instant). Appending them to the log is
 * idempotent: evaluating the longer log gives the same result and no further pending events.
 */
export function pendingUpgradeEvents(events: FaultEvent[], opts: EvaluateOptions): FaultEvent[] {
  const r = simulate(events, opts);
  return r.upgrades
    .filter((u) => u.derived)
    .map((u) => ({ at: r.fmt(u.at), type: 'level-changed', level: u.to, reason: AUTO_UPGRADE_REASON }));
}

/**
 * The open clock closest to (or furthest over) its due instant, for list rows: the earliest due
 * among running, at-risk and open breached clocks; else a paused clock; else undefined.
 */
export function mostUrgentClock(evaluation: Pick<FaultEvaluation, 'clocks'>): ClockState | undefined {
  let best: ClockState | undefined;
  let paused: ClockState | undefined;
  for (const c of evaluation.clocks) {
    if (c.stoppedAt !== undefined || c.state === 'pending' || c.state === 'waived' || c.state === 'met') continue;
    if (c.dueAt === undefined) {
      paused ??= c;
      continue;
    }
    if (!best || Date.parse(c.dueAt) < Date.parse(best.dueAt!)) best = c;
  }
  return best ?? paused;
}

/** A fault's lifecycle status (docs/domain.md, fault lifecycle). */
export type FaultStatus =
  | 'reported'
  | 'responded'
  | 'onsite-requested'
  | 'arrived'
  | 'in-progress'
  | 'waiting-client'
  | 'resolved'
  | 'confirmed'
  | 'closed';

/** Facts the app keeps outside the clock log that refine the status. */
export type StatusHint = {
  /** Events after `now` are ignored (default: all events count). */
  now?: Date;
  /** When the client confirmed the resolution (客户确认); counts if after the latest `resolved`. */
  confirmedAt?: string;
  /** When the latest action (phone guidance, remote login, …) was recorded: it puts a responded/arrived fault in progress. */
  lastActionAt?: string;
};

/**
 * Derives the lifecycle status from the log: responded/replied → responded, onsite-requested,
 * arrived, paused → waiting-client, resumed/reopened → in-progress, resolved, closed; the hint
 * adds client confirmation and recorded actions. Throws FaultLogError on a malformed log.
 */
export function statusOf(events: FaultEvent[], hint: StatusHint = {}): FaultStatus {
  const limit = hint.now ? nowMs(hint.now) : Infinity;
  let status: FaultStatus = 'reported';
  let resolvedAt = -Infinity;
  let lastAt = -Infinity;
  for (const { t, event } of checkFaultLog(events)) {
    if (t > limit) break;
    const done = status === 'resolved' || status === 'closed';
    switch (event.type) {
      case 'responded':
      case 'replied':
        if (status === 'reported') status = 'responded';
        break;
      case 'onsite-requested':
        if (!done && status !== 'arrived') status = 'onsite-requested';
        break;
      case 'arrived':
        if (!done) status = 'arrived';
        break;
      case 'paused':
        if (!done) status = 'waiting-client';
        break;
      case 'resumed':
        if (status === 'waiting-client') status = 'in-progress';
        break;
      case 'resolved':
        if (status !== 'closed') status = 'resolved';
        resolvedAt = t;
        break;
      case 'reopened':
        if (done) status = 'in-progress';
        break;
      case 'closed':
        status = 'closed';
        break;
      default:
        break;
    }
    lastAt = t;
  }
  const action = hint.lastActionAt ? parseInstant(hint.lastActionAt) : undefined;
  if (
    action !== undefined &&
    action <= limit &&
    action >= lastAt &&
    (status === 'responded' || status === 'arrived' || status === 'reported')
  ) {
    status = 'in-progress';
  }
  const confirmed = hint.confirmedAt ? parseInstant(hint.confirmedAt) : undefined;
  if (status === 'resolved' && confirmed !== undefined && confirmed >= resolvedAt && confirmed <= limit)
    status = 'confirmed';
  return status;
}

function instantOf(value: Date | string, name: string): number {
  const ms = value instanceof Date ? value.getTime() : parseInstant(value);
  if (ms === undefined || Number.isNaN(ms))
    throw new RangeError(`${name} must be a valid Date or ISO 8601 time with an offset`);
  return ms;
}

/**
 * The response clock of a service request 需求申请: policy.serviceRequest.responseMinutes (30) of
 * 5×8 business time from `reportedAt` to `respondedAt` (a response after `now` is ignored). Times
 * come back in +08:00, or in UTC when `reportedAt` is a UTC text.
 */
export function evaluateRequestClock(
  reportedAt: Date | string,
  respondedAt: Date | string | undefined,
  opts: EvaluateOptions,
): ClockState {
  const now = nowMs(opts.now);
  const policy = opts.policy ?? DEFAULT_POLICY;
  const target = policy.serviceRequest.responseMinutes;
  const start = instantOf(reportedAt, 'reportedAt');
  if (start > now)
    return { kind: 'response', state: 'pending', calendar: '5x8', targetMinutes: target, usedMinutes: 0 };
  const run = openRun(opts.calendar, 'response', '5x8', target, start, false);
  if (respondedAt !== undefined) {
    const stop = instantOf(respondedAt, 'respondedAt');
    if (stop <= now) stopRun(opts.calendar, run, Math.max(stop, start));
  }
  // Same output style as evaluateFault: UTC for a UTC input text, else Asia/Shanghai.
  const utc = typeof reportedAt === 'string' && /[Zz]$/.test(reportedAt);
  return runToClock(opts.calendar, run, now, policy.atRiskRatio, utc ? (ms) => new Date(ms).toISOString() : undefined);
}
