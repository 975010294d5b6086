/**
 * Decisions the project manager takes (docs/domain.md, People): the app asks for the PM's PIN at that
 * moment, on whichever laptop. `approveWithPin` checks the PIN and issues an approval; the feature's
 * write calls `takeApproval`, which accepts only an approval issued here, for that decision, recently,
 * and once. So an engineer alone cannot produce one, not even by calling the repository directly.
 */
import type { ApprovalRecord } from '@shared/schemas/common';
import { AccessError, verifyPm } from './credentials.repo';

export const decisionKeys = [
  'inspection-onsite-fix',
  'fault-l1-escalation',
  'personnel-notice',
  'backup-unpin',
  'backup-untrusted-restore',
  'audit-review',
] as const;
export type DecisionKey = (typeof decisionKeys)[number];

export interface Approval {
  decision: DecisionKey;
  approverId: string;
  approverName: string;
  /** ISO instant the PM typed the PIN. */
  approvedAt: string;
}

/** How long an issued approval stays usable for its write. */
export const APPROVAL_TTL_MS = 10 * 60_000;

const issued = new WeakSet<Approval>();

/** Checks the project manager's PIN and issues a one-time approval of `decision`. */
export async function approveWithPin(decision: DecisionKey, pmPin: string, now = new Date()): Promise<Approval> {
  const pm = await verifyPm(pmPin, now);
  const approval: Approval = Object.freeze({
    decision,
    approverId: pm.id,
    approverName: pm.name,
    approvedAt: now.toISOString(),
  });
  issued.add(approval);
  return approval;
}

/**
 * Accepts `approval` for `decision` once: it must have been issued by `approveWithPin`, for this
 * decision, within `APPROVAL_TTL_MS`. Throws `AccessError('approvalRequired')` otherwise.
 */
export function takeApproval(approval: Approval | undefined | null, decision: DecisionKey, now = new Date()): Approval {
  if (!approval || !issued.has(approval) || approval.decision !== decision) throw new AccessError('approvalRequired');
  const age = now.getTime() - Date.parse(approval.approvedAt);
  if (age < -60_000 || age > APPROVAL_TTL_MS) throw new AccessError('approvalExpired');
  issued.delete(approval);
  return approval;
}

/** "approved by <name> (<id>) at <instant>" for audit summaries. */
export function approvalSummary(a: ApprovalRecord): string {
  return `approved by project manager ${a.approverName} (${a.approverId}) at ${a.approvedAt}`;
}

/** What the record the approval allowed keeps of it: who approved and when (plain data, no longer usable). */
export function approvalRecord(a: Approval): ApprovalRecord {
  return { approverId: a.approverId, approverName: a.approverName, approvedAt: a.approvedAt };
}
