/**
 * Demo feedback meetings, relative to the day the demo is loaded: last month's meeting with the
 * client's IT managers (one action done, one still open), and this month's when the month is a
 * week old. Attendees are the demo team and client contacts (renderer/features/settings/demo.ts).
 */
import { addCalendarDays } from '@shared/domain/time';
import { feedbackMeetingSchema, type FeedbackAttendee, type FeedbackMeeting } from '@shared/schemas/feedback';
import { getActor, writeTx } from '../../db';
import { shanghaiDate } from '../../core';
import type { DemoContext } from '../settings';

export const demoOrder = 56;

export async function seedDemo(ctx: DemoContext): Promise<void> {
  const { now, team, contacts } = ctx;
  const today = shanghaiDate(now);
  const monthStart = `${today.slice(0, 7)}-01`;
  const lastMonth = addCalendarDays(monthStart, -1).slice(0, 7);
  const stamp = { createdAt: now.toISOString(), updatedAt: now.toISOString(), updatedBy: getActor() };
  const pm = team.find((m) => m.role === 'pm') ?? team[0];
  const engineers = team.filter((m) => m.role === 'engineer');
  const engineer = engineers[0] ?? pm;
  const member = (m: (typeof team)[number]): FeedbackAttendee => ({ name: m.name, memberId: m.id });
  const client = (name: string): FeedbackAttendee[] =>
    contacts.filter((c) => c.kind === 'client' && c.name === name).map((c) => ({ name: c.name, contactId: c.id }));

  const meetings: FeedbackMeeting[] = [];
  const add = (m: Omit<FeedbackMeeting, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>) => {
    if (m.date > today) return;
    meetings.push(feedbackMeetingSchema.parse({ ...stamp, id: crypto.randomUUID(), ...m }));
  };
  const held = `${lastMonth}-20`;
  add({
    date: held,
    attendees: [member(pm), member(engineer), ...client('陈镕'), ...client('刘婷')],
    clientSaid:
      '本月故障响应及时，交易时段未受影响。希望巡检报告在次月 5 日前送达；堡垒机 RDP 会话偶发断开，请给出根因和处理计划。',
    actions: [
      {
        what: '巡检报告改为次月 5 日前提交，并抄送信息安全部',
        owner: pm.name,
        due: addCalendarDays(monthStart, 4),
        done: addCalendarDays(monthStart, 4) <= today,
      },
      {
        what: '堡垒机会话断开根因分析，必要时联系原厂',
        owner: (engineers[1] ?? engineer).name,
        due: addCalendarDays(held, 10),
        done: true,
      },
    ],
  });
  add({
    date: `${today.slice(0, 7)}-08`,
    attendees: [member(pm), ...client('陈镕'), ...client('赵磊')],
    clientSaid: '对上月改进措施的落实表示认可。年末交易系统变更较多，希望变更窗口期间增派一人值守。',
    actions: [
      {
        what: '年末变更窗口安排双人值守，排班表提前一周发给客户',
        owner: pm.name,
        due: addCalendarDays(`${today.slice(0, 7)}-08`, 14),
        done: false,
      },
    ],
  });

  if (!meetings.length) return;
  await writeTx(['feedbackMeetings'], async (_db, w) => {
    await w.bulkAdd('feedbackMeetings', meetings, (m) => `demo: feedback meeting ${m.date}`);
  });
}
