/**
 * Realistic demo data for the sample report (securities-firm systems, Chinese/English mixed text,
 * names with characters outside GB2312), used by `npm run reports:sample`, tests and the bench.
 */
import type { Language } from '../../i18n/resources';
import { reportFingerprint } from '../hash';
import type { SampleRecord, SampleReportData } from '../sample-report';
import type { BuildOptions, ReportMeta } from '../types';
import { encodePng, Raster, seededRandom, toDataUrl, type Rgb } from './png';

const items: [kind: SampleRecord['kind'], system: string, item: string, result: string][] = [
  [
    'fault',
    '集中交易系统',
    '主机 CPU 使用率持续高于 90%（告警级别 P2），开盘前 09:15 触发 Zabbix 告警',
    '定位为日志归档任务与批处理重叠，调整 crontab 错峰执行后恢复正常',
  ],
  [
    'request',
    '融资融券系统',
    '新增营业部交易员账号 12 个，开通 level-2 行情权限',
    '按审批单 SQ-202611-017 完成开通，并由客户运维确认',
  ],
  [
    'fault',
    '清算系统',
    'Oracle RAC 节点 2 归档日志空间不足（ORA-00257），数据库挂起约 3 分钟',
    '清理过期归档并扩容 ASM 磁盘组 +200 GB；已补充空间监控阈值',
  ],
  [
    'request',
    '行情网关 MDGW',
    '咨询：行情延迟（latency）统计口径与 SLA 报表差异说明',
    '提供统计口径说明文档，客户已确认',
  ],
  [
    'fault',
    '核心交换机',
    '核心交换机端口 Gi1/0/24 CRC 错误持续增长，链路间歇性抖动',
    '更换光模块及跳线后观察 24 小时无新增错误',
  ],
  [
    'request',
    '清算系统',
    '配置变更：防火墙新增策略，允许清算系统访问中登 SFTP 服务',
    '变更窗口 18:30–19:00 完成，回退方案已备',
  ],
  [
    'fault',
    '网上交易 Web',
    '网上交易 Web 前端 HTTPS 证书将于 7 日内到期（certificate expiry warning）',
    '已申请并部署新证书，双节点负载均衡同步完成',
  ],
  ['request', 'OA 办公系统', '安装：为合规部 3 台终端安装 PDF 阅读器及打印驱动', '安装完成并登记资产编号'],
];

/** `n` service records spread over November, deterministic. */
export function demoRecords(n: number, seed = 7): SampleRecord[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const [kind, system, item, result] = items[Math.floor(rnd() * items.length)];
    const day = 1 + Math.floor((i * 29) / n);
    const status: SampleRecord['status'] = i % 11 === 5 ? 'monitoring' : i % 17 === 9 ? 'open' : 'closed';
    return { date: `2026-11-${String(day).padStart(2, '0')}`, kind, system, item, result, status };
  });
}

/** A handwritten-looking signature (a wavy pen stroke), as captured by the signature pad. */
export async function demoSignature(): Promise<string> {
  const r = new Raster(360, 120);
  for (let x = 20; x < 340; x += 0.5) {
    const y = 60 + 28 * Math.sin(x / 17) * Math.cos(x / 53) + (x > 200 ? 12 * Math.sin(x / 5) : 0);
    r.fillRect(x, y, 3, 3, [20, 30, 80]);
  }
  return toDataUrl(await encodePng(r));
}

/** A bar chart of daily counts, as a PNG data URL. */
async function barChart(): Promise<string> {
  const r = new Raster(900, 380);
  const rnd = seededRandom(11);
  for (let y = 40; y <= 340; y += 60) r.fillRect(50, y, 820, 1, [225, 229, 235]);
  r.fillRect(50, 340, 820, 2, [91, 100, 114]);
  for (let d = 0; d < 30; d++) {
    const h = 40 + Math.floor(rnd() * 250);
    r.fillRect(60 + d * 27, 340 - h, 18, h, d % 7 >= 5 ? [160, 174, 192] : [29, 58, 110]);
  }
  return toDataUrl(await encodePng(r));
}

/** A mock photo of a machine room (gradient walls, racks with status lights), large on purpose. */
async function machineRoomPhoto(): Promise<string> {
  const r = new Raster(1200, 800);
  r.paint((x, y) => {
    const v = 70 + Math.floor((y / 800) * 90) + Math.floor((x / 1200) * 20);
    return [v, v + 6, v + 14];
  });
  for (let k = 0; k < 5; k++) {
    const x = 90 + k * 215;
    r.fillRect(x, 140, 170, 560, [34, 37, 44]);
    for (let u = 0; u < 20; u++) {
      r.fillRect(x + 12, 160 + u * 26, 146, 18, [58, 63, 74]);
      const led: Rgb = (u + k) % 9 === 0 ? [230, 160, 30] : [60, 200, 90];
      r.fillRect(x + 140, 166 + u * 26, 6, 6, led);
    }
  }
  return toDataUrl(await encodePng(r));
}

/** A small thumbnail: must print at its own size, not enlarged to the text width. */
async function thumbnail(): Promise<string> {
  const r = new Raster(200, 120, [246, 248, 250]);
  r.fillRect(0, 0, 200, 24, [29, 58, 110]);
  r.fillRect(16, 44, 120, 10, [91, 100, 114]);
  r.fillRect(16, 66, 168, 10, [201, 206, 214]);
  r.fillRect(16, 88, 90, 10, [60, 160, 90]);
  return toDataUrl(await encodePng(r));
}

const recommendations: Record<Language, string[]> = {
  'zh-CN': [
    '建议在下一交易日开盘前完成集中交易系统主备数据库的切换演练，并保留演练记录。',
    '建议将行情网关日志的保留期由 7 天延长至 30 天，便于事后分析行情延迟类问题。',
    '建议对机房 UPS 电池组进行年度放电测试，测试窗口安排在非交易时段。',
  ],
  en: [
    "Rehearse the primary/standby database switchover of the central trading system before the next trading day's open, and keep the record.",
    'Extend the retention of market-data gateway logs from 7 to 30 days so that latency incidents can be analysed afterwards.',
    'Run the annual discharge test of the machine-room UPS batteries outside trading hours.',
  ],
};

const captions: Record<Language, string[]> = {
  'zh-CN': ['近 30 日每日服务事项数', '主机房机柜巡检照片（B 区 3 排）', '监控面板缩略图（原始尺寸）'],
  en: [
    'Service items per day, last 30 days',
    'Machine-room racks at inspection (zone B, row 3)',
    'Monitoring panel thumbnail (actual size)',
  ],
};

/**
 * The demo world every demo report shares, the same as the demo site of Settings
 * (renderer/features/settings/demo.ts): one provider, one project manager, two engineers, the
 * client's maintenance engineer who signs, and the service contract. Names with 喆 堃 镕 (outside
 * GB2312) on purpose.
 */
export const demoWorld = {
  provider: { 'zh-CN': '上海承沪信息科技有限公司', en: 'Shanghai Chenghu Information Technology Co., Ltd.' },
  client: { 'zh-CN': '申江证券股份有限公司', en: 'Shenjiang Securities Co., Ltd.' },
  pm: '周海峰',
  engineers: ['李喆', '王堃'],
  clientSigner: '陈镕',
  contract: {
    number: 'CH-SJ-2026-017',
    projectName: {
      'zh-CN': '申江证券 信息系统驻场运维服务项目（2026 年度）',
      en: 'Shenjiang Securities on-site IT operations service (2026)',
    },
    from: '2026-01-01',
    to: '2026-12-31',
  },
} as const;

/** Meta of a demo report (issued by the engineer, to be signed by the PM and the client's engineer). */
export function demoMeta(language: Language, overrides: Partial<ReportMeta> = {}): ReportMeta {
  const w = demoWorld;
  return {
    type: 'sample',
    number: 'YL-202611-A-001',
    version: 1,
    language,
    period: { from: '2026-11-01', to: '2026-11-30' },
    provider: w.provider[language],
    client: w.client[language],
    contract: {
      number: w.contract.number,
      projectName: w.contract.projectName[language],
      from: w.contract.from,
      to: w.contract.to,
    },
    confidentiality: 'confidential',
    issuedAt: '2026-11-30T09:30:00+08:00',
    issuedBy: w.engineers[0],
    signers: [
      { role: 'engineer', name: w.engineers[0], signedAt: '2026-11-30' },
      { role: 'projectManager', name: w.pm },
      { role: 'clientEngineer', name: w.clientSigner },
    ],
    ...overrides,
  };
}

/** Sample report data with `rows` records and real PNG figures. */
export async function sampleDemoData(language: Language, rows = 60): Promise<SampleReportData> {
  const images = [await barChart(), await machineRoomPhoto(), await thumbnail()];
  return {
    site: language === 'en' ? 'Shanghai, Pudong data centre, 3F' : '上海浦东数据中心 3 楼',
    team: [demoWorld.pm, ...demoWorld.engineers],
    systems: 42,
    serviceHours:
      language === 'en' ? 'Trading days 08:00–18:00, on call otherwise' : '交易日 08:00–18:00，其余时间电话值守',
    records: demoRecords(rows),
    figures: images.map((image, i) => ({ image, caption: captions[language][i] })),
    recommendations: recommendations[language],
  };
}

/** Everything needed to build the sample report in `language`, hash included; the engineer has signed on screen. */
export async function sampleDemo(language: Language): Promise<{ data: SampleReportData; options: BuildOptions }> {
  const data = await sampleDemoData(language);
  const base = demoMeta(language);
  const signature = await demoSignature();
  const meta = { ...base, signers: base.signers.map((s) => (s.role === 'engineer' ? { ...s, signature } : s)) };
  return { data, options: { meta, dataHash: reportFingerprint(data, meta) } };
}
