import { describe, expect, it } from 'vitest';
import { type FaultEvent, FaultLogError, evaluateFault, pendingUpgradeEvents } from './fault-clock';
import { cal, clockOf, ev, evaluateAt, h, reported } from './test-kit';

const TUE = '2026-03-03';

function problemsOf(log: unknown): string[] {
  try {
    evaluateFault(log as FaultEvent[], { calendar: cal, now: new Date(h(`${TUE} 18:00`)) });
  } catch (err) {
    expect(err).toBeInstanceOf(FaultLogError);
    expect((err as Error).name).toBe('FaultLogError');
    return (err as FaultLogError).problems;
  }
  throw new Error('expected a FaultLogError');
}

describe('malformed logs', () => {
  it('lists every problem in one error', () => {
    const log = [
      { at: h(`${TUE} 09:55`), type: 'responded' },
      reported(`${TUE} 10:00`, 3),
      reported(`${TUE} 10:05`, 3),
      { at: h(`${TUE} 10:10`), type: 'teleported' },
      { at: 'yesterday at ten', type: 'paused' },
      { at: '2026-03-03T10:20:00', type: 'resumed' },
      { at: h(`${TUE} 09:00`), type: 'arrived' },
      { at: h(`${TUE} 10:30`), type: 'level-changed', level: 5, reason: 'x' },
      { at: h(`${TUE} 10:40`), type: 'report-waived', reason: 'only a question' },
      { at: '2026-02-30T10:00:00+08:00', type: 'closed' },
    ];
    const problems = problemsOf(log);
    const expected = [
      /#1 \(responded\): listed before "reported"/,
      /#3 \(reported\): a second "reported"/,
      /#4 \(teleported\): unknown event type/,
      /#5 \(paused\): unparseable time "yesterday at ten"/,
      /#6 \(resumed\): unparseable time "2026-03-03T10:20:00"/,
      /#7 \(arrived\): .* before the fault was reported/,
      /#8 \(level-changed\): level must be 1, 2, 3 or 4/,
      /#9 \(report-waived\): a report can be waived only for a level-4 fault/,
      /#10 \(closed\): unparseable time "2026-02-30/,
    ];
    for (const re of expected)
      expect(
        problems.some((p) => re.test(p)),
        `missing ${re}`,
      ).toBe(true);
    expect(problems).toHaveLength(expected.length);
    let message = '';
    try {
      evaluateAt(log as FaultEvent[], `${TUE} 18:00`);
    } catch (err) {
      message = (err as Error).message;
    }
    for (const p of problems) expect(message).toContain(p);
  });

  it.each([
    ['an empty log', [], /no "reported" event/],
    ['no reported event', [ev(`${TUE} 10:00`, 'responded')], /no "reported" event/],
    ['not a list', { type: 'reported' }, /not a list/],
    ['a missing time', [{ type: 'reported', level: 3, channel: 'hotline' }], /missing time/],
    ['a bad channel', [{ ...reported(`${TUE} 10:00`, 3), channel: 'fax' }], /unknown channel "fax"/],
    [
      'a bad track',
      [reported(`${TUE} 10:00`, 3), ev(`${TUE} 10:10`, 'track-changed', { track: 'moon' })],
      /unknown track "moon"/,
    ],
    [
      'a level change without reason',
      [reported(`${TUE} 10:00`, 3), ev(`${TUE} 10:10`, 'level-changed', { level: 2 })],
      /a reason is required/,
    ],
    [
      'a waiver without reason',
      [reported(`${TUE} 10:00`, 4), ev(`${TUE} 10:10`, 'report-waived')],
      /a reason is required/,
    ],
    ['a null event', [reported(`${TUE} 10:00`, 3), null], /#2 is not an object/],
  ])('refuses %s', (_label, log, re) => {
    expect(problemsOf(log).some((p) => re.test(p))).toBe(true);
  });

  it('a second reported after now is still malformed', () => {
    expect(problemsOf([reported(`${TUE} 10:00`, 3), reported('2026-12-01 10:00', 3)])).toHaveLength(1);
  });
});

describe('order and now', () => {
  it('events with the same instant keep their given order', () => {
    const pausedThenResumed = [
      reported(`${TUE} 10:00`, 3),
      ev(`${TUE} 12:00`, 'paused'),
      ev(`${TUE} 12:00`, 'resumed'),
    ];
    const resumedThenPaused = [
      reported(`${TUE} 10:00`, 3),
      ev(`${TUE} 12:00`, 'resumed'),
      ev(`${TUE} 12:00`, 'paused'),
    ];
    expect(clockOf(evaluateAt(pausedThenResumed, `${TUE} 13:00`), 'resolution')?.state).toBe('running');
    expect(clockOf(evaluateAt(resumedThenPaused, `${TUE} 13:00`), 'resolution')?.state).toBe('paused');
  });

  it('an unsorted log is read in time order', () => {
    const sorted = [
      reported(`${TUE} 10:00`, 3),
      ev(`${TUE} 10:05`, 'responded'),
      ev(`${TUE} 11:00`, 'paused'),
      ev(`${TUE} 13:00`, 'resumed'),
      ev(`${TUE} 14:00`, 'resolved'),
    ];
    const shuffled = [sorted[0], sorted[4], sorted[2], sorted[1], sorted[3]];
    expect(evaluateAt(shuffled, `${TUE} 15:00`)).toEqual(evaluateAt(sorted, `${TUE} 15:00`));
  });

  it('events after now are ignored', () => {
    const log = [
      reported(`${TUE} 10:00`, 3),
      ev(`${TUE} 10:05`, 'responded'),
      ev(`${TUE} 12:00`, 'resolved'),
      ev(`${TUE} 12:30`, 'report-issued'),
    ];
    const e = evaluateAt(log, `${TUE} 11:00`);
    expect(e).toEqual(evaluateAt(log.slice(0, 2), `${TUE} 11:00`));
    expect(clockOf(e, 'resolution')?.state).toBe('running');
  });

  it('a fault reported after now has only pending clocks', () => {
    const e = evaluateAt([reported(`${TUE} 10:00`, 2, { channel: 'email' })], `${TUE} 09:00`);
    expect(e).toMatchObject({ level: 2, track: 'onsite', upgrades: [], escalationSuggested: true, pmAlert: false });
    expect(e.clocks.map((c) => c.state)).toEqual(e.clocks.map(() => 'pending'));
    expect(e.clocks.map((c) => c.kind)).toEqual(['response', 'reply', 'arrival', 'fix', 'report']);
  });

  it('reports times in the style of the log: +08:00, or UTC as Date.toISOString gives it', () => {
    const utcLog: FaultEvent[] = [
      { at: '2026-03-03T02:00:00.000Z', type: 'reported', level: 4, channel: 'hotline' },
      { at: '2026-03-03T02:05:00.000Z', type: 'responded' },
    ];
    const now = new Date('2026-03-03T09:10:00.000Z');
    const e = evaluateFault(utcLog, { calendar: cal, now });
    expect(clockOf(e, 'response')).toMatchObject({
      startedAt: '2026-03-03T02:00:00.000Z',
      dueAt: '2026-03-03T02:30:00.000Z',
      stoppedAt: '2026-03-03T02:05:00.000Z',
    });
    expect(e.upgrades).toEqual([{ at: '2026-03-03T06:00:00.000Z', from: 4, to: 3 }]);
    expect(pendingUpgradeEvents(utcLog, { calendar: cal, now })[0].at).toBe('2026-03-03T06:00:00.000Z');
    const shanghai = evaluateFault(
      [
        { at: '2026-03-03T10:00:00+08:00', type: 'reported', level: 4, channel: 'hotline' },
        { at: '2026-03-03T02:05:00Z', type: 'responded' },
      ],
      { calendar: cal, now },
    );
    expect(clockOf(shanghai, 'response')).toMatchObject({
      startedAt: '2026-03-03T10:00:00+08:00',
      dueAt: '2026-03-03T10:30:00+08:00',
      stoppedAt: '2026-03-03T10:05:00+08:00',
    });
    expect(shanghai.upgrades[0].at).toBe('2026-03-03T14:00:00+08:00');
  });

  it('refuses an invalid now', () => {
    expect(() => evaluateFault([reported(`${TUE} 10:00`, 3)], { calendar: cal, now: new Date('nope') })).toThrow(
      RangeError,
    );
  });
});

describe('warnings', () => {
  it('a deadline in a year the calendar does not cover is computed on weekdays and flagged', () => {
    const e = evaluateAt([reported('2026-12-31 16:00', 3)], '2026-12-31 16:30');
    expect(clockOf(e, 'resolution')?.dueAt).toBe(h('2027-01-01 12:00'));
    expect(e.warnings.some((w) => w.includes('2027') && w.includes('resolution'))).toBe(true);
    const inside = evaluateAt([reported(`${TUE} 10:00`, 3)], `${TUE} 10:30`);
    expect(inside.warnings).toEqual([]);
  });

  it('notes events that change nothing', () => {
    const e = evaluateAt([reported(`${TUE} 10:00`, 3), ev(`${TUE} 10:30`, 'resumed')], `${TUE} 11:00`);
    expect(e.warnings).toEqual([expect.stringMatching(/#2 \(resumed\) ignored/)]);
  });
});
