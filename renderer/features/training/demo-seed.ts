/**
 * Demo training for the current year, relative to the day the demo is loaded: the default plan,
 * inspection trainings held on the planned dates already past (their topics named a month ahead),
 * the next one still waiting for its topic, the 3-day special training in May once May is over,
 * and a few on-site, ad-hoc and vendor trainings.
 */
import { addCalendarDays } from '@shared/domain/time';
import {
  trainingPlanSchema,
  trainingSchema,
  type Attendee,
  type Training,
  type TrainingPlan,
} from '@shared/schemas/training';
import { getActor, writeTx } from '../../db';
import { shanghaiDate } from '../../core';
import type { DemoContext } from '../settings';
import { defaultPlan } from './training.repo';

export const demoOrder = 52;

const inspectionTopics = [
  'vSphere 日常巡检要点与告警处理',
  '堡垒机审计与会话回放',
  '备份作业失败排查与恢复演练',
  'vSphere 数据存储容量管理与快照清理',
];
const walkIns: Attendee[] = [
  { name: '钱晓雯', department: '信息技术部 系统运维组' },
  { name: '孙浩然', department: '信息技术部 网络组' },
  { name: '周祎', department: '信息技术部 交易运维组' },
  { name: '吴昊', department: '信息技术部 系统运维组' },
];

export async function seedDemo(ctx: DemoContext): Promise<void> {
  const { now, team, contacts } = ctx;
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const stamp = { createdAt: now.toISOString(), updatedAt: now.toISOString(), updatedBy: getActor() };
  const engineers = team.filter((m) => m.role === 'engineer');
  const pm = team.find((m) => m.role === 'pm') ?? team[0];
  const clients: Attendee[] = contacts
    .filter((c) => c.kind === 'client')
    .map((c) => ({ name: c.name, department: c.department, contactId: c.id }));
  const attendees = (n: number, shift: number) => [...clients, ...walkIns].slice(shift % 3, (shift % 3) + n);

  const specialHeld = today > `${year}-05-20`;
  const plans: TrainingPlan[] = defaultPlan(year, false).map((d, i) => {
    const isSpecial = d.type === 'special';
    const plannedDate = isSpecial && specialHeld ? `${year}-05-12` : d.plannedDate;
    const past = plannedDate <= today;
    // Topics arrive a month ahead; the next training still waits for its topic (a reminder on the page).
    const topic = isSpecial ? 'VMware vSAN 与私有云运维专项培训' : past ? inspectionTopics[i] : '';
    const p: TrainingPlan = {
      ...d,
      ...stamp,
      id: crypto.randomUUID(),
      plannedDate,
      topic,
      days: isSpecial ? 3 : 1,
      notes: isSpecial ? '由二线专家孙立主讲，含实验环境操作' : '',
    };
    if (topic) p.topicNamedOn = addCalendarDays(plannedDate, -33);
    return trainingPlanSchema.parse(p);
  });

  const trainings: Training[] = [];
  const add = (
    t: Omit<Training, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'location' | 'content'> & Partial<Training>,
  ) => {
    if (t.startDate > today) return;
    trainings.push(
      trainingSchema.parse({
        location: '申江证券大厦 18 层 1806 会议室',
        content: '',
        ...stamp,
        id: crypto.randomUUID(),
        ...t,
      }),
    );
  };
  plans.forEach((p, i) => {
    if (p.type !== 'inspection' || p.plannedDate > today) return;
    add({
      type: 'inspection',
      topic: p.topic,
      startDate: p.plannedDate,
      endDate: p.plannedDate,
      hours: 2,
      trainer: engineers[i % engineers.length]?.name ?? pm.name,
      planId: p.id,
      content: `结合本月巡检发现讲解：${p.topic}；现场演示与答疑。`,
      attendees: attendees(5 + (i % 3), i),
      feedback: i % 2 === 0 ? '内容贴合日常运维，演示清楚。' : '希望下次提供操作手册电子版。',
      rating: i % 2 === 0 ? 5 : 4,
    });
  });
  const special = plans.find((p) => p.type === 'special')!;
  if (specialHeld) {
    add({
      type: 'special',
      topic: special.topic,
      startDate: special.plannedDate,
      endDate: addCalendarDays(special.plannedDate, 2),
      hours: 18,
      trainer: '孙立（二线专家）',
      planId: special.id,
      content: 'vSAN 架构与故障域、存储策略、容量规划；SmartX 私有云日常运维；实验：磁盘组故障盘更换演练。',
      attendees: attendees(7, 1),
      feedback: '三天安排紧凑，实验环境充分，希望提供课件电子版。',
      rating: 5,
    });
  }
  add({
    type: 'onsite',
    topic: '驻场服务体系与故障报修流程',
    startDate: `${year}-02-26`,
    endDate: `${year}-02-26`,
    hours: 1.5,
    trainer: pm.name,
    attendees: attendees(6, 0),
    feedback: '流程清晰。',
    rating: 5,
  });
  add({
    type: 'adhoc',
    topic: '防火墙 HA 脑裂故障复盘',
    startDate: `${year}-04-09`,
    endDate: `${year}-04-09`,
    hours: 1,
    trainer: engineers[1]?.name ?? pm.name,
    attendees: attendees(4, 2),
    feedback: '',
  });
  add({
    type: 'vendor',
    topic: '深信服 AF 8.0 新特性与策略优化',
    startDate: `${year}-08-20`,
    endDate: `${year}-08-20`,
    hours: 3,
    trainer: '深信服 技术支持',
    location: '线上会议',
    attendees: attendees(5, 1),
    feedback: '原厂讲解专业，部分内容偏产品宣传。',
    rating: 4,
  });

  await writeTx(['trainings', 'trainingPlans'], async (_db, w) => {
    await w.bulkAdd('trainingPlans', plans, (p) => `demo ${year}: plan ${p.type} #${p.slot}`);
    await w.bulkAdd('trainings', trainings, (t) => `demo ${year}: ${t.type} ${t.topic}`);
  });
}
