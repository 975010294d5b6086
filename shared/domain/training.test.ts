import { describe, expect, it } from 'vitest';
import { type TrainingPlan, type TrainingRecord, oneMonthBefore, trainingObligations } from './training';

const project = { start: '2026-01-01', end: '2027-12-31' };
const insp = (date: string): TrainingRecord => ({ type: 'inspection', dates: [date], hours: 2, topic: 'backup' });
const plan = (plannedDate: string, topic?: string, topicNamedAt?: string): TrainingPlan => ({ type: 'inspection', plannedDate, topic, topicNamedAt });
const at = (s: string) => new Date(`${s}T10:00:00+08:00`);

describe('oneMonthBefore', () => {
  it.each([
    ['2026-06-15', '2026-05-15'],
    ['2026-01-10', '2025-12-10'],
    ['2026-03-31', '2026-02-28'],
    ['2028-03-30', '2028-02-29'],
  ])('%s → %s', (d, e) => expect(oneMonthBefore(d)).toBe(e));
});

describe('inspection trainings: 4 a year', () => {
  it.each([
    ['met with four this year', [insp('2026-02-10'), insp('2026-05-10'), insp('2026-08-10'), insp('2026-11-10')], [], '2026-11-20', 'met', 4],
    ['last year’s do not count', [insp('2025-02-10'), insp('2025-05-10')], [plan('2026-02-10'), plan('2026-05-10'), plan('2026-08-10'), plan('2026-11-10')], '2026-01-05', 'due', 0],
    ['on track with enough plans', [insp('2026-02-10')], [plan('2026-05-10'), plan('2026-08-10'), plan('2026-11-10')], '2026-04-01', 'due', 1],
    ['at risk without enough plans', [insp('2026-02-10')], [plan('2026-05-10')], '2026-04-01', 'at-risk', 1],
    ['at risk behind the quarterly pace', [], [plan('2026-08-10'), plan('2026-09-10'), plan('2026-10-10'), plan('2026-11-10')], '2026-07-05', 'at-risk', 0],
    ['late when the year ended short', [insp('2026-02-10'), insp('2026-05-10'), insp('2026-08-10')], [], '2027-01-05', 'late', 3],
  ] as const)('%s', (_label, records, plans, now, status, done) => {
    const year = now.startsWith('2027') ? 2026 : undefined;
    const o = trainingObligations({ records: [...records], plans: [...plans], now: at(now), project, year });
    expect(o.inspection).toMatchObject({ status, done, required: 4 });
  });

  it('reminds when a topic is due one month ahead and missing', () => {
    const plans = [plan('2026-05-10', 'VMware HA'), plan('2026-06-10'), plan('2026-08-10'), plan('2026-05-20', 'backup', '2026-04-25')];
    const o = trainingObligations({ records: [], plans, now: at('2026-05-12'), project });
    expect(o.inspection.topics).toEqual([
      { plannedDate: '2026-05-10', topicDueDate: '2026-04-10', status: 'named' },
      { plannedDate: '2026-05-20', topicDueDate: '2026-04-20', status: 'named', namedLate: true },
      { plannedDate: '2026-06-10', topicDueDate: '2026-05-10', status: 'missing' },
      { plannedDate: '2026-08-10', topicDueDate: '2026-07-10', status: 'waiting' },
    ]);
    expect(o.inspection.topicsMissing).toBe(1);
    expect(o.inspection.plannedAhead).toBe(3);
  });
});

describe('special training: once in the project, at least 3 days', () => {
  const special = (dates: string[]): TrainingRecord => ({ type: 'special', dates, hours: 6 * dates.length, topic: 'PAM' });
  const specialPlan = (plannedDate: string, days?: number): TrainingPlan => ({ type: 'special', plannedDate, days });
  it.each([
    ['met with 3 days', [special(['2026-06-01', '2026-06-02', '2026-06-03'])], [], '2026-07-01', 'met', 1, 0],
    ['2 days do not count', [special(['2026-06-01', '2026-06-02'])], [], '2026-07-01', 'at-risk', 0, 1],
    ['due with a 3-day plan', [], [specialPlan('2027-03-01', 3)], '2026-07-01', 'due', 0, 0],
    ['at risk with only a 2-day plan', [], [specialPlan('2027-03-01', 2)], '2026-07-01', 'at-risk', 0, 0],
    ['at risk in the last month', [], [specialPlan('2027-12-20')], '2027-12-10', 'at-risk', 0, 0],
    ['late after the project ended', [], [], '2028-01-10', 'late', 0, 0],
    ['outside the project period does not count', [special(['2025-06-01', '2025-06-02', '2025-06-03'])], [], '2026-07-01', 'at-risk', 0, 0],
  ] as const)('%s', (_label, records, plans, now, status, done, tooShort) => {
    const o = trainingObligations({ records: [...records], plans: [...plans], now: at(now), project });
    expect(o.special).toMatchObject({ status, done, tooShort, minDays: 3, required: 1 });
  });
});
