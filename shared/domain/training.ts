/**
 * Training obligations (技术培训): 4 inspection trainings 巡检培训 a year, each on a topic the client
 * names one month ahead, and one special training 专项培训 of at least 3 days in the project period.
 * Statuses: met; late (the period ended short); at-risk (not enough planned to make it, behind the
 * one-per-quarter pace, or under a month left); due (on track).
 */
import { dayNumberOf, shanghaiDate, toShanghaiDate } from './time';

export type TrainingType = 'onsite' | 'adhoc' | 'inspection' | 'special' | 'vendor';

/** A training that took place. `days` defaults to the number of distinct dates. */
export type TrainingRecord = { id?: string; type: TrainingType; dates: string[]; days?: number; hours?: number; topic?: string };

/** A planned inspection or special training. `topicNamedAt` is when the client named the topic. */
export type TrainingPlan = {
  id?: string;
  type: 'inspection' | 'special';
  plannedDate: string;
  days?: number;
  topic?: string;
  topicNamedAt?: string;
};

export type ObligationStatus = 'met' | 'due' | 'late' | 'at-risk';

/** The client's topic for a planned inspection training: due one month before the planned date. */
export type TopicReminder = {
  planId?: string;
  plannedDate: string;
  topicDueDate: string;
  /** named; waiting (not due yet); missing (due and not named: remind the client). */
  status: 'named' | 'waiting' | 'missing';
  /** Named after its due date. */
  namedLate?: boolean;
};

export type TrainingObligations = {
  inspection: {
    year: number;
    required: number;
    done: number;
    plannedAhead: number;
    status: ObligationStatus;
    topics: TopicReminder[];
    topicsMissing: number;
  };
  special: {
    required: 1;
    minDays: number;
    done: number;
    /** Special trainings recorded with fewer than `minDays` days: they do not count. */
    tooShort: number;
    plannedAhead: number;
    status: ObligationStatus;
  };
};

export const INSPECTION_TRAININGS_PER_YEAR = 4;
export const SPECIAL_TRAINING_MIN_DAYS = 3;

/** The same day one month earlier (clamped to the month's last day): 03-31 → 02-28. */
export function oneMonthBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(py, pm, 0)).getUTCDate();
  return `${py}-${String(pm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function firstDate(r: TrainingRecord): string | undefined {
  return r.dates.filter((x) => dayNumberOf(x) !== undefined).sort()[0];
}

function daysOf(r: TrainingRecord): number {
  return r.days ?? new Set(r.dates).size;
}

/**
 * The yearly and project obligations at `now`: inspection trainings in `year` (default: the
 * current Asia/Shanghai year) and the special training within `project` (dates `YYYY-MM-DD`).
 */
export function trainingObligations(input: {
  records: TrainingRecord[];
  plans: TrainingPlan[];
  now: Date;
  project: { start: string; end: string };
  year?: number;
}): TrainingObligations {
  const today = shanghaiDate(input.now);
  const year = input.year ?? +today.slice(0, 4);
  const inYear = (d: string | undefined) => d !== undefined && d.startsWith(`${year}-`);

  // Inspection trainings
  const done = input.records.filter((r) => r.type === 'inspection' && inYear(firstDate(r))).length;
  const inspectionPlans = input.plans.filter((p) => p.type === 'inspection' && inYear(p.plannedDate));
  const plannedAhead = inspectionPlans.filter((p) => p.plannedDate >= today).length;
  const yearOver = today > `${year}-12-31`;
  const month = today.startsWith(`${year}-`) ? +today.slice(5, 7) : yearOver ? 13 : 1;
  const quartersElapsed = Math.min(4, Math.floor((month - 1) / 3));
  let inspectionStatus: ObligationStatus;
  if (done >= INSPECTION_TRAININGS_PER_YEAR) inspectionStatus = 'met';
  else if (yearOver) inspectionStatus = 'late';
  else if (done + plannedAhead < INSPECTION_TRAININGS_PER_YEAR || done < quartersElapsed) inspectionStatus = 'at-risk';
  else inspectionStatus = 'due';

  const topics: TopicReminder[] = inspectionPlans
    .slice()
    .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate))
    .map((p) => {
      const topicDueDate = oneMonthBefore(p.plannedDate);
      const named = !!p.topic?.trim();
      const reminder: TopicReminder = {
        plannedDate: p.plannedDate,
        topicDueDate,
        status: named ? 'named' : today >= topicDueDate ? 'missing' : 'waiting',
      };
      if (p.id !== undefined) reminder.planId = p.id;
      const namedOn = named && p.topicNamedAt ? toShanghaiDate(p.topicNamedAt) : undefined;
      if (namedOn !== undefined) reminder.namedLate = namedOn > topicDueDate;
      return reminder;
    });

  // Special training
  const { start, end } = input.project;
  const inProject = (d: string | undefined) => d !== undefined && d >= start && d <= end;
  const specials = input.records.filter((r) => r.type === 'special' && inProject(firstDate(r)));
  const specialDone = specials.filter((r) => daysOf(r) >= SPECIAL_TRAINING_MIN_DAYS).length;
  const specialPlanned = input.plans.filter(
    (p) => p.type === 'special' && p.plannedDate >= today && inProject(p.plannedDate) && (p.days ?? SPECIAL_TRAINING_MIN_DAYS) >= SPECIAL_TRAINING_MIN_DAYS,
  ).length;
  const daysLeft = (dayNumberOf(end) ?? 0) - (dayNumberOf(today) ?? 0);
  let specialStatus: ObligationStatus;
  if (specialDone >= 1) specialStatus = 'met';
  else if (today > end) specialStatus = 'late';
  else if (specialPlanned === 0 || daysLeft < 30) specialStatus = 'at-risk';
  else specialStatus = 'due';

  return {
    inspection: {
      year,
      required: INSPECTION_TRAININGS_PER_YEAR,
      done,
      plannedAhead,
      status: inspectionStatus,
      topics,
      topicsMissing: topics.filter((t) => t.status === 'missing').length,
    },
    special: {
      required: 1,
      minDays: SPECIAL_TRAINING_MIN_DAYS,
      done: specialDone,
      tooShort: specials.length - specialDone,
      plannedAhead: specialPlanned,
      status: specialStatus,
    },
  };
}
