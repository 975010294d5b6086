/**
 * Training records and the yearly plan. Every write is one transaction with its audit entry; a
 * deleted record takes its materials (attachments) along and can be put back (undo).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Attachment } from '@shared/schemas/attachment';
import * as rules from '@shared/domain/training';
import { trainingPlanSchema, trainingSchema, type Training, type TrainingPlan } from '@shared/schemas/training';
import { getDb, stamp, writeTx } from '../../db';
import type { OnsiteDb } from '../../db/db';
import { useSite } from '../../core';

export type { Training, TrainingPlan };
/** The obligations (shared/domain/training) over the stored records. */
export type YearObligations = rules.YearObligations<Training, TrainingPlan>;
export type InspectionSlot = rules.InspectionSlot<Training, TrainingPlan>;
export const trainingOwnerType = 'training';

const trainings = (db: OnsiteDb = getDb()) => db.trainings;
const plans = (db: OnsiteDb = getDb()) => db.trainingPlans;
type Draft<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'> & { id?: string };

/** All training records, newest first. */
export function useTrainings(): Training[] | undefined {
  return useLiveQuery(() => trainings().orderBy('startDate').reverse().toArray(), []);
}
export function useTraining(id: string | undefined): Training | null | undefined {
  return useLiveQuery(async () => (id ? ((await trainings().get(id)) ?? null) : null), [id]);
}
export function usePlans(year: number): TrainingPlan[] | undefined {
  return useLiveQuery(() => plans().where('year').equals(year).sortBy('plannedDate'), [year]);
}

/** The year's obligations as of today (Shanghai), live. */
export function useObligations(year: number): YearObligations | undefined {
  const site = useSite();
  const data = useLiveQuery(
    async () => ({ trainings: await trainings().toArray(), plans: await plans().toArray() }),
    [],
  );
  if (!data || !site) return undefined;
  return rules.trainingObligations({
    year,
    now: new Date(),
    trainings: data.trainings,
    plans: data.plans,
    project: { start: site.projectStart, end: site.projectEnd },
  });
}

function summary(t: Pick<Training, 'type' | 'startDate' | 'topic'>): string {
  return `${t.type} ${t.startDate} ${t.topic}`;
}

/** Validates and saves a training record (new or edited). */
export async function saveTraining(d: Draft<Training>): Promise<Training> {
  return writeTx(['trainings'], async (db, w) => {
    const existing = d.id ? await trainings(db).get(d.id) : undefined;
    const row = trainingSchema.parse(stamp({ ...d, id: existing?.id ?? d.id, createdAt: existing?.createdAt }));
    await w.put('trainings', row, summary(row), existing ? 'update' : 'create');
    return row;
  });
}

export interface RemovedTraining {
  training: Training;
  attachments: Attachment[];
}

export async function deleteTraining(id: string): Promise<RemovedTraining | null> {
  return writeTx(['trainings', 'attachments'], async (db, w) => {
    const training = await trainings(db).get(id);
    if (!training) return null;
    const files = await db.attachments.where('[ownerType+ownerId]').equals([trainingOwnerType, id]).toArray();
    await w.delete('trainings', id, `${summary(training)} (${files.length} attachments)`);
    await w.bulkDelete('attachments', files.map((f) => f.id), `${summary(training)}: attachment`);
    return { training, attachments: files };
  });
}

export async function undoDeleteTraining(r: RemovedTraining): Promise<void> {
  await writeTx(['trainings', 'attachments'], async (_db, w) => {
    await w.put('trainings', r.training, `${summary(r.training)} (undo delete)`, 'restore');
    await w.bulkPut('attachments', r.attachments, `${summary(r.training)} (undo delete): attachment`, 'restore');
  });
}

export async function savePlan(d: Draft<TrainingPlan>): Promise<TrainingPlan> {
  return writeTx(['trainingPlans'], async (db, w) => {
    const existing = d.id ? await plans(db).get(d.id) : undefined;
    const row = trainingPlanSchema.parse(stamp({ ...d, id: existing?.id ?? d.id, createdAt: existing?.createdAt }));
    if (!row.topicNamedOn) delete row.topicNamedOn;
    await w.put(
      'trainingPlans',
      row,
      `${row.year} ${row.type} #${row.slot} ${row.plannedDate} ${row.topic || '(topic not named)'}`,
      existing ? 'update' : 'create',
    );
    return row;
  });
}

export async function deletePlan(p: TrainingPlan): Promise<void> {
  await writeTx(['trainingPlans'], async (_db, w) => {
    await w.delete('trainingPlans', p.id, `${p.year} ${p.type} #${p.slot} ${p.plannedDate}`);
  });
}

/** The third Wednesday of a month: a quiet mid-month day, away from month-end batch runs. */
function thirdWednesday(year: number, month: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((3 - first + 7) % 7) + 14;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The default plan of a year: the inspection trainings (one a quarter) and, when absent in the project, the special training. */
export function defaultPlan(
  year: number,
  hasSpecial: boolean,
  r: rules.TrainingRules = rules.defaultTrainingRules(),
): Array<Draft<TrainingPlan>> {
  const out: Array<Draft<TrainingPlan>> = Array.from({ length: r.inspectionsPerYear }, (_, i) => ({
    year,
    type: 'inspection',
    slot: i + 1,
    plannedDate: thirdWednesday(year, rules.slotMonth(i + 1, r)),
    topic: '',
    days: 1,
    notes: '',
  }));
  if (!hasSpecial)
    out.push({
      year,
      type: 'special',
      slot: 1,
      plannedDate: thirdWednesday(year, 10),
      topic: '',
      days: r.specialMinDays,
      notes: '',
    });
  return out;
}

/** Creates the plan entries a year lacks (existing entries are kept as they are), in one transaction. */
export async function createYearPlan(year: number): Promise<number> {
  return writeTx(['trainingPlans'], async (db, w) => {
    const existing = await plans(db).toArray();
    const drafts = defaultPlan(
      year,
      existing.some((p) => p.type === 'special'),
    ).filter((d) => !existing.some((p) => p.year === year && p.type === d.type && p.slot === d.slot));
    for (const d of drafts) {
      const row = trainingPlanSchema.parse(stamp(d));
      delete row.topicNamedOn;
      await w.add('trainingPlans', row, `${row.year} ${row.type} #${row.slot} ${row.plannedDate}`);
    }
    return drafts.length;
  });
}
