/**
 * Team stability: replacing a resident engineer needs 30 days' written notice to the client
 * (and the client's consent, recorded separately). A planned date less than 30 days after the
 * notice is refused.
 */
import { dateOfDayNumber, dayNumberOf, toShanghaiDate } from './time';

export const PERSONNEL_NOTICE_DAYS = 30;

export type PersonnelCheck =
  | { ok: true; daysOfNotice: number }
  | { ok: false; code: 'notice-too-short'; daysOfNotice: number; daysShort: number; earliestDate: string; message: string }
  | { ok: false; code: 'invalid-date'; message: string };

/**
 * Checks a personnel change: `plannedDate` must be at least 30 calendar days after `noticeDate`
 * (dates `YYYY-MM-DD`, or instants read in Asia/Shanghai). On refusal, says how many days are
 * missing and the earliest allowed date.
 */
export function checkPersonnelChange(change: { noticeDate: string | Date; plannedDate: string | Date }): PersonnelCheck {
  const notice = toShanghaiDate(change.noticeDate);
  const planned = toShanghaiDate(change.plannedDate);
  if (notice === undefined || planned === undefined) {
    return { ok: false, code: 'invalid-date', message: 'The notice date and the planned date must be valid dates (YYYY-MM-DD).' };
  }
  const n = dayNumberOf(notice)!;
  const daysOfNotice = dayNumberOf(planned)! - n;
  if (daysOfNotice >= PERSONNEL_NOTICE_DAYS) return { ok: true, daysOfNotice };
  const earliestDate = dateOfDayNumber(n + PERSONNEL_NOTICE_DAYS);
  const daysShort = PERSONNEL_NOTICE_DAYS - daysOfNotice;
  return {
    ok: false,
    code: 'notice-too-short',
    daysOfNotice,
    daysShort,
    earliestDate,
    message: `The planned change on ${planned} is only ${daysOfNotice} day(s) after the written notice of ${notice}; the contract requires ${PERSONNEL_NOTICE_DAYS} days (${daysShort} short). The earliest allowed date is ${earliestDate}.`,
  };
}
