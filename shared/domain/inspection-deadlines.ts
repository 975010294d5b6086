/**
 * Deadlines of the monthly inspection (定期巡检): the inspection report 巡检报告 is due 3 calendar days
 * after the inspection ends; the system diagnosis report with improvement suggestions
 * 系统诊断报告与改善建议 is due 3 working days after the check. A deadline is met through the whole
 * of its due day (Asia/Shanghai).
 */
import { addWorkingDays, coverage } from './business-time';
import type { CalendarData } from './calendar-data';
import { addCalendarDays, dayNumberOf, parseInstant, shanghaiDate, startOfShanghaiDay, toShanghaiDate } from './time';

export const INSPECTION_REPORT_DAYS = 3;
export const DIAGNOSIS_REPORT_WORKING_DAYS = 3;

export type DeadlineStatus = 'due' | 'overdue' | 'done';

/** A date deadline read at `now`. `daysLeft` counts calendar days from today to the due day (negative when overdue). */
export type Deadline = {
  dueDate: string;
  status: DeadlineStatus;
  daysLeft: number;
  /** Set when done: whether it was done after its due day. */
  doneLate?: boolean;
  /** Set when the due date was computed on plain weekdays (a year the calendar does not cover). */
  warning?: string;
};

function dateOf(value: string | Date, name: string): string {
  const d = toShanghaiDate(value);
  if (d === undefined) throw new RangeError(`${name} must be a YYYY-MM-DD date or an ISO 8601 time with an offset`);
  return d;
}

/** Inspection report due date: the end date + 3 calendar days. */
export function inspectionReportDue(endDate: string | Date): string {
  return addCalendarDays(dateOf(endDate, 'endDate'), INSPECTION_REPORT_DAYS);
}

/** System diagnosis report due date: the 3rd working day after the check's end date. */
export function diagnosisReportDue(cal: CalendarData, endDate: string | Date): string {
  return addWorkingDays(cal, dateOf(endDate, 'endDate'), DIAGNOSIS_REPORT_WORKING_DAYS);
}

/** Status of a date deadline at `now`: done (if `doneAt` is given and not after now), overdue after the due day, else due. */
export function deadlineStatus(dueDate: string, now: Date, doneAt?: string | Date): Deadline {
  const due = dayNumberOf(dueDate);
  if (due === undefined) throw new RangeError(`Not a valid due date: ${dueDate}`);
  const today = dayNumberOf(shanghaiDate(now))!;
  const base = { dueDate, daysLeft: due - today };
  if (doneAt !== undefined) {
    const doneDate = dateOf(doneAt, 'doneAt');
    // A done date without a time counts from the start of that day; a completion after now is not known yet.
    const doneMs =
      doneAt instanceof Date ? doneAt.getTime() : (parseInstant(doneAt) ?? startOfShanghaiDay(dayNumberOf(doneDate)!));
    if (doneMs <= now.getTime()) return { ...base, status: 'done', doneLate: dayNumberOf(doneDate)! > due };
  }
  return { ...base, status: today > due ? 'overdue' : 'due' };
}

/** Both deadlines of one inspection, read at `now`. */
export function inspectionDeadlines(
  cal: CalendarData,
  inspection: { endDate: string | Date; reportDoneAt?: string | Date; diagnosisDoneAt?: string | Date },
  now: Date,
): { report: Deadline; diagnosis: Deadline } {
  const end = dateOf(inspection.endDate, 'endDate');
  const report = deadlineStatus(inspectionReportDue(end), now, inspection.reportDoneAt);
  const diagnosisDue = diagnosisReportDue(cal, end);
  const diagnosis = deadlineStatus(diagnosisDue, now, inspection.diagnosisDoneAt);
  const years = new Set([+end.slice(0, 4), +diagnosisDue.slice(0, 4)]);
  const uncovered = [...years].filter((y) => coverage(cal, y) === 'weekdays-only');
  if (uncovered.length) {
    diagnosis.warning = `No calendar data for ${uncovered.join(', ')}: the diagnosis report due date is computed on plain weekdays.`;
  }
  return { report, diagnosis };
}
