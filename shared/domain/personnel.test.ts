import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPersonnelChange, daysOfNotice, earliestChangeDate } from './personnel';
import { addCalendarDays } from './time';

describe('checkPersonnelChange: 30 days’ written notice', () => {
  it.each([
    ['exactly 30 days', '2026-11-01', '2026-12-01', { ok: true, daysOfNotice: 30, earliestDate: '2026-12-01' }],
    ['more than 30 days', '2026-11-01', '2027-01-15', { ok: true, daysOfNotice: 75 }],
    [
      '29 days',
      '2026-11-01',
      '2026-11-30',
      {
        ok: false,
        code: 'notice-too-short',
        noticeDays: 30,
        daysOfNotice: 29,
        daysShort: 1,
        earliestDate: '2026-12-01',
      },
    ],
    [
      'same day',
      '2026-11-25',
      '2026-11-25',
      { ok: false, code: 'notice-too-short', daysShort: 30, earliestDate: '2026-12-25' },
    ],
    [
      'planned before the notice',
      '2026-11-25',
      '2026-11-20',
      { ok: false, code: 'notice-too-short', daysOfNotice: -5, daysShort: 35 },
    ],
    ['across February', '2026-02-01', '2026-03-02', { ok: false, daysShort: 1, earliestDate: '2026-03-03' }],
    ['across a leap day', '2028-02-01', '2028-03-01', { ok: false, daysOfNotice: 29, earliestDate: '2028-03-02' }],
    ['across the year end', '2026-12-20', '2027-01-18', { ok: false, daysShort: 1, earliestDate: '2027-01-19' }],
    ['an invalid date', '2026-02-30', '2026-04-01', { ok: false, code: 'invalid-date' }],
  ] as const)('%s', (_label, noticeDate, plannedDate, expected) => {
    expect(checkPersonnelChange({ noticeDate, plannedDate })).toMatchObject(expected);
  });

  it('explains the refusal', () => {
    const r = checkPersonnelChange({ noticeDate: '2026-11-01', plannedDate: '2026-11-20' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/19 day.*30 days.*11 short.*2026-12-01/);
  });

  it('reads instants in Asia/Shanghai', () => {
    expect(checkPersonnelChange({ noticeDate: new Date('2026-10-31T16:30:00Z'), plannedDate: '2026-12-01' })).toEqual({
      ok: true,
      daysOfNotice: 30,
      earliestDate: '2026-12-01',
    });
  });

  it('takes another notice period when given one', () => {
    expect(checkPersonnelChange({ noticeDate: '2026-11-01', plannedDate: '2026-11-20' }, 14)).toMatchObject({
      ok: true,
      earliestDate: '2026-11-15',
    });
  });
});

describe('the client’s consent', () => {
  const ok = { noticeDate: '2026-11-01', plannedDate: '2026-12-15' };
  it.each([
    ['pending needs no consent date', { status: 'pending' }, { ok: true }],
    ['consented needs its date', { status: 'consented' }, { ok: false, code: 'consent-date-required' }],
    ['completed needs its date', { status: 'completed' }, { ok: false, code: 'consent-date-required' }],
    ['consent after the notice', { status: 'completed', consentDate: '2026-11-05' }, { ok: true }],
    ['consent on the notice day', { status: 'consented', consentDate: '2026-11-01' }, { ok: true }],
    [
      'consent before the notice',
      { status: 'consented', consentDate: '2026-10-30' },
      { ok: false, code: 'consent-before-notice' },
    ],
    [
      'an invalid consent date',
      { status: 'consented', consentDate: '2026-11-31' },
      { ok: false, code: 'invalid-date' },
    ],
  ] as const)('%s', (_label, extra, expected) => {
    expect(checkPersonnelChange({ ...ok, ...extra })).toMatchObject(expected);
  });

  it('checks the notice first', () => {
    expect(
      checkPersonnelChange({ noticeDate: '2026-11-01', plannedDate: '2026-11-02', status: 'consented' }),
    ).toMatchObject({ code: 'notice-too-short' });
  });
});

describe('helpers', () => {
  it('counts the days of notice and the earliest date', () => {
    expect(daysOfNotice('2026-11-20', '2026-12-10')).toBe(20);
    expect(daysOfNotice('2026-11-20', 'not a date')).toBeUndefined();
    expect(earliestChangeDate('2026-11-20')).toBe('2026-12-20');
    expect(earliestChangeDate('')).toBeUndefined();
  });

  it('property: refused exactly when under 30 days, and the earliest date always passes', () => {
    const day = fc.integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2035, 0, 1) / 86_400_000 });
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, fc.integer({ min: -60, max: 90 }), (n, gap) => {
        const noticeDate = iso(n);
        const r = checkPersonnelChange({ noticeDate, plannedDate: addCalendarDays(noticeDate, gap) });
        expect(r.ok).toBe(gap >= 30);
        if (r.ok) return;
        expect(r).toMatchObject({ code: 'notice-too-short', daysOfNotice: gap, daysShort: 30 - gap });
        if (r.code === 'notice-too-short')
          expect(checkPersonnelChange({ noticeDate, plannedDate: r.earliestDate })).toMatchObject({
            ok: true,
            daysOfNotice: 30,
          });
      }),
    );
  });
});
