/**
 * Training obligations (技术培训, docs/domain.md): 4 inspection trainings 巡检培训 a year, each on a topic
 * the client names one month ahead, and one special training 专项培训 of at least 3 days in the
 * project period. Pure: dates are `YYYY-MM-DD`, `now` is an argument, and the contract's numbers
 * come in a TrainingRules object (defaultTrainingRules) so that they can be edited later.
 */
import { addCalendarDays, dayNumberOf, toShanghaiDate } from './time';

/** The contract's numbers, and how early the app warns. */
export interface TrainingRules {
  inspectionsPerYear: number;
  /** The client names an inspection training's topic this many months before it. */
  topicLeadMonths: number;
  /** The special training counts from this many calendar days. */
  specialMinDays: number;
  /** An inspection training is "due" this many days before its date. */
  dueSoonDays: number;
  /** The topic reminder starts this many days before the topic is due. */
  topicWarnDays: number;
  /** The special training is "due" this many days before its (latest) start. */
  specialDueSoonDays: number;
}

/** The contract's defaults: 4 inspection trainings a year, topics 1 month ahead, a special training of ≥ 3 days. */
export function defaultTrainingRules(): TrainingRules {
  return {
    inspectionsPerYear: 4,
    topicLeadMonths: 1,
    specialMinDays: 3,
    dueSoonDays: 30,
    topicWarnDays: 14,
    specialDueSoonDays: 60,
  };
}

/** What the rules read of a training record (a stored Training fits). */
export interface HeldTraining {
  id: string;
  type: string;
  topic: string;
  /** First and last day, inclusive. */
  startDate: string;
  endDate: string;
  /** The plan entry this training fulfils. */
  planId?: string;
}

/** What the rules read of a plan entry (a stored TrainingPlan fits). */
export interface PlannedTraining {
  id: string;
  year: number;
  type: 'inspection' | 'special';
  /** 1…inspectionsPerYear for inspection trainings. */
  slot: number;
  plannedDate: string;
  /** The topic the client named; '' until named. */
  topic: string;
  /** When the client named it. */
  topicNamedOn?: string;
}

/** pending: not due yet; due: within the warning window; late: its date passed without a training. */
export type ObligationState = 'met' | 'due' | 'late' | 'pending';
/** named: the client gave the topic; waiting: not needed yet; due: ask now; missing: the month-ahead date has passed. */
export type TopicState = 'named' | 'waiting' | 'due' | 'missing' | 'not-needed';

export interface InspectionSlot<T extends HeldTraining = HeldTraining, P extends PlannedTraining = PlannedTraining> {
  slot: number;
  plan?: P;
  training?: T;
  /** The planned date, else the end of the slot's share of the year (the quarter end with 4 a year). */
  dueDate: string;
  state: ObligationState;
  topic: string;
  /** `topicLeadMonths` before `dueDate`: when the client should have named the topic. */
  topicDueDate: string;
  topicState: TopicState;
  /** The client named the topic (topicNamedOn) after `topicDueDate`. */
  topicNamedLate: boolean;
}

export interface SpecialObligation<T extends HeldTraining = HeldTraining, P extends PlannedTraining = PlannedTraining> {
  state: ObligationState;
  training?: T;
  plan?: P;
  /** The plan's date, else the latest start that still fits the minimum length in the period. */
  dueDate: string;
  period: { from: string; to: string };
  /** False when the site has no (valid) project period and the calendar year stands in for it. */
  hasProjectPeriod: boolean;
  /** Special trainings held in the period that were shorter than the minimum: they do not count. */
  tooShort: T[];
}

export type ReminderKind =
  | 'topic-due'
  | 'topic-missing'
  | 'inspection-due'
  | 'inspection-late'
  | 'special-due'
  | 'special-late'
  | 'special-too-short';
export interface Reminder {
  kind: ReminderKind;
  slot?: number;
  date: string;
  trainingId?: string;
}

export interface YearObligations<T extends HeldTraining = HeldTraining, P extends PlannedTraining = PlannedTraining> {
  year: number;
  inspection: InspectionSlot<T, P>[];
  inspectionMet: number;
  /** Inspection trainings beyond the yearly number. */
  extraInspections: T[];
  special: SpecialObligation<T, P>;
  reminders: Reminder[];
}

/** Late obligations, overdue topics and a too-short special training: shown first, in red. */
export function isSerious(kind: ReminderKind | string): boolean {
  return kind.endsWith('late') || kind === 'topic-missing' || kind === 'special-too-short';
}

const dayNo = (date: string): number => dayNumberOf(date) ?? Number.NaN;
const daysBetween = (a: string, b: string): number => dayNo(b) - dayNo(a);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Same day `n` months later (earlier when negative), clamped to the month's last day (03-31 − 1 month = 02-28). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}

/** Inclusive length of a training in calendar days. */
export function trainingDays(t: Pick<HeldTraining, 'startDate' | 'endDate'>): number {
  return daysBetween(t.startDate, t.endDate) + 1;
}

/** The month (1–12) that ends a slot's share of the year: 3, 6, 9 and 12 with 4 a year. */
export function slotMonth(slot: number, rules: Pick<TrainingRules, 'inspectionsPerYear'>): number {
  return Math.min(12, Math.ceil((slot * 12) / rules.inspectionsPerYear));
}

function stateFor(held: boolean, due: string, today: string, soonDays: number): ObligationState {
  if (held) return 'met';
  if (today > due) return 'late';
  return daysBetween(today, due) <= soonDays ? 'due' : 'pending';
}

function topicStateFor(
  s: { plan?: PlannedTraining; training?: HeldTraining; topic: string; topicDueDate: string },
  today: string,
  rules: TrainingRules,
): TopicState {
  if (s.plan?.topic) return 'named';
  if (s.training) return s.topic ? 'named' : 'not-needed';
  if (today > s.topicDueDate) return 'missing';
  return daysBetween(today, s.topicDueDate) <= rules.topicWarnDays ? 'due' : 'waiting';
}

function byDate<X>(date: (x: X) => string): (a: X, b: X) => number {
  return (a, b) => date(a).localeCompare(date(b));
}

function inspectionSlots<T extends HeldTraining, P extends PlannedTraining>(
  year: number,
  today: string,
  trainings: readonly T[],
  plans: readonly P[],
  rules: TrainingRules,
) {
  const n = rules.inspectionsPerYear;
  const planBySlot = new Map<number, P>();
  for (const p of plans.filter((p) => p.type === 'inspection' && p.year === year).sort(byDate((p) => p.plannedDate))) {
    if (p.slot <= n && !planBySlot.has(p.slot)) planBySlot.set(p.slot, p);
  }
  const held = trainings
    .filter((t) => t.type === 'inspection' && t.startDate.startsWith(`${year}-`) && t.startDate <= today)
    .sort(byDate((t) => t.startDate));
  const bySlot = new Map<number, T>();
  const rest: T[] = [];
  // A training recorded against a plan entry fulfils that entry; the others fill the earliest open slots.
  for (const t of held) {
    const slot = [...planBySlot.entries()].find(([, p]) => p.id === t.planId)?.[0];
    if (slot !== undefined && !bySlot.has(slot)) bySlot.set(slot, t);
    else rest.push(t);
  }
  const extra: T[] = [];
  for (const t of rest) {
    const open = Array.from({ length: n }, (_, i) => i + 1).find((s) => !bySlot.has(s));
    if (open === undefined) extra.push(t);
    else bySlot.set(open, t);
  }
  const slots: InspectionSlot<T, P>[] = [];
  for (let slot = 1; slot <= n; slot++) {
    const plan = planBySlot.get(slot);
    const training = bySlot.get(slot);
    // An unplanned slot falls due at the end of its share of the year: the quarter end with 4 a year.
    const dueDate = plan?.plannedDate ?? iso(Date.UTC(year, slotMonth(slot, rules), 0));
    const topicDueDate = addMonths(dueDate, -rules.topicLeadMonths);
    const base = {
      slot,
      plan,
      training,
      dueDate,
      state: stateFor(!!training, dueDate, today, rules.dueSoonDays),
      topic: plan?.topic || training?.topic || '',
      topicDueDate,
    };
    const namedOn = plan?.topic && plan.topicNamedOn;
    slots.push({
      ...base,
      topicState: topicStateFor(base, today, rules),
      topicNamedLate: !!namedOn && namedOn > topicDueDate,
    });
  }
  return { slots, extra };
}

function specialObligation<T extends HeldTraining, P extends PlannedTraining>(
  year: number,
  today: string,
  trainings: readonly T[],
  plans: readonly P[],
  project: { start?: string; end?: string } | undefined,
  rules: TrainingRules,
): SpecialObligation<T, P> {
  const start = project?.start;
  const end = project?.end;
  const hasProjectPeriod =
    !!start && !!end && dayNumberOf(start) !== undefined && dayNumberOf(end) !== undefined && start <= end;
  const period = hasProjectPeriod ? { from: start, to: end } : { from: `${year}-01-01`, to: `${year}-12-31` };
  const inPeriod = (d: string) => d >= period.from && d <= period.to;
  const held = trainings
    .filter((t) => t.type === 'special' && inPeriod(t.startDate) && t.startDate <= today)
    .sort(byDate((t) => t.startDate));
  const training = held.find((t) => trainingDays(t) >= rules.specialMinDays);
  const tooShort = held.filter((t) => trainingDays(t) < rules.specialMinDays);
  const plan = plans
    .filter((p) => p.type === 'special' && inPeriod(p.plannedDate))
    .sort(byDate((p) => p.plannedDate))[0];
  const dueDate = plan?.plannedDate ?? addCalendarDays(period.to, -(rules.specialMinDays - 1));
  return {
    state: stateFor(!!training, dueDate, today, rules.specialDueSoonDays),
    training,
    plan,
    dueDate,
    period,
    hasProjectPeriod,
    tooShort,
  };
}

/**
 * The obligations of `year` (default: the Asia/Shanghai year of `now`) as of `now` (an instant read
 * in Asia/Shanghai, or the day `YYYY-MM-DD`), with the reminders to show. Records dated after `now`
 * do not count yet. Without a valid project period the calendar year stands in for it.
 */
export function trainingObligations<T extends HeldTraining, P extends PlannedTraining>(
  input: {
    trainings: readonly T[];
    plans: readonly P[];
    now: Date | string;
    year?: number;
    project?: { start?: string; end?: string };
  },
  rules: TrainingRules = defaultTrainingRules(),
): YearObligations<T, P> {
  const today = toShanghaiDate(input.now);
  if (today === undefined) throw new RangeError(`Not a valid date or instant: ${String(input.now)}`);
  const year = input.year ?? Number(today.slice(0, 4));
  const { slots, extra } = inspectionSlots(year, today, input.trainings, input.plans, rules);
  const special = specialObligation(year, today, input.trainings, input.plans, input.project, rules);
  const reminders: Reminder[] = [];
  for (const s of slots) {
    if (s.state === 'late') reminders.push({ kind: 'inspection-late', slot: s.slot, date: s.dueDate });
    else if (s.state === 'due') reminders.push({ kind: 'inspection-due', slot: s.slot, date: s.dueDate });
    if (s.topicState === 'missing') reminders.push({ kind: 'topic-missing', slot: s.slot, date: s.topicDueDate });
    else if (s.topicState === 'due') reminders.push({ kind: 'topic-due', slot: s.slot, date: s.topicDueDate });
  }
  if (special.state === 'late') reminders.push({ kind: 'special-late', date: special.dueDate });
  else if (special.state === 'due') reminders.push({ kind: 'special-due', date: special.dueDate });
  if (special.state !== 'met')
    for (const t of special.tooShort)
      reminders.push({ kind: 'special-too-short', date: t.startDate, trainingId: t.id });
  return {
    year,
    inspection: slots,
    inspectionMet: slots.filter((s) => s.state === 'met').length,
    extraInspections: extra,
    special,
    reminders,
  };
}
