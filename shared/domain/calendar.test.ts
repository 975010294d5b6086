import fc from 'fast-check';
import { fcRuns } from '../util/fc-runs';
import { describe, expect, it } from 'vitest';
import {
  type CalendarData,
  addBusinessMinutes,
  addWorkingDays,
  businessMinutesBetween,
  coverage,
  defaultCalendar,
  isWorkingDay,
  uncoveredYearsBetween,
  workingDaysBetween,
} from './calendar';

const cal = defaultCalendar();
const d = (s: string) => new Date(s);
const iso = (x: Date) => x.getTime();

// Independent copy of the State Council holiday notices for 2025 and 2026 (the source of
// resources/calendar/<year>.json), typed in again by hand as the oracle below.
const WEEKDAY_HOLIDAYS: Record<number, string> = {
  2025: '01-01 01-28 01-29 01-30 01-31 02-03 02-04 04-04 05-01 05-02 05-05 06-02 10-01 10-02 10-03 10-06 10-07 10-08',
  2026: '01-01 01-02 02-16 02-17 02-18 02-19 02-20 02-23 04-06 05-01 05-04 05-05 06-19 09-25 10-01 10-02 10-05 10-06 10-07',
};
const WEEKEND_WORKDAYS: Record<number, string> = {
  2025: '01-26 02-08 04-27 09-28 10-11',
  2026: '01-04 02-14 02-28 05-09 09-20 10-10',
};

describe('defaultCalendar', () => {
  it('is 09:00–17:00 in Asia/Shanghai and covers 2025 and 2026', () => {
    expect(cal.timeZone).toBe('Asia/Shanghai');
    expect(cal.workHours).toEqual([{ start: '09:00', end: '17:00' }]);
    expect([...cal.years].sort()).toEqual([2025, 2026]);
  });

  it.each([2025, 2026])('matches the State Council notice for every day of %i', (year) => {
    const hol = new Set(WEEKDAY_HOLIDAYS[year].split(' ').map((md) => `${year}-${md}`));
    const work = new Set(WEEKEND_WORKDAYS[year].split(' ').map((md) => `${year}-${md}`));
    const mismatches: string[] = [];
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const dow = new Date(t).getUTCDay();
      const expected = work.has(date) || (dow !== 0 && dow !== 6 && !hol.has(date));
      if (isWorkingDay(cal, date) !== expected) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['2026-02-14', true, 'Saturday before Spring Festival is a 调休 working day'],
    ['2026-02-15', false, 'Spring Festival starts (Sunday)'],
    ['2026-02-23', false, 'last day of Spring Festival (Monday)'],
    ['2026-02-24', true, 'back to work'],
    ['2026-02-28', true, '调休 Saturday'],
    ['2026-09-20', true, '调休 Sunday before National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of National Day'],
    ['2026-10-10', true, '调休 Saturday after National Day'],
    ['2025-01-26', true, '调休 Sunday 2025'],
    ['2025-10-08', false, '2025 National Day + Mid-Autumn'],
    ['2025-10-11', true, '调休 Saturday 2025'],
    ['2026-03-07', false, 'plain Saturday'],
    ['2026-03-09', true, 'plain Monday'],
  ])('isWorkingDay(%s) = %s (%s)', (date, expected) => {
    expect(isWorkingDay(cal, date)).toBe(expected);
  });

  it('refuses a date that does not exist', () => {
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(RangeError);
  });
});

describe('coverage', () => {
  it('says which years have data', () => {
    expect(coverage(cal, 2025)).toBe('covered');
    expect(coverage(cal, 2026)).toBe('covered');
    expect(coverage(cal, 2027)).toBe('weekdays-only');
    expect(coverage(cal, 2024)).toBe('weekdays-only');
  });
  it('computes an uncovered year on plain weekdays', () => {
    expect(isWorkingDay(cal, '2027-01-01')).toBe(true); // a Friday; the 2027 holidays are not known
    expect(isWorkingDay(cal, '2027-01-02')).toBe(false);
    expect(
      uncoveredYearsBetween(cal, iso(d('2026-12-31T10:00:00+08:00')), iso(d('2027-01-04T10:00:00+08:00'))),
    ).toEqual([2027]);
  });
});

describe('addBusinessMinutes', () => {
  it.each([
    ['inside one day', '2026-03-03T10:00:00+08:00', 30, '2026-03-03T10:30:00+08:00'],
    ['ending exactly at close gives 17:00', '2026-03-03T13:00:00+08:00', 240, '2026-03-03T17:00:00+08:00'],
    ['whole day from opening ends at 17:00', '2026-03-03T09:00:00+08:00', 480, '2026-03-03T17:00:00+08:00'],
    ['crossing 17:00', '2026-03-03T16:30:00+08:00', 60, '2026-03-04T09:30:00+08:00'],
    ['starting before opening', '2026-03-03T07:15:00+08:00', 30, '2026-03-03T09:30:00+08:00'],
    ['starting after close', '2026-03-03T18:00:00+08:00', 30, '2026-03-04T09:30:00+08:00'],
    ['starting exactly at close', '2026-03-03T17:00:00+08:00', 1, '2026-03-04T09:01:00+08:00'],
    ['crossing a weekend', '2026-03-06T16:00:00+08:00', 120, '2026-03-09T10:00:00+08:00'],
    ['starting on a Saturday', '2026-03-07T10:00:00+08:00', 30, '2026-03-09T09:30:00+08:00'],
    ['into a 调休 Saturday (2026-02-14)', '2026-02-13T16:00:00+08:00', 120, '2026-02-14T10:00:00+08:00'],
    ['across Spring Festival 2026', '2026-02-14T16:00:00+08:00', 120, '2026-02-24T10:00:00+08:00'],
    ['across Spring Festival 2025', '2025-01-27T16:00:00+08:00', 120, '2025-02-05T10:00:00+08:00'],
    ['on a 调休 Sunday (2025-01-26)', '2025-01-26T09:00:00+08:00', 60, '2025-01-26T10:00:00+08:00'],
    ['across National Day 2025', '2025-09-30T16:00:00+08:00', 120, '2025-10-09T10:00:00+08:00'],
    ['across National Day 2026', '2026-09-30T16:00:00+08:00', 120, '2026-10-08T10:00:00+08:00'],
    ['into the 调休 Sunday 2026-09-20', '2026-09-19T10:00:00+08:00', 60, '2026-09-20T10:00:00+08:00'],
    ['across New Year 2026 into a 调休 Sunday', '2025-12-31T16:00:00+08:00', 120, '2026-01-04T10:00:00+08:00'],
    ['into 2027 on plain weekdays', '2026-12-31T16:00:00+08:00', 120, '2027-01-01T10:00:00+08:00'],
    ['Labour Day 2026 into the 调休 Saturday 05-09', '2026-04-30T16:00:00+08:00', 1560, '2026-05-09T10:00:00+08:00'],
    ['zero minutes', '2026-03-07T10:00:00+08:00', 0, '2026-03-07T10:00:00+08:00'],
    ['from a UTC instant', '2026-03-03T08:30:00Z', 60, '2026-03-04T09:30:00+08:00'],
  ])('%s', (_label, from, minutes, expected) => {
    expect(addBusinessMinutes(cal, d(from), minutes).getTime()).toBe(iso(d(expected)));
  });

  it('honours several windows a day (lunch break)', () => {
    const lunch: CalendarData = {
      ...cal,
      workHours: [
        { start: '13:00', end: '17:00' },
        { start: '09:00', end: '12:00' },
      ],
    };
    expect(addBusinessMinutes(lunch, d('2026-03-03T11:30:00+08:00'), 60).getTime()).toBe(
      iso(d('2026-03-03T13:30:00+08:00')),
    );
    expect(addBusinessMinutes(lunch, d('2026-03-03T11:00:00+08:00'), 60).getTime()).toBe(
      iso(d('2026-03-03T12:00:00+08:00')),
    );
    expect(businessMinutesBetween(lunch, d('2026-03-03T08:00:00+08:00'), d('2026-03-04T08:00:00+08:00'))).toBe(420);
  });

  it('refuses negative or non-finite minutes', () => {
    expect(() => addBusinessMinutes(cal, d('2026-03-03T10:00:00+08:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(cal, d('2026-03-03T10:00:00+08:00'), Number.NaN)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['same instant', '2026-03-03T10:00:00+08:00', '2026-03-03T10:00:00+08:00', 0],
    ['inside a day', '2026-03-03T10:00:00+08:00', '2026-03-03T11:15:00+08:00', 75],
    ['over a night', '2026-03-03T16:00:00+08:00', '2026-03-04T10:00:00+08:00', 120],
    ['over a weekend', '2026-03-06T16:00:00+08:00', '2026-03-09T10:00:00+08:00', 120],
    ['within a weekend', '2026-03-07T08:00:00+08:00', '2026-03-08T20:00:00+08:00', 0],
    [
      'Spring Festival 2026 with both 调休 Saturdays',
      '2026-02-13T09:00:00+08:00',
      '2026-03-02T09:00:00+08:00',
      7 * 480,
    ],
    ['a whole 2025 week with Qingming', '2025-03-31T00:00:00+08:00', '2025-04-07T00:00:00+08:00', 4 * 480],
    ['outside hours both ends', '2026-03-03T18:00:00+08:00', '2026-03-04T08:00:00+08:00', 0],
    ['seconds count as fractions', '2026-03-03T10:00:00+08:00', '2026-03-03T10:00:30+08:00', 0.5],
    ['reversed gives a negative', '2026-03-04T10:00:00+08:00', '2026-03-03T16:00:00+08:00', -120],
  ])('%s', (_label, from, to, expected) => {
    expect(businessMinutesBetween(cal, d(from), d(to))).toBe(expected);
  });

  it('counts a whole covered year of working days', () => {
    // 2026: 261 weekdays − 19 weekday holidays + 6 调休 weekend days = 248 working days
    expect(businessMinutesBetween(cal, d('2026-01-01T00:00:00+08:00'), d('2027-01-01T00:00:00+08:00'))).toBe(248 * 480);
    // 2025: 261 weekdays − 18 + 5 = 248
    expect(businessMinutesBetween(cal, d('2025-01-01T00:00:00+08:00'), d('2026-01-01T00:00:00+08:00'))).toBe(248 * 480);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-03-03', 1, '2026-03-04'],
    ['2026-03-06', 1, '2026-03-09'],
    ['2026-03-06', 3, '2026-03-11'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-27', 3, '2025-02-07'],
    ['2026-12-30', 3, '2027-01-04'],
    ['2026-03-03', 0, '2026-03-03'],
    ['2026-02-24', -1, '2026-02-14'],
    ['2026-03-09', -1, '2026-03-06'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(addWorkingDays(cal, date, n)).toBe(expected);
  });

  it('counts working days in a range', () => {
    expect(workingDaysBetween(cal, '2026-02-09', '2026-03-02')).toBe(5 + 1 + 4 + 1);
    expect(workingDaysBetween(cal, '2026-03-02', '2026-02-09')).toBe(0);
  });
});

// A deliberately naive oracle: walks minute by minute over whole-minute instants.
function naiveMinutes(c: CalendarData, from: number, to: number): number {
  let n = 0;
  for (let t = from; t < to; t += 60_000) {
    const local = new Date(t + 8 * 3_600_000);
    const date = local.toISOString().slice(0, 10);
    const hm = local.toISOString().slice(11, 16);
    if (isWorkingDay(c, date) && c.workHours.some((w) => hm >= w.start && hm < w.end)) n++;
  }
  return n;
}

const minuteIn2025to2027 = fc
  .integer({ min: Date.UTC(2024, 11, 20) / 60_000, max: Date.UTC(2027, 1, 1) / 60_000 })
  .map((m) => m * 60_000);

describe('business time properties', () => {
  it('businessMinutesBetween(a, addBusinessMinutes(a, m)) === m', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 11, 1), max: Date.UTC(2027, 11, 31) }),
        fc.integer({ min: 0, max: 50_000 }),
        (a, m) => {
          const due = addBusinessMinutes(cal, new Date(a), m);
          expect(due.getTime()).toBeGreaterThanOrEqual(a);
          expect(businessMinutesBetween(cal, new Date(a), due)).toBe(m);
        },
      ),
      { numRuns: fcRuns(500) },
    );
  });

  it('agrees with a minute-by-minute oracle', () => {
    fc.assert(
      fc.property(minuteIn2025to2027, fc.integer({ min: 0, max: 6 * 24 * 60 }), (a, span) => {
        expect(businessMinutesBetween(cal, new Date(a), new Date(a + span * 60_000))).toBe(
          naiveMinutes(cal, a, a + span * 60_000),
        );
      }),
      { numRuns: fcRuns(60) },
    );
  });

  it('is additive and non-negative forwards', () => {
    fc.assert(
      fc.property(minuteIn2025to2027, fc.nat(20_000), fc.nat(20_000), (a, x, y) => {
        const b = a + x * 60_000;
        const c = b + y * 60_000;
        const ab = businessMinutesBetween(cal, new Date(a), new Date(b));
        const bc = businessMinutesBetween(cal, new Date(b), new Date(c));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab + bc).toBe(businessMinutesBetween(cal, new Date(a), new Date(c)));
      }),
    );
  });

  it('the due instant is monotonic in the minutes and lands in business time', () => {
    fc.assert(
      fc.property(
        minuteIn2025to2027,
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        (a, m1, m2) => {
          const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
          const d1 = addBusinessMinutes(cal, new Date(a), lo).getTime();
          const d2 = addBusinessMinutes(cal, new Date(a), hi).getTime();
          expect(d1).toBeLessThanOrEqual(d2);
          const local = new Date(d1 + 8 * 3_600_000).toISOString();
          expect(isWorkingDay(cal, local.slice(0, 10))).toBe(true);
          expect(local.slice(11, 16) > '09:00' && local.slice(11, 16) <= '17:00').toBe(true);
        },
      ),
    );
  });

  it('addWorkingDays lands on a working day with exactly n working days in between', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 31) }),
        fc.integer({ min: 1, max: 40 }),
        (t, n) => {
          const date = new Date(t).toISOString().slice(0, 10);
          const out = addWorkingDays(cal, date, n);
          expect(isWorkingDay(cal, out)).toBe(true);
          const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          const after = new Date(Date.parse(`${out}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          expect(workingDaysBetween(cal, next, after)).toBe(n);
          if (isWorkingDay(cal, date)) expect(addWorkingDays(cal, out, -n)).toBe(date);
        },
      ),
    );
  });
});
