/**
 * Replays a fault's log in time order and derives its clocks and automatic upgrades.
 * Between two events, the open resolution/fix clock may pass its due instant: that instant is the
 * breach, and (below level 1) the level rises by one there, before the next event is applied.
 * Events at the due instant itself are applied first: a clock stopped at its due instant is met.
 */
import { uncoveredYearsBetween } from './business-time';
import type { CalendarData } from './calendar-data';
import {
  type ClockCalendar,
  type ClockKind,
  type ClockState,
  type Run,
  type SupersededBy,
  isOpen,
  openRun,
  pauseRun,
  resumeRun,
  runToClock,
  stopRun,
} from './clock-run';
import {
  AUTO_UPGRADE_REASON,
  type Channel,
  type Complexity,
  FaultLogError,
  type FaultEvent,
  type TimedEvent,
} from './fault-log';
import type { FaultLevel, Policy, Track } from './policy';
import { formatInstant } from './time';

export type Upgrade = { at: number; from: FaultLevel; to: FaultLevel; derived: boolean };

export interface SimResult {
  level: FaultLevel;
  track: Track;
  resolved: boolean;
  closed: boolean;
  clocks: ClockState[];
  upgrades: Upgrade[];
  pmAlert: boolean;
  arrivalBreached: boolean;
  warnings: string[];
  /** Formats instants in the log's style (see instantFormatter). */
  fmt: (ms: number) => string;
}

const KIND_ORDER: ClockKind[] = ['response', 'reply', 'arrival', 'fix', 'resolution', 'report'];
const WORK: ClockKind[] = ['resolution', 'fix'];

class FaultSim {
  level: FaultLevel;
  track: Track;
  readonly responseTrack: Track;
  readonly channel: Channel;
  readonly complexity: Complexity;
  arrived = false;
  paused = false;
  resolved = false;
  closed = false;
  waiveNextReport = false;
  /** Latest run per kind; every key declared up front so the object keeps one shape (fast keyed access). */
  runs: Record<ClockKind, Run | undefined> = {
    response: undefined,
    reply: undefined,
    arrival: undefined,
    fix: undefined,
    resolution: undefined,
    report: undefined,
  };
  upgrades: Upgrade[] = [];
  problems: string[] = [];
  warnings: string[] = [];
  pos = 0;

  constructor(
    private readonly cal: CalendarData,
    private readonly policy: Policy,
    private readonly events: TimedEvent[],
    reported: TimedEvent,
  ) {
    const first = reported.event as Extract<FaultEvent, { type: 'reported' }>;
    this.level = first.level;
    this.track = first.track ?? policy.defaultTrack[first.level];
    this.responseTrack = this.track;
    // A corrected intake is how the fault was reported: the latest correction (up to now) wins.
    let channel = first.channel;
    let complexity = first.complexity;
    for (const { event: e } of events) {
      if (e.type !== 'intake-corrected') continue;
      if (e.channel) channel = e.channel;
      if (e.complexity) complexity = e.complexity;
    }
    this.channel = channel;
    this.complexity = complexity ?? 'general';
  }

  /**
   * Whether the response clock applies. For a fault reported by e-mail on the remote track the
   * first reply IS the response (docs/domain.md, Tracks and clocks: reply 30 min general / 2 h
   * complex), so the remote 30-minute response clock does not run beside it; on the on-site track
   * the 7×24 response (a phone call within minutes) still applies next to the 5×8 reply.
   */
  get responseApplies(): boolean {
    return !(this.channel === 'email' && this.responseTrack === 'remote');
  }

  get unresolved(): boolean {
    return !this.resolved && !this.closed;
  }

  /** The calendar of a clock kind: response and report follow their track; reply and resolution 5×8; arrival and fix 7×24. */
  calendarOf(kind: ClockKind): ClockCalendar {
    if (kind === 'response') return this.responseTrack === 'remote' ? '5x8' : '7x24';
    if (kind === 'report') return this.track === 'remote' ? '5x8' : '7x24';
    return kind === 'reply' || kind === 'resolution' ? '5x8' : '7x24';
  }

  /** The target of a clock kind (minutes) under the policy and the current track. */
  targetOf(kind: ClockKind): number {
    const p = this.policy;
    switch (kind) {
      case 'response':
        return this.responseTrack === 'remote' ? p.remote.responseMinutes : p.onsite.responseMinutes;
      case 'reply':
        return this.complexity === 'complex' ? p.email.complexReplyMinutes : p.email.generalReplyMinutes;
      case 'resolution':
        return p.remote.resolutionMinutes;
      case 'arrival':
        return p.onsite.arrivalMinutes;
      case 'fix':
        return p.onsite.fixMinutes;
      case 'report':
        return this.track === 'remote' ? p.remote.reportMinutes : p.onsite.reportMinutes;
    }
  }

  open(kind: ClockKind, t: number): void {
    const pausable = kind === 'resolution' || kind === 'fix';
    this.runs[kind] = openRun(this.cal, kind, this.calendarOf(kind), this.targetOf(kind), t, this.paused && pausable);
  }

  /** Stops the open run of `kind` at `t`; `by` marks it superseded (it stops because it no longer applies). */
  stop(kind: ClockKind, t: number, end?: Run['end'], by?: SupersededBy): void {
    const run = this.runs[kind];
    if (!isOpen(run)) return;
    stopRun(this.cal, run, t, end);
    if (by) run.superseded = { at: t, by };
    if (run.end === 'breached' && this.level === 1 && WORK.includes(kind)) run.breachedAtLevel1 = true;
  }

  /** Opens the work clocks of the current track at `t`: remote resolution; on site fix (if arrived) or arrival. */
  openWork(t: number): void {
    if (this.track === 'remote') this.open('resolution', t);
    else if (this.arrived) this.open('fix', t);
    else if (!isOpen(this.runs.arrival)) this.open('arrival', t);
  }

  /** Moves to `track` at `t`; the old track's open work clocks stop as superseded `by` what moved the fault. */
  moveTrack(track: Track, t: number, by: SupersededBy = 'track-change'): void {
    if (track === this.track) return;
    if (this.unresolved) {
      if (track === 'onsite') {
        this.stop('resolution', t, undefined, by);
      } else {
        this.stop('arrival', t, undefined, by);
        this.stop('fix', t, undefined, by);
      }
    }
    this.track = track;
    if (this.unresolved) this.openWork(t);
  }

  upgrade(to: FaultLevel, t: number, derived: boolean): void {
    this.upgrades.push({ at: t, from: this.level, to, derived });
    // The breached work clock is superseded by the new level's (reopened below when it is the same kind).
    for (const k of WORK) this.stop(k, t, 'breached', 'upgrade');
    this.level = to;
    const track = this.policy.defaultTrack[to];
    if (track !== this.track && this.unresolved && track === 'remote') this.stop('arrival', t, undefined, 'upgrade');
    this.track = track;
    if (this.unresolved) this.openWork(t);
  }

  /**
   * Derives the upgrades whose breach instant comes before `t` (strictly). A breach while the
   * fault is level 1 never upgrades, even if the level is lowered by hand afterwards.
   */
  advanceTo(t: number): void {
    while (this.unresolved) {
      let run: Run | undefined;
      for (const k of WORK) {
        const r = this.runs[k];
        if (isOpen(r) && r.segStart !== undefined && r.due !== undefined && r.due < t && !r.upgradeBlocked) run = r;
      }
      if (!run || run.due === undefined) return;
      const to = (this.level - 1) as FaultLevel;
      if (this.level === 1 || this.recordedUpgradeAhead(to)) {
        run.upgradeBlocked = true;
        continue;
      }
      this.upgrade(to, run.due, true);
    }
  }

  /** A recorded auto-upgrade to `to` later in the log stands for the derived one (history wins over an edited policy). */
  recordedUpgradeAhead(to: FaultLevel): boolean {
    for (let i = this.pos; i < this.events.length; i++) {
      const e = this.events[i].event;
      if (e.type === 'level-changed') return e.reason === AUTO_UPGRADE_REASON && e.level === to;
      if (e.type === 'resolved' || e.type === 'closed' || e.type === 'reopened' || e.type === 'track-changed')
        return false;
      if (e.type === 'onsite-requested' && this.track === 'remote') return false;
    }
    return false;
  }

  note(index: number, e: FaultEvent, what: string): void {
    this.warnings.push(`Event #${index + 1} (${e.type}) ignored: ${what}.`);
  }

  apply({ t, index, event: e }: TimedEvent): void {
    switch (e.type) {
      case 'reported':
        if (this.responseApplies) this.open('response', t);
        if (this.channel === 'email') this.open('reply', t);
        this.openWork(t);
        return;
      case 'responded':
        return this.stop('response', t);
      case 'replied':
        return this.stop('reply', t);
      case 'onsite-requested':
        return this.moveTrack('onsite', t);
      case 'track-changed':
        return this.moveTrack(e.track, t);
      case 'arrived':
        this.arrived = true;
        if (this.track === 'onsite' && this.unresolved) {
          this.stop('arrival', t);
          if (!isOpen(this.runs.fix)) this.open('fix', t);
        }
        return;
      case 'paused':
        if (!this.unresolved) return this.note(index, e, 'the fault is resolved or closed');
        if (this.paused) return this.note(index, e, 'the fault is already waiting on the client');
        this.paused = true;
        for (const k of WORK) if (isOpen(this.runs[k])) pauseRun(this.cal, this.runs[k]!, t);
        return;
      case 'resumed':
        if (!this.paused) return this.note(index, e, 'the fault was not waiting on the client');
        this.paused = false;
        for (const k of WORK) if (isOpen(this.runs[k])) resumeRun(this.cal, this.runs[k]!, t);
        return;
      case 'resolved':
        if (!this.unresolved) return this.note(index, e, 'the fault is already resolved or closed');
        for (const k of KIND_ORDER) if (k !== 'report') this.stop(k, t);
        this.resolved = true;
        this.paused = false;
        this.open('report', t);
        if (this.waiveNextReport) this.stop('report', t, 'waived');
        this.waiveNextReport = false;
        return;
      case 'report-issued':
        return this.stop('report', t);
      case 'report-waived':
        if (this.level !== 4) {
          this.problems.push(
            `event #${index + 1} (report-waived): a report can be waived only for a level-4 fault (the fault is level ${this.level} at ${e.at})`,
          );
          return;
        }
        if (isOpen(this.runs.report)) this.stop('report', t, 'waived');
        else if (this.unresolved) this.waiveNextReport = true;
        return;
      case 'reopened':
        if (this.unresolved) return this.note(index, e, 'the fault is not resolved or closed');
        this.stop('report', t);
        this.resolved = false;
        this.closed = false;
        this.paused = false;
        this.openWork(t);
        return;
      case 'closed':
        for (const k of KIND_ORDER) this.stop(k, t);
        this.closed = true;
        this.paused = false;
        return;
      case 'intake-corrected':
        // Read once, in the constructor: the corrected channel counts from the report.
        return;
      case 'level-changed':
        if (e.reason === AUTO_UPGRADE_REASON) {
          if (e.level < this.level) this.upgrade(e.level, t, false);
          return;
        }
        if (e.level === this.level) return;
        this.level = e.level;
        return this.moveTrack(this.policy.defaultTrack[e.level], t, 'level-change');
    }
  }

  run(now: number): void {
    for (; this.pos < this.events.length; this.pos++) {
      const te = this.events[this.pos];
      this.advanceTo(te.t);
      this.apply(te);
    }
    this.advanceTo(now);
  }
}

/**
 * Formats instants in the style of the log's `reported` event: UTC as Date.toISOString gives it
 * (`2026-03-03T09:00:00.000Z`) when the log is written in UTC, otherwise Asia/Shanghai
 * (`2026-03-03T17:00:00+08:00`). Event instants reuse the event's own text when it is already in that form.
 */
export function instantFormatter(events: TimedEvent[]): (ms: number) => string {
  const at0 = events[0].event.at;
  const utc = at0.endsWith('Z') || at0.endsWith('z');
  const same = (at: string) => (utc ? at.length === 24 && at.endsWith('Z') : at.length === 25 && at.endsWith('+08:00'));
  // A linear scan: logs are short, and a Map keyed by large numbers costs more than it saves.
  return (ms: number): string => {
    for (let i = 0; i < events.length; i++) {
      if (events[i].t === ms && same(events[i].event.at)) return events[i].event.at;
    }
    return utc ? new Date(ms).toISOString() : formatInstant(ms);
  };
}

/** Replays a checked, time-sorted log up to `now` (later events are ignored) and reads it at `now`. */
export function simulateFault(events: TimedEvent[], cal: CalendarData, policy: Policy, now: number): SimResult {
  let cut = events.length;
  while (cut > 0 && events[cut - 1].t > now) cut--;
  const sim = new FaultSim(cal, policy, cut === events.length ? events : events.slice(0, cut), events[0]);
  // Not reported yet at `now`: every clock is pending.
  if (cut > 0) sim.run(now);
  if (sim.problems.length) throw new FaultLogError(sim.problems);
  const fmt = instantFormatter(events);
  const clocks: ClockState[] = [];
  let pmAlert = false;
  let arrivalBreached = false;
  const warnings = sim.warnings;
  for (const kind of KIND_ORDER) {
    const run = sim.runs[kind];
    if (!run) {
      const relevant =
        kind === 'report' ||
        (kind === 'response' && sim.responseApplies) ||
        (kind === 'reply' && sim.channel === 'email') ||
        (sim.track === 'onsite' ? (kind === 'arrival' && !sim.arrived) || kind === 'fix' : kind === 'resolution');
      if (relevant) {
        clocks.push({
          kind,
          state: 'pending',
          calendar: sim.calendarOf(kind),
          targetMinutes: sim.targetOf(kind),
          usedMinutes: 0,
        });
      }
      continue;
    }
    const clock = runToClock(cal, run, now, policy.atRiskRatio, fmt);
    clocks.push(clock);
    if (WORK.includes(kind) && (run.breachedAtLevel1 || (isOpen(run) && sim.level === 1 && clock.state === 'breached')))
      pmAlert = true;
    if (kind === 'arrival' && clock.state === 'breached') arrivalBreached = true;
    if (run.calendar === '5x8') {
      // The run spans from its start to its stop, or to the later of its due instant and now.
      const end = run.stop ?? Math.max(run.due ?? now, now);
      for (const y of uncoveredYearsBetween(cal, run.start, end)) {
        const w = `No calendar data for ${y}: the ${kind} clock is computed on plain weekdays (no holidays or adjusted working days).`;
        if (!warnings.includes(w)) warnings.push(w);
      }
    }
  }
  return {
    level: sim.level,
    track: sim.track,
    resolved: sim.resolved,
    closed: sim.closed,
    clocks,
    upgrades: sim.upgrades,
    pmAlert: pmAlert && sim.unresolved && sim.level === 1,
    arrivalBreached,
    warnings,
    fmt,
  };
}
