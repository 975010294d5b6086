import { describe, expect, it } from 'vitest';
import { defaultPolicy, type FaultEvent, mergePolicy, pendingUpgradeEvents } from './fault-clock';
import { cal, clockOf, ev, evaluateAt, h, reported } from './test-kit';

const TUE = '2026-03-03';
const WED = '2026-03-04';

// Level 4, remote, reported Tuesday 09:00. Resolution 4 h → 13:00 (4→3); restarts, 4 h → 17:00 (3→2, on site);
// arrival 2 h from 17:00; arrived 18:00 → fix 2 h → 20:00 (2→1); fix restarts at 20:00 → due 22:00.
const chain: FaultEvent[] = [
  reported(`${TUE} 09:00`, 4),
  ev(`${TUE} 09:10`, 'responded'),
  ev(`${TUE} 18:00`, 'arrived'),
];

describe('automatic upgrade chain 4→3→2→1', () => {
  it.each([
    [`${TUE} 12:59`, 4, 'remote', []],
    [`${TUE} 13:00`, 4, 'remote', []],
    [`${TUE} 13:01`, 3, 'remote', [[`${TUE} 13:00`, 4, 3]]],
    [`${TUE} 17:00`, 3, 'remote', [[`${TUE} 13:00`, 4, 3]]],
    [
      `${TUE} 17:00:01`,
      2,
      'onsite',
      [
        [`${TUE} 13:00`, 4, 3],
        [`${TUE} 17:00`, 3, 2],
      ],
    ],
    [
      `${TUE} 23:00`,
      1,
      'onsite',
      [
        [`${TUE} 13:00`, 4, 3],
        [`${TUE} 17:00`, 3, 2],
        [`${TUE} 20:00`, 2, 1],
      ],
    ],
  ] as const)('at %s: level %i on %s', (now, level, track, ups) => {
    const e = evaluateAt(chain, now);
    expect(e.level).toBe(level);
    expect(e.track).toBe(track);
    expect(e.upgrades).toEqual(ups.map(([at, from, to]) => ({ at: h(at), from, to })));
    expect(e.severityClass).toBe(level <= 2 ? 'major' : 'general');
  });

  it('a 5×8 clock due at 17:00 breaches at 17:00, not at the next opening', () => {
    const e = evaluateAt(chain.slice(0, 2), `${WED} 08:59`);
    expect(e.level).toBe(2);
    expect(e.upgrades.map((u) => u.at)).toEqual([h(`${TUE} 13:00`), h(`${TUE} 17:00`)]);
    expect(clockOf(e, 'arrival')).toMatchObject({ state: 'breached', dueAt: h(`${TUE} 19:00`) });
  });

  it('restarts the open clocks at each upgrade under the new level’s policy', () => {
    const at1501 = evaluateAt(chain, `${TUE} 15:00`);
    expect(clockOf(at1501, 'resolution')).toMatchObject({
      state: 'running',
      startedAt: h(`${TUE} 13:00`),
      dueAt: h(`${TUE} 17:00`),
      usedMinutes: 120,
    });

    const at1730 = evaluateAt(chain, `${TUE} 17:30`);
    // the breached remote clock keeps its final state after the move on site
    expect(clockOf(at1730, 'resolution')).toMatchObject({
      state: 'breached',
      startedAt: h(`${TUE} 13:00`),
      stoppedAt: h(`${TUE} 17:00`),
      usedMinutes: 240,
    });
    expect(clockOf(at1730, 'arrival')).toMatchObject({
      state: 'running',
      startedAt: h(`${TUE} 17:00`),
      dueAt: h(`${TUE} 19:00`),
    });
    expect(clockOf(at1730, 'fix')?.state).toBe('pending');
    expect(clockOf(at1730, 'response')).toMatchObject({ state: 'met', calendar: '5x8' });

    const at2300 = evaluateAt(chain, `${TUE} 23:00`);
    expect(clockOf(at2300, 'arrival')).toMatchObject({ state: 'met', stoppedAt: h(`${TUE} 18:00`) });
    expect(clockOf(at2300, 'fix')).toMatchObject({
      state: 'breached',
      startedAt: h(`${TUE} 20:00`),
      dueAt: h(`${TUE} 22:00`),
      usedMinutes: 180,
    });
    expect(clockOf(at2300, 'fix')).not.toHaveProperty('stoppedAt');
  });

  it('a level-1 breach is not upgraded: escalation and PM alert instead', () => {
    const e = evaluateAt(chain, `${TUE} 23:00`);
    expect(e).toMatchObject({ level: 1, escalationSuggested: true, pmAlert: true });
    const before = evaluateAt(chain, `${TUE} 21:00`);
    expect(before).toMatchObject({ level: 1, escalationSuggested: true, pmAlert: false });
    const resolved = evaluateAt([...chain, ev(`${TUE} 23:30`, 'resolved')], `${TUE} 23:45`);
    expect(resolved).toMatchObject({ level: 1, escalationSuggested: false, pmAlert: false });
    expect(clockOf(resolved, 'fix')).toMatchObject({ state: 'breached', stoppedAt: h(`${TUE} 23:30`) });
  });

  it('a breach while level 1 never upgrades later, even after the level is lowered by hand', () => {
    const log = [
      reported(`${TUE} 08:00`, 1),
      ev(`${TUE} 09:00`, 'arrived'),
      ev(`${WED} 04:00`, 'level-changed', { level: 2, reason: 'downgraded' }),
    ];
    const e = evaluateAt(log, `${WED} 05:00`);
    expect(e).toMatchObject({ level: 2, upgrades: [], escalationSuggested: true, pmAlert: false });
    expect(clockOf(e, 'fix')).toMatchObject({ state: 'breached', dueAt: h(`${TUE} 11:00`) });
    expect(pendingUpgradeEvents(log, { calendar: cal, now: new Date(h(`${WED} 05:00`)) })).toEqual([]);
  });

  it('3→2 with the engineer already there runs the fix from the upgrade', () => {
    const log = [reported(`${TUE} 10:00`, 3), ev(`${TUE} 11:00`, 'arrived')];
    const e = evaluateAt(log, `${TUE} 15:00`);
    expect(e.upgrades).toEqual([{ at: h(`${TUE} 14:00`), from: 3, to: 2 }]);
    expect(clockOf(e, 'fix')).toMatchObject({
      state: 'running',
      startedAt: h(`${TUE} 14:00`),
      dueAt: h(`${TUE} 16:00`),
    });
    expect(clockOf(e, 'arrival')).toBeUndefined();
  });

  it('a level-2 fault reported on site upgrades when its fix breaches', () => {
    const e = evaluateAt([reported(`${TUE} 10:00`, 2), ev(`${TUE} 10:30`, 'arrived')], `${TUE} 13:00`);
    expect(e.upgrades).toEqual([{ at: h(`${TUE} 12:30`), from: 2, to: 1 }]);
    expect(clockOf(e, 'fix')).toMatchObject({ state: 'running', startedAt: h(`${TUE} 12:30`) });
  });

  it('resolved exactly at the breach instant is met and not upgraded', () => {
    const e = evaluateAt([reported(`${TUE} 13:00`, 3), ev(`${TUE} 17:00`, 'resolved')], `${WED} 12:00`);
    expect(e.upgrades).toEqual([]);
    expect(e.level).toBe(3);
  });
});

describe('escalation', () => {
  it.each([
    ['level 3 remote, unresolved', [reported(`${TUE} 10:00`, 3)], `${TUE} 10:45`, false],
    ['level 2, unresolved', [reported(`${TUE} 10:00`, 2)], `${TUE} 10:10`, true],
    ['level 2 kept remote, unresolved', [reported(`${TUE} 10:00`, 2, { track: 'remote' })], `${TUE} 10:10`, true],
    ['level 1, resolved', [reported(`${TUE} 10:00`, 1), ev(`${TUE} 10:30`, 'resolved')], `${TUE} 10:40`, false],
    ['level 2, closed', [reported(`${TUE} 10:00`, 2), ev(`${TUE} 10:30`, 'closed')], `${TUE} 10:40`, false],
    ['level 3 on site with a missed arrival', [reported(`${TUE} 10:00`, 3, { track: 'onsite' })], `${TUE} 12:01`, true],
  ] as const)('%s → %s', (_label, log, now, expected) => {
    expect(evaluateAt([...log], now).escalationSuggested).toBe(expected);
  });

  it('a missed arrival alone never upgrades', () => {
    const e = evaluateAt([reported(`${TUE} 10:00`, 2)], `${TUE} 18:00`);
    expect(e).toMatchObject({ level: 2, upgrades: [], escalationSuggested: true, pmAlert: false });
    expect(clockOf(e, 'arrival')?.state).toBe('breached');
    const l3 = evaluateAt([reported(`${TUE} 10:00`, 3, { track: 'onsite' })], `${TUE} 18:00`);
    expect(l3).toMatchObject({ level: 3, upgrades: [] });
  });
});

describe('recorded upgrades', () => {
  const now = `${TUE} 23:00`;
  it('pendingUpgradeEvents lists the derived upgrades as level-changed events', () => {
    expect(pendingUpgradeEvents(chain, { calendar: cal, now: new Date(h(now)) })).toEqual([
      { at: h(`${TUE} 13:00`), type: 'level-changed', level: 3, reason: 'auto-upgrade' },
      { at: h(`${TUE} 17:00`), type: 'level-changed', level: 2, reason: 'auto-upgrade' },
      { at: h(`${TUE} 20:00`), type: 'level-changed', level: 1, reason: 'auto-upgrade' },
    ]);
  });

  it('evaluating with the recorded upgrades equals evaluating without them, and nothing stays pending', () => {
    const opts = { calendar: cal, now: new Date(h(now)) };
    const pending = pendingUpgradeEvents(chain, opts);
    const recorded = [...chain, ...pending];
    expect(evaluateAt(recorded, now)).toEqual(evaluateAt(chain, now));
    expect(pendingUpgradeEvents(recorded, opts)).toEqual([]);
    // recording only the first one: the others are still derived from it
    const partial = [...chain, pending[0]];
    expect(evaluateAt(partial, now)).toEqual(evaluateAt(chain, now));
    expect(pendingUpgradeEvents(partial, opts)).toEqual(pending.slice(1));
  });

  it('a recorded upgrade stands when the policy is tightened later; further upgrades derive from it', () => {
    const log = [
      reported(`${TUE} 09:00`, 4),
      ev(`${TUE} 13:00`, 'level-changed', { level: 3, reason: 'auto-upgrade' }),
    ];
    const tight = mergePolicy({ remote: { resolutionMinutes: 120 } });
    if (!tight.ok) throw new Error(tight.errors.join());
    const e = evaluateAt(log, `${TUE} 16:00`, tight.value);
    expect(e.upgrades).toEqual([
      { at: h(`${TUE} 13:00`), from: 4, to: 3 },
      { at: h(`${TUE} 15:00`), from: 3, to: 2 },
    ]);
    // without the record the tighter policy would have upgraded at 11:00
    expect(evaluateAt(log.slice(0, 1), `${TUE} 16:00`, tight.value).upgrades[0].at).toBe(h(`${TUE} 11:00`));
  });

  it('a recorded upgrade stands when the policy is loosened later', () => {
    const log = [
      reported(`${TUE} 09:00`, 4),
      ev(`${TUE} 13:00`, 'level-changed', { level: 3, reason: 'auto-upgrade' }),
    ];
    const loose = mergePolicy({ remote: { resolutionMinutes: 480 } });
    if (!loose.ok) throw new Error(loose.errors.join());
    const e = evaluateAt(log, `${TUE} 16:00`, loose.value);
    expect(e.level).toBe(3);
    expect(e.upgrades).toEqual([{ at: h(`${TUE} 13:00`), from: 4, to: 3 }]);
    expect(clockOf(e, 'resolution')).toMatchObject({ startedAt: h(`${TUE} 13:00`), dueAt: h(`${WED} 13:00`) });
  });

  it('manual level changes are not listed as upgrades', () => {
    const e = evaluateAt(
      [reported(`${TUE} 10:00`, 3), ev(`${TUE} 10:30`, 'level-changed', { level: 2, reason: 'client escalated' })],
      `${TUE} 11:00`,
    );
    expect(e).toMatchObject({ level: 2, track: 'onsite', upgrades: [] });
  });
});

describe('reopened and closed', () => {
  const base = [reported(`${TUE} 10:00`, 3), ev(`${TUE} 10:05`, 'responded'), ev(`${TUE} 11:00`, 'resolved')];

  it('reopened restarts the resolution clock with its full target; the report restarts at the next resolution', () => {
    const reopened = [...base, ev(`${TUE} 15:00`, 'reopened')];
    const e = evaluateAt(reopened, `${TUE} 16:00`);
    expect(clockOf(e, 'resolution')).toMatchObject({
      state: 'running',
      startedAt: h(`${TUE} 15:00`),
      dueAt: h(`${WED} 11:00`),
      usedMinutes: 60,
    });
    expect(clockOf(e, 'report')).toMatchObject({
      state: 'met',
      startedAt: h(`${TUE} 11:00`),
      stoppedAt: h(`${TUE} 15:00`),
    });
    const again = evaluateAt([...reopened, ev(`${WED} 10:00`, 'resolved')], `${WED} 10:30`);
    expect(clockOf(again, 'report')).toMatchObject({
      state: 'running',
      startedAt: h(`${WED} 10:00`),
      dueAt: h('2026-03-05 10:00'),
    });
  });

  it('reopened on site restarts the fix', () => {
    const log = [
      reported(`${TUE} 10:00`, 2),
      ev(`${TUE} 10:30`, 'arrived'),
      ev(`${TUE} 11:00`, 'resolved'),
      ev(`${TUE} 11:30`, 'closed'),
      ev(`${TUE} 15:00`, 'reopened'),
    ];
    const e = evaluateAt(log, `${TUE} 15:30`);
    expect(clockOf(e, 'fix')).toMatchObject({
      state: 'running',
      startedAt: h(`${TUE} 15:00`),
      dueAt: h(`${TUE} 17:00`),
    });
    expect(e.escalationSuggested).toBe(true);
  });

  it('closed stops every open clock against its due instant', () => {
    const late = evaluateAt([...base, ev(`${WED} 12:00`, 'closed')], `${WED} 13:00`);
    expect(clockOf(late, 'report')).toMatchObject({ state: 'breached', stoppedAt: h(`${WED} 12:00`) });
    const early = evaluateAt([...base, ev(`${TUE} 16:00`, 'closed')], `${WED} 13:00`);
    expect(clockOf(early, 'report')).toMatchObject({ state: 'met', stoppedAt: h(`${TUE} 16:00`) });
    const waiting = evaluateAt(
      [reported(`${TUE} 10:00`, 3), ev(`${TUE} 11:00`, 'paused'), ev(`${TUE} 15:00`, 'closed')],
      `${WED} 13:00`,
    );
    expect(clockOf(waiting, 'resolution')).toMatchObject({
      state: 'met',
      usedMinutes: 60,
      stoppedAt: h(`${TUE} 15:00`),
    });
    expect(clockOf(waiting, 'response')).toMatchObject({ state: 'breached', stoppedAt: h(`${TUE} 15:00`) });
    expect(waiting.upgrades).toEqual([]);
  });

  it('uses the default policy when none is given', () => {
    expect(evaluateAt(base, `${TUE} 12:00`, defaultPolicy())).toEqual(evaluateAt(base, `${TUE} 12:00`));
  });
});
