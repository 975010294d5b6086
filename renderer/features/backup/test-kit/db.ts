/** Test helpers: fresh databases on fake-indexeddb, realistic rows, realm-proof comparisons. */
import type { Attachment } from '@shared/schemas/attachment';
import type { ReportRecord } from '@shared/schemas/report';
import { faultEventRowSchema, faultRecordSchema } from '@shared/schemas/fault';
import { sha256Hex } from '@shared/util/hash';
import type { OnsiteDb } from '../../../db/db';
import { stamp, writeTx } from '../../../db';
import { freshTestDb } from '../../../db/test/fresh-db';
import { i18next, initAppI18n } from '../../../i18n';
import { loadDemoData } from '../../settings';
import { exportSnapshot } from '../snapshot';

export async function freshDb(upTo?: number): Promise<OnsiteDb> {
  return (await freshTestDb({ actor: 'tester', upTo })).db;
}

/** A PNG-ish byte pattern of `n` bytes. */
export function bytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed * 7) & 0xff;
  out.set([0x89, 0x50, 0x4e, 0x47].slice(0, n));
  return out;
}

export function attachmentRow(ownerType: string, ownerId: string, name: string, data: Uint8Array): Attachment {
  return stamp({
    ownerType,
    ownerId,
    name,
    mime: 'image/png',
    size: data.length,
    sha256: sha256Hex(data),
    data,
  }) as Attachment;
}

/**
 * The demo site (every feature's demo seeder included) plus a fault with an event, a screenshot
 * and a report pointing at its PDF with a signature image. Slow on a busy machine: give tests
 * that use it a longer timeout; `seedCore` is the quick variant.
 */
export async function seedRealistic(db: OnsiteDb): Promise<void> {
  // Feature demo seeders write localized text through the app's i18next instance.
  if (!i18next.isInitialized) await initAppI18n();
  await loadDemoData(db, new Date('2026-11-20T09:30:00+08:00'));
  await seedExtras(db);
}

/** A small site without the feature seeders (team, contacts, systems, settings) plus the extras. */
export async function seedCore(db: OnsiteDb): Promise<void> {
  const at = '2026-11-20T01:30:00.000Z';
  const member = (name: string, role: 'pm' | 'engineer') =>
    stamp({ name, role, phone: '138 0000 0000', email: '', active: true });
  const team = [member('周海峰', 'pm'), member('李喆', 'engineer'), member('王堃', 'engineer')];
  const contact = (kind: 'client' | 'vendor', name: string) =>
    stamp({
      kind,
      name,
      company: '申江证券股份有限公司',
      department: '信息技术部',
      title: '',
      phone: '021-6888 1201',
      email: '',
      products: [],
      isMaintenanceEngineer: kind === 'client',
    });
  const contacts = [contact('client', '陈镕'), contact('vendor', 'VMware 技术支持')];
  const system = (name: string, family: 'virtualization' | 'pam' | 'backup-dr') =>
    stamp({ name, family, vendor: 'VMware', model: '', version: '8.0', location: '张江数据中心 A 机房', active: true });
  const systems = [
    system('生产虚拟化集群 PROD-VC01', 'virtualization'),
    system('运维堡垒机（主）', 'pam'),
    system('集中备份系统', 'backup-dr'),
  ];
  await writeTx(['settings', 'team', 'contacts', 'systems'], async (_db, w) => {
    await w.put(
      'settings',
      {
        key: 'site',
        setupComplete: true,
        deviceCode: 'A',
        currentUserId: team[1].id,
        providerName: '上海承沪信息科技有限公司',
        clientName: '申江证券股份有限公司',
        clientAddress: '',
        projectName: '',
        isDemo: true,
        updatedAt: at,
        updatedBy: 'system',
      },
      'site',
      'settings',
    );
    await w.bulkAdd('team', team as never, 'team');
    await w.bulkAdd('contacts', contacts as never, 'contacts');
    await w.bulkAdd('systems', systems as never, 'systems');
    await w.log('demo', 'site', 'demo-load', 'core');
  });
  await seedExtras(db);
}

async function seedExtras(db: OnsiteDb): Promise<void> {
  // A fault of our own only while no faults feature seeds demo faults; parsed with the faults
  // schemas so this kit breaks loudly (not the tests quietly) if those change.
  const existing = await db.faults.toCollection().first();
  const systemId = (await db.systems.toCollection().first())!.id;
  const assigneeId = (await db.team.toCollection().first())!.id;
  const reporter = { name: '赵磊', department: '信息技术部', phone: '021-6888 1215', email: '' };
  const number = 'GZ-202611-A-901';
  const fault =
    existing ??
    faultRecordSchema.parse({
      ...stamp({}),
      number,
      status: 'reported',
      level: 2,
      track: 'onsite',
      channel: 'hotline',
      systemId,
      assigneeId,
      reporter,
      symptoms: '生产虚拟化集群 vMotion 失败',
      description: '两台主机间迁移超时',
      occurredAt: '2026-11-20T01:20:00.000Z',
      reportedAt: '2026-11-20T01:30:00.000Z',
      tier: 1,
      flags: { escalationSuggested: true, pmAlert: false, breached: false, reportIssued: false, reportWaived: false },
      lastSeq: 0,
    });
  const event = existing
    ? null
    : faultEventRowSchema.parse({
        id: crypto.randomUUID(),
        faultId: fault.id,
        seq: 0,
        at: '2026-11-20T01:30:00.000Z',
        by: assigneeId,
        recordedAt: '2026-11-20T01:31:00.000Z',
        type: 'reported',
        payload: {
          level: 2,
          channel: 'hotline',
          number,
          reporter,
          symptoms: '生产虚拟化集群 vMotion 失败',
          description: '两台主机间迁移超时',
          occurredAt: '2026-11-20T01:20:00.000Z',
          systemId,
          assigneeId,
        },
      });
  const shot = attachmentRow('fault', fault.id, '告警截图.png', bytes(3000, 2));
  const pdf = attachmentRow('report', 'r-1', '故障诊断报告.pdf', bytes(5000, 3));
  const report: ReportRecord = {
    ...stamp({ id: 'r-1' }),
    type: 'sample',
    subjectType: 'fault',
    subjectId: fault.id,
    number: 'BG-202611-A-001',
    version: 1,
    language: 'zh-CN',
    title: '故障诊断报告',
    issuedAt: '2026-11-20T08:00:00.000Z',
    issuedBy: 'tester',
    status: 'issued',
    data: { 结论: '已恢复', items: [1, 2] },
    meta: { number: 'BG-202611-A-001' },
    dataHash: 'a'.repeat(64),
    pdfHash: pdf.sha256,
    pdfAttachmentId: pdf.id,
    signatures: [
      {
        role: 'engineer',
        name: '李喆',
        signedAt: '2026-11-20T08:10:00.000Z',
        image: 'data:image/png;base64,iVBORw0KGgo=',
      },
    ],
  };
  await writeTx(['faults', 'faultEvents', 'attachments', 'reports'], async (_db, w) => {
    if (!existing) await w.add('faults', fault, fault.number);
    if (event) await w.add('faultEvents', event, '告警截图');
    await w.bulkAdd('attachments', [shot, pdf], (a) => a.name);
    await w.add('reports', report, report.title);
  });
}

/** Any binary value as hex, so rows read from IndexedDB (another realm in jsdom) compare by content. */
export function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Uint8Array]') return { bytes: sha256Hex(value as Uint8Array), n: (value as Uint8Array).length };
  if (tag === '[object ArrayBuffer]') return { buffer: sha256Hex(new Uint8Array(value as ArrayBuffer)) };
  if (tag === '[object Date]') return { date: (value as Date).toISOString() };
  if (Array.isArray(value)) return value.map(plain);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, plain(v)]),
  );
}

export async function dump(db: OnsiteDb): Promise<Record<string, unknown>> {
  return Object.fromEntries((await exportSnapshot(db)).map((t) => [t.name, plain(t.rows)]));
}
