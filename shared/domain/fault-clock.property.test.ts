import fc from 'fast-check';
import { fcRuns } from '../util/fc-runs';
import { describe, expect, it } from 'vitest';
import { formatInstant as shanghai } from './time';
import {
  type FaultEvaluation,
  type FaultEvent,
  FaultLogError,
  evaluateFault,
  pendingUpgradeEvents,
  statusOf,
} from './fault-clock';
import { cal } from './test-kit';

const MIN = 60_000;
const STEP_TYPES = [
  'responded',
  'replied',
  'onsite-requested',
  'arrived',
  'paused',
  'resumed',
  'resolved',
  'report-issued',
  'reopened',
  'closed',
  'level-changed',
  'track-changed',
  'report-waived',
] as const;

type Log = { events: FaultEvent[]; start: number; end: number };

/** Random but well-formed logs: a `reported` in 2025–2026, then up to 16 events at growing instants. */
const logArb: fc.Arbitrary<Log> = fc
  .record({
    start: fc.integer({ min: Date.UTC(2025, 0, 1) / MIN, max: Date.UTC(2026, 11, 20) / MIN }).map((m) => m * MIN),
    level: fc.constantFrom(1, 2, 3, 4),
    channel: fc.constantFrom('hotline', 'email', 'onsite', 'inspection', 'other'),
    track: fc.option(fc.constantFrom('remote', 'onsite'), { nil: undefined }),
    complexity: fc.option(fc.constantFrom('general', 'complex'), { nil: undefined }),
    utc: fc.boolean(),
    steps: fc.array(
      fc.record({
        gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 600, max: 4000 })),
        type: fc.constantFrom(...STEP_TYPES),
        level: fc.constantFrom(1, 2, 3, 4),
        track: fc.constantFrom('remote', 'onsite'),
      }),
      { maxLength: 16 },
    ),
  })
  .map(({ start, level, channel, track, complexity, utc, steps }) => {
    // Logs written in Shanghai time (+08:00) or in UTC (Date.toISOString), as the app does.
    const formatInstant = (ms: number) => (utc ? new Date(ms).toISOString() : shanghai(ms));
    const events: FaultEvent[] = [
      {
        at: formatInstant(start),
        type: 'reported',
        level,
        channel,
        ...(track ? { track } : {}),
        ...(complexity ? { complexity } : {}),
      } as FaultEvent,
    ];
    let t = start;
    for (const s of steps) {
      t += s.gap * MIN;
      const at = formatInstant(t);
      if (s.type === 'report-waived') {
        // only level-4 faults may waive; an upgrade before it still makes the log malformed (skipped below)
        if (level === 4) events.push({ at, type: s.type, reason: 'question only' });
      } else if (s.type === 'level-changed')
        events.push({ at, type: s.type, level: s.level, reason: 'engineer' } as FaultEvent);
      else if (s.type === 'track-changed') events.push({ at, type: s.type, track: s.track } as FaultEvent);
      else events.push({ at, type: s.type } as FaultEvent);
    }
    return { events, start, end: t };
  });

/** A `now` between the report and a few days after the last event. */
const withNow = logArb.chain((log) =>
  fc.record({ log: fc.constant(log), now: fc.integer({ min: log.start, max: log.end + 5 * 86_400_000 }) }),
);
const withTwoNows = logArb.chain((log) =>
  fc.record({
    log: fc.constant(log),
    a: fc.integer({ min: log.start - 3_600_000, max: log.end + 5 * 86_400_000 }),
    b: fc.integer({ min: log.start - 3_600_000, max: log.end + 5 * 86_400_000 }),
  }),
);

const run = (events: FaultEvent[], now: number): FaultEvaluation =>
  evaluateFault(events, { calendar: cal, now: new Date(now) });

/** Skips the (rare) generated logs that waive a report after the fault left level 4. */
function wellFormed(events: FaultEvent[], now: number): boolean {
  try {
    run(events, now);
    return true;
  } catch (err) {
    if (err instanceof FaultLogError) return false;
    throw err;
  }
}
const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

describe('fault evaluation properties', () => {
  it('is deterministic and never reports negative or inconsistent clocks', () => {
    fc.assert(
      fc.property(withNow, ({ log, now }) => {
        fc.pre(wellFormed(log.events, now));
        const e = run(log.events, now);
        expect(run(structuredClone(log.events), now)).toEqual(e);
        for (const c of e.clocks) {
          expect(c.usedMinutes).toBeGreaterThanOrEqual(0);
          expect(c.targetMinutes).toBeGreaterThan(0);
          const start = ms(c.startedAt);
          const due = ms(c.dueAt);
          const stop = ms(c.stoppedAt);
          if (start !== undefined && due !== undefined) expect(due).toBeGreaterThanOrEqual(start);
          if (start !== undefined && stop !== undefined) expect(stop).toBeGreaterThanOrEqual(start);
          if (stop !== undefined) expect(stop).toBeLessThanOrEqual(now);
          if (c.state === 'met' && due !== undefined && stop !== undefined) expect(stop).toBeLessThanOrEqual(due);
          if (c.state === 'breached' && due !== undefined) expect(stop ?? now).toBeGreaterThanOrEqual(due);
          if (c.state === 'paused') expect(c.dueAt).toBeUndefined();
          if (c.state === 'pending') expect(c.startedAt).toBeUndefined();
          if (c.state === 'running' || c.state === 'at-risk')
            expect(c.usedMinutes).toBeLessThanOrEqual(c.targetMinutes);
        }
        expect(e.pmAlert ? e.level === 1 && e.escalationSuggested : true).toBe(true);
        expect(e.upgrades.every((u) => u.to === u.from - 1 || u.to < u.from)).toBe(true);
        expect(() => statusOf(log.events, { now: new Date(now) })).not.toThrow();
      }),
      { numRuns: fcRuns(200) },
    );
  });

  it('is idempotent over recorded upgrades', () => {
    fc.assert(
      fc.property(withNow, ({ log, now }) => {
        fc.pre(wellFormed(log.events, now));
        const opts = { calendar: cal, now: new Date(now) };
        const pending = pendingUpgradeEvents(log.events, opts);
        const recorded = [...log.events, ...pending];
        expect(run(recorded, now)).toEqual(run(log.events, now));
        expect(pendingUpgradeEvents(recorded, opts)).toEqual([]);
        for (const p of pending) {
          expect(p).toMatchObject({ type: 'level-changed', reason: 'auto-upgrade' });
          expect(Date.parse(p.at)).toBeLessThan(now);
        }
      }),
      { numRuns: fcRuns(200) },
    );
  });

  it('upgrades recorded at an earlier now leave every later evaluation unchanged', () => {
    fc.assert(
      fc.property(withTwoNows, ({ log, a, b }) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        fc.pre(wellFormed(log.events, late) && wellFormed(log.events, early));
        const recorded = [...log.events, ...pendingUpgradeEvents(log.events, { calendar: cal, now: new Date(early) })];
        expect(run(recorded, late)).toEqual(run(log.events, late));
      }),
      { numRuns: fcRuns(200) },
    );
  });

  it('is monotonic in now: a met or breached clock run stays so, and upgrades only accumulate', () => {
    fc.assert(
      fc.property(withTwoNows, ({ log, a, b }) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        fc.pre(wellFormed(log.events, late) && wellFormed(log.events, early));
        const e1 = run(log.events, early);
        const e2 = run(log.events, late);
        expect(e2.upgrades.slice(0, e1.upgrades.length)).toEqual(e1.upgrades);
        for (const c1 of e1.clocks) {
          if (c1.state !== 'met' && c1.state !== 'breached') continue;
          const c2 = e2.clocks.find((c) => c.kind === c1.kind);
          if (c2?.startedAt === c1.startedAt) expect(c2?.state).toBe(c1.state);
        }
      }),
      { numRuns: fcRuns(200) },
    );
  });

  it('ignores events after now', () => {
    fc.assert(
      fc.property(withNow, ({ log, now }) => {
        fc.pre(wellFormed(log.events, now));
        const known = log.events.filter((e) => Date.parse(e.at) <= now);
        expect(run(log.events, now)).toEqual(run(known, now));
      }),
    );
  });
});
