/**
 * Team stability (domain.md): replacing a resident engineer needs 30 days' written notice to the
 * client and the client's consent. Pure; shared/domain has no personnel module, so the rule lives here.
 */
import type { PersonnelChange } from '@shared/schemas/team';

export const minNoticeDays = 30;

const DAY = 86_400_000;
const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);

export interface NoticeCheck {
  ok: boolean;
  /** Calendar days from the notice to the planned date. */
  days: number;
  /** The earliest planned date the notice allows. */
  earliest: string;
}

/** Whether `plannedDate` is at least `minDays` calendar days after `noticeDate`. */
export function checkNoticePeriod(noticeDate: string, plannedDate: string, minDays = minNoticeDays): NoticeCheck {
  const days = Math.round((utc(plannedDate) - utc(noticeDate)) / DAY);
  const earliest = new Date(utc(noticeDate) + minDays * DAY).toISOString().slice(0, 10);
  return { ok: days >= minDays, days, earliest };
}

/** A change the rules refuse; `messageKey` (namespace `team`) with its values, in the user's language. */
export class PersonnelRuleError extends Error {
  constructor(
    public messageKey: string,
    public values: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = 'PersonnelRuleError';
  }
}

type ChangeFields = Pick<PersonnelChange, 'noticeDate' | 'plannedDate' | 'status' | 'consentDate'>;

/** Throws a PersonnelRuleError when a change breaks the notice or consent rule; returns the notice check. */
export function assertPersonnelChange(c: ChangeFields, minDays = minNoticeDays): NoticeCheck {
  const check = checkNoticePeriod(c.noticeDate, c.plannedDate, minDays);
  if (!check.ok) throw new PersonnelRuleError('team:personnel.errors.tooShort', { days: check.days, min: minDays, earliest: check.earliest });
  if ((c.status === 'consented' || c.status === 'completed') && !c.consentDate) throw new PersonnelRuleError('team:personnel.errors.consentDateRequired');
  if (c.consentDate && c.consentDate < c.noticeDate) throw new PersonnelRuleError('team:personnel.errors.consentBeforeNotice');
  return check;
}
