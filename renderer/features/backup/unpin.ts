/**
 * Unpinning a pinned backup (a pre-restore or pre-upgrade one, which retention never deletes) is the
 * project manager's decision (docs/domain.md, People): the caller asks for the PM's PIN with
 * `requireApproval('backup-unpin')`; this takes the approval once, unpins through the platform
 * (main or the browser store, which refuse a file this laptop did not write), and records who
 * approved and when in the audit log.
 */
import { writeTx } from '../../db';
import { platform } from '../../platform';
import { approvalRecord, approvalSummary, takeApproval, type Approval } from '../access';

export async function unpinBackup(name: string, approval: Approval | null, now = new Date()): Promise<void> {
  const taken = takeApproval(approval, 'backup-unpin', now);
  await platform.backupUnpin({ name });
  await writeTx([], (_db, w) =>
    w.log('backup', name.slice(0, 64), 'backup-unpinned', `unpinned backup ${name}; ${approvalSummary(approvalRecord(taken))}`),
  );
}
