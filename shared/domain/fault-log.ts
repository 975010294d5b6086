/**
 * A fault's event log: the event types, and the structural check that turns a raw log into events
 * sorted by instant (stable: events with the same instant keep their given order). A malformed log
 * throws FaultLogError listing every problem at once, so the user can fix them in one pass.
 */
import { isFaultLevel } from './level';
import type { FaultLevel, Track } from './policy';
import { parseInstant } from './time';

export type Channel = 'hotline' | 'email' | 'onsite' | 'inspection' | 'other';
export type Complexity = 'general' | 'complex';

/** One event of a fault's append-only log; `at` is ISO 8601 with an offset. */
export type FaultEvent = { at: string } & (
  | { type: 'reported'; level: FaultLevel; channel: Channel; track?: Track; complexity?: Complexity }
  | { type: 'responded' }
  | { type: 'replied' }
  | { type: 'onsite-requested' }
  | { type: 'arrived' }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'resolved' }
  | { type: 'report-issued' }
  | { type: 'report-waived'; reason: string }
  | { type: 'reopened' }
  | { type: 'closed' }
  | { type: 'level-changed'; level: FaultLevel; reason: string }
  | { type: 'track-changed'; track: Track }
  /**
   * The intake was wrong and is corrected: the corrected channel (and e-mail complexity) is how the
   * fault was reported, so the clocks are replayed as if the intake had said so from the start.
   */
  | { type: 'intake-corrected'; channel?: Channel; complexity?: Complexity }
);

export type FaultEventType = FaultEvent['type'];

/** The reason that marks a `level-changed` event as a recorded automatic upgrade. */
export const AUTO_UPGRADE_REASON = 'auto-upgrade';

export const FAULT_EVENT_TYPES: readonly FaultEventType[] = [
  'reported',
  'responded',
  'replied',
  'onsite-requested',
  'arrived',
  'paused',
  'resumed',
  'resolved',
  'report-issued',
  'report-waived',
  'reopened',
  'closed',
  'level-changed',
  'track-changed',
  'intake-corrected',
];

const TYPES = new Set<string>(FAULT_EVENT_TYPES);
const CHANNELS = new Set(['hotline', 'email', 'onsite', 'inspection', 'other']);
const TRACKS = new Set(['remote', 'onsite']);
const COMPLEXITIES = new Set(['general', 'complex']);

/** A malformed fault log; `problems` lists every problem found, and the message repeats them. */
/** What orders a stored log row: its position, when it was written, its id. */
export interface LogPosition {
  seq: number;
  recordedAt?: string;
  id?: string;
}

/**
 * Log order of stored rows. Two laptops that appended to one fault before they synced hold rows at
 * the same position: those follow when they were written, then their ids, so every laptop folds the
 * merged log in one order whatever order the rows arrived in.
 */
export function compareLogOrder(a: LogPosition, b: LogPosition): number {
  const ida = a.id ?? '';
  const idb = b.id ?? '';
  return (
    a.seq - b.seq ||
    (Date.parse(a.recordedAt ?? '') || 0) - (Date.parse(b.recordedAt ?? '') || 0) ||
    (ida < idb ? -1 : ida > idb ? 1 : 0)
  );
}

/** Time order of stored rows (`at`), then log order. */
export function compareTimeThenLog(a: LogPosition & { at: string }, b: LogPosition & { at: string }): number {
  return Date.parse(a.at) - Date.parse(b.at) || compareLogOrder(a, b);
}

export class FaultLogError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `Malformed fault log (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`,
    );
    this.name = 'FaultLogError';
    this.problems = problems;
  }
}

/** An event with its parsed instant and its position in the given log. */
export type TimedEvent = {
  t: number;
  index: number;
  event: FaultEvent;
};

function describe(index: number, e: unknown): string {
  const type =
    e && typeof e === 'object' && typeof (e as { type?: unknown }).type === 'string'
      ? (e as { type: string }).type
      : '?';
  return `event #${index + 1} (${type})`;
}

/**
 * Checks a log's structure and returns its events sorted by instant (stable). Problems: not a list,
 * no `reported`, a second `reported`, an event listed before `reported`, an unknown type, a missing
 * or unparseable time (an offset is required), an event before `reported`, bad fields (level,
 * channel, track, complexity, reason), and `report-waived` while the logged level is not 4.
 */
export function checkFaultLog(events: unknown): TimedEvent[] {
  if (!Array.isArray(events)) throw new FaultLogError(['the log is not a list of events']);
  const problems: string[] = [];
  const timed: TimedEvent[] = [];
  let reportedIndex = -1;
  let reportedT: number | undefined;
  let loggedLevel: unknown;
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Record<string, unknown> | null;
    if (!e || typeof e !== 'object') {
      problems.push(`event #${i + 1} is not an object`);
      continue;
    }
    const type = e.type;
    const known = typeof type === 'string' && TYPES.has(type);
    if (!known) problems.push(`${describe(i, e)}: unknown event type ${JSON.stringify(type)}`);
    const t = typeof e.at === 'string' ? parseInstant(e.at) : undefined;
    if (t === undefined) {
      problems.push(
        e.at === undefined
          ? `${describe(i, e)}: missing time "at"`
          : `${describe(i, e)}: unparseable time ${JSON.stringify(e.at)} (ISO 8601 with an offset, e.g. 2026-11-25T09:30:00+08:00)`,
      );
    }
    if (type === 'reported') {
      if (reportedIndex >= 0)
        problems.push(`${describe(i, e)}: a second "reported" (the first is event #${reportedIndex + 1})`);
      else {
        reportedIndex = i;
        reportedT = t;
        loggedLevel = e.level;
        if (i > 0) {
          for (let j = 0; j < i; j++) problems.push(`${describe(j, events[j])}: listed before "reported"`);
        }
      }
      if (!isFaultLevel(e.level))
        problems.push(`${describe(i, e)}: level must be 1, 2, 3 or 4, got ${JSON.stringify(e.level)}`);
      if (!CHANNELS.has(e.channel as string))
        problems.push(`${describe(i, e)}: unknown channel ${JSON.stringify(e.channel)}`);
      if (e.track !== undefined && !TRACKS.has(e.track as string))
        problems.push(`${describe(i, e)}: unknown track ${JSON.stringify(e.track)}`);
      if (e.complexity !== undefined && !COMPLEXITIES.has(e.complexity as string)) {
        problems.push(`${describe(i, e)}: unknown complexity ${JSON.stringify(e.complexity)}`);
      }
    } else if (type === 'level-changed') {
      if (!isFaultLevel(e.level))
        problems.push(`${describe(i, e)}: level must be 1, 2, 3 or 4, got ${JSON.stringify(e.level)}`);
      if (typeof e.reason !== 'string' || e.reason.trim() === '')
        problems.push(`${describe(i, e)}: a reason is required`);
      if (reportedIndex >= 0 && isFaultLevel(e.level)) loggedLevel = e.level;
    } else if (type === 'track-changed') {
      if (!TRACKS.has(e.track as string)) problems.push(`${describe(i, e)}: unknown track ${JSON.stringify(e.track)}`);
    } else if (type === 'intake-corrected') {
      if (e.channel !== undefined && !CHANNELS.has(e.channel as string))
        problems.push(`${describe(i, e)}: unknown channel ${JSON.stringify(e.channel)}`);
      if (e.complexity !== undefined && !COMPLEXITIES.has(e.complexity as string))
        problems.push(`${describe(i, e)}: unknown complexity ${JSON.stringify(e.complexity)}`);
    } else if (type === 'report-waived') {
      if (typeof e.reason !== 'string' || e.reason.trim() === '')
        problems.push(`${describe(i, e)}: a reason is required`);
      if (reportedIndex >= 0 && isFaultLevel(loggedLevel) && loggedLevel !== 4) {
        problems.push(
          `${describe(i, e)}: a report can be waived only for a level-4 fault (the fault is level ${loggedLevel})`,
        );
      }
    }
    if (t !== undefined) {
      if (reportedIndex >= 0 && i > reportedIndex && reportedT !== undefined && t < reportedT) {
        problems.push(`${describe(i, e)}: at ${String(e.at)} is before the fault was reported`);
      }
      if (timed.length && t < timed[timed.length - 1].t) sorted = false;
      timed.push({ t, index: i, event: e as FaultEvent });
    }
  }
  if (reportedIndex < 0) problems.push(events.length ? 'no "reported" event' : 'the log is empty: no "reported" event');
  if (problems.length) throw new FaultLogError(problems);
  // Array.prototype.sort is stable: same-instant events keep their given order.
  return sorted ? timed : timed.sort((a, b) => a.t - b.t);
}
