import type { ApprovalRecord } from '@shared/schemas/common';
import { tableOf, type OnsiteDb, type TableName } from '../../db/db';
import { getActor, writeTx } from '../../db';
import { keyAuditChain } from '../../db/audit-seal';
import { teamKey } from '../../core/team-key';
import { schemaVersion } from '../../db/migrations';
import { approvalRecord, approvalSummary, takeApproval, type Approval } from '../access';
import type { OnRestoreProgress } from './restore-progress';
import { isLocalMeta } from './snapshot';
import type { RestorePlan } from './validate';

/** Meta row set when data was restored from a file the team key did not vouch for (shown as a banner). */
export const untrustedKey = 'integrity.untrusted';

export interface UntrustedMark {
  at: string;
  source: string;
  /** Why: the MAC failed, the file predates MACs, or no key was loaded. */
  reason: 'bad-mac' | 'unauthenticated' | 'no-key';
  /** The project manager who approved restoring it anyway, and when (absent in marks written before approvals). */
  approvedBy?: ApprovalRecord;
}

export interface RestoreSource {
  /** File or backup name the plan came from (audit summary). */
  name: string;
  /** The pre-restore backup that can undo this restore, if one was made. */
  preRestoreName?: string;
  /**
   * For a plan the team key does not vouch for ("restore anyway"): the project manager's approval,
   * issued when they typed their PIN (`requireApproval('backup-untrusted-restore')`).
   */
  approval?: Approval | null;
}

/** Refuses an untrusted plan without the PM's approval, before anything is written. Takes the approval once. */
export function untrustedApproval(plan: RestorePlan, source: RestoreSource, now = new Date()): Approval | null {
  return plan.auth.status === 'ok' ? null : takeApproval(source.approval, 'backup-untrusted-restore', now);
}

/**
 * Replaces the whole database with a validated plan in ONE transaction: every table cleared and
 * refilled, this laptop's backup bookkeeping kept, the schema number set to this app's, and a
 * `restore` entry appended to the restored audit chain. Anything failing rolls all of it back. A plan
 * the team key does not vouch for needs `source.approval`, the project manager's (else
 * `AccessError('approvalRequired')` and nothing is touched); the mark and the entry name the approver.
 * `onProgress` hears `writing` before each table (N of M).
 */
export async function applyRestore(
  db: OnsiteDb,
  plan: RestorePlan,
  source: RestoreSource,
  now = new Date(),
  onProgress?: OnRestoreProgress,
): Promise<void> {
  // Restoring data the team key does not vouch for is the project manager's decision (docs/domain.md, People).
  const approval = untrustedApproval(plan, source, now);
  const tables = db.tables.map((t) => t.name as TableName);
  await writeTx(tables, async (_db, w) => {
    // Restore replaces every table with the backup's rows as they are (their own audit log and
    // sync change log included), so it writes the tables directly: no audit entry and no sync
    // change per row (only the writer's writes are captured). The restore itself is logged through `w` below.
    const local = (await db.meta.toArray()).filter(isLocalMeta);
    for (const t of db.tables) await t.clear();
    const total = plan.tables.size;
    let done = 0;
    for (const [name, rows] of plan.tables) {
      onProgress?.({ phase: 'writing', done: done++, total });
      const keep = name === 'meta' ? rows.filter((r) => !isLocalMeta(r)) : rows;
      // eslint-disable-next-line local/audited-writes -- restore copies the backup's rows, its audit log included, as they are
      if (keep.length) await tableOf(db, name as TableName).bulkAdd(keep as never[]);
    }
    onProgress?.({ phase: 'writing', done: total, total });
    await db.meta.bulkPut(local);
    await db.meta.put({ key: 'schemaVersion', value: schemaVersion });
    await db.meta.put({
      key: 'backup.lastRestore',
      value: {
        at: now.toISOString(),
        source: source.name,
        preRestoreName: source.preRestoreName ?? null,
        createdAt: plan.manifest.createdAt,
      },
    });
    // Not a local row: a backup of this data carries the mark, and restoring it brings it back.
    if (plan.auth.status !== 'ok')
      await db.meta.put({
        key: untrustedKey,
        value: {
          at: now.toISOString(),
          source: source.name,
          reason: plan.auth.status,
          ...(approval ? { approvedBy: approvalRecord(approval) } : {}),
        } satisfies UntrustedMark,
      });
    const rows = Object.values(plan.counts).reduce((n, c) => n + c, 0);
    const m = plan.manifest;
    const trust =
      plan.auth.status === 'ok'
        ? ''
        : `UNTRUSTED (team-key check: ${plan.auth.status}), restored by explicit choice ${approval ? approvalSummary(approval) : ''}; `;
    await w.log(
      'backup',
      source.name.slice(0, 64),
      'restore',
      `${trust}restored ${source.name}: created ${m.createdAt} by app ${m.appVersion} on device ${m.deviceCode}, schema ${m.schemaVersion}, ${rows} rows${source.preRestoreName ? `; undo with ${source.preRestoreName}` : ''}`,
    );
  });
  // The restored chain is sealed with this team's key as a whole (records an older backup holds
  // without content hashes get baseline entries); restore is an explicit, audited choice.
  const key = teamKey();
  if (key) await keyAuditChain(db, key, now, getActor());
}
