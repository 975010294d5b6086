/**
 * The monthly service report's records, read from the database for one month (Shanghai): faults
 * through the faults feature's view of their logs (level, channel, clocks, escalations, the closure
 * survey), service requests, the month's inspection runs and their abnormal answers, trainings,
 * personnel changes, the client feedback meetings and next month's plan. The figures are then the pure `monthlyFigures`
 * (shared/domain/monthly-service.ts), which is what the builder takes.
 */
import type { TFunction } from 'i18next';
import {
  monthlyFigures,
  type AnomalyState,
  type MonthlyFault,
  type MonthlyRecords,
} from '@shared/domain/monthly-service';
import type { InspectionAnswer } from '@shared/schemas/inspection';
import { getDb } from '../../db';
import { loadClockConfig } from '../../core';
import { faultView, listEvents, projectFault } from '../faults';
import type { MonthlyServiceData } from '../../pdf/monthly-service-report';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Inspection trainings the contract asks for a year, when the year's plan holds none (docs/domain.md). */
const defaultTrainingsPerYear = 4;

/** The first instant of `YYYY-MM` in Shanghai, and of the month after it. */
export function monthBounds(month: string): { start: Date; end: Date; next: string; days: number } {
  const [y, m] = month.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 1, 1) - SHANGHAI_OFFSET_MS);
  const end = new Date(Date.UTC(y, m, 1) - SHANGHAI_OFFSET_MS);
  const next = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}`;
  return { start, end, next, days: new Date(Date.UTC(y, m, 0)).getUTCDate() };
}

function anomalyState(a: InspectionAnswer): AnomalyState {
  if (a.solved) return 'solved-on-site';
  if (a.faultId) return 'fault-raised';
  if (a.followUp) return 'follow-up';
  return 'open';
}

/**
 * The records of `month` as of `now`. `t` is fixed to the report's language: it writes the few
 * sentences the records do not hold (personnel changes, next month's inspections).
 */
export async function loadMonthlyRecords(month: string, t: TFunction, now = new Date()): Promise<MonthlyRecords> {
  const db = getDb();
  const { start, end, next } = monthBounds(month);
  const startIso = start.toISOString();
  const endMs = end.getTime();
  const [cfg, faultRows, systems, requests, inspections, trainings, plans, changes, meetings] = await Promise.all([
    loadClockConfig(),
    db.faults.toArray(),
    db.systems.toArray(),
    db.serviceRequests.toArray(),
    db.inspections.toArray(),
    db.trainings.toArray(),
    db.trainingPlans.toArray(),
    db.personnelChanges.toArray(),
    db.feedbackMeetings.where('date').between(`${month}-01`, `${month}-31`, true, true).sortBy('date'),
  ]);
  const familyOf = new Map(systems.map((s) => [s.id, s.family as string]));
  const nameOf = new Map(systems.map((s) => [s.id, s.name]));

  // A fault matters when it began before the month's end and was still written to during or after it
  // (its clocks, restore and survey can only end in the month if something was recorded then).
  const candidates = faultRows.filter((f) => Date.parse(f.occurredAt) < endMs && f.updatedAt >= startIso);
  const faults: MonthlyFault[] = [];
  for (const row of candidates) {
    const events = await listEvents(row.id);
    if (!events.length) continue;
    const fault = projectFault(events, cfg, now, '');
    const view = faultView(events, cfg, now);
    const confirmations = events.filter((e) => e.type === 'confirmation').sort((a, b) => a.at.localeCompare(b.at));
    const last = confirmations[confirmations.length - 1];
    faults.push({
      number: fault.number,
      level: fault.level,
      channel: fault.channel,
      family: familyOf.get(fault.systemId) ?? 'other',
      occurredAt: fault.occurredAt,
      ...(fault.resolvedAt ? { restoredAt: fault.resolvedAt } : {}),
      // A clock ends when it stops; one that breached and still runs ended, for attainment, at its due instant.
      clocks: view.clocks.map((c) => {
        const endedAt = c.stoppedAt ?? (c.state === 'breached' ? c.dueAt : undefined);
        return { kind: c.kind, status: c.state, ...(endedAt ? { endedAt } : {}) };
      }),
      escalations: events.flatMap((e) =>
        e.type === 'escalation' && e.payload.toTier > 1
          ? [
              {
                toTier: e.payload.toTier as 2 | 3,
                at: e.at,
                to: [e.payload.recipientName, e.payload.vendorCaseNumber].filter(Boolean).join(' '),
              },
            ]
          : [],
      ),
      ...(last?.type === 'confirmation' ? { satisfaction: { score: last.payload.satisfaction, at: last.at } } : {}),
    });
  }

  const runs = inspections.filter((i) => i.month === month);
  const answers = runs.length
    ? await db.inspectionAnswers
        .where('inspectionId')
        .anyOf(runs.map((r) => r.id))
        .toArray()
    : [];
  const runNumber = new Map(runs.map((r) => [r.id, r.number]));
  const year = Number(month.slice(0, 4));
  const inspectionPlans = plans.filter((p) => p.year === year && p.type === 'inspection').length;
  const inNext = (date: string) => date.slice(0, 7) === next;

  return {
    month,
    faults,
    requests: requests.map((q) => {
      const doneAt = q.resolvedAt ?? q.closedAt;
      return { number: q.number, receivedAt: q.receivedAt, ...(doneAt ? { doneAt } : {}) };
    }),
    inspections: runs.map((r) => ({
      number: r.number,
      month: r.month,
      dueDate: r.dueDate,
      ...(r.finishedAt ? { finishedAt: r.finishedAt } : {}),
    })),
    anomalies: answers
      .filter((a) => a.result === 'abnormal')
      .map((a) => ({
        inspectionNumber: runNumber.get(a.inspectionId) ?? '',
        system: nameOf.get(a.systemId) ?? a.systemId,
        item: a.itemId,
        state: anomalyState(a),
      })),
    trainings: trainings.map((tr) => ({ title: tr.topic, date: tr.startDate, attendees: tr.attendees.length })),
    trainingsPerYear: inspectionPlans || defaultTrainingsPerYear,
    personnel: changes
      .filter((c) => c.status !== 'withdrawn' && c.status !== 'refused' && c.plannedDate.slice(0, 7) === month)
      .map((c) => ({
        date: c.plannedDate,
        what: t('reports:monthly.personnelChange', {
          leaving: c.leavingName,
          replacement: c.replacementName,
          notice: c.noticeDate,
        }),
      })),
    feedback: meetings.map((m) => ({
      date: m.date,
      attendees: m.attendees.map((a) => a.name),
      clientSaid: m.clientSaid,
      actions: m.actions.map((a) => ({ what: a.what, owner: a.owner, due: a.due })),
    })),
    nextInspections: inspections
      .filter((r) => r.month === next)
      .map((r) => ({
        date: r.dueDate,
        what: t('reports:monthly.nextInspection', {
          number: r.number,
          systems: r.systems.length,
          count: r.systems.length,
        }),
      }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    nextTrainings: plans
      .filter((p) => inNext(p.plannedDate))
      .map((p) => ({ date: p.plannedDate, what: p.topic || t(`reports:monthly.plannedTraining.${p.type}`) }))
      .sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** The builder's input for `month`: its records read from the database, then the figures. */
export async function loadMonthlyServiceData(
  month: string,
  t: TFunction,
  now = new Date(),
): Promise<MonthlyServiceData> {
  return monthlyFigures(await loadMonthlyRecords(month, t, now), now);
}
