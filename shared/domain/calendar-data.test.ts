import { describe, expect, it } from 'vitest';
import data2025 from '../../resources/calendar/2025.json';
import data2026 from '../../resources/calendar/2026.json';
import {
  addCalendarEntry,
  calendarYear,
  calendarYearDays,
  coverage,
  defaultCalendar,
  importCalendarYear,
  isWorkingDay,
  missingCalendarYears,
  parseCalendarYear,
  removeCalendarEntry,
  setWorkHours,
  setYearCovered,
  validateCalendar,
} from './calendar';

const cal = defaultCalendar();
const y2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08'],
  workdays: ['2027-02-07'],
};

describe('shipped calendar files', () => {
  it.each([data2025, data2026])('resources/calendar/$year.json is valid', (file) => {
    const r = parseCalendarYear(file);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
  it('the default calendar is valid', () => {
    expect(validateCalendar(cal)).toEqual([]);
  });
  it('defaultCalendar returns a fresh copy each time', () => {
    const a = defaultCalendar();
    a.holidays.push('2026-03-03');
    expect(defaultCalendar().holidays).not.toContain('2026-03-03');
  });
});

describe('parseCalendarYear', () => {
  it('accepts a valid year (object or JSON text) and sorts it', () => {
    const r = parseCalendarYear(JSON.stringify({ ...y2027, holidays: [...y2027.holidays].reverse(), extra: 1 }));
    expect(r).toEqual({ ok: true, value: y2027 });
  });

  it('lists every problem at once', () => {
    const r = parseCalendarYear({
      year: 2027,
      holidays: ['2027-02-30', '2027-05-01', '2027-05-01', '2026-12-31', '2027-10-09'],
      workdays: ['2027-10-09', '2027-03-03'],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const codes = r.issues.map((i) => `${i.code}:${i.value}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'invalid-date:2027-02-30',
        'duplicate:2027-05-01',
        'wrong-year:2026-12-31',
        'holiday-and-workday:2027-10-09',
        'workday-not-weekend:2027-03-03',
      ]),
    );
    expect(r.errors).toHaveLength(r.issues.length);
    expect(r.errors.join('\n')).toMatch(/2027-02-30.*not a real date/);
    expect(r.errors.join('\n')).toMatch(/2027-10-09 is listed both as a holiday and as a working day/);
  });

  it.each([
    ['not JSON', '{year: 2027', 'invalid-json'],
    ['missing lists', { year: 2027 }, 'invalid-shape'],
    ['a year that is not a number', { year: '2027', holidays: [], workdays: [] }, 'invalid-year'],
    ['a fractional year', { year: 2027.5, holidays: [], workdays: [] }, 'invalid-year'],
    ['dates that are not strings', { year: 2027, holidays: [20270101], workdays: [] }, 'invalid-shape'],
    ['a date in another format', { year: 2027, holidays: ['2027/01/01'], workdays: [] }, 'invalid-date'],
  ])('refuses %s', (_label, input, code) => {
    const r = parseCalendarYear(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain(code);
  });
});

describe('importCalendarYear', () => {
  it('adds a year, marks it covered and changes working days', () => {
    expect(coverage(cal, 2027)).toBe('weekdays-only');
    expect(isWorkingDay(cal, '2027-02-05')).toBe(true);
    const r = importCalendarYear(cal, y2027);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(coverage(r.value, 2027)).toBe('covered');
    expect(isWorkingDay(r.value, '2027-02-05')).toBe(false);
    expect(isWorkingDay(r.value, '2027-02-07')).toBe(true);
    expect(calendarYear(r.value, 2027)).toEqual(y2027);
    expect(calendarYear(r.value, 2026)).toEqual(calendarYear(cal, 2026));
    expect(validateCalendar(r.value)).toEqual([]);
    expect(coverage(cal, 2027)).toBe('weekdays-only'); // the input is not mutated
  });

  it('replaces a year that was already there', () => {
    const r = importCalendarYear(cal, { year: 2026, holidays: ['2026-01-01'], workdays: [] });
    expect(r.ok && calendarYear(r.value, 2026)).toEqual({ year: 2026, holidays: ['2026-01-01'], workdays: [] });
    expect(r.ok && isWorkingDay(r.value, '2026-02-16')).toBe(true);
  });

  it('refuses invalid data and leaves nothing half-imported', () => {
    const r = importCalendarYear(cal, { year: 2027, holidays: ['2027-13-01'], workdays: [] });
    expect(r.ok).toBe(false);
  });
});

describe('editing entries', () => {
  it('adds and removes a holiday and a 调休 working day', () => {
    const a = addCalendarEntry(cal, 'holiday', '2027-01-01');
    expect(a.ok && isWorkingDay(a.value, '2027-01-01')).toBe(false);
    const b = a.ok ? addCalendarEntry(a.value, 'workday', '2027-01-03') : a;
    expect(b.ok && isWorkingDay(b.value, '2027-01-03')).toBe(true);
    if (!b.ok) return;
    const c = removeCalendarEntry(removeCalendarEntry(b.value, '2027-01-01'), '2027-01-03');
    expect(isWorkingDay(c, '2027-01-01')).toBe(true);
    expect(isWorkingDay(c, '2027-01-03')).toBe(false);
  });

  it.each([
    ['holiday', '2026-02-30', 'invalid-date'],
    ['holiday', '2026-02-14', 'holiday-and-workday'],
    ['workday', '2026-02-16', 'holiday-and-workday'],
    ['holiday', '2026-02-16', 'duplicate'],
    ['workday', '2026-03-04', 'workday-not-weekend'],
  ] as const)('refuses adding %s %s (%s)', (kind, date, code) => {
    const r = addCalendarEntry(cal, kind, date);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain(code);
  });

  it('sets covered years and business hours with validation', () => {
    const r = setYearCovered(cal, 2027, true);
    expect(r.ok && coverage(r.value, 2027)).toBe('covered');
    const u = r.ok ? setYearCovered(r.value, 2027, false) : r;
    expect(u.ok && coverage(u.value, 2027)).toBe('weekdays-only');
    expect(setYearCovered(cal, 27.5, true).ok).toBe(false);
    expect(setWorkHours(cal, [{ start: '08:30', end: '17:30' }]).ok).toBe(true);
    for (const bad of [
      [],
      [{ start: '17:00', end: '09:00' }],
      [{ start: '9:00', end: '17:00' }],
      [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
    ]) {
      const res = setWorkHours(cal, bad);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.errors.length).toBeGreaterThan(0);
    }
  });

  it('validateCalendar reports a wrong time zone and bad entries', () => {
    expect(validateCalendar({ ...cal, timeZone: 'UTC' }).map((i) => i.code)).toContain('invalid-time-zone');
    expect(validateCalendar({ ...cal, holidays: [...cal.holidays, '2026-02-14'] }).map((i) => i.code)).toContain(
      'holiday-and-workday',
    );
    expect(validateCalendar({ ...cal, years: [2025, 2025] }).map((i) => i.code)).toContain('duplicate');
  });
});

describe('year view and dashboard warning', () => {
  it('marks holidays and 调休 days for a year', () => {
    const days = calendarYearDays(cal, 2026);
    expect(days).toHaveLength(365);
    const kind = (date: string) => days.find((x) => x.date === date)?.kind;
    expect(kind('2026-02-14')).toBe('adjusted-workday');
    expect(kind('2026-02-16')).toBe('holiday');
    expect(kind('2026-02-15')).toBe('holiday');
    expect(kind('2026-03-07')).toBe('weekend');
    expect(kind('2026-03-09')).toBe('workday');
    expect(days.filter((x) => x.kind === 'adjusted-workday')).toHaveLength(6);
    expect(calendarYearDays(cal, 2028)).toHaveLength(366);
  });

  it('names the current or next year when it has no data', () => {
    expect(missingCalendarYears(cal, new Date('2026-11-25T10:00:00+08:00'))).toEqual([2027]);
    expect(missingCalendarYears(cal, new Date('2025-06-01T10:00:00+08:00'))).toEqual([]);
    // 2026-12-31T17:00Z is already 2027-01-01 in Shanghai
    expect(missingCalendarYears(cal, new Date('2026-12-31T17:00:00Z'))).toEqual([2027, 2028]);
  });
});
