/*
 * Writes tests/fixtures/db-v<N>.json: realistic rows for every table of each released schema
 * version, for the migration tests (renderer/db/migrations/fixtures.test.ts). Deterministic: the
 * same script gives the same files. A released version's fixture is never changed afterwards;
 * when a new schema version ships, add its function here and run `npx vite-node scripts/make-db-fixtures.ts`.
 * Binary values are written as {"$bytes": "<base64>"}.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataHash, sha256Hex, zeroHash } from '../shared/util/hash';

type Row = Record<string, unknown>;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (day: number, hm = '09:30') =>
  new Date(`2026-01-${String(day).padStart(2, '0')}T${hm}:00+08:00`).toISOString();
const rec = (n: number, day: number, by = id(2)) => ({
  id: id(n),
  createdAt: at(day),
  updatedAt: at(day, '10:15'),
  updatedBy: by,
});
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + seed * 17) & 0xff);

function audit(
  entries: Array<[day: number, actor: string, entity: string, entityId: string, action: string, summary: string]>,
): Row[] {
  let prev = zeroHash;
  return entries.map(([day, actor, entity, entityId, action, summary], seq) => {
    const base = {
      seq,
      id: id(9000 + seq),
      at: at(day, '10:20'),
      actor,
      entity,
      entityId,
      action,
      summary,
      prevHash: prev,
    };
    prev = dataHash(base);
    return { ...base, hash: prev };
  });
}

function v1(): Record<string, Row[]> {
  return {
    meta: [
      { key: 'schemaVersion', value: 1 },
      { key: 'createdAt', value: at(5, '08:55') },
    ],
    settings: [
      {
        key: 'site',
        setupComplete: true,
        deviceCode: 'A',
        currentUserId: id(2),
        providerName: '上海承沪信息科技有限公司',
        clientName: '申江证券股份有限公司',
        clientAddress: '上海市浦东新区世纪大道 1288 号 申江证券大厦 18 层',
        projectName: '申江证券 信息系统驻场运维服务项目（2026 年度）',
        projectStart: '2026-01-01',
        projectEnd: '2026-12-31',
        isDemo: false,
        updatedAt: at(5, '09:00'),
        updatedBy: id(2),
      },
    ],
    team: [
      { ...rec(1, 5), name: '周海峰', role: 'pm', phone: '138 1762 4409', email: 'zhouhf@chenghu-it.cn', active: true },
      {
        ...rec(2, 5),
        name: '李喆',
        role: 'engineer',
        phone: '139 1630 2275',
        email: 'lizhe@chenghu-it.cn',
        active: true,
      },
      { ...rec(3, 5), name: '王堃', role: 'engineer', phone: '137 6121 8830', email: '', active: true },
    ],
    contacts: [
      {
        ...rec(11, 5),
        kind: 'client',
        name: '陈镕',
        company: '申江证券股份有限公司',
        department: '信息技术部 系统运维组',
        title: '系统维护工程师',
        phone: '021-6888 1201',
        email: 'chenrong@sjsec.example.cn',
        products: [],
        isMaintenanceEngineer: true,
      },
      {
        ...rec(12, 6),
        kind: 'expert',
        name: '孙立',
        company: '上海承沪信息科技有限公司',
        department: '技术服务中心 二线支持',
        title: '高级专家',
        phone: '139 0172 6650',
        email: '',
        products: ['VMware vSphere', 'SmartX'],
        isMaintenanceEngineer: false,
      },
      {
        ...rec(13, 6),
        kind: 'vendor',
        name: 'VMware 技术支持',
        company: 'Broadcom',
        department: 'Global Support',
        title: '400 热线',
        phone: '400-816-0688',
        email: 'support@vmware-demo.example.com',
        products: ['VMware vSphere'],
        isMaintenanceEngineer: false,
      },
    ],
    systems: [
      {
        ...rec(21, 6),
        name: '生产虚拟化集群 PROD-VC01',
        family: 'virtualization',
        vendor: 'VMware',
        model: 'vSphere Enterprise Plus',
        version: '8.0 U3',
        location: '张江数据中心 A 机房',
        vendorContactId: id(13),
        active: true,
      },
      {
        ...rec(22, 6),
        name: '运维堡垒机（主）',
        family: 'pam',
        vendor: '齐治科技',
        model: 'ShtermPAM 5000',
        version: '7.3',
        location: '张江数据中心 A 机房',
        notes: '双机热备，备机在外高桥',
        active: true,
      },
      {
        ...rec(23, 7),
        name: '集中备份系统',
        family: 'backup-dr',
        vendor: '爱数',
        model: 'AnyBackup 7 一体机',
        version: '7.0.16',
        location: '张江数据中心 A 机房',
        active: false,
      },
    ],
    auditLog: audit([
      [5, 'system', 'settings', 'site', 'settings', 'changed: setupComplete, deviceCode, clientName'],
      [5, id(2), 'team', id(1), 'create', 'pm 周海峰'],
      [5, id(2), 'team', id(2), 'create', 'engineer 李喆'],
      [5, id(2), 'team', id(3), 'create', 'engineer 王堃'],
      [6, id(2), 'contacts', id(12), 'create', 'expert 孙立'],
      [6, id(2), 'systems', id(21), 'create', 'virtualization 生产虚拟化集群 PROD-VC01'],
      [7, id(3), 'systems', id(23), 'update', 'backup-dr 集中备份系统'],
    ]),
  };
}

function v2(): Record<string, Row[]> {
  const base = v1();
  const reporter = {
    name: '赵磊',
    department: '信息技术部 交易运维组',
    phone: '021-6888 1215',
    email: 'zhaolei@sjsec.example.cn',
  };
  const shot = bytes(4096, 1);
  const pdf = bytes(9000, 2);
  const item = {
    id: 'cpu-usage',
    title: { zh: 'CPU 使用率', en: 'CPU usage' },
    check: { zh: '查看集群 CPU 使用率', en: 'Check cluster CPU usage' },
    method: { zh: 'vCenter 监控', en: 'vCenter monitor' },
    expected: { zh: '低于 80%', en: 'Below 80%' },
    answer: { type: 'number', unit: '%', comparator: '<', threshold: 80 },
    required: true,
    evidenceRequired: false,
    severity: 'medium',
    bestPractice: { zh: '保留 20% 余量', en: 'Keep 20% headroom' },
    deepOnly: false,
  };
  const template = {
    templateKey: 'virtualization',
    family: 'virtualization',
    version: 1,
    title: { zh: '虚拟化巡检', en: 'Virtualization inspection' },
    items: [item],
  };
  const kbContent = {
    title: 'vMotion 超时的排查',
    family: 'virtualization',
    systemId: id(21),
    symptoms: 'vMotion 在 20% 处超时',
    cause: 'vMotion 网络 MTU 不一致',
    steps: ['检查 vmkernel 端口 MTU', '统一为 9000 并复测'],
    commands: 'vmkping -I vmk1 -d -s 8972 10.0.1.12',
    tags: ['vMotion', 'MTU'],
    faultIds: [id(101)],
    authorId: id(2),
  };
  return {
    ...base,
    meta: [
      { key: 'schemaVersion', value: 2 },
      { key: 'createdAt', value: at(5, '08:55') },
    ],
    faults: [
      {
        ...rec(101, 12),
        number: 'GZ-202601-A-001',
        status: 'resolved',
        level: 2,
        track: 'onsite',
        channel: 'hotline',
        systemId: id(21),
        assigneeId: id(2),
        reporter,
        symptoms: '生产虚拟化集群 vMotion 失败',
        description: '两台主机间 vMotion 在 20% 处超时，业务虚拟机未受影响。',
        occurredAt: at(12, '09:05'),
        reportedAt: at(12, '09:12'),
        tier: 1,
        flags: { escalationSuggested: false, pmAlert: false, breached: false, reportIssued: true, reportWaived: false },
        resolvedAt: at(12, '11:40'),
        lastSeq: 3,
      },
    ],
    faultEvents: [
      {
        id: id(111),
        faultId: id(101),
        seq: 0,
        at: at(12, '09:12'),
        by: id(2),
        recordedAt: at(12, '09:13'),
        type: 'reported',
        payload: {
          level: 2,
          channel: 'hotline',
          number: 'GZ-202601-A-001',
          reporter,
          symptoms: '生产虚拟化集群 vMotion 失败',
          description: '两台主机间 vMotion 在 20% 处超时。',
          occurredAt: at(12, '09:05'),
          systemId: id(21),
          assigneeId: id(2),
        },
      },
      {
        id: id(112),
        faultId: id(101),
        seq: 1,
        at: at(12, '09:15'),
        by: id(2),
        recordedAt: at(12, '09:15'),
        type: 'responded',
        payload: {},
      },
      {
        id: id(113),
        faultId: id(101),
        seq: 2,
        at: at(12, '10:02'),
        by: id(2),
        recordedAt: at(12, '10:03'),
        type: 'arrived',
        payload: { note: '到达张江 A 机房' },
      },
      {
        id: id(114),
        faultId: id(101),
        seq: 3,
        at: at(12, '11:40'),
        by: id(2),
        recordedAt: at(12, '11:41'),
        type: 'resolved',
        payload: {
          rootCause: 'vMotion 网络 MTU 不一致',
          resolution: '统一 MTU 为 9000',
          prevention: '变更检查单加入 MTU 核对',
        },
      },
    ],
    serviceRequests: [
      {
        ...rec(201, 14),
        number: 'XQ-202601-A-001',
        status: 'resolved',
        type: 'account-permission',
        channel: 'email',
        reporter,
        systemId: id(22),
        assigneeId: id(3),
        title: '为新入职同事开通堡垒机账号',
        description: '交易运维组新员工 2 名',
        receivedAt: at(14, '10:00'),
        respondedAt: at(14, '10:12'),
        resolutionMode: 'phone',
        resolution: '已开通并告知初始密码修改方式',
        resolvedAt: at(14, '15:30'),
        log: [
          { at: at(14, '10:00'), by: id(3), type: 'received' },
          { at: at(14, '15:30'), by: id(3), type: 'resolved', note: '已开通' },
        ],
      },
    ],
    attachments: [
      {
        ...rec(301, 12),
        ownerType: 'fault',
        ownerId: id(101),
        name: 'vMotion 报错截图.png',
        mime: 'image/png',
        size: shot.length,
        sha256: sha256Hex(shot),
        data: shot,
        caption: 'vCenter 任务列表',
      },
      {
        ...rec(302, 13),
        ownerType: 'report',
        ownerId: id(401),
        name: '故障诊断报告-GZ-202601-A-001.pdf',
        mime: 'application/pdf',
        size: pdf.length,
        sha256: sha256Hex(pdf),
        data: pdf,
      },
    ],
    inspectionTemplates: [
      {
        ...rec(501, 8),
        ...template,
        description: { zh: '每月例行检查', en: 'Monthly routine checks' },
        changeNote: '首版',
      },
    ],
    inspections: [
      {
        ...rec(511, 20),
        number: 'XJ-202601-A-001',
        month: '2026-01',
        mode: 'routine',
        status: 'finished',
        dueDate: '2026-01-23',
        systems: [
          {
            systemId: id(21),
            name: '生产虚拟化集群 PROD-VC01',
            family: 'virtualization',
            vendor: 'VMware',
            model: 'vSphere Enterprise Plus',
            version: '8.0 U3',
            location: '张江数据中心 A 机房',
            engineerId: id(2),
            templateRef: 'virtualization@1',
          },
        ],
        templates: { 'virtualization@1': template },
        startedAt: at(21, '09:00'),
        finishedAt: at(21, '16:00'),
        events: [
          { type: 'planned', at: at(20), by: id(1) },
          { type: 'finished', at: at(21, '16:00'), by: id(2) },
        ],
      },
    ],
    inspectionAnswers: [
      {
        ...rec(521, 21),
        inspectionId: id(511),
        systemId: id(21),
        itemId: 'cpu-usage',
        result: 'normal',
        value: 46.5,
        answeredBy: id(2),
        answeredAt: at(21, '10:30'),
      },
    ],
    reports: [
      {
        ...rec(401, 13),
        type: 'fault',
        subjectType: 'fault',
        subjectId: id(101),
        number: 'BG-202601-A-001',
        version: 1,
        language: 'zh-CN',
        title: '故障诊断报告',
        issuedAt: at(13, '09:00'),
        issuedBy: id(2),
        status: 'signed',
        data: { number: 'GZ-202601-A-001', rootCause: 'vMotion 网络 MTU 不一致' },
        meta: { type: 'fault', number: 'BG-202601-A-001', version: 1 },
        dataHash: dataHash({ number: 'GZ-202601-A-001', rootCause: 'vMotion 网络 MTU 不一致' }),
        pdfHash: sha256Hex(pdf),
        pdfAttachmentId: id(302),
        signatures: [
          {
            role: 'engineer',
            name: '李喆',
            signedAt: at(13, '09:20'),
            image:
              'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
          },
        ],
        signedAt: at(13, '09:20'),
      },
    ],
    signatures: [{ ...rec(411, 13), reportId: id(401), role: 'engineer', name: '李喆', signedAt: at(13, '09:20') }],
    kbArticles: [{ ...rec(601, 15), number: 'KB-A-0001', version: 2, ...kbContent }],
    kbVersions: [
      {
        ...rec(611, 15),
        articleId: id(601),
        version: 1,
        note: 'from-fault',
        content: { ...kbContent, steps: ['检查 vmkernel 端口 MTU'] },
      },
      { ...rec(612, 16), articleId: id(601), version: 2, note: 'edited', content: kbContent },
    ],
    trainings: [
      {
        ...rec(701, 22),
        type: 'onsite',
        topic: 'vSphere 8 日常运维要点',
        startDate: '2026-01-22',
        endDate: '2026-01-22',
        hours: 2,
        trainer: '李喆',
        location: '申江证券大厦 18 层 会议室 3',
        content: '主机维护模式、vMotion 排错、告警处理',
        attendees: [{ name: '赵磊', department: '信息技术部 交易运维组', contactId: id(11) }],
        feedback: '内容实用',
        rating: 5,
      },
    ],
    trainingPlans: [
      {
        ...rec(711, 8),
        year: 2026,
        type: 'inspection',
        slot: 1,
        plannedDate: '2026-03-20',
        topic: '',
        days: 1,
        notes: '',
      },
    ],
    roster: [{ ...rec(801, 9), date: '2026-01-10', memberId: id(3), note: '周末值班' }],
    personnelChanges: [
      {
        ...rec(901, 25),
        leavingMemberId: id(3),
        leavingName: '王堃',
        replacementName: '刘畅',
        replacementPhone: '136 0000 1234',
        replacementProfile: 'VCP-DCV，五年证券行业驻场经验',
        reason: '个人原因调岗',
        noticeDate: '2026-01-25',
        plannedDate: '2026-02-26',
        status: 'pending',
        notes: '',
      },
    ],
    calendars: [
      {
        year: 2027,
        timeZone: 'Asia/Shanghai',
        workHours: [{ start: '09:00', end: '17:00' }],
        holidays: ['2027-01-01'],
        workdays: [],
        years: [2027],
        updatedAt: at(28),
        updatedBy: id(1),
      },
    ],
    alertLog: [{ key: `fault:${id(101)}:response:at-risk`, at: at(12, '09:36'), notified: true }],
    auditLog: audit([
      ...(
        base.auditLog as Array<{
          at: string;
          actor: string;
          entity: string;
          entityId: string;
          action: string;
          summary: string;
        }>
      ).map(
        (e) =>
          [Number(e.at.slice(8, 10)), e.actor, e.entity, e.entityId, e.action, e.summary] as [
            number,
            string,
            string,
            string,
            string,
            string,
          ],
      ),
      [12, id(2), 'faults', id(101), 'create', 'GZ-202601-A-001 level 2'],
      [12, id(2), 'attachments', id(301), 'create', 'fault: vMotion 报错截图.png'],
      [13, id(2), 'reports', id(401), 'report-issued', 'fault BG-202601-A-001 v1'],
      [13, id(2), 'reports', id(401), 'signature', 'engineer 李喆'],
      [14, id(3), 'serviceRequests', id(201), 'create', 'XQ-202601-A-001'],
      [15, id(2), 'kbArticles', id(601), 'create', 'KB-A-0001'],
    ]),
  };
}

/** v3 adds `credentials`: a PIN hash per member who set one on this laptop (never the PIN). */
function v3(): Record<string, Row[]> {
  return {
    ...v2(),
    credentials: [
      {
        memberId: id(2),
        algorithm: 'PBKDF2-SHA-256',
        iterations: 600_000,
        salt: Buffer.from(bytes(16, 7)).toString('base64'),
        hash: Buffer.from(bytes(32, 8)).toString('base64'),
        failures: 1,
        lastFailureAt: at(16, '08:59'),
        createdAt: at(10),
        updatedAt: at(16, '08:59'),
        updatedBy: id(2),
      },
    ],
  };
}

/**
 * v4 adds the sync tables: one edit made after the upgrade (the PM fills in an engineer's email),
 * captured as a field-level change with this laptop's clock, and this laptop's clock and version
 * vector. No conflicts yet.
 */
function v4(): Record<string, Row[]> {
  const base = v3();
  const when = at(17, '10:20');
  const stamp = `${String(Date.parse(when)).padStart(13, '0')}-0000-A`;
  const member = base.team.find((r) => r.id === id(3))!;
  const edited = { ...member, email: 'wangk@chenghu-it.cn', updatedAt: when, updatedBy: id(1) };
  type Entry = Parameters<typeof audit>[0][number];
  const entries = (base.auditLog as Array<Record<string, string>>).map((e): Entry => [
    Number(e.at.slice(8, 10)),
    e.actor,
    e.entity,
    e.entityId,
    e.action,
    e.summary,
  ]);
  return {
    ...base,
    team: base.team.map((r) => (r.id === id(3) ? edited : r)),
    auditLog: audit([...entries, [17, id(1), 'team', id(3), 'update', '王堃: email']]),
    syncChanges: [
      {
        id: stamp,
        device: 'A',
        seq: 1,
        table: 'team',
        recordId: id(3),
        at: when,
        actor: id(1),
        fields: {
          email: { value: edited.email, parents: [] },
          updatedAt: { value: when, parents: [] },
          updatedBy: { value: id(1), parents: [] },
        },
      },
    ],
    syncState: [{ key: 'self', clock: stamp, vv: { A: 1 } }],
    syncConflicts: [],
  };
}

/**
 * v5 adds `feedbackMeetings`: one meeting where the client's feedback was heard, recorded after the
 * upgrade (its audit entry and its captured change; the clock and version vector move on).
 */
function v5(): Record<string, Row[]> {
  const base = v4();
  const when = at(20, '16:40');
  const stamp = `${String(Date.parse(when)).padStart(13, '0')}-0000-A`;
  const meeting = {
    id: id(701),
    createdAt: when,
    updatedAt: when,
    updatedBy: id(1),
    date: '2026-01-20',
    attendees: [
      { name: '周海峰', memberId: id(1) },
      { name: '李喆', memberId: id(2) },
      { name: '陈镕', contactId: id(11) },
    ],
    clientSaid: '故障响应及时；希望巡检报告在次月 5 日前送达，并对堡垒机会话断开问题给出根因。',
    actions: [
      { what: '巡检报告于次月 5 日前提交', owner: '李喆', due: '2026-02-05', done: false },
      { what: '堡垒机会话断开根因分析', owner: '王堃', due: '2026-01-30', done: true },
    ],
  };
  type Entry = Parameters<typeof audit>[0][number];
  const entries = (base.auditLog as Array<Record<string, string>>).map((e): Entry => [
    Number(e.at.slice(8, 10)),
    e.actor,
    e.entity,
    e.entityId,
    e.action,
    e.summary,
  ]);
  const fields = Object.fromEntries(
    Object.entries(meeting)
      .filter(([k]) => k !== 'id')
      .map(([k, value]) => [k, { value, parents: [] }]),
  );
  return {
    ...base,
    feedbackMeetings: [meeting],
    auditLog: audit([
      ...entries,
      [20, id(1), 'feedbackMeetings', id(701), 'create', '2026-01-20 3 attendees 2 actions'],
    ]),
    syncChanges: [
      ...base.syncChanges,
      { id: stamp, device: 'A', seq: 2, table: 'feedbackMeetings', recordId: id(701), at: when, actor: id(1), fields },
    ],
    syncState: [{ key: 'self', clock: stamp, vv: { A: 2 } }],
  };
}

/** JSON with Uint8Array as {"$bytes": base64}. */
function toJson(version: number, tables: Record<string, Row[]>): string {
  const replacer = (_k: string, v: unknown) =>
    v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString('base64') } : v;
  return `${JSON.stringify({ schemaVersion: version, note: `Rows of every table of schema v${version}, as a released app wrote them. Never edit; see scripts/make-db-fixtures.ts.`, tables }, replacer, 1)}\n`;
}

for (const [version, make] of [
  [1, v1],
  [2, v2],
  [3, v3],
  [4, v4],
  [5, v5],
] as const) {
  const file = resolve(import.meta.dirname, `../tests/fixtures/db-v${version}.json`);
  writeFileSync(file, toJson(version, make()));
  console.log(
    `${file}: ${Object.entries(make())
      .map(([t, r]) => `${t} ${r.length}`)
      .join(', ')}`,
  );
}
