import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FaultEventRow } from '@shared/schemas/fault';
import { createI18n } from '../../i18n';
import { eventDetails, eventTitle, isAutoUpgrade, toTimeline, type NameBook } from './event-text';

let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  zh = (await createI18n('zh-CN')).getFixedT('zh-CN');
  en = (await createI18n('en')).getFixedT('en');
});

const names: Record<string, string> = { u1: 'Wang Fang', u2: 'Li Lei', pm: 'Zhao Min' };
const book: NameBook = { member: (id) => names[id] ?? `?${id}` };

let seq = 0;
function row(type: FaultEventRow['type'], at: string, payload: Record<string, unknown>, by = 'u1'): FaultEventRow {
  return {
    id: `e${seq}`,
    faultId: 'f1',
    seq: seq++,
    at,
    type,
    by,
    recordedAt: at,
    payload,
  } as FaultEventRow;
}

const entry = (r: FaultEventRow) => toTimeline([r], book)[0];

describe('toTimeline', () => {
  it('orders by time, then by log order, and resolves every name it needs', () => {
    seq = 0;
    const rows = [
      row('reported', '2026-11-25T09:00:00+08:00', { level: 3, channel: 'phone', assigneeId: 'u1' }),
      row('assignment', '2026-11-25T10:00:00+08:00', { fromId: 'u1', toId: 'u2' }),
      // Recorded later but happened earlier (a back-dated action): it sorts by when it happened.
      row('action', '2026-11-25T09:30:00+08:00', { kind: 'remote-login', what: 'x', engineerId: 'u2' }, 'u1'),
      // Same instant as the assignment, later in the log: after it.
      row('level-changed', '2026-11-25T10:00:00+08:00', { level: 2, reason: 'auto-upgrade', from: 3 }, 'system'),
    ];
    const tl = toTimeline(rows.slice().reverse(), book);
    expect(tl.map((e) => e.type)).toEqual(['reported', 'action', 'assignment', 'level-changed']);
    expect(tl[0].names).toEqual({ assignee: 'Wang Fang' });
    expect(tl[1].names).toEqual({ engineer: 'Li Lei' });
    expect(tl[2].names).toEqual({ from: 'Wang Fang', to: 'Li Lei' });
    expect(tl[1].by).toBe('Wang Fang');
    expect(tl[3].by).toBe('');
  });
});

describe('eventTitle', () => {
  it('names the level and channel of the intake, in both languages', () => {
    const e = entry(row('reported', '2026-11-25T09:00:00+08:00', { level: 2, channel: 'phone', assigneeId: 'u1' }));
    expect(eventTitle(e, en)).toBe(`Fault logged (Level 2, ${en('faults:channels.phone')})`);
    expect(eventTitle(e, zh)).toContain(zh('faults:levels.2'));
    expect(eventTitle(e, zh)).toContain(zh('faults:channels.phone'));
  });

  it('tells an automatic upgrade from a change by hand', () => {
    const auto = entry(
      row('level-changed', '2026-11-25T10:00:00+08:00', { level: 2, reason: 'auto-upgrade', from: 3 }, 'system'),
    );
    const manual = entry(
      row('level-changed', '2026-11-25T10:00:00+08:00', { level: 1, reason: 'client call', from: 2 }),
    );
    expect(isAutoUpgrade(auto)).toBe(true);
    expect(isAutoUpgrade(manual)).toBe(false);
    expect(eventTitle(auto, en)).toBe('Automatic upgrade: Level 3 → Level 2 (fix deadline breached)');
    expect(eventTitle(manual, en)).toBe('Level changed: Level 2 → Level 1');
    // The reason is a line of its own for a change by hand only.
    expect(eventDetails(manual, en)).toEqual(['Reason: client call']);
    expect(eventDetails(auto, en)).toEqual([]);
  });

  it('prints the report number and version, and the reassignment by name', () => {
    const issued = entry(
      row('report-issued', '2026-11-26T09:00:00+08:00', { reportId: 'r', reportNumber: 'GZ-2026-0007', version: 2 }),
    );
    expect(eventTitle(issued, en)).toBe('Fault diagnosis report GZ-2026-0007 V2 issued');
    const moved = entry(row('assignment', '2026-11-26T09:00:00+08:00', { fromId: 'u1', toId: 'u2' }));
    expect(eventTitle(moved, en)).toBe('Reassigned: Wang Fang → Li Lei');
    expect(eventTitle(moved, zh)).toBe('转派：Wang Fang → Li Lei');
  });
});

describe('eventDetails', () => {
  it('lists what was done, its result, the part and a different engineer', () => {
    const e = entry(
      row('action', '2026-11-25T09:30:00+08:00', {
        kind: 'spare-part',
        what: '  swapped the disk  ',
        result: 'array rebuilt',
        part: 'SSD',
        oldSerial: 'A1',
        newSerial: '',
        engineerId: 'u2',
      }),
    );
    expect(eventTitle(e, en)).toBe('Spare part replacement');
    expect(eventDetails(e, en)).toEqual([
      'swapped the disk',
      'Result: array rebuilt',
      'Part: SSD (old serial A1 → new serial —)',
      'Engineer: Li Lei',
    ]);
    // The engineer who recorded it is not repeated.
    const own = entry(
      row('action', '2026-11-25T09:30:00+08:00', { kind: 'remote-login', what: 'ok', engineerId: 'u1' }),
    );
    expect(eventDetails(own, en)).toEqual(['ok']);
  });

  it('labels the root cause and resolution and skips an empty prevention', () => {
    const e = entry(
      row('resolved', '2026-11-25T11:00:00+08:00', { rootCause: 'bad cable', resolution: 'replaced', prevention: ' ' }),
    );
    expect(eventDetails(e, en)).toEqual(['Root cause: bad cable', 'Resolution: replaced']);
    expect(eventDetails(e, zh)[0]).toBe(`${zh('faults:form.rootCause')}：bad cable`);
  });

  it('names the project manager who received an escalation, at Shanghai time', () => {
    const e = entry(
      row('escalation', '2026-11-25T11:00:00+08:00', {
        fromTier: 1,
        toTier: 2,
        recipientName: 'Vendor desk',
        reason: 'disk array down',
        vendorCaseNumber: 'C-42',
        receivedBy: { approverName: 'Zhao Min', approvedAt: '2026-11-25T03:05:00Z' },
      }),
    );
    expect(eventDetails(e, en)).toEqual([
      'Reason: disk array down',
      'Vendor case no.: C-42',
      'Received and acknowledged by project manager Zhao Min (2026-11-25 11:05, by PIN)',
    ]);
  });

  it('shows the level the system proposed when intake overrode it', () => {
    const e = entry(
      row('reported', '2026-11-25T09:00:00+08:00', {
        level: 1,
        channel: 'phone',
        assigneeId: 'u1',
        proposedLevel: 3,
        overrideReason: 'trading stopped',
      }),
    );
    expect(eventDetails(e, en)).toEqual(['Proposed Level 3; changed because: trading stopped']);
    const plain = entry(row('reported', '2026-11-25T09:00:00+08:00', { level: 3, channel: 'phone', assigneeId: 'u1' }));
    expect(eventDetails(plain, en)).toEqual([]);
  });
});
