/** Demo service requests 需求申请 of the fictional securities firm, timed relative to the demo load. */
import { serviceRequestSchema, type RequestLogEntry, type ServiceRequest } from '@shared/schemas/request';
import { stamp, writeTx } from '../../db';
import type { DemoContext } from '../settings';
import { nextNumber } from '@shared/domain/numbering';

export const demoOrder = 41;

interface DemoRequest {
  ago: number;
  type: ServiceRequest['type'];
  channel: ServiceRequest['channel'];
  reporter: string;
  system?: string;
  engineer: number;
  title: string;
  description: string;
  responded?: number;
  analysis?: string;
  resolved?: [minutes: number, mode: 'phone' | 'onsite', text: string];
  closed?: number;
}

const requests: DemoRequest[] = [
  {
    ago: 2 * 24 * 60,
    type: 'account-permission',
    channel: 'hotline',
    reporter: '刘婷',
    system: '运维堡垒机（主）',
    engineer: 1,
    title: '为合规部 3 名新员工开通堡垒机只读审计账号',
    description: '按 OA 审批单 QX-2026-1187，开通审计员角色，仅可查看会话录像。',
    responded: 8,
    analysis: '审批单齐全；审计员角色需关联“会话审计”资源组，不授予运维权限。',
    resolved: [55, 'phone', '已创建 3 个审计员账号并绑定双因素令牌，电话告知刘婷初始密码领取方式。'],
    closed: 24 * 60,
  },
  {
    ago: 150,
    type: 'config-change',
    channel: 'email',
    reporter: '赵磊',
    system: '互联网边界防火墙',
    engineer: 2,
    title: '新增防火墙策略：允许清算系统访问中登 SFTP（端口 22）',
    description: '变更窗口今晚 18:30–19:00，需提供回退方案。',
    responded: 20,
    analysis: '源地址 10.30.8.0/24，目的为中登 SFTP 两个地址；策略置于出站规则第 12 条之前，回退方案为禁用该条策略。',
  },
  {
    ago: 10,
    type: 'consultation',
    channel: 'hotline',
    reporter: '黄思远',
    engineer: 1,
    title: '咨询：办公云虚拟机能否自助扩容磁盘',
    description: '业务部门希望在自助门户上直接将数据盘从 200 GB 扩到 500 GB。',
  },
  {
    ago: 5 * 24 * 60,
    type: 'installation',
    channel: 'onsite',
    reporter: '陈镕',
    system: '集中备份系统',
    engineer: 2,
    title: '为新上线的 OA 数据库服务器安装 AnyBackup 客户端',
    description: '服务器 oa-db-01（CentOS 7.9），需纳入每日增量备份策略。',
    responded: 5,
    resolved: [120, 'onsite', '已安装客户端 7.0.16 并加入“OA 系统”备份策略，首次全备成功。'],
    closed: 2 * 24 * 60,
  },
];

export async function seedDemo(ctx: DemoContext): Promise<void> {
  const now = ctx.now.getTime();
  const taken: string[] = [];
  await writeTx(['serviceRequests'], async (_db, w) => {
    // Numbered in the order they came in, as they would have been.
    for (const d of [...requests].sort((a, b) => b.ago - a.ago)) {
      const engineer = ctx.team[d.engineer] ?? ctx.team[0];
      const received = now - d.ago * 60_000;
      const at = (m: number) => new Date(Math.min(now, received + m * 60_000)).toISOString();
      const number = nextNumber(taken, 'XQ', ctx.site.deviceCode, new Date(received));
      taken.push(number);
      const person = ctx.contacts.find((c) => c.name === d.reporter);
      const log: RequestLogEntry[] = [{ at: at(0), by: engineer.id, type: 'received' }];
      if (d.responded !== undefined) log.push({ at: at(d.responded), by: engineer.id, type: 'responded' });
      if (d.analysis) log.push({ at: at((d.responded ?? 0) + 5), by: engineer.id, type: 'analysed', note: d.analysis });
      if (d.resolved) log.push({ at: at(d.resolved[0]), by: engineer.id, type: 'resolved', note: d.resolved[2] });
      if (d.closed !== undefined) log.push({ at: at(d.closed), by: engineer.id, type: 'closed' });
      const row = serviceRequestSchema.parse(
        stamp(
          {
            number,
            status:
              d.closed !== undefined
                ? 'closed'
                : d.resolved
                  ? 'resolved'
                  : d.responded !== undefined
                    ? 'responded'
                    : 'open',
            type: d.type,
            channel: d.channel,
            reporter: person
              ? {
                  contactId: person.id,
                  name: person.name,
                  department: person.department,
                  phone: person.phone,
                  email: person.email,
                }
              : { name: d.reporter, department: '', phone: '', email: '' },
            systemId: ctx.systems.find((s) => s.name === d.system)?.id ?? '',
            assigneeId: engineer.id,
            title: d.title,
            description: d.description,
            receivedAt: at(0),
            ...(d.responded !== undefined ? { respondedAt: at(d.responded) } : {}),
            ...(d.analysis ? { analysis: d.analysis } : {}),
            ...(d.resolved
              ? { resolutionMode: d.resolved[1], resolution: d.resolved[2], resolvedAt: at(d.resolved[0]) }
              : {}),
            ...(d.closed !== undefined ? { closedAt: at(d.closed) } : {}),
            log,
          },
          ctx.now,
        ),
      );
      await w.add('serviceRequests', row, `demo ${number}: ${d.title}`);
    }
  });
}
