import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, OnsiteDb, setPreUpgradeHook } from '../../db/db';
import { platform } from '../../platform';
import { decodeBackup } from './format-decode';
import { installPreUpgradeBackup } from './pre-upgrade';
import { seedSite } from '../../db/test/fresh-db';

afterEach(() => setPreUpgradeHook(null));

describe('backup before a schema upgrade', () => {
  it('writes a verified backup of the old database, at its old schema, before upgrading it', async () => {
    const name = `pre-upgrade-${crypto.randomUUID()}`;
    const old = new OnsiteDb(name, 1);
    await old.open();
    await seedSite(old, {
      deviceCode: 'B',
      currentUserId: 'm1',
      providerName: '上海承沪信息科技有限公司',
      clientName: '申江证券',
      updatedAt: '2026-01-05T08:00:00.000Z',
      updatedBy: 'm1',
    });
    await old.team.add({
      id: 'm1',
      name: '李喆',
      role: 'engineer',
      phone: '139',
      email: '',
      active: true,
      createdAt: '2026-01-05T08:00:00.000Z',
      updatedAt: '2026-01-05T08:00:00.000Z',
      updatedBy: 'm1',
    });
    old.close();

    installPreUpgradeBackup();
    const before = new Set((await platform.backupList()).map((b) => b.name));
    const state = await openDatabase(name);
    expect(state.kind).toBe('ok');

    const made = (await platform.backupList()).filter((b) => !before.has(b.name));
    expect(made).toHaveLength(1);
    expect(made[0].name).toMatch(/-B-pre-upgrade\.odbk$/);
    const decoded = await decodeBackup((await platform.backupRead({ name: made[0].name })).data);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.errors));
    expect(decoded.backup.manifest).toMatchObject({ schemaVersion: 1, reason: 'pre-upgrade', deviceCode: 'B' });
    expect(decoded.backup.manifest.tables.map((t) => t.name)).toEqual([
      'auditLog',
      'contacts',
      'meta',
      'settings',
      'systems',
      'team',
    ]);
    expect(decoded.backup.tables.get('team')).toMatchObject([{ id: 'm1', name: '李喆' }]);
  });
});
