import { describe, expect, it } from 'vitest';
import { type FaultEvent, type FaultStatus, evaluateRequestClock, mostUrgentClock, statusOf } from './fault-clock';
import { cal, ev, evaluateAt, h, reported } from './test-kit';

const TUE = '2026-03-03';
const r = reported(`${TUE} 10:00`, 2);

describe('statusOf', () => {
  it.each<[string, FaultEvent[], FaultStatus]>([
    ['reported', [r], 'reported'],
    ['responded', [r, ev(`${TUE} 10:02`, 'responded')], 'responded'],
    [
      'replied counts as responded',
      [reported(`${TUE} 10:00`, 3, { channel: 'email' }), ev(`${TUE} 10:02`, 'replied')],
      'responded',
    ],
    [
      'on-site requested',
      [r, ev(`${TUE} 10:02`, 'responded'), ev(`${TUE} 10:05`, 'onsite-requested')],
      'onsite-requested',
    ],
    ['arrived', [r, ev(`${TUE} 10:02`, 'responded'), ev(`${TUE} 11:00`, 'arrived')], 'arrived'],
    ['waiting on the client', [r, ev(`${TUE} 11:00`, 'arrived'), ev(`${TUE} 11:30`, 'paused')], 'waiting-client'],
    [
      'in progress after resuming',
      [r, ev(`${TUE} 11:00`, 'arrived'), ev(`${TUE} 11:30`, 'paused'), ev(`${TUE} 12:00`, 'resumed')],
      'in-progress',
    ],
    ['resolved', [r, ev(`${TUE} 11:00`, 'arrived'), ev(`${TUE} 12:00`, 'resolved')], 'resolved'],
    [
      'resolved stays resolved after the report',
      [r, ev(`${TUE} 12:00`, 'resolved'), ev(`${TUE} 13:00`, 'report-issued')],
      'resolved',
    ],
    ['closed', [r, ev(`${TUE} 12:00`, 'resolved'), ev(`${TUE} 13:00`, 'closed')], 'closed'],
    [
      'reopened is in progress',
      [r, ev(`${TUE} 12:00`, 'resolved'), ev(`${TUE} 13:00`, 'closed'), ev(`${TUE} 14:00`, 'reopened')],
      'in-progress',
    ],
    [
      'level and track changes keep the status',
      [r, ev(`${TUE} 10:02`, 'responded'), ev(`${TUE} 10:03`, 'level-changed', { level: 1, reason: 'x' })],
      'responded',
    ],
  ])('%s', (_label, log, expected) => {
    expect(statusOf(log)).toBe(expected);
  });

  it('ignores events after now and uses the hints', () => {
    const log = [r, ev(`${TUE} 10:02`, 'responded'), ev(`${TUE} 12:00`, 'resolved')];
    expect(statusOf(log, { now: new Date(h(`${TUE} 11:00`)) })).toBe('responded');
    expect(statusOf(log, { now: new Date(h(`${TUE} 11:00`)), lastActionAt: h(`${TUE} 10:30`) })).toBe('in-progress');
    expect(statusOf(log, { confirmedAt: h(`${TUE} 12:30`) })).toBe('confirmed');
    expect(statusOf(log, { confirmedAt: h(`${TUE} 11:30`) })).toBe('resolved'); // confirmed an earlier resolution
    expect(statusOf([...log, ev(`${TUE} 13:00`, 'closed')], { confirmedAt: h(`${TUE} 12:30`) })).toBe('closed');
  });

  it('throws on a malformed log', () => {
    expect(() => statusOf([ev(`${TUE} 10:00`, 'responded')])).toThrow(/no "reported"/);
  });
});

describe('mostUrgentClock', () => {
  it('picks the open clock closest to or furthest over its due', () => {
    // response due 10:05 (breached at 10:30), arrival due 12:00
    expect(mostUrgentClock(evaluateAt([r], `${TUE} 10:30`))?.kind).toBe('response');
    expect(mostUrgentClock(evaluateAt([r, ev(`${TUE} 10:03`, 'responded')], `${TUE} 10:30`))?.kind).toBe('arrival');
  });
  it('falls back to a paused clock, and is undefined when nothing is open', () => {
    const paused = [reported(`${TUE} 10:00`, 3), ev(`${TUE} 10:05`, 'responded'), ev(`${TUE} 10:30`, 'paused')];
    expect(mostUrgentClock(evaluateAt(paused, `${TUE} 11:00`))).toMatchObject({ kind: 'resolution', state: 'paused' });
    const done = [reported(`${TUE} 10:00`, 3), ev(`${TUE} 11:00`, 'resolved'), ev(`${TUE} 12:00`, 'report-issued')];
    expect(mostUrgentClock(evaluateAt(done, `${TUE} 13:00`))).toBeUndefined();
  });
});

describe('evaluateRequestClock (service request: 30 min on 5×8)', () => {
  const opts = (now: string) => ({ calendar: cal, now: new Date(h(now)) });
  it.each([
    [
      'running',
      h(`${TUE} 10:00`),
      undefined,
      `${TUE} 10:10`,
      { state: 'running', usedMinutes: 10, dueAt: h(`${TUE} 10:30`) },
    ],
    ['at risk', h(`${TUE} 10:00`), undefined, `${TUE} 10:25`, { state: 'at-risk' }],
    ['met', h(`${TUE} 10:00`), h(`${TUE} 10:30`), `${TUE} 11:00`, { state: 'met', stoppedAt: h(`${TUE} 10:30`) }],
    ['breached', h(`${TUE} 16:50`), undefined, '2026-03-04 09:21', { state: 'breached', dueAt: h('2026-03-04 09:20') }],
    ['a response after now is ignored', h(`${TUE} 10:00`), h(`${TUE} 10:20`), `${TUE} 10:15`, { state: 'running' }],
    [
      'over the Spring Festival',
      h('2026-02-14 16:45'),
      undefined,
      '2026-02-20 10:00',
      { state: 'running', usedMinutes: 15, dueAt: h('2026-02-24 09:15') },
    ],
    ['reported after now', h(`${TUE} 10:00`), undefined, `${TUE} 09:00`, { state: 'pending', usedMinutes: 0 }],
  ] as const)('%s', (_label, reportedAt, respondedAt, now, expected) => {
    const clock = evaluateRequestClock(reportedAt, respondedAt, opts(now));
    expect(clock).toMatchObject({ kind: 'response', calendar: '5x8', targetMinutes: 30, ...expected });
  });

  it('accepts Dates and refuses unparseable times', () => {
    const clock = evaluateRequestClock(new Date(h(`${TUE} 10:00`)), new Date(h(`${TUE} 10:45`)), opts(`${TUE} 11:00`));
    expect(clock.state).toBe('breached');
    expect(() => evaluateRequestClock('yesterday', undefined, opts(`${TUE} 11:00`))).toThrow(RangeError);
  });
});
