import { describe, expect, it } from 'vitest';
import { assertPersonnelChange, checkNoticePeriod, PersonnelRuleError } from './personnel-rule';

describe('30 days written notice', () => {
  it('accepts exactly 30 days and more', () => {
    expect(checkNoticePeriod('2026-11-01', '2026-12-01')).toEqual({ ok: true, days: 30, earliest: '2026-12-01' });
    expect(checkNoticePeriod('2026-11-01', '2027-01-05').ok).toBe(true);
  });

  it('refuses 29 days, across a month end and a leap day', () => {
    expect(checkNoticePeriod('2026-11-01', '2026-11-30')).toEqual({ ok: false, days: 29, earliest: '2026-12-01' });
    expect(checkNoticePeriod('2028-02-01', '2028-03-01')).toMatchObject({ ok: false, days: 29, earliest: '2028-03-02' });
    expect(checkNoticePeriod('2026-12-20', '2027-01-18')).toMatchObject({ ok: false, earliest: '2027-01-19' });
  });

  it('refuses a planned date before the notice', () => {
    expect(checkNoticePeriod('2026-11-10', '2026-11-01')).toMatchObject({ ok: false, days: -9 });
  });

  it('says why, with the number of days and the earliest date allowed', () => {
    try {
      assertPersonnelChange({ noticeDate: '2026-11-10', plannedDate: '2026-11-25', status: 'pending' });
      expect.fail('should refuse');
    } catch (err) {
      expect(err).toBeInstanceOf(PersonnelRuleError);
      expect(err).toMatchObject({ messageKey: 'team:personnel.errors.tooShort', values: { days: 15, min: 30, earliest: '2026-12-10' } });
    }
  });

  it('needs the consent date once the client has consented, not before the notice', () => {
    const ok = { noticeDate: '2026-11-01', plannedDate: '2026-12-15' };
    expect(() => assertPersonnelChange({ ...ok, status: 'consented' })).toThrow(PersonnelRuleError);
    expect(() => assertPersonnelChange({ ...ok, status: 'consented', consentDate: '2026-10-30' })).toThrow(/consentBeforeNotice/);
    expect(assertPersonnelChange({ ...ok, status: 'completed', consentDate: '2026-11-05' }).ok).toBe(true);
  });
});
