import { describe, expect, it } from 'vitest';
import { type ClockKind, type ClockState, type FaultEvent, FaultLogError } from './fault-clock';
import { clockOf, ev, evaluateAt, h, reported } from './test-kit';

type Row = [
  label: string,
  events: FaultEvent[],
  now: string,
  kind: ClockKind,
  expected: Partial<ClockState> | 'absent',
];

function check([, events, now, kind, expected]: Row) {
  const clock = clockOf(evaluateAt(events, now), kind);
  if (expected === 'absent') expect(clock).toBeUndefined();
  else expect(clock).toMatchObject(expected);
}

const TUE = '2026-03-03';
const WED = '2026-03-04';
const FRI = '2026-03-06';
const SAT = '2026-03-07';
const MON = '2026-03-09';

describe('response clock (remote 30 min 5×8, on-site 5 min 7×24)', () => {
  const r3 = reported(`${TUE} 10:00`, 3);
  it.each<Row>([
    [
      'running',
      [r3],
      `${TUE} 10:10`,
      'response',
      {
        state: 'running',
        calendar: '5x8',
        targetMinutes: 30,
        usedMinutes: 10,
        startedAt: h(`${TUE} 10:00`),
        dueAt: h(`${TUE} 10:30`),
      },
    ],
    ['running just below 80 %', [r3], `${TUE} 10:23`, 'response', { state: 'running', usedMinutes: 23 }],
    ['at risk from 80 %', [r3], `${TUE} 10:24`, 'response', { state: 'at-risk', usedMinutes: 24 }],
    ['at risk at the due instant itself', [r3], `${TUE} 10:30`, 'response', { state: 'at-risk', usedMinutes: 30 }],
    [
      'breached once open past due',
      [r3],
      `${TUE} 10:31`,
      'response',
      { state: 'breached', usedMinutes: 31, dueAt: h(`${TUE} 10:30`) },
    ],
    [
      'met when stopped at the due instant',
      [r3, ev(`${TUE} 10:30`, 'responded')],
      `${TUE} 12:00`,
      'response',
      { state: 'met', stoppedAt: h(`${TUE} 10:30`), usedMinutes: 30 },
    ],
    [
      'breached when stopped after due',
      [r3, ev(`${TUE} 10:31`, 'responded')],
      `${TUE} 12:00`,
      'response',
      { state: 'breached', stoppedAt: h(`${TUE} 10:31`) },
    ],
    [
      'reported on a Saturday counts from Monday 09:00',
      [reported(`${SAT} 10:00`, 3)],
      `${SAT} 20:00`,
      'response',
      { state: 'running', usedMinutes: 0, dueAt: h(`${MON} 09:30`) },
    ],
    [
      'reported Friday 16:50 is due Monday 09:20',
      [reported(`${FRI} 16:50`, 4)],
      `${FRI} 18:00`,
      'response',
      { dueAt: h(`${MON} 09:20`), usedMinutes: 10 },
    ],
    [
      'on-site: 5 min around the clock',
      [reported(`${SAT} 22:00`, 2)],
      `${SAT} 22:04`,
      'response',
      { state: 'at-risk', calendar: '7x24', targetMinutes: 5, dueAt: h(`${SAT} 22:05`) },
    ],
    ['on-site breached at night', [reported(`${SAT} 22:00`, 1)], `${SAT} 22:06`, 'response', { state: 'breached' }],
  ])('%s', (...row) => check(row));
});

describe('resolution clock (remote 4 h 5×8)', () => {
  it.each<Row>([
    [
      'window crossing 17:00',
      [reported(`${TUE} 15:00`, 3)],
      `${TUE} 15:30`,
      'resolution',
      { state: 'running', dueAt: h(`${WED} 11:00`) },
    ],
    [
      'crossing a weekend',
      [reported(`${FRI} 16:00`, 4)],
      `${SAT} 12:00`,
      'resolution',
      { dueAt: h(`${MON} 12:00`), usedMinutes: 60 },
    ],
    [
      'into the 调休 Saturday 2026-02-14',
      [reported('2026-02-13 16:00', 4)],
      '2026-02-13 16:30',
      'resolution',
      { dueAt: h('2026-02-14 12:00') },
    ],
    [
      'across Spring Festival 2026',
      [reported('2026-02-14 15:00', 3)],
      '2026-02-14 16:00',
      'resolution',
      { dueAt: h('2026-02-24 11:00') },
    ],
    [
      'across Spring Festival 2025',
      [reported('2025-01-27 14:00', 4)],
      '2025-01-27 15:00',
      'resolution',
      { dueAt: h('2025-02-05 10:00') },
    ],
    [
      'across National Day 2025',
      [reported('2025-09-30 15:00', 3)],
      '2025-09-30 16:00',
      'resolution',
      { dueAt: h('2025-10-09 11:00') },
    ],
    [
      'across National Day 2026, due on a 调休 Saturday',
      [reported('2026-10-09 15:00', 3)],
      '2026-10-09 16:00',
      'resolution',
      { dueAt: h('2026-10-10 11:00') },
    ],
    [
      'met when resolved in time',
      [reported(`${TUE} 10:00`, 3), ev(`${TUE} 13:00`, 'resolved')],
      `${WED} 10:00`,
      'resolution',
      { state: 'met', usedMinutes: 180, stoppedAt: h(`${TUE} 13:00`) },
    ],
    [
      'met when resolved exactly at 17:00',
      [reported(`${TUE} 13:00`, 3), ev(`${TUE} 17:00`, 'resolved')],
      `${WED} 10:00`,
      'resolution',
      { state: 'met' },
    ],
    ['no resolution clock on the on-site track', [reported(`${TUE} 10:00`, 2)], `${TUE} 10:10`, 'resolution', 'absent'],
  ])('%s', (...row) => check(row));
});

describe('on-site clocks (arrival 2 h, fix 2 h after arrival, 7×24)', () => {
  const night = [reported(`${SAT} 22:00`, 2), ev(`${SAT} 22:03`, 'responded')];
  it.each<Row>([
    [
      'arrival from reported',
      night,
      `${SAT} 23:00`,
      'arrival',
      { state: 'running', calendar: '7x24', targetMinutes: 120, dueAt: h('2026-03-08 00:00') },
    ],
    ['fix pending before arrival', night, `${SAT} 23:00`, 'fix', { state: 'pending', usedMinutes: 0 }],
    [
      'arrival met',
      [...night, ev(`${SAT} 23:30`, 'arrived')],
      '2026-03-08 00:00',
      'arrival',
      { state: 'met', stoppedAt: h(`${SAT} 23:30`) },
    ],
    [
      'fix from arrival',
      [...night, ev(`${SAT} 23:30`, 'arrived')],
      '2026-03-08 00:00',
      'fix',
      { state: 'running', usedMinutes: 30, dueAt: h('2026-03-08 01:30') },
    ],
    [
      'fix met',
      [...night, ev(`${SAT} 23:30`, 'arrived'), ev('2026-03-08 01:00', 'resolved')],
      '2026-03-08 02:00',
      'fix',
      { state: 'met' },
    ],
    [
      'on-site report 8 h around the clock',
      [...night, ev(`${SAT} 23:30`, 'arrived'), ev('2026-03-08 01:00', 'resolved')],
      '2026-03-08 02:00',
      'report',
      { state: 'running', calendar: '7x24', dueAt: h('2026-03-08 09:00') },
    ],
    ['arrival breached', night, '2026-03-08 00:01', 'arrival', { state: 'breached' }],
  ])('%s', (...row) => check(row));
});

describe('report clock (8 h from resolved)', () => {
  const base = [reported(`${TUE} 10:00`, 3), ev(`${TUE} 10:05`, 'responded'), ev(`${TUE} 11:00`, 'resolved')];
  it.each<Row>([
    [
      'pending before resolution',
      base.slice(0, 2),
      `${TUE} 10:30`,
      'report',
      { state: 'pending', calendar: '5x8', targetMinutes: 480 },
    ],
    [
      'remote: 8 business hours',
      base,
      `${TUE} 12:00`,
      'report',
      { state: 'running', startedAt: h(`${TUE} 11:00`), dueAt: h(`${WED} 11:00`) },
    ],
    ['issued in time', [...base, ev(`${WED} 10:00`, 'report-issued')], `${WED} 12:00`, 'report', { state: 'met' }],
    ['issued late', [...base, ev(`${WED} 11:01`, 'report-issued')], `${WED} 12:00`, 'report', { state: 'breached' }],
    [
      'waived (level 4)',
      [
        reported(`${TUE} 10:00`, 4),
        ev(`${TUE} 11:00`, 'resolved'),
        ev(`${TUE} 11:30`, 'report-waived', { reason: 'question only' }),
      ],
      `${WED} 12:00`,
      'report',
      { state: 'waived', stoppedAt: h(`${TUE} 11:30`) },
    ],
    [
      'waived before resolution ends the next report as waived',
      [
        reported(`${TUE} 10:00`, 4),
        ev(`${TUE} 10:30`, 'report-waived', { reason: 'q' }),
        ev(`${TUE} 11:00`, 'resolved'),
      ],
      `${WED} 12:00`,
      'report',
      { state: 'waived' },
    ],
  ])('%s', (...row) => check(row));

  it('refuses a waiver on a level-1–3 fault', () => {
    const log = [
      reported(`${TUE} 10:00`, 3),
      ev(`${TUE} 11:00`, 'resolved'),
      ev(`${TUE} 11:30`, 'report-waived', { reason: 'x' }),
    ];
    expect(() => evaluateAt(log, `${TUE} 12:00`)).toThrow(FaultLogError);
  });

  it('refuses a waiver once the level-4 fault was upgraded automatically', () => {
    const log = [
      reported(`${TUE} 09:00`, 4),
      ev(`${TUE} 14:00`, 'resolved'),
      ev(`${TUE} 14:30`, 'report-waived', { reason: 'x' }),
    ];
    expect(() => evaluateAt(log, `${TUE} 15:00`)).toThrow(/level-4 fault \(the fault is level 3/);
  });
});

describe('e-mail reply clock (30 min general / 2 h complex, 5×8)', () => {
  it.each<Row>([
    [
      'general',
      [reported(`${TUE} 10:00`, 3, { channel: 'email', complexity: 'general' })],
      `${TUE} 10:10`,
      'reply',
      { state: 'running', calendar: '5x8', targetMinutes: 30, dueAt: h(`${TUE} 10:30`) },
    ],
    [
      'no complexity counts as general',
      [reported(`${TUE} 10:00`, 3, { channel: 'email' })],
      `${TUE} 10:10`,
      'reply',
      { targetMinutes: 30, dueAt: h(`${TUE} 10:30`) },
    ],
    [
      'complex',
      [reported(`${TUE} 16:00`, 3, { channel: 'email', complexity: 'complex' })],
      `${TUE} 16:10`,
      'reply',
      { targetMinutes: 120, dueAt: h(`${WED} 10:00`) },
    ],
    [
      'replied in time',
      [reported(`${TUE} 10:00`, 4, { channel: 'email' }), ev(`${TUE} 10:20`, 'replied')],
      `${TUE} 11:00`,
      'reply',
      { state: 'met', stoppedAt: h(`${TUE} 10:20`) },
    ],
    [
      'replied late',
      [reported(`${TUE} 10:00`, 4, { channel: 'email', complexity: 'complex' }), ev(`${TUE} 12:30`, 'replied')],
      `${TUE} 13:00`,
      'reply',
      { state: 'breached' },
    ],
    [
      'mail on a Saturday',
      [reported(`${SAT} 10:00`, 3, { channel: 'email' })],
      `${SAT} 11:00`,
      'reply',
      { dueAt: h(`${MON} 09:30`) },
    ],
    [
      'e-mail on the on-site track still replies on 5×8',
      [reported(`${SAT} 10:00`, 2, { channel: 'email' })],
      `${SAT} 11:00`,
      'reply',
      { calendar: '5x8', dueAt: h(`${MON} 09:30`) },
    ],
    ['no reply clock for a hotline fault', [reported(`${TUE} 10:00`, 3)], `${TUE} 10:10`, 'reply', 'absent'],
  ])('%s', (...row) => check(row));

  it('remote e-mail: the first reply is the response, no 30-minute response clock beside it', () => {
    const e = evaluateAt([reported(`${TUE} 10:00`, 3, { channel: 'email', complexity: 'complex' })], `${TUE} 11:00`);
    expect(clockOf(e, 'reply')).toMatchObject({ state: 'running', targetMinutes: 120, dueAt: h(`${TUE} 12:00`) });
    expect(clockOf(e, 'response')).toBeUndefined();
    expect(e.clocks.some((c) => c.state === 'breached')).toBe(false);
  });

  it('remote e-mail before its report instant: no pending response clock either', () => {
    const e = evaluateAt([reported(`${TUE} 10:00`, 4, { channel: 'email' })], `${TUE} 09:00`);
    expect(clockOf(e, 'reply')?.state).toBe('pending');
    expect(clockOf(e, 'response')).toBeUndefined();
  });

  it('on-site e-mail: the 7×24 response still runs next to the 5×8 reply', () => {
    const e = evaluateAt(
      [reported(`${TUE} 10:00`, 2, { channel: 'email' }), ev(`${TUE} 10:20`, 'replied')],
      `${TUE} 10:40`,
    );
    expect(clockOf(e, 'reply')?.state).toBe('met');
    expect(clockOf(e, 'response')).toMatchObject({ state: 'breached', calendar: '7x24', targetMinutes: 5 });
  });

  it('a hotline fault corrected to e-mail loses its response clock (the channel counts from the report)', () => {
    const log = [
      reported(`${TUE} 10:00`, 3),
      ev(`${TUE} 10:40`, 'intake-corrected', { channel: 'email', complexity: 'general' }),
    ];
    expect(clockOf(evaluateAt(log, `${TUE} 10:35`), 'response')?.state).toBe('breached');
    expect(clockOf(evaluateAt(log, `${TUE} 10:45`), 'response')).toBeUndefined();
  });
});

describe('pause (waiting on the client)', () => {
  it.each<Row>([
    [
      'paused: no due instant, used time frozen',
      [reported(`${TUE} 10:00`, 3), ev(`${TUE} 12:00`, 'paused')],
      `${TUE} 20:00`,
      'resolution',
      { state: 'paused', usedMinutes: 120 },
    ],
    [
      'paused at 96 % is paused, not at risk',
      [reported(`${TUE} 10:00`, 3), ev(`${TUE} 13:50`, 'paused')],
      `${TUE} 14:30`,
      'resolution',
      { state: 'paused', usedMinutes: 230 },
    ],
    [
      '5×8 pause across a night moves the due',
      [reported(`${TUE} 10:00`, 3), ev(`${TUE} 12:00`, 'paused'), ev(`${WED} 10:00`, 'resumed')],
      `${WED} 11:00`,
      'resolution',
      { state: 'running', usedMinutes: 180, dueAt: h(`${WED} 12:00`) },
    ],
    [
      '7×24 fix paused across a night',
      [
        reported(`${TUE} 09:00`, 2),
        ev(`${TUE} 10:00`, 'arrived'),
        ev(`${TUE} 11:00`, 'paused'),
        ev(`${WED} 09:00`, 'resumed'),
      ],
      `${WED} 09:30`,
      'fix',
      { state: 'running', usedMinutes: 90, dueAt: h(`${WED} 10:00`) },
    ],
    [
      'response never pauses',
      [reported(`${TUE} 10:00`, 3), ev(`${TUE} 10:05`, 'paused')],
      `${TUE} 10:40`,
      'response',
      { state: 'breached' },
    ],
    [
      'arrival never pauses',
      [reported(`${TUE} 10:00`, 2), ev(`${TUE} 10:30`, 'paused')],
      `${TUE} 12:30`,
      'arrival',
      { state: 'breached' },
    ],
    [
      'fix opened while waiting starts paused',
      [reported(`${TUE} 10:00`, 2), ev(`${TUE} 10:30`, 'paused'), ev(`${TUE} 11:00`, 'arrived')],
      `${TUE} 14:00`,
      'fix',
      { state: 'paused', usedMinutes: 0 },
    ],
    [
      'two pauses add up',
      [
        reported(`${TUE} 09:00`, 3),
        ev(`${TUE} 10:00`, 'paused'),
        ev(`${TUE} 11:00`, 'resumed'),
        ev(`${TUE} 12:00`, 'paused'),
        ev(`${TUE} 15:00`, 'resumed'),
      ],
      `${TUE} 15:30`,
      'resolution',
      { usedMinutes: 150, dueAt: h(`${TUE} 17:00`) },
    ],
  ])('%s', (...row) => check(row));

  it('a paused clock has no due instant', () => {
    const clock = clockOf(
      evaluateAt([reported(`${TUE} 10:00`, 3), ev(`${TUE} 12:00`, 'paused')], `${TUE} 20:00`),
      'resolution',
    );
    expect(clock).not.toHaveProperty('dueAt');
    expect(clock?.startedAt).toBe(h(`${TUE} 10:00`));
  });

  it('a paused clock does not breach or upgrade', () => {
    const e = evaluateAt([reported(`${TUE} 10:00`, 3), ev(`${TUE} 12:00`, 'paused')], `${FRI} 16:00`);
    expect(e.level).toBe(3);
    expect(e.upgrades).toEqual([]);
  });
});

describe('tracks', () => {
  it('level 1–2 start on site, 3–4 remote; `track` on reported overrides', () => {
    expect(evaluateAt([reported(`${TUE} 10:00`, 1)], `${TUE} 10:01`).track).toBe('onsite');
    expect(evaluateAt([reported(`${TUE} 10:00`, 2)], `${TUE} 10:01`).track).toBe('onsite');
    expect(evaluateAt([reported(`${TUE} 10:00`, 3)], `${TUE} 10:01`).track).toBe('remote');
    expect(evaluateAt([reported(`${TUE} 10:00`, 4)], `${TUE} 10:01`).track).toBe('remote');
    const e = evaluateAt([reported(`${TUE} 10:00`, 3, { track: 'onsite' })], `${TUE} 10:30`);
    expect(e.track).toBe('onsite');
    expect(clockOf(e, 'arrival')).toMatchObject({ startedAt: h(`${TUE} 10:00`), dueAt: h(`${TUE} 12:00`) });
    expect(clockOf(e, 'resolution')).toBeUndefined();
  });

  it('onsite-requested on the remote track moves the fault on site at that instant', () => {
    const e = evaluateAt([reported(`${TUE} 10:00`, 3), ev(`${TUE} 11:00`, 'onsite-requested')], `${TUE} 11:30`);
    expect(e.track).toBe('onsite');
    expect(clockOf(e, 'arrival')).toMatchObject({
      state: 'running',
      startedAt: h(`${TUE} 11:00`),
      dueAt: h(`${TUE} 13:00`),
    });
    expect(clockOf(e, 'resolution')).toMatchObject({ state: 'met', stoppedAt: h(`${TUE} 11:00`), usedMinutes: 60 });
    expect(clockOf(e, 'fix')?.state).toBe('pending');
  });

  it('onsite-requested on the on-site track changes nothing', () => {
    const log = [reported(`${TUE} 10:00`, 2)];
    expect(evaluateAt([...log, ev(`${TUE} 10:30`, 'onsite-requested')], `${TUE} 11:00`)).toEqual(
      evaluateAt(log, `${TUE} 11:00`),
    );
  });

  it('a level change puts the fault on the new level’s default track (the reported track held until then)', () => {
    const e = evaluateAt(
      [
        reported(`${TUE} 10:00`, 3, { track: 'onsite' }),
        ev(`${TUE} 11:00`, 'level-changed', { level: 4, reason: 'minor' }),
      ],
      `${TUE} 11:30`,
    );
    expect(e.track).toBe('remote');
    expect(clockOf(e, 'resolution')).toMatchObject({ startedAt: h(`${TUE} 11:00`), dueAt: h(`${TUE} 15:00`) });
    expect(clockOf(e, 'arrival')).toMatchObject({ state: 'met', stoppedAt: h(`${TUE} 11:00`) });
  });

  it('a later track-changed overrides the level’s default track', () => {
    const log = [
      reported(`${TUE} 10:00`, 3),
      ev(`${TUE} 11:00`, 'level-changed', { level: 2, reason: 'worse' }),
      ev(`${TUE} 11:05`, 'track-changed', { track: 'remote' }),
    ];
    const e = evaluateAt(log, `${TUE} 11:30`);
    expect(e).toMatchObject({ level: 2, track: 'remote', severityClass: 'major', upgrades: [] });
    expect(clockOf(e, 'resolution')).toMatchObject({ startedAt: h(`${TUE} 11:05`) });
    expect(clockOf(e, 'arrival')).toMatchObject({
      state: 'met',
      startedAt: h(`${TUE} 11:00`),
      stoppedAt: h(`${TUE} 11:05`),
    });
  });

  it('the response clock keeps the track it was reported on', () => {
    const e = evaluateAt(
      [reported(`${TUE} 10:00`, 3), ev(`${TUE} 10:01`, 'track-changed', { track: 'onsite' })],
      `${TUE} 10:20`,
    );
    expect(clockOf(e, 'response')).toMatchObject({ calendar: '5x8', targetMinutes: 30, state: 'running' });
  });
});
