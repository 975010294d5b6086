/**
 * Demo data for the fault diagnosis report and the escalation package: a level-3 bastion-host fault
 * escalated to the senior expert, resolved, confirmed by the client. Used by `npm run
 * reports:sample`, the builders' tests and the bench.
 */
import type { TimelineEntry } from '../../core/faults/event-text';
import type { Language } from '../../i18n/resources';
import type { EscalationPackageData } from '../escalation-package-report';
import type { FaultDiagnosisData, ReportAction, ReportClock, ReportSystem } from '../fault-diagnosis-report';
import { reportFingerprint } from '../hash';
import type { BuildOptions } from '../types';
import { demoMeta, demoWorld } from './sample-demo';
import { encodePng, Raster, toDataUrl } from './png';

const h = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;

const system: ReportSystem = {
  name: '运维堡垒机（主）',
  family: 'pam',
  vendor: '齐治科技',
  model: 'ShtermPAM 5000',
  version: '7.3',
  location: '张江数据中心 A 机房',
};

const actions: ReportAction[] = [
  {
    at: h('2026-11-24 09:20'),
    engineer: '李喆',
    kind: 'phone-guidance',
    what: '电话指导赵磊清除客户端缓存并改用 HTML5 方式登录',
    result: '问题依旧，RDP 会话约 10 分钟后断开',
  },
  {
    at: h('2026-11-24 10:05'),
    engineer: '李喆',
    kind: 'remote-login',
    what: '远程登录堡垒机管理后台，导出会话审计日志与 rdp-proxy 日志',
    result: '发现大量 “session idle timeout (600s)” 记录，与断开时间吻合',
  },
  {
    at: h('2026-11-24 14:40'),
    engineer: '孙立',
    kind: 'config-change',
    what: '将 RDP 代理空闲超时由 600 秒调整为 3600 秒，并开启会话保活（keepalive 60s）',
    result: '变更后观察 2 小时，未再出现断开',
  },
];

const clocks: ReportClock[] = [
  {
    kind: 'response',
    calendar: '5x8',
    targetMinutes: 30,
    state: 'met',
    startedAt: h('2026-11-24 09:12'),
    dueAt: h('2026-11-24 09:42'),
    stoppedAt: h('2026-11-24 09:16'),
  },
  {
    kind: 'resolution',
    calendar: '5x8',
    targetMinutes: 240,
    state: 'breached',
    startedAt: h('2026-11-24 09:12'),
    dueAt: h('2026-11-24 13:12'),
    stoppedAt: h('2026-11-24 13:12'),
  },
  {
    kind: 'arrival',
    calendar: '7x24',
    targetMinutes: 120,
    state: 'met',
    startedAt: h('2026-11-24 13:12'),
    dueAt: h('2026-11-24 15:12'),
    stoppedAt: h('2026-11-24 13:40'),
  },
  {
    kind: 'fix',
    calendar: '7x24',
    targetMinutes: 120,
    state: 'met',
    startedAt: h('2026-11-24 13:40'),
    dueAt: h('2026-11-24 15:40'),
    stoppedAt: h('2026-11-24 15:05'),
  },
  {
    kind: 'report',
    calendar: '7x24',
    targetMinutes: 480,
    state: 'met',
    startedAt: h('2026-11-24 15:05'),
    dueAt: h('2026-11-24 23:05'),
    stoppedAt: h('2026-11-24 16:30'),
  },
];

function entry(
  seq: number,
  at: string,
  type: TimelineEntry['type'],
  by: string,
  payload: Record<string, unknown>,
  names: Record<string, string> = {},
): TimelineEntry {
  return { seq, at: h(at), recordedAt: h(at), type, by, payload, names };
}

const timeline: TimelineEntry[] = [
  entry(0, '2026-11-24 09:12', 'reported', '李喆', { level: 3, channel: 'hotline' }),
  entry(1, '2026-11-24 09:16', 'responded', '李喆', { note: '电话回复赵磊，已开始排查' }),
  entry(
    2,
    '2026-11-24 09:20',
    'action',
    '李喆',
    { kind: 'phone-guidance', what: actions[0].what, result: actions[0].result },
    { engineer: '李喆' },
  ),
  entry(
    3,
    '2026-11-24 10:05',
    'action',
    '李喆',
    { kind: 'remote-login', what: actions[1].what, result: actions[1].result },
    { engineer: '李喆' },
  ),
  entry(4, '2026-11-24 11:30', 'escalation', '李喆', {
    fromTier: 1,
    toTier: 2,
    recipientName: '孙立',
    reason: '疑似堡垒机 RDP 代理参数问题，需二线专家确认调整方案',
  }),
  entry(5, '2026-11-24 13:12', 'level-changed', '', { level: 2, from: 3, reason: 'auto-upgrade' }),
  entry(6, '2026-11-24 13:40', 'arrived', '孙立', {}),
  entry(
    7,
    '2026-11-24 14:40',
    'action',
    '孙立',
    { kind: 'config-change', what: actions[2].what, result: actions[2].result },
    { engineer: '孙立' },
  ),
  entry(8, '2026-11-24 15:05', 'resolved', '李喆', {
    rootCause: 'RDP 代理空闲超时过短',
    resolution: '调整超时并开启保活',
    prevention: '',
  }),
  entry(9, '2026-11-24 16:10', 'confirmation', '李喆', {
    satisfaction: 4,
    comment: '处理及时，希望后续变更提前通知',
    confirmedBy: '赵磊',
  }),
];

async function screenshot(): Promise<string> {
  const r = new Raster(640, 360, [245, 247, 250]);
  r.fillRect(0, 0, 640, 36, [29, 58, 110]);
  for (let i = 0; i < 8; i++)
    r.fillRect(24, 60 + i * 34, 420 + ((i * 53) % 150), 14, i === 5 ? [166, 27, 27] : [120, 130, 145]);
  return toDataUrl(await encodePng(r));
}

export async function faultDiagnosisDemoData(): Promise<FaultDiagnosisData> {
  return {
    number: 'GZ-202611-A-007',
    symptoms: '堡垒机 RDP 会话约 10 分钟后自动断开，运维人员无法持续操作 Windows 服务器',
    description:
      '交易运维组反映：通过堡垒机访问清算区 Windows 服务器时，RDP 会话无操作约 10 分钟即断开，重新连接后需重新认证，影响夜间批处理值守。',
    level: 2,
    track: 'onsite',
    channel: 'hotline',
    occurredAt: h('2026-11-24 08:55'),
    reportedAt: h('2026-11-24 09:12'),
    resolvedAt: h('2026-11-24 15:05'),
    engineer: '李喆',
    tier: 2,
    reporter: {
      name: '赵磊',
      department: '信息技术部 交易运维组',
      phone: '021-6888 1215',
      email: 'zhaolei@sjsec.example.cn',
    },
    system,
    levelHistory: [
      { at: h('2026-11-24 09:12'), to: 3, reason: '', auto: false },
      { at: h('2026-11-24 13:12'), from: 3, to: 2, reason: 'auto-upgrade', auto: true },
    ],
    clocks,
    timeline,
    actions,
    rootCause: '堡垒机 RDP 代理的会话空闲超时为出厂默认 600 秒，客户值守场景下长时间无键鼠操作，会话被代理主动回收。',
    resolution: '将 RDP 代理空闲超时调整为 3600 秒，开启会话保活（keepalive 60 秒），并在备机同步相同配置。',
    prevention:
      '1. 将堡垒机关键参数纳入月度巡检检查表；2. 参数变更前提交变更申请并通知交易运维组；3. 在知识库登记本案例。',
    confirmation: {
      at: h('2026-11-24 16:10'),
      satisfaction: 4,
      comment: '处理及时，希望后续变更提前通知。',
      by: '赵磊',
    },
    attachments: [
      {
        name: '会话断开时的报错截图.png',
        size: 48_213,
        sha256: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
        image: await screenshot(),
      },
      {
        name: 'rdp-proxy.log',
        size: 1_204_511,
        sha256: '0b1c2d3e4f5061728394a5b6c7d8e9f00112233445566778899aabbccddeeff0',
      },
    ],
  };
}

export async function faultDiagnosisDemo(
  language: Language,
): Promise<{ data: FaultDiagnosisData; options: BuildOptions }> {
  const data = await faultDiagnosisDemoData();
  // Issued by the engineer who handled it, after the client confirmed; signed by that client contact.
  const meta = demoMeta(language, {
    type: 'fault-diagnosis',
    number: data.number,
    period: undefined,
    issuedAt: '2026-11-24T17:30:00+08:00',
    issuedBy: data.engineer,
    signers: [
      { role: 'engineer', name: data.engineer, signedAt: '2026-11-24' },
      { role: 'projectManager', name: demoWorld.pm },
      { role: 'clientEngineer', name: data.confirmation?.by },
    ],
  });
  return { data, options: { meta, dataHash: reportFingerprint(data, meta), timeZone: 'Asia/Shanghai' } };
}

export function escalationPackageDemoData(): EscalationPackageData {
  return {
    faultNumber: 'GZ-202611-A-007',
    symptoms: '堡垒机 RDP 会话约 10 分钟后自动断开，运维人员无法持续操作 Windows 服务器',
    description: '通过堡垒机访问清算区 Windows 服务器时，RDP 会话无操作约 10 分钟即断开。',
    level: 3,
    track: 'remote',
    reportedAt: h('2026-11-24 09:12'),
    reporter: { name: '赵磊', department: '信息技术部 交易运维组', phone: '021-6888 1215' },
    fromTier: 1,
    toTier: 2,
    recipient: {
      name: '孙立',
      company: '上海承沪信息科技有限公司',
      phone: '139 0172 6650',
      email: 'sunli@chenghu-it.cn',
    },
    reason: '疑似堡垒机 RDP 代理参数问题，需二线专家确认调整方案',
    escalatedAt: h('2026-11-24 11:30'),
    escalatedBy: '李喆',
    system,
    systemInfo: '主备两台，主机 10.20.1.31，备机 10.60.1.31；RDP 代理版本 7.3.2-build1108。',
    actionsSummary: '',
    actions: actions.slice(0, 2),
    clocks: clocks.slice(0, 2).map((c) => ({
      ...c,
      state: c.kind === 'resolution' ? 'running' : c.state,
      stoppedAt: c.kind === 'resolution' ? undefined : c.stoppedAt,
    })),
  };
}

export async function escalationPackageDemo(
  language: Language,
): Promise<{ data: EscalationPackageData; options: BuildOptions }> {
  const data = escalationPackageDemoData();
  const meta = demoMeta(language, {
    type: 'escalation-package',
    number: 'SJ-202611-A-001',
    period: undefined,
    issuedAt: '2026-11-24T11:35:00+08:00',
    issuedBy: data.escalatedBy,
    signers: [{ role: 'engineer', name: data.escalatedBy, signedAt: '2026-11-24' }],
  });
  return { data, options: { meta, dataHash: reportFingerprint(data, meta), timeZone: 'Asia/Shanghai' } };
}
