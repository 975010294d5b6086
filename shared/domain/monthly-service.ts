/**
 * The figures of the monthly service report (月度服务报告): computed from plain records of the
 * month, so the report, the bench and the reconciliation test (monthly-service.test.ts) all use this
 * one function. Pure: no Dexie, no i18n; dates are ISO instants, months `YYYY-MM` in Shanghai time.
 */
import { shanghaiDate } from './time';

export const monthlyClockKinds = ['response', 'reply', 'arrival', 'fix', 'resolution', 'report'] as const;
export type MonthlyClockKind = (typeof monthlyClockKinds)[number];
export const monthlyLevels = [1, 2, 3, 4] as const;
export type MonthlyLevel = (typeof monthlyLevels)[number];

/** One fault as the monthly report needs it. */
export interface MonthlyFault {
  number: string;
  level: MonthlyLevel;
  channel: string;
  /** System family of the affected system. */
  family: string;
  occurredAt: string;
  /** When service was restored (resolved), if it was. */
  restoredAt?: string;
  /** Contract clocks that ended: met or breached (waived clocks are left out by the caller or here). */
  clocks: {
    kind: MonthlyClockKind;
    status: 'met' | 'breached' | 'waived' | 'running' | 'pending' | 'paused' | 'at-risk';
    endedAt?: string;
  }[];
  /** Escalations: to tier 2 (senior experts) or tier 3 (the vendor). */
  escalations: { toTier: 2 | 3; at: string; to: string }[];
  /** The closure survey's score (1–5), when the client answered it. */
  satisfaction?: { score: number; at: string };
}

export interface MonthlyRequest {
  number: string;
  receivedAt: string;
  doneAt?: string;
}

export interface MonthlyInspection {
  number: string;
  /** `YYYY-MM` the run belongs to. */
  month: string;
  dueDate: string;
  finishedAt?: string;
}

export type AnomalyState = 'solved-on-site' | 'follow-up' | 'fault-raised' | 'open';
export interface MonthlyAnomaly {
  inspectionNumber: string;
  system: string;
  item: string;
  state: AnomalyState;
}

export interface MonthlyTraining {
  title: string;
  date: string;
  attendees: number;
}

export interface MonthlyPersonnelChange {
  date: string;
  what: string;
}

export interface MonthlyFeedbackMeeting {
  date: string;
  attendees: string[];
  clientSaid: string;
  actions: { what: string; owner: string; due: string }[];
}

export interface MonthlyPlanItem {
  date: string;
  what: string;
}

export interface MonthlyRecords {
  /** `YYYY-MM` */
  month: string;
  faults: MonthlyFault[];
  requests: MonthlyRequest[];
  inspections: MonthlyInspection[];
  anomalies: MonthlyAnomaly[];
  trainings: MonthlyTraining[];
  /** Trainings the contract asks for in the month's year. */
  trainingsPerYear: number;
  personnel: MonthlyPersonnelChange[];
  feedback: MonthlyFeedbackMeeting[];
  /** Next month: scheduled inspections and planned trainings. */
  nextInspections: MonthlyPlanItem[];
  nextTrainings: MonthlyPlanItem[];
}

export interface Attainment {
  met: number;
  total: number;
  /** met / total × 100, one decimal; undefined when nothing was due. */
  percent?: number;
}

export interface RestoreFigures {
  count: number;
  /** Minutes. */
  mean?: number;
  median?: number;
}

export interface MonthlyFigures {
  month: string;
  faultCount: number;
  slaByKind: Record<MonthlyClockKind, Attainment>;
  slaByLevel: Record<MonthlyLevel, Attainment>;
  slaOverall: Attainment;
  restoreByLevel: Record<MonthlyLevel, RestoreFigures>;
  byLevel: Record<MonthlyLevel, number>;
  byChannel: Record<string, number>;
  byFamily: Record<string, number>;
  escalations: {
    toExperts: number;
    toVendors: number;
    list: { fault: string; toTier: 2 | 3; to: string; at: string }[];
  };
  requests: { received: number; done: number; open: number };
  inspections: { due: number; done: number; late: number; lateNumbers: string[] };
  anomalies: { found: number; byState: Record<AnomalyState, number> };
  satisfaction: { surveys: number; mean?: number; byScore: Record<1 | 2 | 3 | 4 | 5, number> };
  training: { thisMonth: number; yearToDate: number; yearObligation: number };
  personnel: MonthlyPersonnelChange[];
  feedback: MonthlyFeedbackMeeting[];
  next: { inspections: MonthlyPlanItem[]; trainings: MonthlyPlanItem[] };
}

/** `YYYY-MM` of an ISO instant or date, in Shanghai. */
export function monthOf(value: string): string {
  return (value.length === 10 ? value : shanghaiDate(new Date(value))).slice(0, 7);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function attainment(met: number, total: number): Attainment {
  return { met, total, ...(total ? { percent: round1((met / total) * 100) } : {}) };
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const zeroLevels = <T>(f: () => T) => Object.fromEntries(monthlyLevels.map((l) => [l, f()])) as Record<MonthlyLevel, T>;

/**
 * The month's figures. Faults count in the month they occurred; a clock counts in the month it ended
 * (met or breached; waived and still running clocks are not attainment); a restore time counts in
 * the month of the restore; inspections are those of the month (late: finished after the due date,
 * or not finished by it); trainings by their date.
 */
export function monthlyFigures(r: MonthlyRecords, now: Date = new Date()): MonthlyFigures {
  const m = r.month;
  const inMonth = (v: string | undefined) => !!v && monthOf(v) === m;
  const faults = r.faults.filter((f) => inMonth(f.occurredAt));
  const kinds = Object.fromEntries(monthlyClockKinds.map((k) => [k, { met: 0, total: 0 }])) as Record<
    MonthlyClockKind,
    { met: number; total: number }
  >;
  const levels = zeroLevels(() => ({ met: 0, total: 0 }));
  const restore = zeroLevels(() => [] as number[]);
  const escalations: MonthlyFigures['escalations']['list'] = [];
  const byScore: MonthlyFigures['satisfaction']['byScore'] = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const scores: number[] = [];
  for (const f of r.faults) {
    for (const c of f.clocks) {
      if ((c.status !== 'met' && c.status !== 'breached') || !inMonth(c.endedAt ?? f.restoredAt)) continue;
      kinds[c.kind].total++;
      levels[f.level].total++;
      if (c.status === 'met') {
        kinds[c.kind].met++;
        levels[f.level].met++;
      }
    }
    if (f.restoredAt && inMonth(f.restoredAt))
      restore[f.level].push((Date.parse(f.restoredAt) - Date.parse(f.occurredAt)) / 60_000);
    for (const e of f.escalations)
      if (inMonth(e.at)) escalations.push({ fault: f.number, toTier: e.toTier, to: e.to, at: e.at });
    if (f.satisfaction && inMonth(f.satisfaction.at)) {
      const s = Math.round(f.satisfaction.score) as 1 | 2 | 3 | 4 | 5;
      if (s >= 1 && s <= 5) {
        byScore[s]++;
        scores.push(s);
      }
    }
  }
  const count = <T>(list: T[], key: (x: T) => string) => {
    const out: Record<string, number> = {};
    for (const x of list) out[key(x)] = (out[key(x)] ?? 0) + 1;
    return out;
  };
  const byLevel = zeroLevels(() => 0);
  for (const f of faults) byLevel[f.level]++;
  const allMet = Object.values(kinds).reduce((n, k) => n + k.met, 0);
  const allTotal = Object.values(kinds).reduce((n, k) => n + k.total, 0);

  const requests = r.requests.filter((q) => inMonth(q.receivedAt));
  const done = requests.filter((q) => q.doneAt).length;
  const runs = r.inspections.filter((i) => i.month === m);
  const today = shanghaiDate(now);
  const isLate = (i: MonthlyInspection) =>
    i.finishedAt ? shanghaiDate(new Date(i.finishedAt)) > i.dueDate : today > i.dueDate;
  const late = runs.filter(isLate);
  const byState: Record<AnomalyState, number> = { 'solved-on-site': 0, 'follow-up': 0, 'fault-raised': 0, open: 0 };
  for (const a of r.anomalies) byState[a.state]++;
  const year = m.slice(0, 4);
  return {
    month: m,
    faultCount: faults.length,
    slaByKind: Object.fromEntries(
      monthlyClockKinds.map((k) => [k, attainment(kinds[k].met, kinds[k].total)]),
    ) as Record<MonthlyClockKind, Attainment>,
    slaByLevel: zeroLevelsFrom(levels, (l) => attainment(l.met, l.total)),
    slaOverall: attainment(allMet, allTotal),
    restoreByLevel: zeroLevelsFrom(restore, (v) => ({
      count: v.length,
      ...(v.length ? { mean: round1(v.reduce((s, x) => s + x, 0) / v.length), median: round1(median(v)!) } : {}),
    })),
    byLevel,
    byChannel: count(faults, (f) => f.channel),
    byFamily: count(faults, (f) => f.family),
    escalations: {
      toExperts: escalations.filter((e) => e.toTier === 2).length,
      toVendors: escalations.filter((e) => e.toTier === 3).length,
      list: escalations.sort((a, b) => a.at.localeCompare(b.at)),
    },
    requests: { received: requests.length, done, open: requests.length - done },
    inspections: {
      due: runs.length,
      done: runs.filter((i) => i.finishedAt).length,
      late: late.length,
      lateNumbers: late.map((i) => i.number),
    },
    anomalies: { found: r.anomalies.length, byState },
    satisfaction: {
      surveys: scores.length,
      ...(scores.length ? { mean: round1(scores.reduce((s, x) => s + x, 0) / scores.length) } : {}),
      byScore,
    },
    training: {
      thisMonth: r.trainings.filter((t) => monthOf(t.date) === m).length,
      yearToDate: r.trainings.filter((t) => t.date.slice(0, 4) === year && monthOf(t.date) <= m).length,
      yearObligation: r.trainingsPerYear,
    },
    personnel: r.personnel.filter((p) => monthOf(p.date) === m),
    feedback: r.feedback.filter((f) => monthOf(f.date) === m),
    next: { inspections: r.nextInspections, trainings: r.nextTrainings },
  };
}

function zeroLevelsFrom<A, B>(from: Record<MonthlyLevel, A>, f: (a: A) => B): Record<MonthlyLevel, B> {
  return Object.fromEntries(monthlyLevels.map((l) => [l, f(from[l])])) as Record<MonthlyLevel, B>;
}
