import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshTestDb, type TestDb } from '../../db/test/fresh-db';
import { platform } from '../../platform';
import { AccessError, approveWithPin, setFirstPin } from '../access';
import { unpinBackup } from './unpin';

let testDb: TestDb;
const base = {
  createdAt: '2026-11-01T01:00:00.000Z',
  updatedAt: '2026-11-01T01:00:00.000Z',
  createdBy: 'system',
  updatedBy: 'system',
};
const now = new Date('2026-11-16T02:00:00.000Z');
const name = 'onsite-desk-A-20261116-100000-pre-restore.odbk';

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  await testDb.db.team.bulkPut([
    { id: 'pm1', name: '周海峰', role: 'pm', phone: '', active: true, ...base },
    { id: 'u1', name: '李喆', role: 'engineer', phone: '', active: true, ...base },
  ]);
  await setFirstPin('pm1', '909090', now);
  await setFirstPin('u1', '112233', now);
});
afterEach(() => {
  testDb.close();
  vi.restoreAllMocks();
});

describe('unpinning a pinned backup', () => {
  it("needs the project manager's approval, unpins once and records who approved", async () => {
    const unpin = vi.spyOn(platform, 'backupUnpin').mockResolvedValue(undefined);
    const approval = await approveWithPin('backup-unpin', '909090', now);
    await unpinBackup(name, approval, now);
    expect(unpin).toHaveBeenCalledWith({ name });
    const last = await testDb.db.auditLog.orderBy('seq').last();
    expect(last?.action).toBe('backup-unpinned');
    expect(last?.actor).toBe('u1');
    expect(last?.summary).toContain(name);
    expect(last?.summary).toContain('周海峰');
    // The approval is used up: a second unpin with it is refused.
    await expect(unpinBackup(name, approval, now)).rejects.toBeInstanceOf(AccessError);
    expect(unpin).toHaveBeenCalledTimes(1);
  });

  it("is refused without an approval, with another decision's approval, or with an engineer's PIN", async () => {
    const unpin = vi.spyOn(platform, 'backupUnpin').mockResolvedValue(undefined);
    const before = await testDb.db.auditLog.count();
    await expect(unpinBackup(name, null, now)).rejects.toBeInstanceOf(AccessError);
    const other = await approveWithPin('audit-review', '909090', now);
    await expect(unpinBackup(name, other, now)).rejects.toBeInstanceOf(AccessError);
    await expect(approveWithPin('backup-unpin', '112233', now)).rejects.toBeInstanceOf(AccessError);
    expect(unpin).not.toHaveBeenCalled();
    // Only the PIN checks may have written entries; none says a backup was unpinned.
    const entries = await testDb.db.auditLog.where('seq').above(before - 1).toArray();
    expect(entries.some((e) => e.action === 'backup-unpinned')).toBe(false);
  });
});
