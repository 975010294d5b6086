/**
 * Demo faults for the fictional securities firm: eight realistic cases in different states,
 * timed relative to the moment the demo is loaded. One (the DR replication lag) has overrun its
 * 4-hour resolution clock: the monitor records its automatic upgrade when the app starts.
 */
import { faultEventRowSchema, type FaultEventRow } from '@shared/schemas/fault';
import { getActor, writeTx } from '../../db';
import type { DemoContext } from '../settings';
import { loadClockConfig } from '../../core';
import { nextNumber } from '@shared/domain/numbering';
import { projectFault } from './fault-view';

export const demoOrder = 40;

type Step = [
  minutesAfterReport: number,
  type: FaultEventRow['type'],
  payload: Record<string, unknown>,
  byIndex?: number,
];

interface DemoFault {
  /** Minutes before now the fault was reported. */
  ago: number;
  level: 1 | 2 | 3 | 4;
  channel: 'hotline' | 'email' | 'onsite' | 'inspection' | 'other';
  complexity?: 'general' | 'complex';
  system: string;
  reporter: string;
  engineer: number;
  symptoms: string;
  description: string;
  steps: Step[];
}

const H = 60;
const D = 24 * H;

function cases(): DemoFault[] {
  const act = (kind: string, what: string, result: string, engineerIndex = 1, extra: Record<string, string> = {}) => ({
    kind,
    what,
    result,
    engineerIndex,
    ...extra,
  });
  return [
    {
      ago: 100,
      level: 2,
      channel: 'hotline',
      system: '生产虚拟化集群 PROD-VC01',
      reporter: '赵磊',
      engineer: 1,
      symptoms: 'ESXi 主机 esx-prod-07 显示“未响应”，其上 14 台虚拟机被 HA 重启',
      description:
        'vCenter 告警 “Host connection and power state” 变红，HA 已将 14 台虚拟机在其他主机重启，其中 2 台清算前置机重启后服务需人工拉起。',
      steps: [
        [3, 'responded', { note: '电话回复赵磊，已开始排查，确认清算前置机已人工拉起' }],
        [
          10,
          'action',
          act(
            'remote-login',
            '远程登录 vCenter 查看主机事件：管理网络心跳在 09:41 丢失，vmk0 不可达',
            '初步判断为管理网络链路故障',
          ),
        ],
        [40, 'arrived', {}],
        [
          55,
          'action',
          act(
            'onsite-visit',
            '机房检查 esx-prod-07，管理网卡 vmnic0 链路灯熄灭，交换机端口 Gi1/0/17 err-disabled',
            '已请网络组恢复端口，待观察',
          ),
        ],
      ],
    },
    {
      ago: 130,
      level: 3,
      channel: 'hotline',
      system: '运维堡垒机（主）',
      reporter: '赵磊',
      engineer: 1,
      symptoms: '堡垒机 RDP 会话约 10 分钟后自动断开，运维人员无法持续操作 Windows 服务器',
      description: '通过堡垒机访问清算区 Windows 服务器时，RDP 会话无操作约 10 分钟即断开，重连需重新认证。',
      steps: [
        [10, 'responded', {}],
        [
          20,
          'action',
          act(
            'phone-guidance',
            '电话指导清除客户端缓存并改用 HTML5 方式登录',
            '问题依旧，需客户提供断开时段的客户端日志',
          ),
        ],
        [40, 'paused', { note: '等待客户导出客户端日志并确认可停机调整的窗口' }],
      ],
    },
    {
      ago: 3 * D,
      level: 2,
      channel: 'hotline',
      system: '互联网边界防火墙',
      reporter: '刘婷',
      engineer: 2,
      symptoms: '防火墙 HA 主备切换后部分 NAT 会话丢失，网上交易门户间歇不可访问',
      description: '主墙电源模块告警后触发 HA 切换，切换后约 5% 的外网访问出现超时，网上交易门户间歇打不开。',
      steps: [
        [2, 'responded', {}, 2],
        [35, 'arrived', {}, 2],
        [
          50,
          'action',
          act(
            'config-change',
            '核对主备会话同步配置，发现会话同步接口 MTU 不一致（1500/9000），统一为 1500 并强制同步会话表',
            '外网访问恢复，超时消失',
            2,
          ),
          2,
        ],
        [
          80,
          'action',
          act('spare-part', '更换主墙故障电源模块', '双电源恢复冗余', 2, {
            part: '电源模块 PWR-AC-450W',
            oldSerial: 'SF2130B-PSU-0A19377',
            newSerial: 'SF2130B-PSU-0B02214',
          }),
          2,
        ],
        [
          100,
          'resolved',
          {
            rootCause: '主墙电源模块故障触发 HA 切换；主备会话同步接口 MTU 不一致，切换后部分 NAT 会话未同步。',
            resolution: '统一会话同步接口 MTU 并强制同步会话表；更换故障电源模块。',
            prevention: '将 HA 会话同步状态与电源冗余纳入月度巡检；变更 MTU 时同时核对主备两台。',
          },
          2,
        ],
        [1 * D, 'confirmation', { satisfaction: 5, comment: '恢复及时，原因说明清楚。', confirmedBy: '刘婷' }, 2],
      ],
    },
    {
      ago: 5 * H,
      level: 3,
      channel: 'email',
      complexity: 'complex',
      system: '集中备份系统',
      reporter: '陈镕',
      engineer: 1,
      symptoms: 'Oracle 数据库夜间 RMAN 备份作业失败，报 ORA-19502 写入错误',
      description: '清算库 CLRDB 的夜间全备作业连续两天失败，AnyBackup 作业日志显示 ORA-19502 / ORA-27072。',
      steps: [
        [15, 'replied', { note: '邮件答复：已收到，正在查看作业日志' }],
        [16, 'responded', {}],
        [
          30,
          'action',
          act(
            'remote-login',
            '远程登录 AnyBackup 控制台查看作业日志：介质服务器 /backup 卷使用率 98%',
            '确认为备份目标卷空间不足',
          ),
        ],
        [
          60,
          'action',
          act(
            'config-change',
            '清理过期备份集，保留策略由 30 天调整为 21 天，并手工重跑全备',
            '全备作业成功，耗时 2 小时 10 分',
          ),
        ],
        [
          150,
          'resolved',
          {
            rootCause: '备份目标卷空间不足，RMAN 写入备份片失败。',
            resolution: '清理过期备份集并调整保留策略，重跑全备成功。',
            prevention: '为 /backup 卷增加 85% 使用率告警；季度评估备份容量。',
          },
        ],
      ],
    },
    {
      ago: 12,
      level: 3,
      channel: 'email',
      complexity: 'general',
      system: 'vSAN 存储集群',
      reporter: '陈镕',
      engineer: 2,
      symptoms: 'vSAN 健康检查告警：磁盘组 2 缓存盘写延迟过高',
      description: 'Skyline 健康检查提示 “Physical disk - write latency” 警告，涉及 esx-prod-03 磁盘组 2。',
      steps: [],
    },
    {
      ago: 6 * D,
      level: 4,
      channel: 'hotline',
      system: '办公私有云平台',
      reporter: '黄思远',
      engineer: 1,
      symptoms: '咨询：办公云虚拟机快照删除卡在 99%，是否影响业务',
      description: '业务部门在自助门户删除快照，进度停在 99% 超过 30 分钟。',
      steps: [
        [5, 'responded', {}],
        [
          10,
          'action',
          act(
            'phone-guidance',
            '说明快照合并期间进度显示停留属正常现象，指导在任务中心查看合并进度',
            '约 40 分钟后合并完成，虚拟机运行正常',
          ),
        ],
        [
          60,
          'resolved',
          {
            rootCause: '大容量快照合并耗时较长，门户进度条在合并阶段显示 99%。',
            resolution: '电话说明并指导查看任务进度，合并完成。',
            prevention: '在门户使用说明中补充快照合并说明。',
          },
        ],
        [70, 'report-waived', { reason: '咨询类问题，已电话说明，客户同意免出故障诊断报告。' }],
        [75, 'closed', {}],
      ],
    },
    {
      ago: 150,
      level: 3,
      channel: 'hotline',
      system: '网站应用防火墙 WAF',
      reporter: '黄思远',
      engineer: 2,
      symptoms: 'WAF 误拦截新版网上营业厅登录接口（规则 ID 10020033）',
      description: '新版网上营业厅上线后，部分客户登录时返回 403，WAF 日志命中 SQL 注入规则 10020033。',
      steps: [
        [5, 'responded', {}, 2],
        [
          20,
          'action',
          act(
            'remote-login',
            '远程登录 WAF 查看拦截日志，命中规则为登录报文中 Base64 编码字段误判',
            '已临时对登录接口设置观察模式',
            2,
          ),
          2,
        ],
        [
          60,
          'escalation',
          {
            fromTier: 1,
            toTier: 2,
            recipientName: '吴涛（上海承沪信息科技有限公司）',
            reason: '需二线专家评估规则例外的安全影响并给出最小化放行方案',
            systemInfo: 'WAF-1000，3.0.56，旁路部署于 DMZ',
            actionsSummary: '已临时将登录接口切为观察模式，拦截停止。',
          },
          2,
        ],
      ],
    },
    {
      ago: 3 * D,
      level: 3,
      channel: 'inspection',
      system: '同城灾备复制',
      reporter: '陈镕',
      engineer: 1,
      symptoms: '巡检发现：灾备复制链路延迟超过 RPO 阈值（15 分钟）',
      description: '月度巡检中发现同城灾备复制延迟峰值 42 分钟，超过 15 分钟 RPO 要求，项目经理已同意现场处理。',
      steps: [
        [20, 'responded', {}],
        [60, 'action', act('note', '与网络组确认复制链路带宽：夜间批量时段占用 95%', '')],
      ],
    },
  ];
}

/** Adds the demo faults, their logs and projections in one transaction. */
export async function seedDemo(ctx: DemoContext): Promise<void> {
  const cfg = await loadClockConfig();
  const now = ctx.now.getTime();
  const contacts = ctx.contacts;
  const taken: string[] = [];
  await writeTx(['faults', 'faultEvents'], async (_db, w) => {
    // Numbered in the order they came in, as they would have been.
    for (const c of cases().sort((a, b) => b.ago - a.ago)) {
      const system = ctx.systems.find((s) => s.name === c.system);
      const person = contacts.find((x) => x.name === c.reporter);
      const engineer = ctx.team[c.engineer] ?? ctx.team[0];
      const reportedMs = now - c.ago * 60_000;
      const at = (m: number) => new Date(Math.min(now, reportedMs + m * 60_000)).toISOString();
      const faultId = crypto.randomUUID();
      const number = nextNumber(taken, 'GZ', ctx.site.deviceCode, new Date(reportedMs));
      taken.push(number);
      const reporter = person
        ? {
            contactId: person.id,
            name: person.name,
            department: person.department,
            phone: person.phone,
            email: person.email,
          }
        : { name: c.reporter, department: '', phone: '', email: '' };
      const raw: Array<Omit<FaultEventRow, 'id' | 'faultId' | 'seq' | 'recordedAt'>> = [
        {
          at: at(0),
          type: 'reported',
          by: engineer.id,
          payload: {
            level: c.level,
            channel: c.channel,
            ...(c.complexity ? { complexity: c.complexity } : {}),
            proposedLevel: c.level,
            number,
            reporter,
            symptoms: c.symptoms,
            description: c.description,
            occurredAt: at(-15),
            systemId: system?.id ?? '',
            assigneeId: engineer.id,
          },
        } as Omit<FaultEventRow, 'id' | 'faultId' | 'seq' | 'recordedAt'>,
        ...c.steps.map(([m, type, payload, by]) => {
          const who = ctx.team[by ?? c.engineer] ?? engineer;
          const { engineerIndex, ...rest } = payload;
          const p =
            type === 'action'
              ? { ...rest, engineerId: (ctx.team[engineerIndex as number] ?? who).id }
              : type === 'escalation'
                ? {
                    ...payload,
                    recipientId: contacts.find((x) => String(payload.recipientName).startsWith(x.name))?.id,
                  }
                : payload;
          return { at: at(m), type, by: who.id, payload: p } as Omit<
            FaultEventRow,
            'id' | 'faultId' | 'seq' | 'recordedAt'
          >;
        }),
      ];
      const rows = raw.map((r, seq) =>
        faultEventRowSchema.parse({ ...r, id: crypto.randomUUID(), faultId, seq, recordedAt: r.at }),
      );
      const record = projectFault(rows, cfg, ctx.now, getActor());
      await w.bulkAdd('faultEvents', rows, (r) => `demo ${number}: ${r.type}`);
      await w.add('faults', record, `demo ${number}: ${c.symptoms}`);
    }
  });
}
