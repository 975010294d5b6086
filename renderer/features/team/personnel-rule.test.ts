import { describe, expect, it } from 'vitest';
import { checkPersonnelChange } from '@shared/domain/personnel';
import { assertPersonnelChange, personnelRuleError, PersonnelRuleError } from './personnel-rule';

// The date arithmetic and the decision are tested in shared/domain/personnel.test.ts; here, the messages.
describe('personnel rule errors', () => {
  it('says why, with the number of days and the earliest date allowed', () => {
    try {
      assertPersonnelChange({ noticeDate: '2026-11-10', plannedDate: '2026-11-25', status: 'pending' });
      expect.fail('should refuse');
    } catch (err) {
      expect(err).toBeInstanceOf(PersonnelRuleError);
      expect(err).toMatchObject({
        code: 'notice-too-short',
        messageKey: 'team:personnel.errors.tooShort',
        values: { days: 15, min: 30, earliest: '2026-12-10' },
      });
    }
  });

  it('needs the consent date once the client has consented, not before the notice', () => {
    const ok = { noticeDate: '2026-11-01', plannedDate: '2026-12-15' };
    expect(() => assertPersonnelChange({ ...ok, status: 'consented' })).toThrow(
      expect.objectContaining({ messageKey: 'team:personnel.errors.consentDateRequired' }) as Error,
    );
    expect(() => assertPersonnelChange({ ...ok, status: 'consented', consentDate: '2026-10-30' })).toThrow(
      expect.objectContaining({ messageKey: 'team:personnel.errors.consentBeforeNotice', values: {} }) as Error,
    );
    expect(assertPersonnelChange({ ...ok, status: 'completed', consentDate: '2026-11-05' })).toMatchObject({
      ok: true,
      daysOfNotice: 44,
    });
  });

  it('an invalid date asks for a date; a passing check gives no error', () => {
    expect(
      personnelRuleError(checkPersonnelChange({ noticeDate: '2026-02-30', plannedDate: '2026-04-01' })),
    ).toMatchObject({
      messageKey: 'common:validation.date',
    });
    expect(
      personnelRuleError(checkPersonnelChange({ noticeDate: '2026-11-01', plannedDate: '2026-12-01' })),
    ).toBeUndefined();
  });
});
