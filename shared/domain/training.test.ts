import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type HeldTraining,
  type ObligationState,
  type PlannedTraining,
  type TopicState,
  type YearObligations,
  addMonths,
  defaultTrainingRules,
  isSerious,
  slotMonth,
  trainingDays,
  trainingObligations,
} from './training';
import { addCalendarDays } from './time';

let n = 0;
function training(
  type: string,
  startDate: string,
  endDate = startDate,
  extra: Partial<HeldTraining> = {},
): HeldTraining {
  return { id: `t${++n}`, type, topic: `${type} ${startDate}`, startDate, endDate, ...extra };
}
function plan(
  type: PlannedTraining['type'],
  slot: number,
  plannedDate: string,
  topic = '',
  extra: Partial<PlannedTraining> = {},
): PlannedTraining {
  return { id: `p-${type}-${slot}`, year: Number(plannedDate.slice(0, 4)), type, slot, plannedDate, topic, ...extra };
}

const plans = [
  plan('inspection', 1, '2026-03-18', 'vSphere 日常巡检要点'),
  plan('inspection', 2, '2026-06-17', '堡垒机审计'),
  plan('inspection', 3, '2026-09-16'),
  plan('inspection', 4, '2026-12-09'),
];
const project = { start: '2026-01-01', end: '2026-12-31' };
const states = (o: YearObligations) => o.inspection.map((s) => s.state);
const kinds = (o: YearObligations) => o.reminders.map((r) => `${r.kind}${r.slot ?? ''}`);
const at = (
  now: string,
  trainings: HeldTraining[],
  p: PlannedTraining[] = plans,
  proj: typeof project | undefined = project,
) => trainingObligations({ year: 2026, now, trainings, plans: p, project: proj });

describe('date helpers', () => {
  it.each([
    ['2026-03-31', -1, '2026-02-28'],
    ['2028-03-30', -1, '2028-02-29'],
    ['2026-12-09', -1, '2026-11-09'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
  ] as const)('addMonths(%s, %i) = %s', (d, months, e) => expect(addMonths(d, months)).toBe(e));

  it.each([
    [{ startDate: '2026-05-12', endDate: '2026-05-12' }, 1],
    [{ startDate: '2026-05-12', endDate: '2026-05-14' }, 3],
    [{ startDate: '2026-02-27', endDate: '2026-03-02' }, 4],
  ])('trainingDays(%o) = %i', (t, days) => expect(trainingDays(t)).toBe(days));

  it('spreads the slots over the year', () => {
    expect([1, 2, 3, 4].map((s) => slotMonth(s, defaultTrainingRules()))).toEqual([3, 6, 9, 12]);
    expect([1, 2].map((s) => slotMonth(s, { inspectionsPerYear: 2 }))).toEqual([6, 12]);
  });

  it('ranks late obligations, overdue topics and a too-short special training first', () => {
    expect(['inspection-late', 'special-late', 'topic-missing', 'special-too-short'].every(isSerious)).toBe(true);
    expect(['inspection-due', 'special-due', 'topic-due'].some(isSerious)).toBe(false);
  });
});

describe('inspection trainings across a year', () => {
  const held1 = training('inspection', '2026-03-18', '2026-03-18', { planId: 'p-inspection-1' });
  const held2 = training('inspection', '2026-06-20');
  const third = training('inspection', '2026-10-09', '2026-10-09', { planId: 'p-inspection-3', topic: '备份恢复演练' });
  const named3 = plans.map((p) => (p.slot === 3 ? { ...p, topic: '备份恢复演练' } : p));

  it.each<[string, string, HeldTraining[], PlannedTraining[], ObligationState[], string[]]>([
    ['January: nothing due yet', '2026-01-10', [], plans, ['pending', 'pending', 'pending', 'pending'], []],
    [
      'a month ahead of a date without a topic: ask for it',
      '2026-08-05',
      [held1, held2],
      plans,
      ['met', 'met', 'pending', 'pending'],
      ['topic-due3'],
    ],
    [
      'past the month-ahead date: the topic is missing',
      '2026-08-20',
      [held1, held2],
      plans,
      ['met', 'met', 'due', 'pending'],
      ['inspection-due3', 'topic-missing3'],
    ],
    [
      'a planned date passed without a training is late',
      '2026-10-01',
      [held1, held2],
      named3,
      ['met', 'met', 'late', 'pending'],
      ['inspection-late3'],
    ],
    [
      'recording it turns the slot met and clears the reminder',
      '2026-10-10',
      [held1, held2, third],
      plans,
      ['met', 'met', 'met', 'pending'],
      [],
    ],
    [
      'without plans each slot falls due at its quarter end',
      '2026-03-10',
      [],
      [],
      ['due', 'pending', 'pending', 'pending'],
      ['inspection-due1', 'topic-missing1'],
    ],
    [
      'only trainings of the year asked for, and only inspection ones',
      '2026-12-31',
      [training('inspection', '2025-12-10'), training('onsite', '2026-05-01')],
      [],
      ['late', 'late', 'late', 'due'],
      [
        'inspection-late1',
        'topic-missing1',
        'inspection-late2',
        'topic-missing2',
        'inspection-late3',
        'topic-missing3',
        'inspection-due4',
        'topic-missing4',
        'special-late',
      ],
    ],
  ])('%s', (_label, now, trainings, p, expected, reminders) => {
    const o = at(now, trainings, p);
    expect(states(o)).toEqual(expected);
    expect(kinds(o)).toEqual(reminders);
  });

  it('shows the topic states and when the client should name them', () => {
    const o = at('2026-01-10', []);
    expect(o.inspection.map((s) => [s.topicState, s.topicDueDate])).toEqual<[TopicState, string][]>([
      ['named', '2026-02-18'],
      ['named', '2026-05-17'],
      ['waiting', '2026-08-16'],
      ['waiting', '2026-11-09'],
    ]);
    expect(at('2026-03-10', [], []).inspection.map((s) => s.dueDate)).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
    expect(at('2026-03-10', [], []).inspection[0].topicDueDate).toBe('2026-02-28');
  });

  it('notes a topic the client named after its due date', () => {
    const p = [
      plan('inspection', 1, '2026-05-20', 'backup', { topicNamedOn: '2026-04-25' }),
      plan('inspection', 2, '2026-06-10', 'HA', { topicNamedOn: '2026-05-01' }),
    ];
    expect(at('2026-05-01', [], p).inspection.map((s) => s.topicNamedLate)).toEqual([true, false, false, false]);
  });

  it('records fulfil their plan entry, or the earliest open slot', () => {
    const o = at('2026-07-01', [held2, held1]);
    expect(o.inspection[0].training?.id).toBe(held1.id);
    expect(o.inspection[1].training?.id).toBe(held2.id);
    expect(o.inspectionMet).toBe(2);
  });

  it('at year end: four held is met in full; a fifth is extra; a future record does not count', () => {
    const four = ['2026-03-18', '2026-06-17', '2026-09-16', '2026-12-09'].map((d) => training('inspection', d));
    const o = at('2026-12-31', [...four, training('inspection', '2026-12-20'), training('inspection', '2027-01-05')]);
    expect(o.inspectionMet).toBe(4);
    expect(o.extraInspections).toHaveLength(1);
    expect(o.reminders.filter((r) => r.kind.startsWith('inspection'))).toEqual([]);
  });

  it('takes `now` as an instant read in Asia/Shanghai, and its year by default', () => {
    const o = trainingObligations({ now: new Date('2026-08-19T16:30:00Z'), trainings: [held1, held2], plans, project });
    expect(o.year).toBe(2026);
    expect(o.inspection[2]).toMatchObject({ topicState: 'missing', state: 'due' }); // 2026-08-20 in Shanghai
    expect(() => trainingObligations({ now: 'soon', trainings: [], plans })).toThrow(RangeError);
  });

  it('follows other numbers when the rules say so', () => {
    const rules = { ...defaultTrainingRules(), inspectionsPerYear: 2, topicLeadMonths: 2 };
    const o = trainingObligations({ year: 2026, now: '2026-03-01', trainings: [], plans: [] }, rules);
    expect(o.inspection.map((s) => [s.dueDate, s.topicDueDate])).toEqual([
      ['2026-06-30', '2026-04-30'],
      ['2026-12-31', '2026-10-31'],
    ]);
  });
});

describe('the special training: once in the project, at least 3 days', () => {
  const p = plan('special', 1, '2026-11-16', 'vSAN 专项');
  it.each<[string, string, HeldTraining[], PlannedTraining[], ObligationState, string]>([
    [
      'met by 3 days in the period',
      '2026-07-01',
      [training('special', '2026-05-12', '2026-05-14')],
      [],
      'met',
      '2026-12-29',
    ],
    [
      '2 days do not count',
      '2026-07-01',
      [training('special', '2026-05-12', '2026-05-13')],
      [],
      'pending',
      '2026-12-29',
    ],
    ['due before its plan date', '2026-10-01', [], [p], 'due', '2026-11-16'],
    ['pending well before its plan date', '2026-07-01', [], [p], 'pending', '2026-11-16'],
    ['late once the latest start has passed', '2026-12-30', [], [], 'late', '2026-12-29'],
    [
      'outside the project period it does not count',
      '2026-03-01',
      [training('special', '2025-11-10', '2025-11-14')],
      [],
      'pending',
      '2026-12-29',
    ],
  ])('%s', (_label, now, trainings, plansHere, state, dueDate) => {
    expect(at(now, trainings, plansHere).special).toMatchObject({ state, dueDate, hasProjectPeriod: true });
  });

  it('flags a too-short special training until one counts', () => {
    const short = training('special', '2026-05-12', '2026-05-13');
    expect(at('2026-07-01', [short], []).special.tooShort.map((t) => t.id)).toEqual([short.id]);
    expect(kinds(at('2026-07-01', [short], []))).toContain('special-too-short');
    expect(kinds(at('2026-07-01', [short, training('special', '2026-06-01', '2026-06-03')], []))).not.toContain(
      'special-too-short',
    );
  });

  it('without a (valid) project period the calendar year stands in', () => {
    for (const proj of [undefined, { start: '2026-12-31', end: '2026-01-01' }]) {
      const o = trainingObligations({ year: 2026, now: '2026-03-01', trainings: [], plans: [], project: proj });
      expect(o.special).toMatchObject({ hasProjectPeriod: false, period: { from: '2026-01-01', to: '2026-12-31' } });
    }
  });

  it('spans a multi-year project period', () => {
    const o = trainingObligations({
      year: 2027,
      now: '2027-02-01',
      trainings: [training('special', '2026-06-01', '2026-06-03')],
      plans: [],
      project: { start: '2026-01-01', end: '2027-12-31' },
    });
    expect(o.special.state).toBe('met');
  });
});

describe('properties', () => {
  const DAY = 86_400_000;
  const date = (from: string, to: string) =>
    fc
      .integer({ min: Date.parse(from) / DAY, max: Date.parse(to) / DAY })
      .map((d) => new Date(d * DAY).toISOString().slice(0, 10));
  const slotArb = fc.integer({ min: 1, max: 6 });
  const worldArb = fc.record({
    perYear: fc.integer({ min: 1, max: 6 }),
    plans: fc.array(
      fc.record({
        slot: slotArb,
        date: date('2026-01-01', '2026-12-31'),
        topic: fc.constantFrom('', 'HA'),
        special: fc.boolean(),
      }),
      {
        maxLength: 7,
      },
    ),
    trainings: fc.array(
      fc.record({
        type: fc.constantFrom('inspection', 'special', 'onsite'),
        start: date('2025-11-01', '2027-01-31'),
        days: fc.integer({ min: 1, max: 5 }),
        planSlot: fc.option(slotArb, { nil: undefined }),
      }),
      { maxLength: 10 },
    ),
    todays: fc.array(date('2026-01-01', '2027-01-31'), { minLength: 2, maxLength: 10 }),
  });
  type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;
  const build = (w: World) => ({
    rules: { ...defaultTrainingRules(), inspectionsPerYear: w.perYear },
    plans: w.plans.map((p, i) => plan(p.special ? 'special' : 'inspection', p.slot, p.date, p.topic, { id: `p${i}` })),
    trainings: w.trainings.map((t, i) =>
      training(t.type, t.start, addCalendarDays(t.start, t.days - 1), {
        id: `t${i}`,
        planId: t.planSlot === undefined ? undefined : `p${t.planSlot - 1}`,
      }),
    ),
  });

  it('counts never exceed the records: every held inspection training of the year fills a slot or is extra', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { rules, plans: p, trainings } = build(w);
        for (const now of w.todays) {
          const o = trainingObligations({ year: 2026, now, trainings, plans: p, project }, rules);
          const held = trainings.filter(
            (t) => t.type === 'inspection' && t.startDate.startsWith('2026-') && t.startDate <= now,
          );
          expect(o.inspection).toHaveLength(rules.inspectionsPerYear);
          expect(o.inspectionMet).toBe(Math.min(held.length, rules.inspectionsPerYear));
          expect(o.inspectionMet + o.extraInspections.length).toBe(held.length);
          const specials = trainings.filter(
            (t) =>
              t.type === 'special' && t.startDate >= project.start && t.startDate <= project.end && t.startDate <= now,
          );
          expect(o.special.tooShort.length + (o.special.training ? 1 : 0)).toBeLessThanOrEqual(specials.length);
          expect(o.special.training === undefined || trainingDays(o.special.training) >= rules.specialMinDays).toBe(
            true,
          );
        }
      }),
    );
  });

  it('through the year a slot only moves forward: pending → due → late, and once met it stays met', () => {
    const rank: Record<ObligationState, number> = { pending: 0, due: 1, late: 2, met: 3 };
    const topicRank: Record<TopicState, number> = { waiting: 0, due: 1, missing: 2, named: 3, 'not-needed': 3 };
    fc.assert(
      fc.property(worldArb, (w) => {
        const { rules, plans: p, trainings } = build(w);
        let before: YearObligations | undefined;
        for (const now of [...w.todays].sort()) {
          const o = trainingObligations({ year: 2026, now, trainings, plans: p, project }, rules);
          o.inspection.forEach((s, i) => {
            const prev = before?.inspection[i];
            if (!prev) return;
            expect(rank[s.state]).toBeGreaterThanOrEqual(rank[prev.state]);
            expect(topicRank[s.topicState]).toBeGreaterThanOrEqual(topicRank[prev.topicState]);
          });
          if (before?.special.state === 'met') expect(o.special.state).toBe('met');
          before = o;
        }
      }),
    );
  });
});
