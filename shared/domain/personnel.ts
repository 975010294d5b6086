/**
 * Team stability (docs/domain.md): replacing a resident engineer needs 30 days' written notice to the
 * client and the client's consent. A planned date less than 30 days after the notice is refused,
 * saying how many days are missing and the earliest allowed date; a consent, once given, is dated
 * and not before the notice.
 */
import { addCalendarDays, dayNumberOf, toShanghaiDate } from './time';

export const PERSONNEL_NOTICE_DAYS = 30;

/** A `YYYY-MM-DD` date, or an instant read in Asia/Shanghai. */
type DateInput = string | Date;

export type PersonnelRefusal =
  | {
      ok: false;
      code: 'notice-too-short';
      noticeDays: number;
      daysOfNotice: number;
      daysShort: number;
      earliestDate: string;
      message: string;
    }
  | { ok: false; code: 'invalid-date' | 'consent-date-required' | 'consent-before-notice'; message: string };

export type PersonnelCheck = { ok: true; daysOfNotice: number; earliestDate: string } | PersonnelRefusal;

/** Statuses that say the client has consented: they need the consent date. */
const CONSENTED = new Set(['consented', 'completed']);

const dayOf = (d: DateInput | undefined) => (d === undefined ? undefined : toShanghaiDate(d));

/** Calendar days from the notice to the planned date (negative when planned before it); undefined for an invalid date. */
export function daysOfNotice(noticeDate: DateInput, plannedDate: DateInput): number | undefined {
  const n = dayOf(noticeDate);
  const p = dayOf(plannedDate);
  return n === undefined || p === undefined ? undefined : dayNumberOf(p)! - dayNumberOf(n)!;
}

/** The earliest planned date a notice allows; undefined for an invalid date. */
export function earliestChangeDate(noticeDate: DateInput, noticeDays = PERSONNEL_NOTICE_DAYS): string | undefined {
  const n = dayOf(noticeDate);
  return n === undefined ? undefined : addCalendarDays(n, noticeDays);
}

/**
 * Checks a personnel change: `plannedDate` must be at least `noticeDays` (30) calendar days after
 * `noticeDate`; a status saying the client consented needs `consentDate`, which cannot be before
 * the notice. The first rule broken is returned, with an English `message` for logs.
 */
export function checkPersonnelChange(
  change: { noticeDate: DateInput; plannedDate: DateInput; status?: string; consentDate?: DateInput },
  noticeDays = PERSONNEL_NOTICE_DAYS,
): PersonnelCheck {
  const notice = dayOf(change.noticeDate);
  const planned = dayOf(change.plannedDate);
  const consent = change.consentDate ? dayOf(change.consentDate) : undefined;
  if (notice === undefined || planned === undefined || (change.consentDate && consent === undefined)) {
    return {
      ok: false,
      code: 'invalid-date',
      message: 'The notice, planned and consent dates must be valid dates (YYYY-MM-DD).',
    };
  }
  const days = daysOfNotice(notice, planned)!;
  const earliestDate = addCalendarDays(notice, noticeDays);
  if (days < noticeDays) {
    const daysShort = noticeDays - days;
    return {
      ok: false,
      code: 'notice-too-short',
      noticeDays,
      daysOfNotice: days,
      daysShort,
      earliestDate,
      message: `The planned change on ${planned} is only ${days} day(s) after the written notice of ${notice}; the contract requires ${noticeDays} days (${daysShort} short). The earliest allowed date is ${earliestDate}.`,
    };
  }
  if (change.status !== undefined && CONSENTED.has(change.status) && consent === undefined) {
    return {
      ok: false,
      code: 'consent-date-required',
      message: `A change marked ${change.status} needs the date the client consented.`,
    };
  }
  if (consent !== undefined && consent < notice) {
    return {
      ok: false,
      code: 'consent-before-notice',
      message: `The consent date ${consent} is before the written notice of ${notice}.`,
    };
  }
  return { ok: true, daysOfNotice: days, earliestDate };
}
