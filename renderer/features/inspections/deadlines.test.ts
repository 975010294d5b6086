import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '@shared/domain/calendar';
import { addDays, isInspectionOverdue, monthEnd, reportDeadlines, shanghaiDay } from './deadlines';

const now = new Date('2026-11-25T02:00:00Z');
const due = (finishedAt: string) => {
  const d = reportDeadlines(finishedAt, {}, now);
  return [d.report.dueDate, d.diagnosis.dueDate];
};

describe('report deadlines', () => {
  it('an ordinary week: report +3 calendar days, diagnosis +3 working days', () => {
    expect(due('2026-11-17T16:00:00+08:00')).toEqual(['2026-11-20', '2026-11-20']);
    // A Thursday: the working days skip the weekend, the calendar days do not.
    expect(due('2026-11-19T10:00:00+08:00')).toEqual(['2026-11-22', '2026-11-24']);
  });

  it('National Day week 2026: holidays skipped, the 调休 Saturday 10-10 counts as a working day', () => {
    expect(due('2026-09-30T09:00:00+08:00')).toEqual(['2026-10-03', '2026-10-10']);
  });

  it('Spring Festival 2026: 02-14 (Saturday) works, 02-15…02-23 off', () => {
    expect(due('2026-02-12T15:00:00+08:00')[1]).toBe('2026-02-24');
  });

  it('a holiday the team adds to the calendar moves the diagnosis deadline', () => {
    const cal = defaultCalendar();
    cal.holidays = [...cal.holidays, '2026-11-20'];
    expect(reportDeadlines('2026-11-17T16:00:00+08:00', {}, now, cal).diagnosis.dueDate).toBe('2026-11-23');
  });

  it('uses the Shanghai date of the end instant, not UTC', () => {
    // 2026-11-20 23:30 UTC is already Saturday 11-21 in Shanghai.
    expect(due('2026-11-20T23:30:00Z')[0]).toBe('2026-11-24');
    expect(shanghaiDay('2026-11-20T15:59:00Z')).toBe('2026-11-20');
  });

  it('done on the due day is in time; an open deadline past its day is overdue', () => {
    const d = reportDeadlines(
      '2026-11-19T10:00:00+08:00',
      { inspection: '2026-11-22T20:00:00+08:00', diagnosis: '2026-11-25T09:00:00+08:00' },
      now,
    );
    expect(d.report).toMatchObject({ status: 'done', doneLate: false });
    expect(d.diagnosis).toMatchObject({ status: 'done', doneLate: true });
    expect(reportDeadlines('2026-11-19T10:00:00+08:00', {}, now).report).toMatchObject({
      status: 'overdue',
      daysLeft: -3,
    });
  });

  it('an unfinished inspection past its last planned day is overdue', () => {
    expect(
      isInspectionOverdue({ status: 'in-progress', dueDate: '2026-10-31' }, new Date('2026-11-01T01:00:00Z')),
    ).toBe(true);
    expect(isInspectionOverdue({ status: 'finished', dueDate: '2026-10-31' }, new Date('2026-11-01T01:00:00Z'))).toBe(
      false,
    );
    expect(isInspectionOverdue({ status: 'planned', dueDate: '2026-10-31' }, new Date('2026-10-31T15:00:00Z'))).toBe(
      false,
    );
  });

  it('date helpers', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
