import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar';
import { deadlineStatus, diagnosisReportDue, inspectionDeadlines, inspectionReportDue } from './inspection-deadlines';

const cal = defaultCalendar();
const at = (s: string) => new Date(`${s}+08:00`);

describe('inspection report: end + 3 calendar days', () => {
  it.each([
    ['2026-11-25', '2026-11-28'],
    ['2026-11-30', '2026-12-03'],
    ['2026-12-30', '2027-01-02'],
    ['2026-02-13', '2026-02-16'], // calendar days: holidays do not matter
    ['2024-02-27', '2024-03-01'],
  ])('%s → %s', (end, due) => expect(inspectionReportDue(end)).toBe(due));

  it('takes an instant in Asia/Shanghai', () => {
    expect(inspectionReportDue(new Date('2026-11-25T17:00:00Z'))).toBe('2026-11-29');
  });
});

describe('system diagnosis report: 3 working days after the check', () => {
  it.each([
    ['2026-11-25', '2026-11-30'], // Wed → Thu, Fri, Mon
    ['2026-09-29', '2026-10-09'], // Tue → Wed 09-30, Thu 10-08, Fri 10-09
    ['2026-09-30', '2026-10-10'], // National Day, then the 调休 Saturday
    ['2026-02-12', '2026-02-24'], // Thu → Fri 02-13, Sat 02-14 (调休), Tue 02-24
    ['2025-01-24', '2025-02-05'], // Fri → Sun 01-26 (调休), Mon 01-27, Wed 02-05
  ])('%s → %s', (end, due) => expect(diagnosisReportDue(cal, end)).toBe(due));
});

describe('deadline status', () => {
  it.each([
    ['before the due day', '2026-11-27T10:00:00', undefined, { status: 'due', daysLeft: 1 }],
    ['on the due day until midnight', '2026-11-28T23:59:00', undefined, { status: 'due', daysLeft: 0 }],
    ['the day after', '2026-11-29T00:00:00', undefined, { status: 'overdue', daysLeft: -1 }],
    ['done in time', '2026-12-05T10:00:00', '2026-11-27', { status: 'done', doneLate: false }],
    ['done late', '2026-12-05T10:00:00', '2026-11-30T09:00:00+08:00', { status: 'done', doneLate: true }],
    ['done after now is not known yet', '2026-11-29T10:00:00', '2026-11-30T09:00:00+08:00', { status: 'overdue' }],
  ] as const)('%s', (_label, now, doneAt, expected) => {
    expect(deadlineStatus('2026-11-28', at(now), doneAt)).toMatchObject({ dueDate: '2026-11-28', ...expected });
  });

  it('reads both deadlines of an inspection and warns in an uncovered year', () => {
    const r = inspectionDeadlines(
      cal,
      { endDate: '2026-11-25', reportDoneAt: '2026-11-26' },
      at('2026-12-01T10:00:00'),
    );
    expect(r.report).toMatchObject({ dueDate: '2026-11-28', status: 'done' });
    expect(r.diagnosis).toMatchObject({ dueDate: '2026-11-30', status: 'overdue' });
    expect(r.diagnosis.warning).toBeUndefined();
    const late = inspectionDeadlines(cal, { endDate: '2026-12-30' }, at('2026-12-30T18:00:00'));
    expect(late.diagnosis.dueDate).toBe('2027-01-04');
    expect(late.diagnosis.warning).toMatch(/2027/);
  });
});
