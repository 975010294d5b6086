import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { freshTestDb, type TestDb } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { getActor } from '../../db';
import { verifyAuditChain } from '../../db/audit';
import { i18next, initAppI18n } from '../../i18n';
import { DemoRefusedError, loadDemoData } from './demo';
import { completeSetup, type SetupInput } from './setup';
import { saveSite, saveSystem } from '../../core';
import { teamKey } from '../../core/team-key';
import { setDb } from '../../db';
import { OnsiteDb as Db } from '../../db/db';
import { listConflicts, readBundle, writeBundle } from '../../db/sync-store';

let db: OnsiteDb;
let testDb: TestDb;
beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'system' });
  db = testDb.db;
});
afterEach(() => testDb.close());

const input = (): SetupInput => ({
  deviceCode: 'B',
  providerName: '上海承沪信息科技有限公司',
  team: [
    { name: '周海峰', role: 'pm', phone: '138 1762 4409' },
    { name: '李喆', role: 'engineer', phone: '' },
    { name: '王堃', role: 'engineer', phone: '' },
  ],
  meIndex: 2,
  clientName: '申江证券股份有限公司',
  clientAddress: '上海市浦东新区',
  projectName: '',
  maintenance: { name: '陈镕', department: '系统运维组', phone: '021-6888 1201', email: 'chenrong@example.cn' },
});

describe('first-run setup', () => {
  it('writes the site, the roster and the signer together, as this laptop user', async () => {
    await completeSetup(input());
    const site = await db.settings.get('site');
    const me = await db.team.get(site!.currentUserId);
    expect(site).toMatchObject({
      setupComplete: true,
      deviceCode: 'B',
      clientName: '申江证券股份有限公司',
      isDemo: false,
    });
    expect(me?.name).toBe('王堃');
    expect(getActor()).toBe(me!.id);
    expect(await db.team.count()).toBe(3);
    expect((await db.contacts.toArray())[0]).toMatchObject({
      name: '陈镕',
      isMaintenanceEngineer: true,
      kind: 'client',
    });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("captures the roster's sync changes as this laptop's (device B), never as laptop A's", async () => {
    await completeSetup(input());
    const changes = await db.syncChanges.toArray();
    expect(changes.filter((c) => c.table === 'team')).toHaveLength(3);
    expect(changes.length).toBeGreaterThan(0);
    expect([...new Set(changes.map((c) => c.device))]).toEqual(['B']);
    expect(changes.map((c) => c.seq).sort((a, b) => a - b)).toEqual(changes.map((_c, i) => i + 1));
  });

  it('the roster typed at the setup of each laptop is one roster after sync, not a copy per laptop', async () => {
    // Laptop B (this test's database) and laptop C, same team key, the same three people typed.
    await completeSetup(input());
    const c = new Db(`setup-c-${crypto.randomUUID()}`);
    await c.open();
    try {
      setDb(c);
      await completeSetup({ ...input(), deviceCode: 'C', meIndex: 1, team: input().team.map((m) => ({ ...m })) });
      const key = teamKey()!;
      const project = () => {
        throw new Error('no fault events here');
      };
      const t = Date.now();
      const fromC = await writeBundle(key, undefined, t);
      setDb(db);
      const fromB = await writeBundle(key, undefined, t);
      expect(await readBundle(fromC.bytes, key, project, t + 1000)).toMatchObject({ ok: true });
      setDb(c);
      expect(await readBundle(fromB.bytes, key, project, t + 1000)).toMatchObject({ ok: true });
      for (const d of [db, c]) {
        expect((await d.team.toArray()).map((m) => m.name).sort()).toEqual(['周海峰', '李喆', '王堃'].sort());
        expect(await d.contacts.count()).toBe(1);
        expect((await listConflicts(d)).map((x) => `${x.table}.${x.field}`)).toEqual([]);
      }
    } finally {
      c.close();
      setDb(db);
    }
  });

  it('refuses a bad device code and leaves the database empty', async () => {
    await expect(completeSetup({ ...input(), deviceCode: 'b!' })).rejects.toBeInstanceOf(ZodError);
    expect(await db.settings.count()).toBe(0);
    expect(await db.team.count()).toBe(0);
  });
});

describe('demo data', () => {
  it('loads a dozen systems across the five families into an empty database', async () => {
    // Feature seeders write localized demo text through the app's i18next instance.
    if (!i18next.isInitialized) await initAppI18n();
    await loadDemoData(db, new Date('2026-11-20T09:00:00+08:00'));
    const systems = await db.systems.toArray();
    expect(systems.length).toBeGreaterThanOrEqual(12);
    expect(new Set(systems.map((s) => s.family))).toEqual(
      new Set(['virtualization', 'private-cloud', 'pam', 'security', 'backup-dr']),
    );
    expect((await db.settings.get('site'))?.isDemo).toBe(true);
  }, 60_000);

  it('completes setup only once every list is written; the report follows in the background', async () => {
    if (!i18next.isInitialized) await initAppI18n();
    const seen: (boolean | undefined)[] = [];
    // Watch the site row as the demo writes it: present from the first write, complete only at the end.
    const watch = (_pk: unknown, obj: { key?: string; setupComplete?: boolean }) => {
      if (obj.key === 'site') seen.push(obj.setupComplete);
    };
    db.settings.hook('creating', watch);
    db.settings.hook('updating', (mods, _pk, obj) => {
      watch(_pk, { ...(obj as object), ...(mods as object) });
    });
    const { finished } = await loadDemoData(db, new Date('2026-11-20T09:00:00+08:00'), { inBackground: true });
    expect(seen[0]).toBe(false);
    expect(seen.at(-1)).toBe(true);
    expect(await db.faults.count()).toBeGreaterThan(0);
    expect(await db.inspections.count()).toBeGreaterThan(0);
    // Every change was captured under the demo's device code, none under a guess.
    const devices = new Set((await db.syncChanges.toArray()).map((c) => c.device));
    expect([...devices]).toEqual([(await db.settings.get('site'))!.deviceCode]);
    await finished;
    expect((await db.reports.toArray()).map((r) => r.type)).toContain('inspection');
  }, 60_000);

  it('never mixes into a database that holds real records', async () => {
    await completeSetup(input());
    await saveSystem({
      name: '核心交易防火墙',
      family: 'security',
      vendor: '华为',
      model: '',
      version: '',
      location: '',
      active: true,
    });
    const before = await db.systems.count();
    await expect(loadDemoData(db)).rejects.toBeInstanceOf(DemoRefusedError);
    expect(await db.systems.count()).toBe(before);
    expect((await db.settings.get('site'))?.isDemo).toBe(false);
  });
});

describe('site settings', () => {
  it('records which fields changed in the audit log', async () => {
    await completeSetup(input());
    await saveSite({ deviceCode: 'C' });
    const last = (await db.auditLog.toArray()).at(-1)!;
    expect(last).toMatchObject({ entity: 'settings', action: 'settings' });
    expect(last.summary).toContain('deviceCode');
    await expect(saveSite({ deviceCode: 'toolong' })).rejects.toBeInstanceOf(ZodError);
    expect((await db.settings.get('site'))?.deviceCode).toBe('C');
  });
});
