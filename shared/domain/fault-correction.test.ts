/*
 * Corrections after intake (docs/domain.md, fault lifecycle; automatic upgrade): a level changed by
 * hand with a reason, and the intake's channel corrected. Times are Shanghai local (test-kit.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkFaultLog, FaultLogError } from './fault-log';
import { clockOf, ev, evaluateAt, h, reported } from './test-kit';

const TUE = '2026-03-03';
const WED = '2026-03-04';

describe('a level changed by hand after intake', () => {
  it('2 → 3 moves the fault to the remote track at that instant: arrival stops, resolution runs 4 h of 5×8 from there', () => {
    const log = [
      reported(`${TUE} 10:00`, 2),
      ev(`${TUE} 10:02`, 'responded'),
      ev(`${TUE} 10:30`, 'level-changed', { level: 3, reason: 'only one user affected' }),
    ];
    const e = evaluateAt(log, `${TUE} 11:00`);
    expect(e).toMatchObject({ level: 3, track: 'remote', upgrades: [], severityClass: 'general' });
    expect(clockOf(e, 'arrival')).toMatchObject({ state: 'met', stoppedAt: h(`${TUE} 10:30`) });
    expect(clockOf(e, 'resolution')).toMatchObject({
      state: 'running',
      startedAt: h(`${TUE} 10:30`),
      dueAt: h(`${TUE} 14:30`),
    });
    expect(e.escalationSuggested).toBe(false);
  });

  it('3 → 1 moves it on site from that instant: arrival 2 h from the change, and escalation is suggested', () => {
    const log = [
      reported(`${TUE} 10:00`, 3),
      ev(`${TUE} 10:05`, 'responded'),
      ev(`${TUE} 11:00`, 'level-changed', { level: 1, reason: 'trading stopped' }),
    ];
    const e = evaluateAt(log, `${TUE} 11:30`);
    expect(e).toMatchObject({ level: 1, track: 'onsite', escalationSuggested: true });
    expect(clockOf(e, 'resolution')).toMatchObject({ state: 'met', stoppedAt: h(`${TUE} 11:00`) });
    expect(clockOf(e, 'arrival')).toMatchObject({ state: 'running', dueAt: h(`${TUE} 13:00`) });
  });

  it('before the change instant the old level still holds (the change does not reach back)', () => {
    const log = [
      reported(`${TUE} 10:00`, 4),
      ev(`${TUE} 12:00`, 'level-changed', { level: 2, reason: 'client escalated' }),
    ];
    expect(evaluateAt(log, `${TUE} 11:59`)).toMatchObject({ level: 4, track: 'remote' });
    expect(evaluateAt(log, `${TUE} 12:00`)).toMatchObject({ level: 2, track: 'onsite' });
  });

  it('a change without a reason is refused by the log check', () => {
    expect(() =>
      checkFaultLog([reported(`${TUE} 10:00`, 3), ev(`${TUE} 10:10`, 'level-changed', { level: 2, reason: ' ' })]),
    ).toThrow(/a reason is required/);
  });
});

describe('an intake corrected after saving', () => {
  it('hotline corrected to e-mail (complex): the first-reply clock runs from the report, 2 h of 5×8', () => {
    const log = [
      reported(`${TUE} 10:00`, 3),
      ev(`${TUE} 10:40`, 'intake-corrected', { channel: 'email', complexity: 'complex' }),
    ];
    const before = evaluateAt(log, `${TUE} 10:39`);
    expect(clockOf(before, 'reply')).toBeUndefined();
    const after = evaluateAt(log, `${TUE} 10:41`);
    expect(clockOf(after, 'reply')).toMatchObject({
      state: 'running',
      startedAt: h(`${TUE} 10:00`),
      dueAt: h(`${TUE} 12:00`),
      targetMinutes: 120,
    });
  });

  it('e-mail corrected to hotline: no reply clock any more', () => {
    const log = [
      reported(`${TUE} 16:50`, 3, { channel: 'email', complexity: 'general' }),
      ev(`${TUE} 16:55`, 'intake-corrected', { channel: 'hotline' }),
    ];
    expect(clockOf(evaluateAt(log, `${TUE} 16:54`), 'reply')).toMatchObject({ dueAt: h(`${WED} 09:20`) });
    expect(clockOf(evaluateAt(log, `${TUE} 17:00`), 'reply')).toBeUndefined();
  });

  it('the latest correction wins; a correction of other fields only (no channel) changes no clock', () => {
    const log = [
      reported(`${TUE} 10:00`, 3),
      ev(`${TUE} 10:10`, 'intake-corrected', { channel: 'email' }),
      ev(`${TUE} 10:20`, 'intake-corrected', { channel: 'onsite' }),
      ev(`${TUE} 10:30`, 'intake-corrected', {}),
    ];
    const e = evaluateAt(log, `${TUE} 11:00`);
    expect(clockOf(e, 'reply')).toBeUndefined();
    expect(evaluateAt(log.slice(0, 2), `${TUE} 11:00`).clocks.map((c) => c.kind)).toContain('reply');
  });

  it('an unknown channel in a correction is a malformed log', () => {
    expect(() =>
      checkFaultLog([reported(`${TUE} 10:00`, 3), ev(`${TUE} 10:10`, 'intake-corrected', { channel: 'fax' })]),
    ).toThrow(FaultLogError);
  });
});
