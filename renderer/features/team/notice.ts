/**
 * The personnel change notice (驻场人员变更通知) is the project manager's letter to the client: it is
 * issued only with the PM's approval, typed as their PIN at that moment (docs/domain.md, People).
 * The letter is signed in the approver's name, and the change keeps who approved it and when.
 */
import i18next from 'i18next';
import { daysOfNotice } from '@shared/domain/personnel';
import type { ReportRecord } from '@shared/schemas/report';
import { personnelChangeSchema, type PersonnelChange } from '@shared/schemas/team';
import { issueReport, loadSite } from '../../core';
import { getDb, stamp } from '../../db';
import { personnelNoticeProblems, type PersonnelNoticeData } from '../../pdf/personnel-notice-report';
import { ReportInputError } from '../../pdf/types';
import { approvalRecord, approvalSummary, takeApproval, type Approval } from '../access';

/** The letter's data (plain JSON) from a change record, the site and the approving project manager. */
export async function noticeData(
  c: PersonnelChange,
  pm: { name: string; phone: string },
  approvedAt?: string,
): Promise<PersonnelNoticeData> {
  const site = await loadSite();
  // Addressed to the client's named contact: the maintenance engineer, else the first client contact.
  const contacts = (await getDb().contacts.toArray()).filter((x) => x.kind === 'client');
  const to = contacts.find((x) => x.isMaintenanceEngineer) ?? contacts[0];
  return {
    client: site.clientName,
    project: site.projectName,
    leaving: c.leavingName,
    replacement: c.replacementName,
    replacementPhone: c.replacementPhone,
    replacementProfile: c.replacementProfile,
    reason: c.reason,
    noticeDate: c.noticeDate,
    plannedDate: c.plannedDate,
    noticeDays: daysOfNotice(c.noticeDate, c.plannedDate) ?? 0,
    handover: c.notes,
    pm,
    addressee: to ? { name: to.name, department: to.department } : undefined,
    ...(approvedAt && pm.name ? { approvedBy: { name: pm.name, at: approvedAt } } : {}),
  };
}

/**
 * Issues the notice letter of change `changeId` with the project manager's `approval` (from
 * `requireApproval('personnel-notice')`): the register row, the PDF and the change's `noticeApproval`
 * in one transaction, the audit entry naming the approver. Refused without a valid approval
 * (`AccessError('approvalRequired')`); a letter that would contradict the record (under 30 days,
 * dated after its notice date, no addressee) is refused before the approval is used up.
 */
export async function issuePersonnelNotice(
  changeId: string,
  approval: Approval | null | undefined,
  now = new Date(),
): Promise<ReportRecord> {
  const db = getDb();
  const c = await db.personnelChanges.get(changeId);
  if (!c) throw new ReportInputError([i18next.t('team:personnel.errors.notFound')]);
  const pm = approval ? await db.team.get(approval.approverId) : undefined;
  const data = await noticeData(
    c,
    { name: approval?.approverName ?? '', phone: pm?.phone ?? '' },
    approval?.approvedAt,
  );
  // Without an approval the letter has no PM to name: that is the approval's own refusal, just below.
  const problems = approval ? personnelNoticeProblems(data, now.toISOString(), i18next.t.bind(i18next)) : [];
  if (problems.length) throw new ReportInputError(problems);
  const a = takeApproval(approval, 'personnel-notice', now);
  const { report } = await issueReport(
    {
      type: 'personnel-notice',
      subjectType: 'personnelChange',
      subjectId: c.id,
      data,
      // The PM's letter: issued in the approver's name, signed by them and the addressee.
      issuedBy: a.approverName,
      signers: [
        { role: 'projectManager', name: a.approverName },
        { role: 'clientEngineer', name: data.addressee?.name },
      ],
      alsoWrite: {
        tables: ['personnelChanges'],
        write: async (w, r) => {
          const current = (await w.db.personnelChanges.get(c.id)) ?? c;
          const row = personnelChangeSchema.parse(
            stamp({ ...current, noticeApproval: { ...approvalRecord(a), reportNumber: r.number } }, now),
          );
          await w.put(
            'personnelChanges',
            row,
            `notice ${r.number} v${r.version} (${c.leavingName} → ${c.replacementName}, planned ${c.plannedDate}) issued, ${approvalSummary(a)}`,
            'update',
          );
        },
      },
    },
    now,
  );
  return report;
}
