import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KbArticleContent } from '@shared/schemas/kb';
import { verifyAuditChain } from '../../db/audit';
import { freshTestDb, type TestDb, seedSite } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { initAppI18n } from '../../i18n';
import { appendFaultEvents, createFault } from '../faults';
import { createArticleFromFault } from './from-fault';
import { deleteArticle, KbError, restoreVersion, saveArticle, undoDelete } from './kb.repo';

let db: OnsiteDb;
let testDb: TestDb;
const content = (over: Partial<KbArticleContent> = {}): KbArticleContent => ({
  title: '数据存储剩余空间告警处理',
  family: 'virtualization',
  symptoms: 'vCenter 告警数据存储使用率超过 85%',
  cause: '快照长期未删除',
  steps: ['删除过期快照', '  ', '扩容 LUN'],
  commands: 'esxcli storage filesystem list\n\n',
  tags: ['存储', '存储', ' vSphere '],
  faultIds: [],
  authorId: 'u1',
  ...over,
});
const versions = async (id: string) => await db.kbVersions.where('articleId').equals(id).sortBy('version');

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  db = testDb.db;
  await seedSite(db, { deviceCode: 'B' });
});
afterEach(() => {
  testDb.close();
});

describe('articles and their versions', () => {
  it('creates version 1 with a number from this laptop, tidied', async () => {
    const a = await saveArticle(content());
    expect(a).toMatchObject({
      number: 'KB-B-0001',
      version: 1,
      steps: ['删除过期快照', '扩容 LUN'],
      tags: ['存储', 'vSphere'],
      commands: 'esxcli storage filesystem list',
    });
    expect((await saveArticle(content({ title: '另一篇' }))).number).toBe('KB-B-0002');
    expect(await versions(a.id)).toHaveLength(1);
  });

  it('keeps every save as a version; restoring makes a new one with the old content', async () => {
    const a = await saveArticle(content());
    await saveArticle(content({ title: '数据存储空间告警（修订）' }), { id: a.id });
    const v3 = await restoreVersion(a.id, 1);
    expect(v3).toMatchObject({
      version: 3,
      title: '数据存储剩余空间告警处理',
      number: a.number,
      createdAt: a.createdAt,
    });
    const vs = await versions(a.id);
    expect(vs.map((v) => [v.version, v.note, v.content.title])).toEqual([
      [1, 'created', '数据存储剩余空间告警处理'],
      [2, 'edited', '数据存储空间告警（修订）'],
      [3, 'restored', '数据存储剩余空间告警处理'],
    ]);
    expect(vs[2].restoredFrom).toBe(1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('refuses bad input and writes nothing', async () => {
    // A title of blanks is empty once tidied: refused by the schema, at the title.
    await expect(saveArticle(content({ title: '  ' }))).rejects.toMatchObject({
      name: 'ZodError',
      issues: [expect.objectContaining({ path: ['title'] })],
    });
    await expect(saveArticle(content(), { id: 'missing' })).rejects.toMatchObject({
      name: 'KbError',
      messageKey: 'kb:errors.notFound',
    });
    expect(await db.kbArticles.count()).toBe(0);
    expect(await db.kbVersions.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
    await expect(restoreVersion('missing', 1)).rejects.toBeInstanceOf(KbError);
  });

  it('leaves an article, its versions and the audit log as they were when an edit is refused', async () => {
    const a = await saveArticle(content());
    const before = { article: await db.kbArticles.get(a.id), entries: await db.auditLog.count() };
    await expect(saveArticle(content({ title: ' ' }), { id: a.id })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(restoreVersion(a.id, 2)).rejects.toMatchObject({ messageKey: 'kb:errors.versionNotFound' });
    expect(await db.kbArticles.get(a.id)).toEqual(before.article);
    expect((await versions(a.id)).map((v) => v.version)).toEqual([1]);
    expect(await db.auditLog.count()).toBe(before.entries);
    // The next accepted edit is version 2 of the same article, with its own audit entries.
    const b = await saveArticle(content({ cause: '日志堆积' }), { id: a.id });
    expect(b).toMatchObject({ id: a.id, number: a.number, version: 2, cause: '日志堆积', createdAt: a.createdAt });
    const entries = await db.auditLog.orderBy('seq').toArray();
    expect(entries.slice(before.entries).map((e) => [e.entity, e.entityId])).toEqual([
      ['kbArticles', a.id],
      ['kbVersions', (await versions(a.id))[1].id],
    ]);
  });

  it('deletes an article with its versions and attachments, and undoes it', async () => {
    const a = await saveArticle(content());
    await saveArticle(content({ cause: '日志堆积' }), { id: a.id });
    await db.attachments.add({
      id: 'att1',
      ownerType: 'kbArticle',
      ownerId: a.id,
      name: 'x.png',
      mime: 'image/png',
      size: 1,
      sha256: '0'.repeat(64),
      data: new Uint8Array([1]),
      createdAt: a.createdAt,
      updatedAt: a.createdAt,
      updatedBy: 'u1',
    });
    const removed = await deleteArticle(a.id);
    expect(await db.kbArticles.count()).toBe(0);
    expect(await db.kbVersions.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    await undoDelete(removed!);
    expect((await db.kbArticles.get(a.id))?.version).toBe(2);
    expect(await versions(a.id)).toHaveLength(2);
    expect(await db.attachments.count()).toBe(1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});

describe('create article from a fault', () => {
  const at = (hhmm: string) => `2026-11-25T${hhmm}:00+08:00`;
  async function fault() {
    await db.systems.put({
      id: 'sys-1',
      name: '运维堡垒机（主）',
      family: 'pam',
      vendor: '齐治科技',
      model: '',
      version: '',
      location: '',
      active: true,
      createdAt: at('08:00'),
      updatedAt: at('08:00'),
      updatedBy: 'u1',
    });
    return createFault(
      {
        level: 3,
        channel: 'hotline',
        reporter: { name: '赵磊', department: '信息技术部', phone: '', email: '' },
        symptoms: '堡垒机审计日志无法转发到 SIEM 平台',
        description: 'Syslog 转发中断，SIEM 无堡垒机日志',
        occurredAt: at('08:50'),
        reportedAt: at('09:00'),
        systemId: 'sys-1',
        assigneeId: 'u1',
      },
      [],
      new Date(at('09:01')),
    );
  }

  it('is refused while the fault is open, and for an unknown fault', async () => {
    const f = await fault();
    await expect(createArticleFromFault(f.id)).rejects.toMatchObject({ messageKey: 'kb:errors.faultNotResolved' });
    await expect(createArticleFromFault('nope')).rejects.toMatchObject({ messageKey: 'kb:errors.faultNotFound' });
    expect(await db.kbArticles.count()).toBe(0);
  });

  it('fills the first version from the symptoms, root cause, actions and resolution, linked to the fault', async () => {
    // The step wording comes from the app's i18next instance, as in the app.
    await initAppI18n();
    const f = await fault();
    await appendFaultEvents(
      f.id,
      [
        { type: 'responded', at: at('09:05'), payload: {} },
        {
          type: 'action',
          at: at('09:20'),
          payload: {
            kind: 'remote-login',
            engineerId: 'u1',
            what: '检查 Syslog 配置，目标端口被改为 5140',
            result: '确认 SIEM 监听 514/UDP',
          },
        },
        {
          type: 'resolved',
          at: at('10:00'),
          payload: {
            rootCause: '升级后 Syslog 端口恢复出厂值',
            resolution: '端口改回 514/UDP',
            prevention: '升级后核对转发配置',
          },
        },
      ],
      new Date(at('10:01')),
    );
    const a = await createArticleFromFault(f.id);
    expect(a).toMatchObject({
      title: '堡垒机审计日志无法转发到 SIEM 平台',
      family: 'pam',
      systemId: 'sys-1',
      cause: '升级后 Syslog 端口恢复出厂值',
      faultIds: [f.id],
      tags: ['齐治科技'],
      version: 1,
    });
    expect(a.symptoms).toBe('堡垒机审计日志无法转发到 SIEM 平台\nSyslog 转发中断，SIEM 无堡垒机日志');
    expect(a.steps).toHaveLength(3);
    expect(a.steps[0]).toContain('目标端口被改为 5140');
    expect(a.steps[0]).toContain('确认 SIEM 监听 514/UDP');
    expect(a.steps[1]).toContain('端口改回 514/UDP');
    expect(a.steps[2]).toContain('升级后核对转发配置');
    expect((await versions(a.id))[0].note).toBe('from-fault');
  });
});
