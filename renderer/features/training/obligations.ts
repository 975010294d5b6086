/**
 * The contract's training obligations, pure (dates as `YYYY-MM-DD`, `today` always an argument):
 * 4 inspection trainings a year, each on a topic the client names one month ahead, and one special
 * training of at least 3 days in the project period. shared/domain has no training module, so the
 * rules live here.
 */
import type { Training, TrainingPlan } from '@shared/schemas/training';

export type ObligationState = 'met' | 'due' | 'late' | 'pending';
/** named: the client gave the topic; waiting: not needed yet; due: ask now; missing: the month-ahead date has passed. */
export type TopicState = 'named' | 'waiting' | 'due' | 'missing' | 'not-needed';

export interface InspectionSlot {
  slot: number;
  plan?: TrainingPlan;
  training?: Training;
  /** The planned date, else the last day of the slot's quarter. */
  dueDate: string;
  state: ObligationState;
  topic: string;
  /** One month before `dueDate`: when the client should have named the topic. */
  topicDueDate: string;
  topicState: TopicState;
}

export interface SpecialObligation {
  state: ObligationState;
  training?: Training;
  plan?: TrainingPlan;
  dueDate: string;
  period: { from: string; to: string };
  /** False when the site has no project period and the calendar year stands in for it. */
  hasProjectPeriod: boolean;
  /** Special trainings held in the period that were shorter than the minimum. */
  tooShort: Training[];
}

export type ReminderKind = 'topic-due' | 'topic-missing' | 'inspection-due' | 'inspection-late' | 'special-due' | 'special-late' | 'special-too-short';
export interface Reminder {
  kind: ReminderKind;
  slot?: number;
  date: string;
  trainingId?: string;
}

/** Late obligations, overdue topics and a too-short special training: shown first, in red. */
export function isSerious(kind: ReminderKind | string): boolean {
  return kind.endsWith('late') || kind === 'topic-missing' || kind === 'special-too-short';
}

export interface YearObligations {
  year: number;
  inspection: InspectionSlot[];
  inspectionMet: number;
  /** Inspection trainings beyond the four a year. */
  extraInspections: Training[];
  special: SpecialObligation;
  reminders: Reminder[];
}

export const obligationRules = {
  inspectionsPerYear: 4,
  topicLeadMonths: 1,
  specialMinDays: 3,
  /** An obligation is "due" this many days before its date. */
  dueSoonDays: 30,
  /** The topic reminder starts this many days before the month-ahead date. */
  topicWarnDays: 14,
  specialDueSoonDays: 60,
};
export type ObligationRules = typeof obligationRules;

const DAY = 86_400_000;
const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, n: number): string {
  return iso(utc(date) + n * DAY);
}
/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / DAY);
}
/** Same day `n` months later (earlier when negative), clamped to the month's last day (03-31 − 1 month = 02-28). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}
/** Inclusive length of a training in calendar days. */
export function trainingDays(t: Pick<Training, 'startDate' | 'endDate'>): number {
  return daysBetween(t.startDate, t.endDate) + 1;
}
function quarterEnd(year: number, q: number): string {
  return iso(Date.UTC(year, q * 3, 0));
}

function stateFor(held: boolean, due: string, today: string, soonDays: number): ObligationState {
  if (held) return 'met';
  if (today > due) return 'late';
  return daysBetween(today, due) <= soonDays ? 'due' : 'pending';
}

function topicStateFor(slot: Omit<InspectionSlot, 'topicState'>, today: string, rules: ObligationRules): TopicState {
  if (slot.plan?.topic) return 'named';
  if (slot.training) return slot.topic ? 'named' : 'not-needed';
  if (today > slot.topicDueDate) return 'missing';
  return daysBetween(today, slot.topicDueDate) <= rules.topicWarnDays ? 'due' : 'waiting';
}

function inspectionSlots(year: number, today: string, trainings: Training[], plans: TrainingPlan[], rules: ObligationRules) {
  const n = rules.inspectionsPerYear;
  const planBySlot = new Map<number, TrainingPlan>();
  for (const p of plans.filter((p) => p.type === 'inspection' && p.year === year).sort((a, b) => a.plannedDate.localeCompare(b.plannedDate))) {
    if (p.slot <= n && !planBySlot.has(p.slot)) planBySlot.set(p.slot, p);
  }
  const held = trainings
    .filter((t) => t.type === 'inspection' && t.startDate.startsWith(`${year}-`) && t.startDate <= today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const bySlot = new Map<number, Training>();
  const rest: Training[] = [];
  // A training recorded against a plan entry fulfils that entry; the others fill the earliest open slots.
  for (const t of held) {
    const slot = [...planBySlot.entries()].find(([, p]) => p.id === t.planId)?.[0];
    if (slot !== undefined && !bySlot.has(slot)) bySlot.set(slot, t);
    else rest.push(t);
  }
  const extra: Training[] = [];
  for (const t of rest) {
    const open = Array.from({ length: n }, (_, i) => i + 1).find((s) => !bySlot.has(s));
    if (open === undefined) extra.push(t);
    else bySlot.set(open, t);
  }
  const slots: InspectionSlot[] = [];
  for (let slot = 1; slot <= n; slot++) {
    const plan = planBySlot.get(slot);
    const training = bySlot.get(slot);
    const dueDate = plan?.plannedDate ?? quarterEnd(year, Math.min(4, Math.ceil((slot * 4) / n)));
    const base = {
      slot,
      plan,
      training,
      dueDate,
      state: stateFor(!!training, dueDate, today, rules.dueSoonDays),
      topic: plan?.topic || training?.topic || '',
      topicDueDate: addMonths(dueDate, -rules.topicLeadMonths),
    };
    slots.push({ ...base, topicState: topicStateFor(base, today, rules) });
  }
  return { slots, extra };
}

function specialObligation(
  year: number,
  today: string,
  trainings: Training[],
  plans: TrainingPlan[],
  projectStart: string | undefined,
  projectEnd: string | undefined,
  rules: ObligationRules,
): SpecialObligation {
  const hasProjectPeriod = !!projectStart && !!projectEnd && projectStart <= projectEnd;
  const period = hasProjectPeriod ? { from: projectStart!, to: projectEnd! } : { from: `${year}-01-01`, to: `${year}-12-31` };
  const inPeriod = (d: string) => d >= period.from && d <= period.to;
  const held = trainings
    .filter((t) => t.type === 'special' && inPeriod(t.startDate) && t.startDate <= today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const training = held.find((t) => trainingDays(t) >= rules.specialMinDays);
  const tooShort = held.filter((t) => trainingDays(t) < rules.specialMinDays);
  const plan = plans.filter((p) => p.type === 'special' && inPeriod(p.plannedDate)).sort((a, b) => a.plannedDate.localeCompare(b.plannedDate))[0];
  // Without a plan, the latest start that still fits the minimum length inside the period.
  const dueDate = plan?.plannedDate ?? addDays(period.to, -(rules.specialMinDays - 1));
  return { state: stateFor(!!training, dueDate, today, rules.specialDueSoonDays), training, plan, dueDate, period, hasProjectPeriod, tooShort };
}

/** The year's obligations as of `today`, with the reminders to show. */
export function trainingObligations(
  input: { year: number; today: string; trainings: Training[]; plans: TrainingPlan[]; projectStart?: string; projectEnd?: string },
  rules: ObligationRules = obligationRules,
): YearObligations {
  const { year, today, trainings, plans } = input;
  const { slots, extra } = inspectionSlots(year, today, trainings, plans, rules);
  const special = specialObligation(year, today, trainings, plans, input.projectStart, input.projectEnd, rules);
  const reminders: Reminder[] = [];
  for (const s of slots) {
    if (s.state === 'late') reminders.push({ kind: 'inspection-late', slot: s.slot, date: s.dueDate });
    else if (s.state === 'due') reminders.push({ kind: 'inspection-due', slot: s.slot, date: s.dueDate });
    if (s.topicState === 'missing') reminders.push({ kind: 'topic-missing', slot: s.slot, date: s.topicDueDate });
    else if (s.topicState === 'due') reminders.push({ kind: 'topic-due', slot: s.slot, date: s.topicDueDate });
  }
  if (special.state === 'late') reminders.push({ kind: 'special-late', date: special.dueDate });
  else if (special.state === 'due') reminders.push({ kind: 'special-due', date: special.dueDate });
  for (const t of special.tooShort) if (special.state !== 'met') reminders.push({ kind: 'special-too-short', date: t.startDate, trainingId: t.id });
  return { year, inspection: slots, inspectionMet: slots.filter((s) => s.state === 'met').length, extraInspections: extra, special, reminders };
}
