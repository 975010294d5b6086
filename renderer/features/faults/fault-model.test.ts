import { describe, expect, it } from 'vitest';
import { availableCommands, closeReadiness } from './fault-model';
import { faultView, projectFault, rowClock } from './fault-view';
import { cfg, h, reported, row } from './test-log';

describe('projection', () => {
  it('follows the log: status, level, most urgent clock and the attention instant', () => {
    const rows = [reported(3), row('responded', '2026-11-25 09:10')];
    const f = projectFault(rows, cfg, new Date(h('2026-11-25 10:00')), 'u1');
    expect(f).toMatchObject({ status: 'responded', level: 3, track: 'remote', tier: 1, lastSeq: 1 });
    expect(f.urgent).toMatchObject({ kind: 'resolution', dueAt: '2026-11-25T13:00:00+08:00' });
    // 80 % of 4 business hours after 09:00.
    expect(f.attentionAt).toBe(new Date(h('2026-11-25 12:12')).toISOString());
  });

  it('counts client confirmation and the issued report only for the latest resolution', () => {
    const rows = [
      reported(3),
      row('responded', '2026-11-25 09:10'),
      row('resolved', '2026-11-25 10:00', { rootCause: 'a', resolution: 'b', prevention: '' }),
      row('confirmation', '2026-11-25 10:30', { satisfaction: 4, comment: '', confirmedBy: '赵磊' }),
      row('report-issued', '2026-11-25 11:00', { reportId: 'r', reportNumber: 'GZ-202611-A-001', version: 1 }),
    ];
    const f = projectFault(rows, cfg, new Date(h('2026-11-25 12:00')), 'u1');
    expect(f).toMatchObject({ status: 'confirmed', satisfaction: 4, flags: { reportIssued: true } });
    expect(closeReadiness(f)).toBe('ready');
    const again = [
      ...rows,
      row('reopened', '2026-11-25 13:00'),
      row('resolved', '2026-11-25 14:00', { rootCause: 'a', resolution: 'b', prevention: '' }),
    ];
    const g = projectFault(again, cfg, new Date(h('2026-11-25 15:00')), 'u1');
    expect(g).toMatchObject({ status: 'resolved', flags: { reportIssued: false } });
    expect(g.satisfaction).toBeUndefined();
    expect(closeReadiness(g)).toBe('needs-report');
  });
});

describe('commands', () => {
  it('offer what the state allows', () => {
    const rows = [reported(3)];
    const f = projectFault(rows, cfg, new Date(h('2026-11-25 09:05')), 'u1');
    const ev = faultView(rows, cfg, new Date(h('2026-11-25 09:05')));
    expect(availableCommands(f, ev, rows)).toEqual([
      'respond',
      'onsite',
      'action',
      'pause',
      'escalate',
      'resolve',
      'reassign',
    ]);
    const paused = [...rows, row('paused', '2026-11-25 09:10')];
    const p = projectFault(paused, cfg, new Date(h('2026-11-25 09:15')), 'u1');
    expect(availableCommands(p, faultView(paused, cfg, new Date(h('2026-11-25 09:15'))), paused)).toContain('resume');
    expect(closeReadiness({ level: 4, flags: { ...p.flags, reportIssued: false } })).toBe('needs-waiver');
  });
});

describe('list countdown', () => {
  it('is computed from the stored due instant at any later now', () => {
    const u = {
      kind: 'resolution' as const,
      calendar: '5x8' as const,
      targetMinutes: 240,
      state: 'running' as const,
      dueAt: '2026-11-25T13:00:00+08:00',
    };
    expect(rowClock({ status: 'responded', urgent: u }, cfg, new Date(h('2026-11-25 11:00')))).toEqual({
      state: 'running',
      leftMinutes: 120,
    });
    expect(rowClock({ status: 'responded', urgent: u }, cfg, new Date(h('2026-11-25 12:30')))).toEqual({
      state: 'at-risk',
      leftMinutes: 30,
    });
    // Overdue counted in business time: 17:00 → next morning 10:00 is 4 h + 1 h.
    expect(rowClock({ status: 'responded', urgent: u }, cfg, new Date(h('2026-11-26 10:00')))).toEqual({
      state: 'breached',
      leftMinutes: -300,
    });
  });
});
