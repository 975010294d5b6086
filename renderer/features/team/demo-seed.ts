/** Demo roster (the current month, weekly rotation of the two engineers) and one personnel change awaiting consent. */
import { addCalendarDays } from '@shared/domain/time';
import { personnelChangeSchema, rosterEntrySchema } from '@shared/schemas/team';
import { getActor, writeTx } from '../../db';
import { shanghaiDate } from '../../core';
import type { DemoContext } from '../settings';
import { monthDates, rotationFill } from './roster';

export const demoOrder = 54;

export async function seedDemo(ctx: DemoContext): Promise<void> {
  const { now, team } = ctx;
  const today = shanghaiDate(now);
  const dates = monthDates(today.slice(0, 7));
  const engineers = team.filter((m) => m.role === 'engineer');
  const stamp = { createdAt: now.toISOString(), updatedAt: now.toISOString(), updatedBy: getActor() };
  const roster = rotationFill({
    from: dates[0],
    to: dates[dates.length - 1],
    memberIds: engineers.map((m) => m.id),
    daysPerShift: 7,
  }).map((d) => rosterEntrySchema.parse({ ...d, ...stamp, id: crypto.randomUUID() }));
  const leaving = engineers[engineers.length - 1];
  const noticeDate = addCalendarDays(today, -9);
  const change = leaving
    ? personnelChangeSchema.parse({
        ...stamp,
        id: crypto.randomUUID(),
        leavingMemberId: leaving.id,
        leavingName: leaving.name,
        replacementName: '张明远',
        replacementPhone: '136 1188 5207',
        replacementProfile: '8 年数据中心运维经验，VMware VCP-DCV、华为 HCIP-Security 认证，曾驻场服务两家券商客户。',
        reason: `${leaving.name} 因公司内部岗位调整调回总部技术服务中心。`,
        noticeDate,
        plannedDate: addCalendarDays(noticeDate, 35),
        status: 'pending',
        notes:
          '计划变更日前两周两人同时在场交接：在办故障、巡检计划、系统账号权限和运维文档，交接清单由客户运维负责人签字确认。',
      })
    : null;
  await writeTx(['roster', 'personnelChanges'], async (_db, w) => {
    await w.bulkAdd('roster', roster, (e) => `demo roster: ${e.date}`);
    if (change) await w.add('personnelChanges', change, `demo: ${change.leavingName} → ${change.replacementName}`);
  });
}
