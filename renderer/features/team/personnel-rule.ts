/**
 * The personnel-change rule of shared/domain/personnel as the form and the repository use it: a
 * refusal becomes a PersonnelRuleError carrying the i18n key of its message and the values.
 */
import { checkPersonnelChange, type PersonnelCheck, type PersonnelRefusal } from '@shared/domain/personnel';
import type { PersonnelChange } from '@shared/schemas/team';

const messageKeys: Record<PersonnelRefusal['code'], string> = {
  'notice-too-short': 'team:personnel.errors.tooShort',
  'invalid-date': 'common:validation.date',
  'consent-date-required': 'team:personnel.errors.consentDateRequired',
  'consent-before-notice': 'team:personnel.errors.consentBeforeNotice',
};

/** A change the rules refuse: `code` from the domain, `messageKey` with its values, in the user's language. */
export class PersonnelRuleError extends Error {
  readonly code: PersonnelRefusal['code'];
  readonly messageKey: string;
  readonly values: Record<string, string | number>;
  constructor(refusal: PersonnelRefusal) {
    super(refusal.message);
    this.name = 'PersonnelRuleError';
    this.code = refusal.code;
    this.messageKey = messageKeys[refusal.code];
    this.values =
      refusal.code === 'notice-too-short'
        ? { days: refusal.daysOfNotice, min: refusal.noticeDays, earliest: refusal.earliestDate }
        : {};
  }
}

/** The error for a refused check; undefined when the check passed. */
export function personnelRuleError(check: PersonnelCheck): PersonnelRuleError | undefined {
  return check.ok ? undefined : new PersonnelRuleError(check);
}

/** Throws a PersonnelRuleError when a change breaks the notice or consent rule; returns the accepted check. */
export function assertPersonnelChange(
  c: Pick<PersonnelChange, 'noticeDate' | 'plannedDate' | 'status' | 'consentDate'>,
) {
  const check = checkPersonnelChange(c);
  if (!check.ok) throw new PersonnelRuleError(check);
  return check;
}
