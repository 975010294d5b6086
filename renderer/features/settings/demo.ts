import type { ClientSystem, Contact, SiteSettings, TeamMember } from '@shared/schemas/core';
import { setActor, stamp, writeTx } from '../../db';
import { tableOf, type OnsiteDb, type TableName } from '../../db/db';
import { defaultProvider } from '../../core';
import { rosterIds } from './setup';

/**
 * The fictional demo site: a securities firm, its people and about a dozen systems.
 * Features add their own demo records through a `demo.ts` exporting `seedDemo(ctx)`.
 */
export interface DemoContext {
  db: OnsiteDb;
  now: Date;
  site: SiteSettings;
  team: TeamMember[];
  contacts: Contact[];
  systems: ClientSystem[];
}

/** Tables that hold real records: demo data never goes into a database where any of them is not empty. */
export const recordTables: TableName[] = [
  'team',
  'contacts',
  'systems',
  'faults',
  'serviceRequests',
  'inspections',
  'reports',
  'kbArticles',
  'trainings',
  'personnelChanges',
  'roster',
  'feedbackMeetings',
];

export class DemoRefusedError extends Error {
  messageKey = 'settings:demo.refused';
}

/** A feature's demo records; a returned job (a slow one, such as issuing a PDF) runs once setup is complete. */
type FeatureSeeder = { seedDemo: (ctx: DemoContext) => Promise<void | DemoFollowUp>; demoOrder?: number };
export type DemoFollowUp = () => Promise<unknown>;
const featureSeeders = import.meta.glob<FeatureSeeder>('../*/demo-seed.ts', { eager: true });

function people(): { team: TeamMember[]; contacts: Contact[] } {
  const m = (name: string, role: TeamMember['role'], phone: string, email: string) =>
    stamp<TeamMember>({ name, role, phone, email, active: true } as TeamMember);
  const c = (
    kind: Contact['kind'],
    name: string,
    company: string,
    department: string,
    title: string,
    phone: string,
    email: string,
    products: string[] = [],
    isMaintenanceEngineer = false,
  ) =>
    stamp<Contact>({
      kind,
      name,
      company,
      department,
      title,
      phone,
      email,
      products,
      isMaintenanceEngineer,
    } as Contact);
  const client = '申江证券股份有限公司';
  return {
    team: [
      m('周海峰', 'pm', '138 1762 4409', 'zhouhf@chenghu-it.cn'),
      m('李喆', 'engineer', '139 1630 2275', 'lizhe@chenghu-it.cn'),
      m('王堃', 'engineer', '137 6121 8830', 'wangkun@chenghu-it.cn'),
    ],
    contacts: [
      c(
        'client',
        '陈镕',
        client,
        '信息技术部 系统运维组',
        '系统维护工程师',
        '021-6888 1201',
        'chenrong@sjsec.example.cn',
        [],
        true,
      ),
      c('client', '刘婷', client, '信息安全部', '安全主管', '021-6888 1230', 'liuting@sjsec.example.cn'),
      c('client', '赵磊', client, '信息技术部 交易运维组', '运维工程师', '021-6888 1215', 'zhaolei@sjsec.example.cn'),
      c('client', '黄思远', client, '运营管理部', '业务经理', '021-6888 1302', 'huangsy@sjsec.example.cn'),
      c(
        'expert',
        '孙立',
        defaultProvider,
        '技术服务中心 二线支持',
        '高级专家（虚拟化/私有云）',
        '139 0172 6650',
        'sunli@chenghu-it.cn',
        ['VMware vSphere', 'SmartX'],
      ),
      c(
        'expert',
        '吴涛',
        defaultProvider,
        '技术服务中心 二线支持',
        '高级专家（安全/堡垒机）',
        '138 1799 0314',
        'wutao@chenghu-it.cn',
        ['齐治堡垒机', '深信服'],
      ),
      c(
        'vendor',
        'VMware 技术支持',
        'Broadcom',
        'Global Support',
        '400 热线',
        '400-816-0688',
        'support@vmware-demo.example.com',
        ['VMware vSphere', 'vSAN'],
      ),
      c(
        'vendor',
        'SmartX 技术支持',
        '北京志凌海纳科技',
        '客户服务中心',
        '400 热线',
        '400-811-9696',
        'support@smartx-demo.example.cn',
        ['SmartX SMTX OS'],
      ),
      c(
        'vendor',
        '齐治科技 技术支持',
        '北京齐治科技',
        '客户服务中心',
        '400 热线',
        '400-066-0090',
        'support@shterm-demo.example.cn',
        ['齐治堡垒机'],
      ),
      c(
        'vendor',
        '深信服 技术支持',
        '深信服科技',
        '服务中心',
        '400 热线',
        '400-630-6430',
        'support@sangfor-demo.example.cn',
        ['深信服 AF', '深信服 WAF'],
      ),
      c(
        'vendor',
        '爱数 技术支持',
        '上海爱数信息技术',
        '客户服务中心',
        '400 热线',
        '400-821-6055',
        'support@aishu-demo.example.cn',
        ['AnyBackup'],
      ),
    ],
  };
}

function inventory(vendorByProduct: (p: string) => string | undefined): ClientSystem[] {
  const s = (
    name: string,
    family: ClientSystem['family'],
    vendor: string,
    model: string,
    version: string,
    location: string,
    product: string,
  ) =>
    stamp<ClientSystem>({
      name,
      family,
      vendor,
      model,
      version,
      location,
      vendorContactId: vendorByProduct(product),
      active: true,
    } as ClientSystem);
  return [
    s(
      '生产虚拟化集群 PROD-VC01',
      'virtualization',
      'VMware',
      'vSphere Enterprise Plus',
      '8.0 U3',
      '张江数据中心 A 机房',
      'VMware vSphere',
    ),
    s(
      '测试虚拟化集群 TEST-VC02',
      'virtualization',
      'VMware',
      'vSphere Standard',
      '7.0 U3',
      '张江数据中心 B 机房',
      'VMware vSphere',
    ),
    s('vSAN 存储集群', 'virtualization', 'VMware', 'vSAN ESA', '8.0 U3', '张江数据中心 A 机房', 'vSAN'),
    s('办公私有云平台', 'private-cloud', 'SmartX', 'SMTX OS', '6.1', '外高桥灾备中心', 'SmartX SMTX OS'),
    s('开发测试私有云', 'private-cloud', 'SmartX', 'SMTX OS', '5.1', '张江数据中心 B 机房', 'SmartX SMTX OS'),
    s('运维堡垒机（主）', 'pam', '齐治科技', 'ShtermPAM 5000', '7.3', '张江数据中心 A 机房', '齐治堡垒机'),
    s('运维堡垒机（备）', 'pam', '齐治科技', 'ShtermPAM 5000', '7.3', '外高桥灾备中心', '齐治堡垒机'),
    s('互联网边界防火墙', 'security', '深信服', 'AF-2000-FH2130B', '8.0.85', '张江数据中心 DMZ', '深信服 AF'),
    s('网站应用防火墙 WAF', 'security', '深信服', 'WAF-1000', '3.0.56', '张江数据中心 DMZ', '深信服 WAF'),
    s('核心区入侵防御 IPS', 'security', '深信服', 'NIPS-1000', '7.0.3', '张江数据中心 核心区', '深信服 AF'),
    s('集中备份系统', 'backup-dr', '爱数', 'AnyBackup 7 一体机', '7.0.16', '张江数据中心 A 机房', 'AnyBackup'),
    s('同城灾备复制', 'backup-dr', '爱数', 'AnyBackup 容灾', '7.0.16', '外高桥灾备中心', 'AnyBackup'),
  ];
}

/**
 * Loads the demo site into an empty database; refuses (DemoRefusedError) where real records exist.
 * Setup is marked complete last, so the app leaves the wizard on complete lists; the features'
 * slow follow-up jobs (issuing a report's PDF) then run. With `inBackground` the call returns once
 * setup is complete and `finished` settles when the follow-ups have; without it the call returns
 * when everything is written.
 */
export async function loadDemoData(
  db: OnsiteDb,
  now = new Date(),
  opts: { inBackground?: boolean } = {},
): Promise<{ finished: Promise<void> }> {
  for (const t of recordTables) {
    if ((await tableOf(db, t).count()) > 0) throw new DemoRefusedError('The database already holds records');
  }
  const { team, contacts } = people();
  // The ids a laptop's setup gives the same people (renderer/features/settings/setup.ts), so a
  // laptop set up with these names joins the demo team's roster instead of copying it.
  const teamIds = await rosterIds(team.map((m) => m.name));
  team.forEach((m, i) => (m.id = teamIds[i] ?? m.id));
  for (const c of contacts.filter((x) => x.isMaintenanceEngineer))
    c.id = (await rosterIds([c.name], 'contact'))[0] ?? c.id;
  const vendorByProduct = (p: string) => contacts.find((c) => c.kind === 'vendor' && c.products.includes(p))?.id;
  const systems = inventory(vendorByProduct);
  const site: SiteSettings = {
    key: 'site',
    setupComplete: true,
    deviceCode: 'A',
    currentUserId: team[1].id,
    providerName: defaultProvider,
    clientName: '申江证券股份有限公司',
    clientAddress: '上海市浦东新区世纪大道 1288 号 申江证券大厦 18 层',
    projectName: '申江证券 信息系统驻场运维服务项目（2026 年度）',
    contractNumber: `CH-SJ-${now.getFullYear()}-017`,
    projectStart: `${now.getFullYear()}-01-01`,
    projectEnd: `${now.getFullYear()}-12-31`,
    isDemo: true,
    updatedAt: now.toISOString(),
    updatedBy: 'system',
  };
  setActor(site.currentUserId);
  const seeders = Object.values(featureSeeders).sort((a, b) => (a.demoOrder ?? 50) - (b.demoOrder ?? 50));
  await writeTx(recordTables.concat('settings'), async (_db, w) => {
    await w.log(
      'demo',
      'site',
      'demo-load',
      `${team.length} team, ${contacts.length} contacts, ${systems.length} systems`,
    );
    // The site row first, with setup not yet complete: every change is captured for sync under its
    // device code (renderer/db/sync-capture.ts reads it), and the wizard stays until the end.
    await w.put('settings', { ...site, setupComplete: false }, 'demo site', 'demo-load');
    await w.bulkPut('team', team, (m) => `demo: ${m.role} ${m.name}`, 'demo-load');
    await w.bulkPut('contacts', contacts, (c) => `demo: ${c.kind} ${c.name}`, 'demo-load');
    await w.bulkPut('systems', systems, (s) => `demo: ${s.family} ${s.name}`, 'demo-load');
  });
  // Each feature seeds in its own transaction, after the core rows exist.
  const ctx: DemoContext = { db, now, site, team, contacts, systems };
  const followUps: DemoFollowUp[] = [];
  for (const s of seeders) {
    const next = await s.seedDemo(ctx);
    if (next) followUps.push(next);
  }
  // Setup completes last: the app leaves the wizard on the demo's lists complete.
  await writeTx(['settings'], async (_db, w) => {
    await w.put('settings', site, 'demo site ready', 'demo-load');
  });
  const finished = (async () => {
    for (const job of followUps) await job();
  })();
  if (!opts.inBackground) await finished;
  return { finished };
}
