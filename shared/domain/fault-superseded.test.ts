import { describe, expect, it } from 'vitest';
import { mostUrgentClock, type FaultEvent } from './fault-clock';
import { clockOf, ev, evaluateAt, h, reported } from './test-kit';

const TUE = '2026-03-03';

// Level 3, remote, reported Tuesday 09:00 and answered: resolution 4 h of 5×8 → due 13:00, when the
// fault rises to level 2 and moves on site (arrival 2 h of 7×24 from 13:00).
const upgraded: FaultEvent[] = [reported(`${TUE} 09:00`, 3), ev(`${TUE} 09:10`, 'responded')];

describe('clocks superseded when they no longer apply', () => {
  it('the remote resolution clock breached by an automatic upgrade is marked superseded at the upgrade', () => {
    const e = evaluateAt(upgraded, `${TUE} 13:30`);
    expect(e.level).toBe(2);
    expect(clockOf(e, 'resolution')).toMatchObject({
      state: 'breached',
      stoppedAt: h(`${TUE} 13:00`),
      superseded: { at: h(`${TUE} 13:00`), by: 'upgrade' },
    });
    expect(clockOf(e, 'arrival')).toMatchObject({ state: 'running', startedAt: h(`${TUE} 13:00`) });
    expect(clockOf(e, 'arrival')?.superseded).toBeUndefined();
  });

  it('a recorded upgrade supersedes the same way as a derived one', () => {
    const log = [...upgraded, ev(`${TUE} 13:00`, 'level-changed', { level: 2, reason: 'auto-upgrade' })];
    expect(clockOf(evaluateAt(log, `${TUE} 13:30`), 'resolution')?.superseded).toEqual({
      at: h(`${TUE} 13:00`),
      by: 'upgrade',
    });
  });

  it('the superseded clock is never the urgent one: the new level’s clock is', () => {
    const e = evaluateAt(upgraded, `${TUE} 13:30`);
    expect(mostUrgentClock(e)?.kind).toBe('arrival');
  });

  it('a level set by hand supersedes the old track’s work clock, even one still in time', () => {
    const log = [...upgraded, ev(`${TUE} 10:00`, 'level-changed', { level: 2, reason: 'wrong level at intake' })];
    const e = evaluateAt(log, `${TUE} 10:30`);
    expect(clockOf(e, 'resolution')).toMatchObject({
      state: 'met',
      superseded: { at: h(`${TUE} 10:00`), by: 'level-change' },
    });
  });

  it('a move on site supersedes the remote resolution clock', () => {
    const log = [...upgraded, ev(`${TUE} 10:00`, 'onsite-requested')];
    expect(clockOf(evaluateAt(log, `${TUE} 10:30`), 'resolution')?.superseded?.by).toBe('track-change');
  });

  it('clocks stopped by their own event are not superseded', () => {
    const log = [...upgraded, ev(`${TUE} 11:00`, 'resolved')];
    const e = evaluateAt(log, `${TUE} 11:30`);
    expect(clockOf(e, 'resolution')).toMatchObject({ state: 'met', stoppedAt: h(`${TUE} 11:00`) });
    expect(e.clocks.filter((c) => c.superseded)).toEqual([]);
  });

  it('a clock reopened on the same kind after an upgrade is live again (4 → 3 stays remote)', () => {
    const e = evaluateAt([reported(`${TUE} 09:00`, 4), ev(`${TUE} 09:10`, 'responded')], `${TUE} 13:30`);
    expect(e.level).toBe(3);
    expect(clockOf(e, 'resolution')).toMatchObject({ state: 'running', startedAt: h(`${TUE} 13:00`) });
    expect(clockOf(e, 'resolution')?.superseded).toBeUndefined();
  });
});
