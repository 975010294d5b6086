import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PersonnelNoticeData } from '../../pdf/personnel-notice-report';
import { ReportInputError } from '../../pdf/types';
import { verifyAuditChain } from '../../db/audit';
import { freshTestDb, type TestDb } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { i18next, initAppI18n } from '../../i18n';
import { approveWithPin, setFirstPin } from '../access';
import { issuePersonnelNotice } from './notice';
import { savePersonnelChange } from './team.repo';

let db: OnsiteDb;
let testDb: TestDb;
/** The notice goes out on its notice date (a letter is never dated before it was issued). */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const base = {
  createdAt: '2026-11-01T01:00:00.000Z',
  updatedAt: '2026-11-01T01:00:00.000Z',
  createdBy: 'system',
  updatedBy: 'system',
};

beforeAll(async () => {
  if (!i18next.isInitialized) await initAppI18n();
  await i18next.changeLanguage('zh-CN');
});

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  db = testDb.db;
  await db.settings.put({
    key: 'site',
    setupComplete: true,
    deviceCode: 'A',
    currentUserId: 'u1',
    providerName: '上海承沪信息科技有限公司',
    clientName: '申江证券股份有限公司',
    clientAddress: '',
    projectName: '申江证券驻场运维服务',
    isDemo: false,
    ...base,
  });
  await db.team.bulkPut([
    { id: 'pm1', name: '周海峰', role: 'pm', phone: '138 0000 0001', active: true, ...base },
    { id: 'u1', name: '李喆', role: 'engineer', phone: '', active: true, ...base },
  ]);
  await db.contacts.put({
    id: 'c1',
    kind: 'client',
    name: '陈镕',
    company: '申江证券',
    department: '信息技术部',
    title: '',
    phone: '',
    email: '',
    products: [],
    isMaintenanceEngineer: true,
    ...base,
  });
  await setFirstPin('pm1', '909090', at('2026-11-16 08:00'));
  await setFirstPin('u1', '112233', at('2026-11-16 08:00'));
});
afterEach(() => testDb.close());

const change = () =>
  savePersonnelChange({
    leavingMemberId: 'u3',
    leavingName: '王堃',
    replacementName: '张明远',
    replacementPhone: '',
    replacementProfile: '',
    reason: '个人原因',
    noticeDate: '2026-11-16',
    plannedDate: '2026-12-21',
    status: 'pending',
    notes: '',
  });

describe('issuePersonnelNotice: the project manager approves the notice by PIN', { timeout: 60_000 }, () => {
  it('refuses without the PM approval, and with it issues the letter in the approver name and records who and when', async () => {
    const c = await change();
    const now = at('2026-11-16 10:00');
    // The engineer's own PIN does not approve.
    await expect(approveWithPin('personnel-notice', '112233', now)).rejects.toMatchObject({ code: 'pmWrong' });
    const forged = {
      decision: 'personnel-notice' as const,
      approverId: 'pm1',
      approverName: '周海峰',
      approvedAt: now.toISOString(),
    };
    const other = await approveWithPin('backup-untrusted-restore', '909090', now);
    for (const approval of [undefined, null, forged, other])
      await expect(issuePersonnelNotice(c.id, approval, now)).rejects.toMatchObject({ code: 'approvalRequired' });
    expect(await db.reports.count()).toBe(0);
    expect((await db.personnelChanges.get(c.id))?.noticeApproval).toBeUndefined();

    const approval = await approveWithPin('personnel-notice', '909090', at('2026-11-16 09:59'));
    const report = await issuePersonnelNotice(c.id, approval, now);
    expect(report).toMatchObject({ type: 'personnel-notice', meta: { issuedBy: '周海峰' } });
    const data = report.data as unknown as PersonnelNoticeData;
    expect(data.pm).toEqual({ name: '周海峰', phone: '138 0000 0001' });
    expect(data.approvedBy).toEqual({ name: '周海峰', at: at('2026-11-16 09:59').toISOString() });
    const stored = await db.personnelChanges.get(c.id);
    expect(stored?.noticeApproval).toEqual({
      approverId: 'pm1',
      approverName: '周海峰',
      approvedAt: at('2026-11-16 09:59').toISOString(),
      reportNumber: report.number,
    });
    const entry = (await db.auditLog.where('entity').equals('personnelChanges').toArray()).at(-1);
    expect(entry?.summary).toContain(
      `approved by project manager 周海峰 (pm1) at ${at('2026-11-16 09:59').toISOString()}`,
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
    // Used once.
    await expect(issuePersonnelNotice(c.id, approval, now)).rejects.toMatchObject({ code: 'approvalRequired' });

    // An edit keeps the approval, and cannot bring one of its own.
    const edited = await savePersonnelChange({
      ...stored!,
      reason: '家庭原因',
      noticeApproval: { approverId: 'u1', approverName: '李喆', approvedAt: now.toISOString(), reportNumber: 'X' },
    });
    expect(edited.noticeApproval).toEqual(stored?.noticeApproval);
  });

  it('refuses a letter that would be backdated before the approval is used up', async () => {
    const c = await change();
    const approval = await approveWithPin('personnel-notice', '909090', at('2026-11-18 09:00'));
    await expect(issuePersonnelNotice(c.id, approval, at('2026-11-18 09:00'))).rejects.toBeInstanceOf(ReportInputError);
    expect(await db.reports.count()).toBe(0);
    // Once the record says when the notice really goes out, the same approval serves.
    const fixed = await savePersonnelChange({ ...c, noticeDate: '2026-11-18', plannedDate: '2026-12-21' });
    await expect(issuePersonnelNotice(fixed.id, approval, at('2026-11-18 09:01'))).resolves.toMatchObject({
      meta: { issuedBy: '周海峰' },
    });
  });
});
