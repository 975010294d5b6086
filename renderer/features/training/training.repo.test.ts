import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trainingObligations } from '@shared/domain/training';
import type { Training } from '@shared/schemas/training';
import { verifyAuditChain } from '../../db/audit';
import { freshTestDb, seedSite, type TestDb } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { createYearPlan, deleteTraining, saveTraining, undoDeleteTraining } from './training.repo';

let db: OnsiteDb;
let testDb: TestDb;
const draft = (over: Partial<Training> = {}) => ({
  type: 'inspection' as const,
  topic: '备份恢复演练',
  startDate: '2026-09-16',
  endDate: '2026-09-16',
  hours: 2,
  trainer: '李喆',
  location: '',
  content: '',
  attendees: [{ name: '陈镕', department: '信息技术部' }],
  feedback: '',
  ...over,
});

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  db = testDb.db;
  await seedSite(db);
});
afterEach(() => {
  testDb.close();
});

describe('training records and the yearly plan', () => {
  it('creates the year plan once: 4 inspection trainings, one a quarter, and the special training', async () => {
    expect(await createYearPlan(2026)).toBe(5);
    expect(await createYearPlan(2026)).toBe(0);
    const plans = await db.trainingPlans.orderBy('plannedDate').toArray();
    expect(plans.map((p) => `${p.type}${p.slot} ${p.plannedDate}`)).toEqual([
      'inspection1 2026-03-18',
      'inspection2 2026-06-17',
      'inspection3 2026-09-16',
      'special1 2026-10-21',
      'inspection4 2026-12-16',
    ]);
    // A second year gets its inspection trainings; the special training is once per project.
    expect(await createYearPlan(2027)).toBe(4);
  });

  it('a recorded training against its plan entry meets that obligation', async () => {
    await createYearPlan(2026);
    const plan = (await db.trainingPlans.toArray()).find((p) => p.type === 'inspection' && p.slot === 3)!;
    await saveTraining(draft({ planId: plan.id }));
    const o = trainingObligations({
      year: 2026,
      now: '2026-09-20',
      trainings: await db.trainings.toArray(),
      plans: await db.trainingPlans.toArray(),
    });
    expect(o.inspection[2]).toMatchObject({ state: 'met' });
    expect(o.inspection[0].state).toBe('late');
  });

  it('refuses an end date before the start, and nothing is stored', async () => {
    await expect(saveTraining(draft({ endDate: '2026-09-15' }))).rejects.toThrow();
    expect(await db.trainings.count()).toBe(0);
  });

  it('deletes with its materials and undoes', async () => {
    const t = await saveTraining(draft());
    await db.attachments.add({
      id: 'm1',
      ownerType: 'training',
      ownerId: t.id,
      name: 'slides.pdf',
      mime: 'application/pdf',
      size: 1,
      sha256: '0'.repeat(64),
      data: new Uint8Array([1]),
      createdAt: t.createdAt,
      updatedAt: t.createdAt,
      updatedBy: 'u1',
    });
    const removed = await deleteTraining(t.id);
    expect(await db.attachments.count()).toBe(0);
    await undoDeleteTraining(removed!);
    expect(await db.trainings.count()).toBe(1);
    expect(await db.attachments.count()).toBe(1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
