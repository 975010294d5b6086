/**
 * An anomaly found in inspection is fixed on site only after the project manager approves
 * (docs/domain.md). The approval is an event on the inspection; with it the anomaly becomes a fault
 * (channel `inspection`, through the faults feature's own `createFault`) or a follow-up action,
 * and the answer links to it (approval event, fault-created event and link in one transaction).
 */
import type { InspectionAnswer, InspectionEvent } from '@shared/schemas/inspection';
import { getActor, getDb } from '../../db';
import { approvalSummary, takeApproval, type Approval } from '../access';
import { createFault } from '../faults';
import { answerId, InspectionError, inspectionTx } from './inspections.repo';
import { pick, resultFor } from '@shared/domain/inspection-judge';

export type { Approval };

export interface FaultDraft {
  level: 1 | 2 | 3 | 4;
  symptoms: string;
  description: string;
  /** Who found it (the reporter on the fault): the engineer's name, department text, phone, e-mail. */
  reporter: { name: string; department: string; phone: string; email: string };
}

export interface ActionDraft {
  text: string;
  ownerId?: string;
  dueDate?: string;
}

/**
 * `approval`: the project manager's, issued by the access feature when the PM typed their PIN
 * (`requireApproval('inspection-onsite-fix')`); `comment`: the PM's words, if any.
 */
export type EscalateInput = {
  inspectionId: string;
  systemId: string;
  itemId: string;
  approval: Approval;
  comment?: string;
} & ({ decision: 'fault'; fault: FaultDraft } | { decision: 'action'; action: ActionDraft });

/** Suggested fault level from the item's severity: critical → 2, high and medium → 3, low → 4. */
export function levelForSeverity(severity: 'low' | 'medium' | 'high' | 'critical'): 1 | 2 | 3 | 4 {
  return severity === 'critical' ? 2 : severity === 'low' ? 4 : 3;
}

/**
 * Records the PM's approval and creates the fault or the follow-up action for an abnormal answer.
 * Refuses when the approver is not a project manager, the item is not abnormal, its note or
 * countermeasure is missing, or it already has a fault.
 */
export async function escalateAnomaly(input: EscalateInput, now = new Date()): Promise<InspectionAnswer> {
  const db = getDb();
  const approver = await db.team.get(input.approval?.approverId ?? '');
  if (!approver || approver.role !== 'pm') throw new InspectionError('inspections:escalate.needsPm');
  const id = answerId(input.inspectionId, input.systemId, input.itemId);

  /** Everything the escalation needs, checked again inside the final transaction. */
  const check = async () => {
    const insp = await db.inspections.get(input.inspectionId);
    const answer = await db.inspectionAnswers.get(id);
    const system = insp?.systems.find((s) => s.systemId === input.systemId);
    const item = system && insp?.templates[system.templateRef]?.items.find((i) => i.id === input.itemId);
    if (!insp || !answer || !system || !item) throw new InspectionError('inspections:errors.notFound');
    if (resultFor(item, answer) !== 'abnormal') throw new InspectionError('inspections:escalate.notAbnormal');
    if (!answer.note?.trim() || !answer.countermeasure?.trim())
      throw new InspectionError('inspections:escalate.needsNote');
    if (input.decision === 'fault' && answer.faultId) throw new InspectionError('inspections:escalate.alreadyFault');
    if (input.decision === 'action' && !input.action.text.trim())
      throw new InspectionError('inspections:escalate.actionRequired');
    return { insp, answer, system, item };
  };
  const { insp, answer, system, item } = await check();
  // Only now, with everything else in order, is the PM's approval used up (issued once, by PIN).
  const approval = takeApproval(input.approval, 'inspection-onsite-fix', now);
  const approvedMs = Date.parse(approval.approvedAt);
  const iso = now.toISOString();

  // The fault goes through the faults feature's own createFault (its number, event log, projection
  // and audit). It runs its own transaction: nesting it in ours is not possible, because it awaits
  // plain promises, which would commit ours early. So: checks, the fault, then approval + link.
  const fault =
    input.decision === 'fault'
      ? await createFault(
          {
            level: input.fault.level,
            channel: 'inspection',
            reporter: { ...input.fault.reporter },
            symptoms: input.fault.symptoms.trim().slice(0, 200),
            description: input.fault.description.slice(0, 8000),
            // Found when the answer was given; reported to the fault desk now, with the approval.
            occurredAt: answer.answeredAt <= iso ? answer.answeredAt : iso,
            reportedAt: iso,
            systemId: system.systemId,
            assigneeId: system.engineerId,
            // The engineer who found it is there: on site, response and arrival met at once.
            foundOnSite: true,
            source: {
              inspectionId: insp.id,
              inspectionNumber: insp.number,
              systemId: system.systemId,
              itemId: item.id,
              itemTitle: pick(item.title, 'zh-CN').slice(0, 200),
            },
          },
          [],
          now,
        )
      : undefined;

  return inspectionTx(['inspections', 'inspectionAnswers', 'attachments'], async (tx, w) => {
    // Read again inside the transaction (Dexie promises only), so the link goes onto the latest rows.
    const insp = await tx.inspections.get(input.inspectionId);
    const current = await tx.inspectionAnswers.get(id);
    const item = insp?.templates[system.templateRef]?.items.find((i) => i.id === input.itemId);
    if (!insp || !current || !item) throw new InspectionError('inspections:errors.notFound');
    const by = getActor();
    const events: InspectionEvent[] = [
      {
        type: 'approval',
        at: iso,
        by,
        approverId: approver.id,
        approverName: approver.name,
        approvedAt: new Date(approvedMs).toISOString(),
        systemId: system.systemId,
        itemId: item.id,
        decision: input.decision,
        ...(input.comment?.trim() ? { comment: input.comment.trim().slice(0, 500) } : {}),
      },
    ];
    let next: InspectionAnswer;
    if (fault) {
      events.push({
        type: 'fault-created',
        at: iso,
        by,
        systemId: system.systemId,
        itemId: item.id,
        faultId: fault.id,
        faultNumber: fault.number,
      });
      next = { ...current, faultId: fault.id, faultNumber: fault.number, updatedAt: iso, updatedBy: by };
    } else {
      const a = (input as Extract<EscalateInput, { decision: 'action' }>).action;
      const text = a.text.trim().slice(0, 1000);
      events.push({ type: 'action-created', at: iso, by, systemId: system.systemId, itemId: item.id, text });
      next = {
        ...current,
        followUp: { text, ...(a.ownerId ? { ownerId: a.ownerId } : {}), ...(a.dueDate ? { dueDate: a.dueDate } : {}) },
        updatedAt: iso,
        updatedBy: by,
      };
    }
    const summary = `${insp.number} ${item.id}: on-site fix ${approvalSummary(approval)} → ${fault ? `fault ${fault.number}` : 'follow-up action'}`;
    await w.put('inspectionAnswers', next, summary, 'update');
    await w.put(
      'inspections',
      { ...insp, events: [...insp.events, ...events], updatedAt: iso, updatedBy: by },
      summary,
      'update',
    );
    return next;
  });
}
