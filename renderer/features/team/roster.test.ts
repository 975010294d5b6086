import { describe, expect, it } from 'vitest';
import { monthDates, rotationFill } from './roster';

describe('roster', () => {
  it('lists the days of a month, leap years included', () => {
    expect(monthDates('2026-11')).toHaveLength(30);
    expect(monthDates('2028-02').at(-1)).toBe('2028-02-29');
    expect(monthDates('2026-12')[0]).toBe('2026-12-01');
  });

  it('rotates daily or weekly, starting with whoever is given', () => {
    const daily = rotationFill({ from: '2026-11-01', to: '2026-11-05', memberIds: ['a', 'b'], daysPerShift: 1 });
    expect(daily.map((d) => d.memberId).join('')).toBe('ababa');
    const weekly = rotationFill({
      from: '2026-11-01',
      to: '2026-11-30',
      memberIds: ['a', 'b', 'c'],
      daysPerShift: 7,
      startIndex: 1,
    });
    expect(weekly).toHaveLength(30);
    expect(weekly[0]).toEqual({ date: '2026-11-01', memberId: 'b' });
    expect(weekly[7].memberId).toBe('c');
    expect(weekly[14].memberId).toBe('a');
    expect(weekly[21].memberId).toBe('b');
    expect(weekly[29]).toEqual({ date: '2026-11-30', memberId: 'c' });
  });

  it('fills nothing without engineers or with an inverted range', () => {
    expect(rotationFill({ from: '2026-11-01', to: '2026-11-05', memberIds: [], daysPerShift: 1 })).toEqual([]);
    expect(rotationFill({ from: '2026-11-05', to: '2026-11-01', memberIds: ['a'], daysPerShift: 1 })).toEqual([]);
  });
});
