import { describe, expect, it } from 'vitest';
import type { Training, TrainingPlan } from '@shared/schemas/training';
import { addMonths, trainingObligations, type YearObligations } from './obligations';

const base = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'u1' };
let n = 0;
function training(type: Training['type'], startDate: string, endDate = startDate, extra: Partial<Training> = {}): Training {
  return {
    ...base,
    id: `t${++n}`,
    type,
    topic: `${type} ${startDate}`,
    startDate,
    endDate,
    hours: 2,
    trainer: '李喆',
    location: '',
    content: '',
    attendees: [],
    feedback: '',
    ...extra,
  };
}
function plan(type: TrainingPlan['type'], slot: number, plannedDate: string, topic = '', extra: Partial<TrainingPlan> = {}): TrainingPlan {
  return {
    ...base,
    id: `p-${type}-${slot}`,
    year: Number(plannedDate.slice(0, 4)),
    type,
    slot,
    plannedDate,
    topic,
    days: type === 'special' ? 3 : 1,
    notes: '',
    ...extra,
  };
}

const plans = [
  plan('inspection', 1, '2026-03-18', 'vSphere 日常巡检要点'),
  plan('inspection', 2, '2026-06-17', '堡垒机审计'),
  plan('inspection', 3, '2026-09-16'),
  plan('inspection', 4, '2026-12-09'),
];
const project = { projectStart: '2026-01-01', projectEnd: '2026-12-31' };
const states = (o: YearObligations) => o.inspection.map((s) => s.state);
const kinds = (o: YearObligations) => o.reminders.map((r) => `${r.kind}${r.slot ?? ''}`);

describe('date helpers', () => {
  it('moves by months, clamped to the month end', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-09', -1)).toBe('2026-11-09');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
});

describe('inspection trainings across a year', () => {
  const held1 = training('inspection', '2026-03-18', '2026-03-18', { planId: 'p-inspection-1' });
  const held2 = training('inspection', '2026-06-20');

  it('in January: nothing due yet, the Q1 topic is already named', () => {
    const o = trainingObligations({ year: 2026, today: '2026-01-10', trainings: [], plans, ...project });
    expect(states(o)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(o.inspection[0].topicState).toBe('named');
    expect(o.reminders).toEqual([]);
  });

  it('a month before a planned date without a topic: the topic is due, then missing', () => {
    const early = trainingObligations({ year: 2026, today: '2026-08-05', trainings: [held1, held2], plans, ...project });
    expect(early.inspection[2]).toMatchObject({ topicDueDate: '2026-08-16', topicState: 'due', state: 'pending' });
    expect(kinds(early)).toEqual(['topic-due3']);
    const late = trainingObligations({ year: 2026, today: '2026-08-20', trainings: [held1, held2], plans, ...project });
    expect(late.inspection[2]).toMatchObject({ topicState: 'missing', state: 'due' });
    expect(kinds(late)).toEqual(['inspection-due3', 'topic-missing3']);
  });

  it('records fulfil their plan entry, or the earliest open slot', () => {
    const o = trainingObligations({ year: 2026, today: '2026-07-01', trainings: [held2, held1], plans, ...project });
    expect(o.inspection[0].training?.id).toBe(held1.id);
    expect(o.inspection[1].training?.id).toBe(held2.id);
    expect(o.inspectionMet).toBe(2);
    expect(states(o)).toEqual(['met', 'met', 'pending', 'pending']);
  });

  it('a planned date that passed without a training is late', () => {
    const o = trainingObligations({
      year: 2026,
      today: '2026-10-01',
      trainings: [held1, held2],
      plans: plans.map((p) => (p.slot === 3 ? { ...p, topic: '备份恢复演练' } : p)),
      ...project,
    });
    expect(o.inspection[2]).toMatchObject({ state: 'late', topicState: 'named' });
    expect(kinds(o)).toEqual(['inspection-late3']);
  });

  it('recording the training turns a late slot into met and clears its reminder', () => {
    const third = training('inspection', '2026-10-09', '2026-10-09', { planId: 'p-inspection-3', topic: '备份恢复演练' });
    const o = trainingObligations({ year: 2026, today: '2026-10-10', trainings: [held1, held2, third], plans, ...project });
    expect(states(o)).toEqual(['met', 'met', 'met', 'pending']);
    expect(o.reminders).toEqual([]);
  });

  it('without a plan, each slot falls due at the end of its quarter', () => {
    const o = trainingObligations({ year: 2026, today: '2026-03-10', trainings: [], plans: [], ...project });
    expect(o.inspection.map((s) => s.dueDate)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    expect(o.inspection[0]).toMatchObject({ state: 'due', topicState: 'missing', topicDueDate: '2026-02-28' });
  });

  it('at year end: all four held is met in full; a fifth is extra; a future record does not count', () => {
    const four = ['2026-03-18', '2026-06-17', '2026-09-16', '2026-12-09'].map((d) => training('inspection', d));
    const o = trainingObligations({
      year: 2026,
      today: '2026-12-31',
      trainings: [...four, training('inspection', '2026-12-20'), training('inspection', '2027-01-05')],
      plans,
      ...project,
    });
    expect(o.inspectionMet).toBe(4);
    expect(o.extraInspections).toHaveLength(1);
    expect(o.reminders.filter((r) => r.kind.startsWith('inspection'))).toEqual([]);
  });

  it('only counts inspection trainings of the year asked for', () => {
    const o = trainingObligations({
      year: 2026,
      today: '2026-12-31',
      trainings: [training('inspection', '2025-12-10'), training('onsite', '2026-05-01')],
      plans: [],
      ...project,
    });
    expect(o.inspectionMet).toBe(0);
    expect(states(o)).toEqual(['late', 'late', 'late', 'due']);
  });
});

describe('the special training', () => {
  it('is met by one special training of at least 3 days in the project period', () => {
    const o = trainingObligations({ year: 2026, today: '2026-07-01', trainings: [training('special', '2026-05-12', '2026-05-14')], plans: [], ...project });
    expect(o.special.state).toBe('met');
  });

  it('a 2-day special training does not count and is flagged', () => {
    const short = training('special', '2026-05-12', '2026-05-13');
    const o = trainingObligations({ year: 2026, today: '2026-07-01', trainings: [short], plans: [], ...project });
    expect(o.special.state).toBe('pending');
    expect(o.special.tooShort.map((t) => t.id)).toEqual([short.id]);
    expect(kinds(o)).toContain('special-too-short');
  });

  it('falls due before its plan date, and is late once the project has ended without it', () => {
    const p = plan('special', 1, '2026-11-16', 'vSAN 专项');
    expect(trainingObligations({ year: 2026, today: '2026-10-01', trainings: [], plans: [p], ...project }).special).toMatchObject({
      state: 'due',
      dueDate: '2026-11-16',
    });
    expect(trainingObligations({ year: 2026, today: '2026-12-30', trainings: [], plans: [], ...project }).special).toMatchObject({
      state: 'late',
      dueDate: '2026-12-29',
    });
  });

  it('outside the project period it does not count; without a period the year stands in', () => {
    const before = training('special', '2025-11-10', '2025-11-14');
    expect(trainingObligations({ year: 2026, today: '2026-03-01', trainings: [before], plans: [], ...project }).special.state).toBe('pending');
    const o = trainingObligations({ year: 2026, today: '2026-03-01', trainings: [], plans: [] });
    expect(o.special).toMatchObject({ hasProjectPeriod: false, period: { from: '2026-01-01', to: '2026-12-31' } });
  });
});
