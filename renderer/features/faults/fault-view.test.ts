import { describe, expect, it } from 'vitest';
import { checkProjection, faultView, projectFault } from './fault-view';
import { cfg, h, reported, row } from './test-log';

describe('fault view', () => {
  it('derives level, status, next deadline, attention instant and the pending upgrade from the log', () => {
    const rows = [reported(3), row('responded', '2026-11-25 09:10')];
    // 14:00: the 4 business hours of the remote resolution clock ran out at 13:00, nothing recorded.
    const v = faultView(rows, cfg, new Date(h('2026-11-25 14:00')));
    expect(v).toMatchObject({ level: 2, track: 'onsite', status: 'responded', tier: 1, pendingUpgrades: 1 });
    expect(v.upgrades).toEqual([{ at: h('2026-11-25 13:00'), from: 3, to: 2 }]);
    expect(v.nextDeadline).toBe(v.urgent?.dueAt);
    expect(v.urgent?.kind).toBe('arrival');
    expect(v.attentionAt).toBeDefined();
  });

  it('is what the stored projection is made of', () => {
    const rows = [reported(2), row('responded', '2026-11-25 09:05'), row('paused', '2026-11-25 09:30')];
    const now = new Date(h('2026-11-25 10:00'));
    const v = faultView(rows, cfg, now);
    const f = projectFault(rows, cfg, now, 'u1');
    expect(f).toMatchObject({ level: v.level, track: v.track, status: v.status, tier: v.tier });
    expect(f.urgent?.dueAt).toBe(v.nextDeadline);
    expect(f.attentionAt).toBe(v.attentionAt?.toISOString());
  });
});

describe('checkProjection', () => {
  const rows = [reported(3), row('responded', '2026-11-25 09:10')];
  const written = projectFault(rows, cfg, new Date(h('2026-11-25 09:10')), 'u1');

  it('finds nothing on a row as the app wrote it, however late it is checked', () => {
    // By 14:00 the log says level 2 (a breach at 13:00); the row was written at 09:10 and says so.
    expect(faultView(rows, cfg, new Date(h('2026-11-25 14:00'))).level).toBe(2);
    expect(checkProjection(written, rows, cfg)).toEqual({ derived: written, mismatches: [] });
  });

  it('names the stored and the derived value of a level changed behind the app', () => {
    const tampered = { ...written, level: 1 as const, status: 'closed' as const };
    const { derived, mismatches } = checkProjection(tampered, rows, cfg);
    expect(mismatches).toEqual([
      { field: 'level', stored: 1, derived: 3 },
      { field: 'status', stored: 'closed', derived: 'responded' },
    ]);
    expect(derived).toMatchObject({ level: 3, status: 'responded' });
  });

  it('reports events added behind the app, and a row without a readable log', () => {
    const more = [...rows, row('resolved', '2026-11-25 09:40', { rootCause: 'a', resolution: 'b', prevention: '' })];
    expect(checkProjection(written, more, cfg).mismatches).toEqual([
      { field: 'lastSeq', stored: 1, derived: more[2].seq },
    ]);
    expect(checkProjection(written, [], cfg)).toEqual({
      derived: written,
      mismatches: [{ field: 'lastSeq', stored: 1, derived: '—' }],
    });
  });
});

describe('events appended on two laptops at once', () => {
  it('give one projection whatever order they arrive in (the same position in the log is broken by time, then id)', () => {
    const base = [reported(3), row('responded', '2026-11-25 09:10')];
    // Both laptops appended position 2 before they synced: each corrected the symptoms its own way,
    // B's correction written first (earlier `recordedAt`, though its id sorts after A's).
    const fix = (id: string, to: string, at: string) => ({
      ...row('intake-corrected', at, { reason: id, symptoms: { from: 'x', to } }),
      id,
      seq: 2,
    });
    const fromA = fix('a', '交易网关超时', '2026-11-25 09:25');
    const fromB = fix('b', '堡垒机断连', '2026-11-25 09:20');
    const now = new Date(h('2026-11-25 09:30'));
    const one = projectFault([...base, fromA, fromB], cfg, now, 'u1');
    const other = projectFault([...base, fromB, fromA], cfg, now, 'u1');
    expect(other).toEqual(one);
    // The later correction stands.
    expect(one.symptoms).toBe('交易网关超时');
  });
});
