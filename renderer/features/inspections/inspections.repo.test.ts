import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientSystem, TeamMember } from '@shared/schemas/core';
import type { Inspection, InspectionAnswer } from '@shared/schemas/inspection';
import { verifyAuditChain } from '../../db/audit';
import { freshTestDb, type TestDb, seedSite } from '../../db/test/fresh-db';
import { OnsiteDb } from '../../db/db';
import { setDb } from '../../db';
import { addAttachment } from '../../core';
import { approveWithPin, setFirstPin } from '../access';
import { escalateAnomaly } from './escalate';

/** An approval not issued by the PM's PIN (checks that run before the approval is looked at). */
const forgedApproval = {
  decision: 'inspection-onsite-fix' as const,
  approverId: 'pm1',
  approverName: '周海峰',
  approvedAt: new Date().toISOString(),
};
import {
  answerId,
  createPlan,
  evidenceCounts,
  evidenceOwnerType,
  finishInspection,
  InspectionError,
  listAnswers,
  resumePoint,
  runSystems,
  saveAnswer,
  updatePlan,
} from './inspections.repo';
import { isAnswered } from '@shared/domain/inspection-judge';
import { builtInId, builtInTemplates } from './checklists';
import { copyTemplate, saveTemplateVersion } from './templates.repo';

let db: OnsiteDb;
let testDb: TestDb;
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const vc = builtInTemplates.find((t) => t.family === 'virtualization')!;
const pam = builtInTemplates.find((t) => t.family === 'pam')!;

const member = (id: string, name: string, role: TeamMember['role']): TeamMember => ({
  id,
  name,
  role,
  phone: '139 0000 0000',
  email: '',
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 'system',
});
const system = (id: string, name: string, family: ClientSystem['family']): ClientSystem => ({
  id,
  name,
  family,
  vendor: 'V',
  model: 'M',
  version: '1',
  location: 'L',
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 'system',
});

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'e1' });
  db = testDb.db;
  await seedSite(db, { currentUserId: 'e1' });
  await db.team.bulkPut([
    member('pm1', '周海峰', 'pm'),
    member('e1', '李喆', 'engineer'),
    member('e2', '王堃', 'engineer'),
  ]);
  await db.systems.bulkPut([system('s-vc', '生产虚拟化集群', 'virtualization'), system('s-pam', '运维堡垒机', 'pam')]);
});
afterEach(() => {
  testDb.close();
});

async function plan(): Promise<Inspection> {
  return createPlan(
    {
      month: '2026-11',
      mode: 'routine',
      dueDate: '2026-11-30',
      systems: [
        { systemId: 's-vc', engineerId: 'e1', templateId: builtInId(vc) },
        { systemId: 's-pam', engineerId: 'e2', templateId: builtInId(pam) },
      ],
    },
    at('2026-11-02 09:00'),
  );
}

describe('plans', () => {
  it('numbers the plan, snapshots the templates and splits systems between engineers', async () => {
    const p = await plan();
    expect(p.number).toBe('XJRW-202611-A-01');
    expect(p.status).toBe('planned');
    expect(p.systems.map((s) => [s.name, s.engineerId])).toEqual([
      ['生产虚拟化集群', 'e1'],
      ['运维堡垒机', 'e2'],
    ]);
    expect(Object.keys(p.templates).sort()).toEqual(['builtin-pam@1', 'builtin-virtualization@1']);
    // Routine mode leaves the deep-only items out.
    expect(runSystems(p)[0].items.some((i) => i.deepOnly)).toBe(false);
    expect((await plan()).number).toBe('XJRW-202611-A-02');
  });

  it('refuses to take out a system that already has answers', async () => {
    const p = await plan();
    await saveAnswer(p.id, 's-pam', 'service-status', { result: 'normal' });
    const err = await updatePlan(p.id, {
      month: p.month,
      mode: p.mode,
      dueDate: p.dueDate,
      systems: [{ systemId: 's-vc', engineerId: 'e1', templateId: builtInId(vc) }],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InspectionError);
    expect((err as InspectionError).messageKey).toBe('inspections:errors.removeAnswered');
  });
});

describe('autosave', () => {
  it('each answer is its own write: created, updated, audited, and the run starts with the first', async () => {
    const p = await plan();
    await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { value: 92 }, at('2026-11-03 10:00'));
    await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { note: '月末批量任务导致峰值' }, at('2026-11-03 10:01'));
    const rows = await listAnswers(p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: answerId(p.id, 's-vc', 'host-cpu-peak'),
      value: 92,
      note: '月末批量任务导致峰值',
      answeredBy: 'e1',
    });
    const started = await db.inspections.get(p.id);
    expect(started?.status).toBe('in-progress');
    expect(started?.events.map((e) => e.type)).toEqual(['planned', 'started']);
    const chain = await verifyAuditChain(db);
    expect(chain.ok && chain.count).toBe(4); // plan + 2 answers + the run started with the first
  });

  it('the same answer saved twice (Enter, then the blur of the focus move) is written and audited once', async () => {
    const p = await plan();
    await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { value: 92, result: undefined }, at('2026-11-03 10:00'));
    await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { value: 92, result: undefined }, at('2026-11-03 10:00'));
    await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { value: 93, result: undefined }, at('2026-11-03 10:01'));
    const chain = await verifyAuditChain(db);
    expect(chain.ok && chain.count).toBe(4); // plan + 92 + started + 93
    expect((await listAnswers(p.id))[0].value).toBe(93);
  });

  it('an impossible value (a CPU peak of 120 %, a negative count) is refused and the stored answer stays', async () => {
    const p = await plan();
    await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { value: 50 });
    const refused = await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { value: 120 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InspectionError);
    expect((refused as InspectionError).messageKey).toBe('inspections:errors.impossibleValue');
    await expect(saveAnswer(p.id, 's-vc', 'old-snapshots', { value: -1 })).rejects.toThrow(InspectionError);
    expect((await listAnswers(p.id)).map((a) => [a.itemId, a.value])).toEqual([['host-cpu-peak', 50]]);
  });

  it('clearing a field removes it; invalid values are refused and leave the stored answer as it was', async () => {
    const p = await plan();
    await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { value: 50, note: 'x' });
    await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { note: undefined });
    await expect(saveAnswer(p.id, 's-vc', 'host-cpu-peak', { value: Number.NaN })).rejects.toThrow();
    const [row] = await listAnswers(p.id);
    expect(row.value).toBe(50);
    expect('note' in row).toBe(false);
  });

  it('survives a "reload": a new connection sees every answer, and the run resumes at the first open item', async () => {
    const p = await plan();
    await saveAnswer(p.id, 's-vc', 'host-hardware', { result: 'normal' }, at('2026-11-03 10:00'));
    await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { value: 40 }, at('2026-11-03 10:01'));
    const name = db.name;
    db.close();
    db = new OnsiteDb(name);
    await db.open();
    setDb(db);
    const rows = await listAnswers(p.id);
    expect(rows.map((r) => r.itemId).sort()).toEqual(['host-cpu-peak', 'host-hardware']);
    const insp = (await db.inspections.get(p.id))!;
    const byItem = new Map(rows.map((r) => [`${r.systemId}|${r.itemId}`, r]));
    const items = runSystems(insp)[0].items;
    const point = resumePoint(insp, rows, (s, i) =>
      isAnswered(items.find((x) => x.id === i) ?? items[0], byItem.get(`${s}|${i}`)),
    );
    expect(point).toEqual({ systemId: 's-vc', itemId: 'host-mem-peak' });
  });
});

describe('finishing', () => {
  it('lists what is missing, then finishes once everything required is there', async () => {
    const p = await plan();
    const blocked = await finishInspection(p.id).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(InspectionError);
    const problems = (blocked as InspectionError).problems;
    expect(problems.filter((x) => x.kind === 'unanswered').length).toBe(
      runSystems(p).reduce((n, s) => n + s.items.filter((i) => i.required).length, 0),
    );

    for (const s of runSystems(p)) {
      for (const item of s.items) {
        const spec = item.answer;
        const patch =
          spec.type === 'number'
            ? { result: 'na' as const }
            : spec.type === 'choice'
              ? { choice: spec.options[0].value }
              : spec.type === 'text'
                ? { text: '8.0 U3' }
                : { result: 'normal' as const };
        await saveAnswer(p.id, s.systemId, item.id, patch);
        if (item.evidenceRequired)
          await addAttachment({
            ownerType: evidenceOwnerType,
            ownerId: answerId(p.id, s.systemId, item.id),
            name: 'shot.png',
            mime: 'image/png',
            data: new Uint8Array([1, 2, 3]),
          });
      }
    }
    // One abnormal number without its countermeasure still blocks.
    await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { result: undefined, value: 95, note: '批处理叠加' });
    const again = (await finishInspection(p.id).catch((e: unknown) => e)) as InspectionError;
    expect(again.problems).toEqual([{ systemId: 's-vc', itemId: 'host-cpu-peak', kind: 'countermeasureMissing' }]);
    await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { countermeasure: '调整批处理窗口' });
    expect((await evidenceCounts(p.id)).size).toBeGreaterThan(0);
    const done = await finishInspection(p.id, at('2026-11-05 16:00'));
    expect(done.status).toBe('finished');
    expect(done.finishedAt).toBe(at('2026-11-05 16:00').toISOString());
    await expect(saveAnswer(p.id, 's-vc', 'host-cpu-peak', { value: 10 })).rejects.toMatchObject({
      messageKey: 'inspections:errors.finished',
    });
  });
});

describe('anomaly → fault with the PM approval', { timeout: 30_000 }, () => {
  it('records the approval event, creates the inspection-channel fault and links it, in one go', async () => {
    const p = await plan();
    await saveAnswer(
      p.id,
      's-vc',
      'datastore-free',
      { value: 12, note: 'DS-PROD-03 可用 12%', countermeasure: '清理过期快照并申请扩容' },
      at('2026-11-03 10:00'),
    );
    const base = { inspectionId: p.id, systemId: 's-vc', itemId: 'datastore-free' };
    const fault = {
      level: 3 as const,
      symptoms: '[巡检] 数据存储可用空间 12%',
      description: '见巡检单',
      reporter: { name: '李喆', department: '驻场巡检', phone: '139 0000 0000', email: '' },
    };
    await setFirstPin('pm1', '909090', at('2026-11-03 09:00'));
    await setFirstPin('e2', '112233', at('2026-11-03 09:00'));
    // An engineer cannot approve: neither with their own PIN, nor with an approval made up in code.
    await expect(approveWithPin('inspection-onsite-fix', '112233', at('2026-11-03 10:05'))).rejects.toMatchObject({
      code: 'pmWrong',
    });
    const forged = {
      decision: 'inspection-onsite-fix' as const,
      approverId: 'pm1',
      approverName: '周海峰',
      approvedAt: at('2026-11-03 10:05').toISOString(),
    };
    await expect(
      escalateAnomaly({ ...base, decision: 'fault', fault, approval: forged }, at('2026-11-03 10:06')),
    ).rejects.toMatchObject({ code: 'approvalRequired' });
    expect(await db.faults.count()).toBe(0);
    const approval = await approveWithPin('inspection-onsite-fix', '909090', at('2026-11-03 10:05'));
    const a = await escalateAnomaly(
      { ...base, decision: 'fault', fault, approval, comment: '同意现场处理' },
      at('2026-11-03 10:06'),
    );
    expect(a.faultNumber).toBe('GZ-202611-A-001');
    const faults = await db.faults.toArray();
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({
      id: a.faultId,
      channel: 'inspection',
      systemId: 's-vc',
      assigneeId: 'e1',
      level: 3,
      // Found by the engineer on site: the on-site track, arrival met at creation, the fix clock running.
      track: 'onsite',
      status: 'arrived',
      urgent: {
        kind: 'fix',
        calendar: '7x24',
        targetMinutes: 120,
        dueAt: new Date(Date.parse(at('2026-11-03 10:06').toISOString()) + 120 * 60_000).toISOString(),
      },
    });
    const events = (await db.faultEvents.toArray()).sort((x, y) => x.seq - y.seq);
    expect(events.map((e) => [e.type, e.at])).toEqual([
      ['reported', at('2026-11-03 10:06').toISOString()],
      ['responded', at('2026-11-03 10:06').toISOString()],
      ['arrived', at('2026-11-03 10:06').toISOString()],
    ]);
    // The fault names the run and the item it came from.
    expect(events[0].payload).toMatchObject({
      source: { inspectionId: p.id, inspectionNumber: p.number, systemId: 's-vc', itemId: 'datastore-free' },
    });
    const insp = (await db.inspections.get(p.id))!;
    const approvalEvent = insp.events.find((e) => e.type === 'approval');
    expect(approvalEvent).toMatchObject({
      approverId: 'pm1',
      approverName: '周海峰',
      decision: 'fault',
      comment: '同意现场处理',
      approvedAt: at('2026-11-03 10:05').toISOString(),
    });
    // Used once: the same approval does not serve a second decision.
    await expect(
      escalateAnomaly({ ...base, decision: 'action', action: { text: 'x' }, approval }, at('2026-11-03 10:07')),
    ).rejects.toMatchObject({ code: 'approvalRequired' });
    expect(insp.events.find((e) => e.type === 'fault-created')).toMatchObject({ faultNumber: 'GZ-202611-A-001' });
    expect((await verifyAuditChain(db)).ok).toBe(true);
    // Only once.
    await expect(
      escalateAnomaly(
        {
          ...base,
          decision: 'fault',
          fault,
          approval: await approveWithPin('inspection-onsite-fix', '909090', at('2026-11-03 10:07')),
        },
        at('2026-11-03 10:07'),
      ),
    ).rejects.toMatchObject({ messageKey: 'inspections:escalate.alreadyFault' });
  });

  it('a normal item cannot be escalated, and nothing is written', async () => {
    const p = await plan();
    await saveAnswer(p.id, 's-vc', 'datastore-free', { value: 40, note: 'n', countermeasure: 'c' });
    await expect(
      escalateAnomaly({
        inspectionId: p.id,
        systemId: 's-vc',
        itemId: 'datastore-free',
        decision: 'action',
        action: { text: '跟进' },
        approval: forgedApproval,
      }),
    ).rejects.toMatchObject({ messageKey: 'inspections:escalate.notAbnormal' });
    const [row] = await listAnswers(p.id);
    expect((row as InspectionAnswer).followUp).toBeUndefined();
  });
});

describe('templates', () => {
  it('a copy is version 1; each edit is a new version; a plan keeps the version it snapshotted', async () => {
    const copy = await copyTemplate(vc, { zh: '生产集群巡检', en: 'Production cluster inspection' });
    expect(copy).toMatchObject({
      templateKey: 'team-production-cluster-inspection',
      version: 1,
      basedOn: { templateKey: 'builtin-virtualization', version: 1 },
    });
    const p = await createPlan({
      month: '2026-11',
      mode: 'routine',
      dueDate: '2026-11-30',
      systems: [{ systemId: 's-vc', engineerId: 'e1', templateId: copy.id }],
    });
    const v2 = await saveTemplateVersion(copy, {
      title: copy.title,
      description: copy.description,
      items: copy.items.slice(1).reverse(),
      changeNote: '去掉硬件项',
    });
    expect(v2.version).toBe(2);
    expect((await db.inspectionTemplates.get(copy.id))?.items).toHaveLength(copy.items.length);
    const stored = (await db.inspections.get(p.id))!;
    expect(stored.templates['team-production-cluster-inspection@1'].items.map((i) => i.id)).toEqual(
      copy.items.map((i) => i.id),
    );
  });

  it('refuses a template whose items repeat an id', async () => {
    const copy = await copyTemplate(vc, { zh: '副本', en: 'Copy' });
    await expect(
      saveTemplateVersion(copy, {
        title: copy.title,
        description: copy.description,
        items: [copy.items[0], copy.items[0]],
      }),
    ).rejects.toThrow();
    expect(await db.inspectionTemplates.count()).toBe(1);
  });
});

describe('trends', () => {
  it('collects a numeric item over finished months plus the current run', async () => {
    const { loadTrends } = await import('./trends.repo');
    const months = ['2026-09', '2026-10', '2026-11'];
    const ids: string[] = [];
    for (const [n, month] of months.entries()) {
      const p = await createPlan({
        month,
        mode: 'routine',
        dueDate: `${month}-28`,
        systems: [{ systemId: 's-vc', engineerId: 'e1', templateId: builtInId(vc) }],
      });
      ids.push(p.id);
      await saveAnswer(p.id, 's-vc', 'host-cpu-peak', { value: 60 + n * 5 });
      if (n < 2) await db.inspections.update(p.id, { status: 'finished', finishedAt: `${month}-20T08:00:00.000Z` });
    }
    const trends = await loadTrends(['s-vc'], '2026-11', ids[2]);
    expect(trends.get('s-vc')?.get('host-cpu-peak')).toEqual([
      { month: '2026-09', value: 60 },
      { month: '2026-10', value: 65 },
      { month: '2026-11', value: 70 },
    ]);
  });
});
