import { describe, expect, it } from 'vitest';
import data2025 from '../../resources/calendar/2025.json';
import data2026 from '../../resources/calendar/2026.json';
import { parseCalendarYear } from './calendar-data';
import { noticeYear, parseHolidayNotice } from './holiday-notice';

import notice2025 from '../../tests/fixtures/notices/2025.txt?raw';
import notice2026 from '../../tests/fixtures/notices/2026.txt?raw';

const notice = (year: number) => (year === 2025 ? notice2025 : notice2026);

describe('State Council holiday notice → one calendar year', () => {
  it.each([
    [2025, data2025],
    [2026, data2026],
  ])('the %i notice reproduces the shipped calendar exactly', (year, shipped) => {
    const parsed = parseHolidayNotice(notice(year));
    expect(parsed.problems).toEqual([]);
    expect(parsed.year).toBe(year);
    expect(parsed.holidays).toEqual([...shipped.holidays].sort());
    expect(parsed.workdays).toEqual([...shipped.workdays].sort());
    expect(parsed.readLines).toHaveLength(year === 2025 ? 6 : 7);
    expect(parseCalendarYear({ year, holidays: parsed.holidays, workdays: parsed.workdays }).ok).toBe(true);
  });

  it('finds the year in the title, else in the body, else takes the fallback', () => {
    expect(noticeYear('国务院办公厅关于2027年部分节假日安排的通知')).toBe(2027);
    expect(noticeYear('经国务院批准，现将２０２７年元旦……')).toBe(2027);
    const body = '一、元旦：1月1日（周五）放假1天，不调休。';
    expect(parseHolidayNotice(body).problems.map((p) => p.code)).toEqual(['no-year']);
    expect(parseHolidayNotice(body, 2027).holidays).toEqual(['2027-01-01']);
  });

  it('shows a line whose weekday contradicts its date instead of guessing', () => {
    const text = notice(2026).replace('5月1日（周五）', '5月1日（周一）');
    const parsed = parseHolidayNotice(text);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'weekday', value: '2026-05-01' })]);
    expect(parsed.holidays.filter((d) => d.startsWith('2026-05'))).toEqual([]);
    expect(parsed.workdays).not.toContain('2026-05-09'); // the whole line is left out
  });

  it('shows a line whose day count disagrees with its range', () => {
    const parsed = parseHolidayNotice(notice(2026).replace('共9天', '共8天'));
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'day-count', value: '8' })]);
    expect(parsed.holidays.some((d) => d.startsWith('2026-02'))).toBe(false);
  });

  it('shows lines it cannot read (dates in words, impossible dates)', () => {
    const text = `${notice(2026)}\n八、某节：十月八日放假。\n九、测试：2月30日（周一）上班。`;
    const parsed = parseHolidayNotice(text);
    expect(parsed.problems.map((p) => p.code)).toEqual(['unreadable', 'invalid-date']);
    expect(parsed.holidays).toEqual([...data2026.holidays].sort());
  });

  it('reads ranges over New Year, full-width digits and dash ranges; other years are reported', () => {
    const text = [
      '国务院办公厅关于2027年部分节假日安排的通知',
      '一、元旦：１月１日（周五）至３日（周日）放假，共３天。',
      '二、春节：2月5日-2月11日放假调休，共7天。2月14日（周日）上班。',
      '三、测试：2026年12月31日（周四）至1月1日（周五）放假，共2天。',
    ].join('\n');
    const parsed = parseHolidayNotice(text);
    expect(parsed.holidays).toContain('2027-01-03');
    expect(parsed.holidays).toContain('2027-02-11');
    expect(parsed.workdays).toEqual(['2027-02-14']);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'other-year', value: '2026-12-31' })]);
  });
});
