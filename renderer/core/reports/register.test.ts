import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '@shared/util/hash';
import { freshTestDb, type TestDb, seedSite } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { verifyAuditChain } from '../../db/audit';
import { initAppI18n, i18next } from '../../i18n';
import type { SampleReportData } from '../../pdf/sample-report';
import type { ReportMeta } from '../../pdf/types';
import { fileReport, signReport, voidReport } from './lifecycle';
import { issueReport, ReportError, verifyReport, type IssueInput } from './register';

let db: OnsiteDb;
let testDb: TestDb;
const at = new Date('2026-11-25T02:00:00Z'); // 10:00 in Shanghai

beforeAll(async () => {
  if (!i18next.isInitialized) await initAppI18n();
});

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'system' });
  db = testDb.db;
  await seedSite(db, {
    deviceCode: 'B',
    currentUserId: '',
    providerName: '上海承沪信息科技有限公司',
    clientName: '申江证券股份有限公司',
    updatedAt: at.toISOString(),
  });
});
afterEach(() => testDb.close());

const data = (item = '核心交换机巡检'): SampleReportData => ({
  site: '申江证券',
  team: ['李喆'],
  systems: 1,
  serviceHours: '5×8',
  records: [{ date: '2026-11-24', kind: 'fault', system: '交易系统', item, result: '正常', status: 'closed' }],
  figures: [],
  recommendations: [],
});

const sample = (over: Partial<IssueInput<'sample'>> = {}): IssueInput<'sample'> => ({
  type: 'sample',
  subjectType: 'sample',
  subjectId: 'month-11',
  data: data(),
  language: 'zh-CN',
  ...over,
});

const reports = () => db.reports.toArray();
const files = () => db.attachments.toArray();
const entries = () => db.auditLog.toArray();

describe('issueReport', { timeout: 60_000 }, () => {
  it('writes number, register row, PDF file with its hash and the report-issued entry together', async () => {
    const { report, pdf } = await issueReport(sample(), at);
    expect(report).toMatchObject({ number: 'BG-202611-B-001', version: 1, status: 'issued', type: 'sample' });
    const [row] = await reports();
    expect(row).toEqual(report);
    const [file] = await files();
    expect(file).toMatchObject({ id: report.pdfAttachmentId, ownerType: 'report', ownerId: report.id });
    expect(file.sha256).toBe(sha256Hex(pdf));
    expect(report.pdfHash).toBe(sha256Hex(pdf));
    const issued = (await entries()).filter((e) => e.action === 'report-issued');
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ entity: 'reports', entityId: report.id });
    expect(issued[0].summary).toContain('BG-202611-B-001 v1');
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('writes the caller’s extra write in the same transaction', async () => {
    const { report } = await issueReport(
      sample({
        alsoWrite: {
          tables: ['meta'],
          write: async (tx, r) => {
            await tx.db.meta.put({ key: 'issued-with', value: r.id });
          },
        },
      }),
      at,
    );
    expect(await db.meta.get('issued-with')).toEqual({ key: 'issued-with', value: report.id });
  });

  it('stores nothing when a write fails midway: no row, no file, no entry, no number taken', async () => {
    const before = await entries();
    await expect(
      issueReport(
        sample({
          alsoWrite: {
            tables: ['meta'],
            write: async (tx) => {
              await tx.db.meta.put({ key: 'half', value: 1 });
              throw new Error('event write failed');
            },
          },
        }),
        at,
      ),
    ).rejects.toThrow('event write failed');
    expect(await reports()).toEqual([]);
    expect(await files()).toEqual([]);
    expect(await entries()).toEqual(before);
    expect(await db.meta.get('half')).toBeUndefined();
    // The number was not used up: the next issue takes it.
    expect((await issueReport(sample(), at)).report.number).toBe('BG-202611-B-001');
  });

  it('numbers per prefix, device and Shanghai month through shared/domain/numbering.ts', async () => {
    const a = await issueReport(sample({ subjectId: 'a' }), at);
    const b = await issueReport(sample({ subjectId: 'b' }), at);
    const dec = await issueReport(sample({ subjectId: 'c' }), new Date('2026-11-30T16:30:00Z'));
    expect([a.report.number, b.report.number, dec.report.number]).toEqual([
      'BG-202611-B-001',
      'BG-202611-B-002',
      'BG-202612-B-001',
    ]);
  });

  it('re-issues as a new version under the same number; both versions stay', async () => {
    const v1 = (await issueReport(sample(), at)).report;
    const v2 = (await issueReport(sample({ data: data('复查') }), new Date(at.getTime() + 60_000))).report;
    expect(v2).toMatchObject({ number: v1.number, version: 2 });
    expect(v2.dataHash).not.toBe(v1.dataHash);
    expect((await reports()).map((r) => r.version).sort()).toEqual([1, 2]);
    expect((await files()).length).toBe(2);
  });

  it('keeps a number given by the caller (a fault’s GZ number)', async () => {
    const { report } = await issueReport(sample({ number: 'GZ-202611-B-007' }), at);
    expect(report.number).toBe('GZ-202611-B-007');
  });

  it('refuses to issue while the audit chain is broken, and stores nothing', async () => {
    await issueReport(sample(), at);
    const first = (await entries())[0];
    await db.auditLog.put({ ...first, summary: 'tampered' });
    await expect(issueReport(sample({ subjectId: 'x' }), at)).rejects.toBeInstanceOf(ReportError);
    expect((await reports()).length).toBe(1);
  });
});

describe('verify, sign, void', { timeout: 60_000 }, () => {
  it('verifies a fresh report and detects tampered data and a tampered PDF', async () => {
    const { report } = await issueReport(sample(), at);
    expect(await verifyReport(report.id)).toMatchObject({ dataMatch: true, pdfMatch: true, ok: true });

    await db.reports.put({ ...report, data: data('改过的') });
    expect(await verifyReport(report.id)).toMatchObject({ dataMatch: false, pdfMatch: true, ok: false });

    await db.reports.put(report);
    const file = await db.attachments.get(report.pdfAttachmentId);
    const bad = file!.data.slice();
    bad[bad.length - 10] ^= 0xff;
    await db.attachments.put({ ...file!, data: bad });
    expect(await verifyReport(report.id)).toMatchObject({ dataMatch: true, pdfMatch: false, ok: false });
  });

  it('voids with a reason only, and a void report cannot be signed', async () => {
    const { report } = await issueReport(sample(), at);
    await expect(voidReport(report, '  ')).rejects.toBeInstanceOf(ReportError);
    const voided = await voidReport(report, '数据有误');
    expect(voided).toMatchObject({ status: 'void', voidReason: '数据有误' });
    expect((await db.reports.get(report.id))?.status).toBe('void');
    await expect(signReport(voided, { role: 'clientEngineer', name: '陈镕' })).rejects.toBeInstanceOf(ReportError);
    expect((await entries()).some((e) => e.action === 'report-voided' && e.entityId === report.id)).toBe(true);
  });

  it('files only a signed report; the client signature marks it signed and keeps the data hash', async () => {
    const { report } = await issueReport(sample(), at);
    await expect(fileReport(report)).rejects.toBeInstanceOf(ReportError);
    const signed = await signReport(report, { role: 'clientEngineer', name: '陈镕' }, at);
    expect(signed).toMatchObject({ status: 'signed', dataHash: report.dataHash });
    expect(signed.signedPdfHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyReport(report.id)).toMatchObject({ ok: true, signedPdfMatch: true });
    expect((await fileReport(signed, at)).status).toBe('filed');
  });

  it('fingerprints every printed particular: changing client, period, issuer, contract or a signer changes it', async () => {
    const { report } = await issueReport(sample({ period: { from: '2026-11-01', to: '2026-11-30' } }), at);
    const meta = report.meta as ReportMeta;
    const changes: [string, Partial<ReportMeta>][] = [
      ['client', { client: '另一家证券公司' }],
      ['provider', { provider: '别的服务商' }],
      ['period', { period: { from: '2026-10-01', to: '2026-11-30' } }],
      ['issuer', { issuedBy: '别人' }],
      ['issue date', { issuedAt: '2026-11-20T02:00:00.000Z' }],
      ['contract', { contract: { number: 'XX-1' } }],
      ['version', { version: 7 }],
      ['signer name', { signers: [{ role: 'projectManager', name: '冒名' }] }],
    ];
    for (const [what, change] of changes) {
      await db.reports.put({ ...report, meta: { ...meta, ...change } });
      expect((await verifyReport(report.id)).dataMatch, what).toBe(false);
    }
    await db.reports.put(report);
    expect((await verifyReport(report.id)).ok).toBe(true);
  });

  it('fingerprints the signatures on the signed rendering: a changed signer name or image is detected', async () => {
    const { report } = await issueReport(sample(), at);
    const image =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';
    const signed = await signReport(report, { role: 'clientEngineer', name: '陈镕', image }, at);
    expect(signed.signedDataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.signedDataHash).not.toBe(report.dataHash);
    expect(await verifyReport(report.id)).toMatchObject({ ok: true, signedPdfMatch: true });
    const [sig] = signed.signatures;
    for (const changed of [
      { ...sig, name: '别人' },
      { ...sig, image: image.replace('ggg', 'ggh') },
      { ...sig, signedAt: '2026-12-01T00:00:00.000Z' },
    ]) {
      await db.reports.put({ ...signed, signatures: [changed] });
      expect((await verifyReport(report.id)).signedPdfMatch).toBe(false);
    }
  });

  it('freezes a signed version: it cannot be signed again, every signed rendering is kept, a re-issue is a new version', async () => {
    const { report } = await issueReport(sample(), at);
    const byEngineer = await signReport(report, { role: 'engineer', name: '李喆' }, at);
    const signed = await signReport(byEngineer, { role: 'clientEngineer', name: '陈镕' }, at);
    expect(signed.status).toBe('signed');
    // Both signed renderings stay, with the issued PDF.
    for (const id of [report.pdfAttachmentId, byEngineer.signedPdfAttachmentId!, signed.signedPdfAttachmentId!])
      expect(await db.attachments.get(id), id).toBeDefined();
    expect(signed.signedPdfHistory).toEqual([byEngineer.signedPdfAttachmentId, signed.signedPdfAttachmentId]);
    // A stale copy of the row in the caller's hands cannot sign over the signed version either.
    await expect(signReport(signed, { role: 'clientEngineer', name: '赵磊' }, at)).rejects.toMatchObject({
      messageKey: 'registry:registry.frozen',
    });
    await expect(signReport(byEngineer, { role: 'projectManager', name: '周海峰' }, at)).rejects.toMatchObject({
      messageKey: 'registry:registry.frozen',
    });
    expect((await db.reports.get(report.id))?.signedPdfAttachmentId).toBe(signed.signedPdfAttachmentId);
    const { report: v2 } = await issueReport(sample(), at);
    expect(v2).toMatchObject({ number: report.number, version: 2, status: 'issued' });
    expect((await db.reports.get(report.id))?.status).toBe('signed');
  });
});
