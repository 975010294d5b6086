/**
 * One run of one deadline clock: started at an instant, with a target of business (5×8) or
 * elapsed (7×24) time, possibly paused, stopped at most once. The run is mutable while the fault
 * log is replayed, and read as a ClockState at `now`.
 */
import { addBusinessMs, businessMsBetween } from './business-time';
import type { CalendarData } from './calendar-data';
import { MINUTE_MS, formatInstant } from './time';

export type ClockKind = 'response' | 'arrival' | 'fix' | 'resolution' | 'report' | 'reply';
export type ClockStatus = 'pending' | 'running' | 'paused' | 'at-risk' | 'met' | 'breached' | 'waived';
export type ClockCalendar = '5x8' | '7x24';
/**
 * What stopped a clock that no longer applies: an automatic upgrade, a level set by hand, or a move
 * to the other track. Its row stays in the history but is no deadline any more.
 */
export type SupersededBy = 'upgrade' | 'level-change' | 'track-change';

/** A clock as the UI shows it: the latest run of one kind, read at `now`. Times are ISO 8601 (see FaultEvaluation for the style). */
export type ClockState = {
  kind: ClockKind;
  state: ClockStatus;
  calendar: ClockCalendar;
  targetMinutes: number;
  usedMinutes: number;
  startedAt?: string;
  dueAt?: string;
  stoppedAt?: string;
  /** Set when the clock was stopped because it no longer applies (see SupersededBy); `at` = its stop. */
  superseded?: { at: string; by: SupersededBy };
};

export interface Run {
  kind: ClockKind;
  calendar: ClockCalendar;
  /** Target in ms of business (5×8) or elapsed (7×24) time. */
  target: number;
  start: number;
  /** Time used in completed active segments (ms). */
  usedBefore: number;
  /** Start of the current active segment; undefined while paused or once stopped. */
  segStart?: number;
  /** Due instant; undefined while paused unless the run had already breached (then it is kept). */
  due?: number;
  stop?: number;
  end?: 'met' | 'breached' | 'waived';
  /** The run breached while the fault was level 1 (drives the PM alert). */
  breachedAtLevel1?: boolean;
  /** A derived upgrade at this run's breach was superseded by a recorded one later in the log. */
  upgradeBlocked?: boolean;
  /** The run was stopped because it no longer applies (fault-engine.ts: upgrade, level change, track move). */
  superseded?: { at: number; by: SupersededBy };
}

/** Time between two instants on the run's calendar (ms). */
export function spanMs(cal: CalendarData, run: Run, a: number, b: number): number {
  if (b <= a) return 0;
  return run.calendar === '5x8' ? businessMsBetween(cal, a, b) : b - a;
}

function addMs(cal: CalendarData, run: Run, from: number, ms: number): number {
  return run.calendar === '5x8' ? addBusinessMs(cal, from, ms) : from + ms;
}

/** Opens a run at `t`; a pausable run opened while the fault waits on the client starts paused. */
export function openRun(
  cal: CalendarData,
  kind: ClockKind,
  calendar: ClockCalendar,
  targetMinutes: number,
  t: number,
  paused: boolean,
): Run {
  const run: Run = { kind, calendar, target: targetMinutes * MINUTE_MS, start: t, usedBefore: 0 };
  if (!paused) {
    run.segStart = t;
    run.due = addMs(cal, run, t, run.target);
  }
  return run;
}

/** True when the run has started and not stopped. */
export function isOpen(run: Run | undefined): run is Run {
  return run !== undefined && run.stop === undefined;
}

/** Pauses an active run at `t` (a run already past its due keeps its due: it stays breached). */
export function pauseRun(cal: CalendarData, run: Run, t: number): void {
  if (run.stop !== undefined || run.segStart === undefined) return;
  run.usedBefore += spanMs(cal, run, run.segStart, t);
  run.segStart = undefined;
  if (run.due !== undefined && t <= run.due) run.due = undefined;
}

/** Resumes a paused run at `t`; its due moves by the paused time. */
export function resumeRun(cal: CalendarData, run: Run, t: number): void {
  if (run.stop !== undefined || run.segStart !== undefined) return;
  run.segStart = t;
  if (run.due === undefined) run.due = addMs(cal, run, t, Math.max(0, run.target - run.usedBefore));
}

/** Stops a run at `t`: met when stopped at or before its due instant, breached after it (unless `end` is forced). */
export function stopRun(cal: CalendarData, run: Run, t: number, end?: Run['end']): void {
  if (run.stop !== undefined) return;
  if (run.segStart !== undefined) run.usedBefore += spanMs(cal, run, run.segStart, t);
  run.segStart = undefined;
  run.stop = t;
  const late = run.due !== undefined && t > run.due;
  // A forced `waived` cannot hide a breach: a clock once breached stays breached (monotonic in now).
  run.end = end === 'waived' && late ? 'breached' : (end ?? (late ? 'breached' : 'met'));
}

/** Time used by the run up to `now` (ms, never negative). */
export function usedMs(cal: CalendarData, run: Run, now: number): number {
  const active = run.segStart !== undefined ? spanMs(cal, run, run.segStart, now) : 0;
  return Math.max(0, run.usedBefore + active);
}

/** The run's state at `now` (`used` = usedMs at now, when already known). */
export function runStatus(cal: CalendarData, run: Run, now: number, atRiskRatio: number, used?: number): ClockStatus {
  if (run.end !== undefined) return run.end;
  if (run.due !== undefined && now > run.due) return 'breached';
  if (run.segStart === undefined) return 'paused';
  return (used ?? usedMs(cal, run, now)) >= atRiskRatio * run.target ? 'at-risk' : 'running';
}

/** The run as a ClockState at `now`; `fmt` formats instants (default: ISO 8601 in +08:00). */
export function runToClock(
  cal: CalendarData,
  run: Run,
  now: number,
  atRiskRatio: number,
  fmt: (ms: number) => string = formatInstant,
): ClockState {
  const used = usedMs(cal, run, now);
  const clock: ClockState = {
    kind: run.kind,
    state: runStatus(cal, run, now, atRiskRatio, used),
    calendar: run.calendar,
    targetMinutes: run.target / MINUTE_MS,
    usedMinutes: used / MINUTE_MS,
    startedAt: fmt(run.start),
  };
  if (run.due !== undefined) clock.dueAt = fmt(run.due);
  if (run.stop !== undefined) clock.stoppedAt = fmt(run.stop);
  if (run.superseded) clock.superseded = { at: fmt(run.superseded.at), by: run.superseded.by };
  return clock;
}
