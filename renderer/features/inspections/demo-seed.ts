/**
 * Demo records of the inspections feature: two finished monthly inspections (so trends show), the
 * last one with anomalies, the PM's approvals and follow-up actions, a few screenshots, and its
 * inspection report issued on time and waiting for the client's signature (its diagnosis report is
 * still to do); and this month's plan in progress, split between the two engineers.
 */
import type { Attachment } from '@shared/schemas/attachment';
import type { Inspection, InspectionAnswer } from '@shared/schemas/inspection';
import { writeTx } from '../../db';
import type { DemoContext, DemoFollowUp } from '../settings';
import { plantedAnomalies, scenarioAnswers, scenarioPlan } from './demo-scenario';
import { shanghaiDay, shanghaiMonth } from './deadlines';
import { answerId, evidenceOwnerType } from './ids';
import { makeAttachment } from '../../core';
import { issueInspectionReport } from './report-context';
import { addMonths } from '@shared/domain/inspection-trend';

export const demoOrder = 60;

/** An instant on `day` of `month` at `hh:mm` Shanghai time. */
const at = (month: string, day: number, hh: number, mm = 0) =>
  new Date(
    `${month}-${String(day).padStart(2, '0')}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`,
  );

/** A mock console screenshot drawn on a canvas (the browser's PNG encoder); none where there is no canvas (unit tests). */
async function screenshot(seed: number): Promise<Uint8Array | undefined> {
  if (typeof document === 'undefined') return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 360;
  const g = canvas.getContext('2d');
  if (!g) return undefined;
  g.fillStyle = '#f4f6f9';
  g.fillRect(0, 0, 640, 360);
  g.fillStyle = '#1d3a6e';
  g.fillRect(0, 0, 640, 32);
  g.fillStyle = '#e2e7ee';
  g.fillRect(0, 32, 120, 328);
  for (let r = 0; r < 8; r++) {
    g.fillStyle = r % 2 ? '#ffffff' : '#eceff5';
    g.fillRect(136, 48 + r * 36, 480, 28);
    const used = 0.35 + ((seed * 7 + r * 13) % 60) / 100;
    g.fillStyle = used > 0.85 || r === seed % 8 ? '#c83c32' : '#3c965a';
    g.fillRect(440, 58 + r * 36, Math.round(160 * used), 8);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
}

export async function seedDemo(ctx: DemoContext): Promise<DemoFollowUp | undefined> {
  const { now, team, systems, site } = ctx;
  const [e1, e2] = team.filter((m) => m.role === 'engineer');
  const pm = team.find((m) => m.role === 'pm');
  if (!e1 || !e2 || !pm) return;
  const month = shanghaiMonth(now);
  const active = systems.filter((s) => s.active);
  const plans: { inspection: Inspection; answers: InspectionAnswer[] }[] = [];

  // Two finished months: drifting metrics give the trends; the last one holds the anomalies.
  for (const back of [2, 1]) {
    const m = addMonths(month, -back);
    const plan = scenarioPlan({
      id: crypto.randomUUID(),
      number: `XJRW-${m.replace('-', '')}-${site.deviceCode}-01`,
      month: m,
      systems: active,
      engineers: [e1.id, e2.id],
      plannedAt: at(m, 1, 9).toISOString(),
      by: e1.id,
    });
    const answers = scenarioAnswers(plan, {
      monthIndex: 4 - back,
      anomalies: back === 1,
      lng: 'zh-CN',
      at: (n) => new Date(at(m, 20, 9).getTime() + n * 90_000).toISOString(),
    });
    const inspection: Inspection = {
      ...plan,
      status: 'finished',
      startedAt: at(m, 20, 9).toISOString(),
      finishedAt: at(m, 21, 16, 30).toISOString(),
      updatedAt: at(m, 21, 16, 30).toISOString(),
    };
    inspection.events.push({ type: 'started', at: inspection.startedAt!, by: e1.id });
    if (back === 1) {
      for (const p of plantedAnomalies) {
        const s = inspection.systems.find((x) => x.family === p.family);
        if (!s) continue;
        const approvedAt = at(m, 20, 11, 5).toISOString();
        inspection.events.push({
          type: 'approval',
          at: at(m, 20, 11, 10).toISOString(),
          by: s.engineerId,
          approverId: pm.id,
          approverName: pm.name,
          approvedAt,
          systemId: s.systemId,
          itemId: p.itemId,
          decision: 'action',
          comment: '同意现场处理，处理前通知客户运维。',
        });
        const text = p.followUp['zh-CN'];
        inspection.events.push({
          type: 'action-created',
          at: at(m, 20, 11, 10).toISOString(),
          by: s.engineerId,
          systemId: s.systemId,
          itemId: p.itemId,
          text,
        });
        const a = answers.find((x) => x.systemId === s.systemId && x.itemId === p.itemId);
        if (a) a.followUp = { text, ownerId: s.engineerId };
      }
    }
    inspection.events.push({ type: 'finished', at: inspection.finishedAt!, by: e1.id });
    plans.push({ inspection, answers });
  }

  // This month: planned on the 1st, in progress since yesterday morning (earlier today on the 1st);
  // the first engineer is further along than the second. 200 answers at 90 s take 5 hours.
  const today = Number(shanghaiDay(now).slice(8, 10));
  const workStart = Math.min(at(month, Math.max(1, today - 1), 9, 30).getTime(), now.getTime() - 5 * 3_600_000);
  const plannedAt = Math.min(at(month, 1, 9).getTime(), now.getTime() - 3_600_000);
  const current = scenarioPlan({
    id: crypto.randomUUID(),
    number: `XJRW-${month.replace('-', '')}-${site.deviceCode}-01`,
    month,
    systems: active,
    engineers: [e1.id, e2.id],
    plannedAt: new Date(plannedAt).toISOString(),
    by: e1.id,
  });
  // On the morning of the 1st the plan exists but nobody has started yet.
  const partial =
    workStart < plannedAt + 1_800_000
      ? []
      : scenarioAnswers(current, {
          monthIndex: 4,
          anomalies: false,
          share: 0.6,
          lng: 'zh-CN',
          at: (n) => new Date(workStart + n * 90_000).toISOString(),
        }).filter((a) => {
          const s = current.systems.find((x) => x.systemId === a.systemId)!;
          return (
            s.engineerId === e1.id || current.templates[s.templateRef].items.findIndex((i) => i.id === a.itemId) < 4
          );
        });
  const started = partial.reduce((m, a) => (a.answeredAt < m ? a.answeredAt : m), now.toISOString());
  plans.push({
    inspection: {
      ...current,
      status: partial.length ? 'in-progress' : 'planned',
      ...(partial.length ? { startedAt: started } : {}),
      events: [...current.events, ...(partial.length ? [{ type: 'started' as const, at: started, by: e1.id }] : [])],
    },
    answers: partial,
  });

  await writeTx(['inspections', 'inspectionAnswers'], async (_db, w) => {
    for (const { inspection, answers } of plans) {
      const summary = `demo ${inspection.number}: ${inspection.systems.length} systems, ${answers.length} answers`;
      await w.add('inspections', inspection, summary);
      await w.bulkAdd('inspectionAnswers', answers, summary);
    }
  });

  // Drawing the evidence and rendering the report's PDF take seconds: they run once the demo setup is complete.
  return async () => {
    // Screenshots of last month's anomalies, hashed at capture like any evidence.
    const last = plans[1].inspection;
    const shots: Attachment[] = [];
    for (const [n, p] of plantedAnomalies.entries()) {
      const s = last.systems.find((x) => x.family === p.family);
      const bytes = s && (await screenshot(n + 1));
      if (s && bytes)
        shots.push(
          makeAttachment({
            ownerType: evidenceOwnerType,
            ownerId: answerId(last.id, s.systemId, p.itemId),
            name: `${p.itemId}.png`,
            mime: 'image/png',
            data: bytes,
          }),
        );
    }

    await writeTx(['attachments'], async (_db, w) => {
      for (const a of shots) await w.add('attachments', a, `demo: ${a.name}`);
    });
    // Last month's inspection report, issued (through the registry, with its PDF) and waiting for
    // the client's signature; issued the morning after the inspection ended: on time (3 calendar days).
    const maint = ctx.contacts.find((c) => c.isMaintenanceEngineer);
    await issueInspectionReport('inspection', last.id, {
      language: 'zh-CN',
      withEvidence: true,
      signers: [
        { role: 'engineer', name: e1.name },
        { role: 'projectManager', name: pm.name },
        { role: 'clientEngineer', ...(maint ? { name: maint.name } : {}) },
      ],
      now: new Date(new Date(last.finishedAt!).getTime() + 16 * 3_600_000),
    });
  };
}
