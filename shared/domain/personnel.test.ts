import { describe, expect, it } from 'vitest';
import { checkPersonnelChange } from './personnel';

describe('checkPersonnelChange: 30 days’ written notice', () => {
  it.each([
    ['exactly 30 days', '2026-11-01', '2026-12-01', { ok: true, daysOfNotice: 30 }],
    ['more than 30 days', '2026-11-01', '2027-01-15', { ok: true, daysOfNotice: 75 }],
    ['29 days', '2026-11-01', '2026-11-30', { ok: false, code: 'notice-too-short', daysOfNotice: 29, daysShort: 1, earliestDate: '2026-12-01' }],
    ['same day', '2026-11-25', '2026-11-25', { ok: false, code: 'notice-too-short', daysShort: 30, earliestDate: '2026-12-25' }],
    ['planned before the notice', '2026-11-25', '2026-11-20', { ok: false, code: 'notice-too-short', daysOfNotice: -5, daysShort: 35 }],
    ['across February', '2026-02-01', '2026-03-02', { ok: false, daysShort: 1, earliestDate: '2026-03-03' }],
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
    expect(checkPersonnelChange({ noticeDate: new Date('2026-10-31T16:30:00Z'), plannedDate: '2026-12-01' })).toEqual({ ok: true, daysOfNotice: 30 });
  });
});
