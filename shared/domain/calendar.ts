/**
 * The business calendar (5×8, Asia/Shanghai, statutory holidays and 调休 working days).
 * This module is the public entry point: the data and its editing live in ./calendar-data.ts, the
 * business-time arithmetic in ./business-time.ts. Asia/Shanghai is UTC+8 with no DST, so all
 * arithmetic uses a fixed +08:00 offset (see ./time.ts).
 */
export type {
  CalendarData,
  CalendarIssue,
  CalendarIssueCode,
  CalendarResult,
  CalendarYear,
  DayKind,
  TimeOfDay,
} from './calendar-data';
export {
  addCalendarEntry,
  calendarDataSchema,
  calendarYear,
  calendarYearDays,
  calendarYearSchema,
  defaultCalendar,
  importCalendarYear,
  missingCalendarYears,
  parseCalendarYear,
  removeCalendarEntry,
  setWorkHours,
  setYearCovered,
  validateCalendar,
  validateWorkHours,
} from './calendar-data';
export {
  addBusinessMinutes,
  addWorkingDays,
  businessMinutesBetween,
  coverage,
  isWorkingDay,
  uncoveredYearsBetween,
  workingDaysBetween,
} from './business-time';
