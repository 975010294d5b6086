/**
 * The business calendar's data: types, the shipped years, validation (zod), import and editing.
 * The team keeps the calendar: every edit goes through these functions so that a date that does
 * not exist, or a day listed as both holiday and working day, is refused with a clear message.
 */
import { z } from 'zod';
import data2025 from '../../resources/calendar/2025.json';
import data2026 from '../../resources/calendar/2026.json';
import { dateOfDayNumber, dayNumberOf, dayOfWeek, parseTimeOfDay, shanghaiYear } from './time';

/** A time of day, `HH:mm` (24-hour). */
export type TimeOfDay = string;

/** The 5×8 calendar. Dates are `YYYY-MM-DD`; `workdays` are the 调休 weekend days that are working days. */
export type CalendarData = {
  timeZone: 'Asia/Shanghai';
  workHours: Array<{ start: TimeOfDay; end: TimeOfDay }>;
  holidays: string[];
  workdays: string[];
  years: number[];
};

/** One year of calendar data, as stored in `resources/calendar/<year>.json` and imported in Settings. */
export type CalendarYear = { year: number; holidays: string[]; workdays: string[]; source?: string };

/** One problem found in calendar data: a stable `code` (for i18n), the offending value, and an English message. */
export type CalendarIssue = { code: CalendarIssueCode; message: string; value?: string };
export type CalendarIssueCode =
  | 'invalid-json'
  | 'invalid-shape'
  | 'invalid-year'
  | 'invalid-date'
  | 'wrong-year'
  | 'duplicate'
  | 'holiday-and-workday'
  | 'workday-not-weekend'
  | 'invalid-time'
  | 'empty-hours'
  | 'overlapping-hours'
  | 'invalid-time-zone';

/** Result of a validating parse or edit: the value, or every problem found. */
export type CalendarResult<T> = { ok: true; value: T } | { ok: false; errors: string[]; issues: CalendarIssue[] };

const SHIPPED_YEARS: CalendarYear[] = [data2025, data2026];

/** The default calendar: 09:00–17:00 with the State Council's 2025 and 2026 holidays and 调休 days. */
export function defaultCalendar(): CalendarData {
  return {
    timeZone: 'Asia/Shanghai',
    workHours: [{ start: '09:00', end: '17:00' }],
    holidays: SHIPPED_YEARS.flatMap((y) => y.holidays),
    workdays: SHIPPED_YEARS.flatMap((y) => y.workdays),
    years: SHIPPED_YEARS.map((y) => y.year),
  };
}

/** zod schema of a calendar-year file (shape only; `validateCalendarYear` checks the dates). */
export const calendarYearSchema = z.object({
  year: z.number().int().min(1900).max(2999),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  source: z.string().optional(),
});

/** zod schema of CalendarData (shape only; `validateCalendar` checks the content). */
export const calendarDataSchema = z.object({
  timeZone: z.literal('Asia/Shanghai'),
  workHours: z.array(z.object({ start: z.string(), end: z.string() })),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  years: z.array(z.number().int().min(1900).max(2999)),
});

function issue(code: CalendarIssueCode, message: string, value?: string): CalendarIssue {
  return value === undefined ? { code, message } : { code, message, value };
}

function result<T>(value: T, issues: CalendarIssue[]): CalendarResult<T> {
  return issues.length === 0 ? { ok: true, value } : { ok: false, errors: issues.map((i) => i.message), issues };
}

function zodIssues(error: z.ZodError): CalendarIssue[] {
  return error.issues.map((i) => {
    const path = i.path.length ? i.path.join('.') : '(root)';
    return issue(i.path[0] === 'year' ? 'invalid-year' : 'invalid-shape', `${path}: ${i.message}`);
  });
}

/** Checks the entries of holiday and working-day lists; `year` restricts them to one year. */
function entryIssues(holidays: string[], workdays: string[], year?: number): CalendarIssue[] {
  const out: CalendarIssue[] = [];
  const seen = new Map<string, 'holiday' | 'working day'>();
  const check = (date: string, kind: 'holiday' | 'working day') => {
    const d = dayNumberOf(date);
    if (d === undefined) {
      out.push(issue('invalid-date', `${kind} "${date}" is not a real date in the form YYYY-MM-DD`, date));
      return;
    }
    if (year !== undefined && !date.startsWith(`${year}-`)) {
      out.push(issue('wrong-year', `${kind} ${date} is not in ${year}`, date));
    }
    const prev = seen.get(date);
    if (prev === kind) out.push(issue('duplicate', `${date} is listed twice as a ${kind}`, date));
    else if (prev)
      out.push(issue('holiday-and-workday', `${date} is listed both as a holiday and as a working day`, date));
    else seen.set(date, kind);
    if (kind === 'working day' && dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6) {
      out.push(
        issue(
          'workday-not-weekend',
          `working day ${date} is a weekday; only a Saturday or Sunday can be an adjusted (调休) working day`,
          date,
        ),
      );
    }
  };
  for (const d of holidays) check(d, 'holiday');
  for (const d of workdays) check(d, 'working day');
  return out;
}

/** Checks business hours: real `HH:mm` times, start before end, no overlap, at least one window. */
export function validateWorkHours(hours: Array<{ start: string; end: string }>): CalendarIssue[] {
  const out: CalendarIssue[] = [];
  if (hours.length === 0) out.push(issue('empty-hours', 'business hours need at least one window, e.g. 09:00–17:00'));
  const windows: Array<[number, number, string]> = [];
  for (const w of hours) {
    const s = parseTimeOfDay(w.start);
    const e = parseTimeOfDay(w.end);
    const label = `${w.start}–${w.end}`;
    if (s === undefined || e === undefined)
      out.push(issue('invalid-time', `business hours ${label}: times must be HH:mm between 00:00 and 24:00`, label));
    else if (e <= s)
      out.push(issue('invalid-time', `business hours ${label}: the start must be before the end`, label));
    else windows.push([s, e, label]);
  }
  windows.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < windows.length; i++) {
    if (windows[i][0] < windows[i - 1][1]) {
      out.push(
        issue('overlapping-hours', `business hours ${windows[i - 1][2]} and ${windows[i][2]} overlap`, windows[i][2]),
      );
    }
  }
  return out;
}

/** Every problem in a whole calendar (shape, hours, dates, duplicates, holiday-and-working-day clashes). */
export function validateCalendar(cal: unknown): CalendarIssue[] {
  const parsed = calendarDataSchema.safeParse(cal);
  if (!parsed.success) {
    return zodIssues(parsed.error).map((i) =>
      i.message.startsWith('timeZone') ? issue('invalid-time-zone', 'timeZone must be "Asia/Shanghai"') : i,
    );
  }
  const c = parsed.data;
  const out = [...validateWorkHours(c.workHours), ...entryIssues(c.holidays, c.workdays)];
  if (new Set(c.years).size !== c.years.length) out.push(issue('duplicate', 'a year is listed twice in "years"'));
  return out;
}

/**
 * Validates one calendar year (an object, or JSON text) with zod and the calendar rules, and returns
 * it normalised (sorted, trimmed of unknown keys) or every problem found.
 */
export function parseCalendarYear(json: unknown): CalendarResult<CalendarYear> {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (err) {
      return result({ year: 0, holidays: [], workdays: [] }, [
        issue('invalid-json', `not valid JSON: ${(err as Error).message}`),
      ]);
    }
  }
  const parsed = calendarYearSchema.safeParse(input);
  if (!parsed.success) return result({ year: 0, holidays: [], workdays: [] }, zodIssues(parsed.error));
  const y = parsed.data;
  const value: CalendarYear = { year: y.year, holidays: [...y.holidays].sort(), workdays: [...y.workdays].sort() };
  if (y.source !== undefined) value.source = y.source;
  return result(value, entryIssues(y.holidays, y.workdays, y.year));
}

/** The entries of one year, in the form of a calendar-year file (for export and the year view). */
export function calendarYear(cal: CalendarData, year: number): CalendarYear {
  const prefix = `${year}-`;
  return {
    year,
    holidays: cal.holidays.filter((d) => d.startsWith(prefix)).sort(),
    workdays: cal.workdays.filter((d) => d.startsWith(prefix)).sort(),
  };
}

/**
 * Imports one year into a calendar: replaces that year's entries, marks the year as covered.
 * `json` is a calendar-year object or JSON text; invalid data is refused with every problem.
 */
export function importCalendarYear(cal: CalendarData, json: unknown): CalendarResult<CalendarData> {
  const parsed = parseCalendarYear(json);
  if (!parsed.ok) return parsed;
  const y = parsed.value;
  const prefix = `${y.year}-`;
  return {
    ok: true,
    value: {
      ...cal,
      holidays: [...cal.holidays.filter((d) => !d.startsWith(prefix)), ...y.holidays].sort(),
      workdays: [...cal.workdays.filter((d) => !d.startsWith(prefix)), ...y.workdays].sort(),
      years: [...new Set([...cal.years, y.year])].sort((a, b) => a - b),
    },
  };
}

/** Adds a holiday or an adjusted (调休) working day; refuses invalid dates, duplicates and clashes. */
export function addCalendarEntry(
  cal: CalendarData,
  kind: 'holiday' | 'workday',
  date: string,
): CalendarResult<CalendarData> {
  const holidays = kind === 'holiday' ? [...cal.holidays, date] : cal.holidays;
  const workdays = kind === 'workday' ? [...cal.workdays, date] : cal.workdays;
  const problems = entryIssues(holidays, workdays).filter((i) => i.value === date);
  if (problems.length) return result(cal, problems);
  return { ok: true, value: { ...cal, holidays: [...holidays].sort(), workdays: [...workdays].sort() } };
}

/** Removes a date from the holidays and the adjusted working days (no-op if it is in neither). */
export function removeCalendarEntry(cal: CalendarData, date: string): CalendarData {
  return { ...cal, holidays: cal.holidays.filter((d) => d !== date), workdays: cal.workdays.filter((d) => d !== date) };
}

/** Marks a year as covered (its holiday data is complete) or not. */
export function setYearCovered(cal: CalendarData, year: number, covered: boolean): CalendarResult<CalendarData> {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) {
    return result(cal, [issue('invalid-year', `year ${year} must be an integer between 1900 and 2999`, String(year))]);
  }
  const years = covered ? [...new Set([...cal.years, year])] : cal.years.filter((y) => y !== year);
  return { ok: true, value: { ...cal, years: years.sort((a, b) => a - b) } };
}

/** Replaces the business hours; refuses invalid or overlapping windows. */
export function setWorkHours(cal: CalendarData, workHours: CalendarData['workHours']): CalendarResult<CalendarData> {
  const problems = validateWorkHours(workHours);
  return problems.length
    ? result(cal, problems)
    : { ok: true, value: { ...cal, workHours: workHours.map((w) => ({ ...w })) } };
}

/** What kind of day a date is, for the Settings year view. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

/** Every day of a year with its kind (holidays and 调休 days marked), for the Settings year view. */
export function calendarYearDays(cal: CalendarData, year: number): Array<{ date: string; kind: DayKind }> {
  const holidays = new Set(cal.holidays);
  const workdays = new Set(cal.workdays);
  const first = dayNumberOf(`${year}-01-01`);
  const last = dayNumberOf(`${year}-12-31`);
  if (first === undefined || last === undefined) return [];
  const out: Array<{ date: string; kind: DayKind }> = [];
  for (let d = first; d <= last; d++) {
    const date = dateOfDayNumber(d);
    const weekend = dayOfWeek(d) === 0 || dayOfWeek(d) === 6;
    const kind: DayKind = holidays.has(date)
      ? 'holiday'
      : workdays.has(date)
        ? weekend
          ? 'adjusted-workday'
          : 'workday'
        : weekend
          ? 'weekend'
          : 'workday';
    out.push({ date, kind });
  }
  return out;
}

/** The current and the next Asia/Shanghai year when the calendar has no data for them (for the dashboard warning). */
export function missingCalendarYears(cal: CalendarData, now: Date): number[] {
  const year = shanghaiYear(now);
  return [year, year + 1].filter((y) => !cal.years.includes(y));
}
