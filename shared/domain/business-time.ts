/**
 * 5×8 business time on a CalendarData: working days, business minutes, working-day arithmetic.
 * All arithmetic is in epoch milliseconds with the fixed Asia/Shanghai offset (UTC+8, no DST; see
 * ./time.ts). A year the calendar does not cover is computed on plain weekdays (plus any entries
 * that happen to be listed for it); `coverage` tells the caller so it can warn.
 */
import type { CalendarData } from './calendar-data';
import {
  DAY_MS,
  MINUTE_MS,
  SHANGHAI_OFFSET_MS,
  dateOfDayNumber,
  dayNumberOf,
  dayOfWeek,
  parseTimeOfDay,
  shanghaiYear,
} from './time';

interface Compiled {
  src: CalendarData;
  holidaysRef: readonly string[];
  holidaysLen: number;
  workdaysRef: readonly string[];
  workdaysLen: number;
  hoursRef: CalendarData['workHours'];
  hoursLen: number;
  holidays: Set<number>;
  workdays: Set<number>;
  /** Sorted day numbers of holidays that fall Monday–Friday. */
  weekdayHolidays: number[];
  /** Sorted day numbers of listed working days that fall on a weekend (and are not holidays). */
  weekendWorkdays: number[];
  /** Business windows within a day, as [start, end) offsets in ms from local midnight, sorted, merged. */
  windows: Array<[number, number]>;
  dailyMs: number;
}

const cache = new WeakMap<CalendarData, Compiled>();

function compile(cal: CalendarData): Compiled {
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  for (const d of cal.holidays) {
    const n = dayNumberOf(d);
    if (n !== undefined) holidays.add(n);
  }
  for (const d of cal.workdays) {
    const n = dayNumberOf(d);
    if (n !== undefined && !holidays.has(n)) workdays.add(n);
  }
  const isWeekend = (n: number) => dayOfWeek(n) === 0 || dayOfWeek(n) === 6;
  const weekdayHolidays = [...holidays].filter((n) => !isWeekend(n)).sort((a, b) => a - b);
  const weekendWorkdays = [...workdays].filter(isWeekend).sort((a, b) => a - b);
  const raw: Array<[number, number]> = [];
  for (const w of cal.workHours) {
    const s = parseTimeOfDay(w.start);
    const e = parseTimeOfDay(w.end);
    if (s !== undefined && e !== undefined && e > s) raw.push([s * MINUTE_MS, e * MINUTE_MS]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  const windows: Array<[number, number]> = [];
  for (const w of raw) {
    const last = windows[windows.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else windows.push([w[0], w[1]]);
  }
  const dailyMs = windows.reduce((sum, [s, e]) => sum + (e - s), 0);
  return {
    src: cal,
    holidaysRef: cal.holidays,
    holidaysLen: cal.holidays.length,
    workdaysRef: cal.workdays,
    workdaysLen: cal.workdays.length,
    hoursRef: cal.workHours,
    hoursLen: cal.workHours.length,
    holidays,
    workdays,
    weekdayHolidays,
    weekendWorkdays,
    windows,
    dailyMs,
  };
}

/** The compiled form of a calendar, cached per object (recompiled if its arrays were replaced or grown). */
function compiled(cal: CalendarData): Compiled {
  const c = cache.get(cal);
  if (
    c &&
    c.holidaysRef === cal.holidays &&
    c.holidaysLen === cal.holidays.length &&
    c.workdaysRef === cal.workdays &&
    c.workdaysLen === cal.workdays.length &&
    c.hoursRef === cal.workHours &&
    c.hoursLen === cal.workHours.length
  ) {
    return c;
  }
  const fresh = compile(cal);
  cache.set(cal, fresh);
  return fresh;
}

function isWorkingDayNumber(c: Compiled, day: number): boolean {
  if (c.holidays.has(day)) return false;
  if (c.workdays.has(day)) return true;
  const dow = dayOfWeek(day);
  return dow !== 0 && dow !== 6;
}

/** Number of entries of a sorted array within [a, b). */
function countInRange(sorted: number[], a: number, b: number): number {
  const lower = (x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return lower(b) - lower(a);
}

/** Working days in the day-number range [a, b). */
function workingDaysInRange(c: Compiled, a: number, b: number): number {
  if (b <= a) return 0;
  const span = b - a;
  let weekdays = Math.floor(span / 7) * 5;
  for (let d = a + Math.floor(span / 7) * 7; d < b; d++) {
    const dow = dayOfWeek(d);
    if (dow !== 0 && dow !== 6) weekdays++;
  }
  return weekdays - countInRange(c.weekdayHolidays, a, b) + countInRange(c.weekendWorkdays, a, b);
}

/** Business ms of one working day's windows within [a, b) (offsets from local midnight). */
function windowOverlap(c: Compiled, a: number, b: number): number {
  let sum = 0;
  for (const [s, e] of c.windows) {
    const lo = a > s ? a : s;
    const hi = b < e ? b : e;
    if (hi > lo) sum += hi - lo;
  }
  return sum;
}

/** Business milliseconds in [from, to); negative when `to` is before `from`. */
export function businessMsBetween(cal: CalendarData, from: number, to: number): number {
  if (to === from) return 0;
  if (to < from) return -businessMsBetween(cal, to, from);
  const c = compiled(cal);
  const lf = from + SHANGHAI_OFFSET_MS;
  const lt = to + SHANGHAI_OFFSET_MS;
  const dF = Math.floor(lf / DAY_MS);
  const dT = Math.floor(lt / DAY_MS);
  const tF = lf - dF * DAY_MS;
  const tT = lt - dT * DAY_MS;
  if (dF === dT) return isWorkingDayNumber(c, dF) ? windowOverlap(c, tF, tT) : 0;
  let sum = isWorkingDayNumber(c, dF) ? windowOverlap(c, tF, DAY_MS) : 0;
  sum += workingDaysInRange(c, dF + 1, dT) * c.dailyMs;
  if (isWorkingDayNumber(c, dT)) sum += windowOverlap(c, 0, tT);
  return sum;
}

/** The instant at which `ms` business milliseconds have passed after `from` (ms ≥ 0). */
export function addBusinessMs(cal: CalendarData, from: number, ms: number): number {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`Business time to add must be a finite number ≥ 0, got ${ms}`);
  if (ms === 0) return from;
  const c = compiled(cal);
  if (c.dailyMs <= 0) throw new RangeError('The calendar has no business hours');
  let remaining = ms;
  const local = from + SHANGHAI_OFFSET_MS;
  let day = Math.floor(local / DAY_MS);
  let offset = local - day * DAY_MS;
  // A generous bound: no real calendar has a run of 3,650 days without a working day.
  for (let idle = 0; idle < 3650;) {
    if (isWorkingDayNumber(c, day)) {
      idle = 0;
      if (offset === 0 && remaining > c.dailyMs) {
        remaining -= c.dailyMs;
      } else {
        for (const [s, e] of c.windows) {
          if (offset >= e) continue;
          const start = offset > s ? offset : s;
          const avail = e - start;
          // `<=`: ending exactly at close of business gives the close instant, not the next opening.
          if (remaining <= avail) return day * DAY_MS + start + remaining - SHANGHAI_OFFSET_MS;
          remaining -= avail;
        }
      }
    } else {
      idle++;
    }
    day++;
    offset = 0;
  }
  throw new RangeError('The calendar has no working day in ten years');
}

/** True when `date` (`YYYY-MM-DD`) is a working day: a weekday that is not a holiday, or a listed 调休 working day. */
export function isWorkingDay(cal: CalendarData, date: string): boolean {
  const d = dayNumberOf(date);
  if (d === undefined) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${String(date)}`);
  return isWorkingDayNumber(compiled(cal), d);
}

/**
 * The instant at which `minutes` of business time have passed after `from`. Ending exactly at
 * close of business gives the close instant (17:00); starting outside business time counts from
 * the next opening. `minutes` may be fractional; 0 returns `from` itself.
 */
export function addBusinessMinutes(cal: CalendarData, from: Date, minutes: number): Date {
  return new Date(addBusinessMs(cal, from.getTime(), minutes * MINUTE_MS));
}

/** Business minutes between two instants (fractional when the instants are not on whole minutes; negative if `to` < `from`). */
export function businessMinutesBetween(cal: CalendarData, from: Date, to: Date): number {
  return businessMsBetween(cal, from.getTime(), to.getTime()) / MINUTE_MS;
}

/** The n-th working day after `date` (`date` itself not counted); a negative n counts backwards, 0 returns `date`. */
export function addWorkingDays(cal: CalendarData, date: string, n: number): string {
  let d = dayNumberOf(date);
  if (d === undefined) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${String(date)}`);
  if (!Number.isInteger(n)) throw new RangeError(`Working days to add must be an integer, got ${n}`);
  const c = compiled(cal);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  for (let idle = 0; left > 0;) {
    d += step;
    if (isWorkingDayNumber(c, d)) {
      left--;
      idle = 0;
    } else if (++idle > 3650) {
      throw new RangeError('The calendar has no working day in ten years');
    }
  }
  return dateOfDayNumber(d);
}

/** Number of working days in the date range [from, to) (`YYYY-MM-DD`); 0 when `to` ≤ `from`. */
export function workingDaysBetween(cal: CalendarData, from: string, to: string): number {
  const a = dayNumberOf(from);
  const b = dayNumberOf(to);
  if (a === undefined || b === undefined) throw new RangeError(`Not a valid date range: ${from} … ${to}`);
  return workingDaysInRange(compiled(cal), a, b);
}

/** Whether a year's holidays and 调休 days are known ('covered') or it is computed on plain weekdays. */
export function coverage(cal: CalendarData, year: number): 'covered' | 'weekdays-only' {
  return cal.years.includes(year) ? 'covered' : 'weekdays-only';
}

/** Asia/Shanghai years from `from` to `to` (inclusive) that the calendar does not cover. */
export function uncoveredYearsBetween(cal: CalendarData, from: number, to: number): number[] {
  const y0 = shanghaiYear(Math.min(from, to));
  const y1 = shanghaiYear(Math.max(from, to));
  const out: number[] = [];
  for (let y = y0; y <= y1; y++) if (!cal.years.includes(y)) out.push(y);
  return out;
}
