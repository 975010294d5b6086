/**
 * Report deadlines of a finished inspection (docs/domain.md, Monthly inspection), through the rule engine
 * (shared/domain/inspection-deadlines.ts): the inspection report is due 3 calendar days after the
 * inspection ends, the system diagnosis report 3 working days after (holidays and 调休 from the
 * business calendar). Plus the few date helpers the plan needs. Pure.
 */
import { defaultCalendar, type CalendarData } from '@shared/domain/calendar';
import { inspectionDeadlines, type Deadline } from '@shared/domain/inspection-deadlines';
import { addCalendarDays, shanghaiDate } from '@shared/domain/time';

export type { Deadline };

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export function shanghaiDay(instant: string | Date): string {
  return shanghaiDate(typeof instant === 'string' ? new Date(instant) : instant);
}

/** `YYYY-MM` of an instant in Asia/Shanghai. */
export const shanghaiMonth = (instant: Date) => shanghaiDay(instant).slice(0, 7);

/** Adds calendar days to a `YYYY-MM-DD` date. */
export const addDays = addCalendarDays;

/** Last day of a `YYYY-MM` month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The first issue of each report type (a later version does not move the deadline). */
export interface IssuedReports {
  inspection?: string;
  diagnosis?: string;
}

/** Both report deadlines of an inspection that ended at `finishedAt`, read at `now`. */
export function reportDeadlines(
  finishedAt: string,
  issued: IssuedReports,
  now: Date,
  calendar: CalendarData = defaultCalendar(),
): { report: Deadline; diagnosis: Deadline } {
  return inspectionDeadlines(
    calendar,
    { endDate: finishedAt, reportDoneAt: issued.inspection, diagnosisDoneAt: issued.diagnosis },
    now,
  );
}

/** An inspection not finished after its planned last day. */
export function isInspectionOverdue(i: { status: string; dueDate: string }, now: Date): boolean {
  return i.status !== 'finished' && shanghaiDay(now) > i.dueDate;
}
