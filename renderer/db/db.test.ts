import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isReadOnly, openDatabase, OnsiteDb, setPreUpgradeHook, tableNames, tableOf } from './db';
import { saveRecord, setDb, WriteError, writeTx } from './index';
import { schemaVersion } from './migrations';
import { seedSite } from './test/fresh-db';

const name = () => `db-test-${crypto.randomUUID()}`;
const member = {
  id: 'm1',
  name: '周海峰',
  role: 'pm' as const,
  phone: '138',
  email: '',
  active: true,
  createdAt: '2026-11-25T08:00:00.000Z',
  updatedAt: '2026-11-25T08:00:00.000Z',
  updatedBy: 'system',
};

async function onDisk(n: string): Promise<{ version: number; team: unknown[]; meta: unknown[] }> {
  const d = new Dexie(n);
  await d.open();
  const out = { version: d.verno, team: await tableOf(d, 'team').toArray(), meta: await tableOf(d, 'meta').toArray() };
  d.close();
  return out;
}

afterEach(() => {
  setPreUpgradeHook(null);
  vi.restoreAllMocks();
});

describe('a database newer than the app', () => {
  it('is refused when IndexedDB holds a newer version: opened read-only, never upgraded or written', async () => {
    const n = name();
    const newer = new Dexie(n);
    newer.version(schemaVersion + 1).stores({ meta: 'key', team: 'id', future: 'id' });
    await newer.open();
    await tableOf(newer, 'team').add(member);
    newer.close();

    const state = await openDatabase(n);
    expect(state).toEqual({ kind: 'newer', db: null, foundVersion: schemaVersion + 1 });
    expect(isReadOnly()).toBe(true);
    expect(await onDisk(n)).toEqual({ version: schemaVersion + 1, team: [member], meta: [] });
  });

  it('is refused when meta says a newer schema: every write fails with a read-only WriteError', async () => {
    const n = name();
    const db = new OnsiteDb(n);
    await db.open();
    await db.team.add(member as never);
    await db.meta.put({ key: 'schemaVersion', value: schemaVersion + 1 });
    db.close();

    const state = await openDatabase(n);
    expect(state.kind).toBe('newer');
    if (state.kind !== 'newer' || !state.db) throw new Error('expected the newer database, read-only');
    setDb(state.db);
    await expect(saveRecord('team', { ...member, name: '改名' }, 'x')).rejects.toMatchObject({
      code: 'read-only',
      messageKey: 'errors.readOnly',
    });
    await expect(writeTx(['team'], async (d) => d.team.clear())).rejects.toBeInstanceOf(WriteError);
    state.db.close();
    const disk = await onDisk(n);
    expect(disk.team).toEqual([member]);
    expect(disk.meta).toEqual([{ key: 'schemaVersion', value: schemaVersion + 1 }]);
    expect(await state.db.auditLog.count().catch(() => 0)).toBe(0);
  });
});

describe('durability', () => {
  it('opens with strict durability: every read-write transaction asks IndexedDB for durability "strict"', async () => {
    const seen: Array<{ mode?: string; durability?: string }> = [];
    const original = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      seen.push({ mode: args[1], durability: (args[2] as { durability?: string } | undefined)?.durability });
      return original.apply(this, args);
    });
    const state = await openDatabase(name());
    if (state.kind !== 'ok') throw new Error('open failed');
    setDb(state.db);
    await seedSite(state.db);
    await saveRecord('team', member, 'add');
    const writes = seen.filter((s) => s.mode === 'readwrite');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((s) => s.durability === 'strict')).toBe(true);
  });
});

describe('pre-upgrade hook', () => {
  async function v1WithData(n: string, withRecord: boolean) {
    const old = new OnsiteDb(n, 1);
    await old.open();
    await old.meta.put({ key: 'schemaVersion', value: 1 });
    if (withRecord) await old.team.add(member as never);
    old.close();
  }

  it('is handed the old database, still at its version and with its records, before the upgrade', async () => {
    const n = name();
    await v1WithData(n, true);
    const seen: Array<{ from: number; verno: number; team: unknown[] }> = [];
    setPreUpgradeHook(
      async (old, from) => void seen.push({ from, verno: old.verno, team: await tableOf(old, 'team').toArray() }),
    );
    const state = await openDatabase(n);
    expect(state.kind).toBe('ok');
    expect(seen).toEqual([{ from: 1, verno: 1, team: [member] }]);
    expect((await onDisk(n)).version).toBe(schemaVersion);
  });

  it('is not called for an empty old database, a current one, or a new one', async () => {
    const hook = vi.fn(async () => undefined);
    setPreUpgradeHook(hook);
    const empty = name();
    await v1WithData(empty, false);
    await openDatabase(empty);
    await openDatabase(empty); // now current
    await openDatabase(name()); // brand new
    expect(hook).not.toHaveBeenCalled();
  });

  it('stops the upgrade when it fails: the database stays at its old version', async () => {
    const n = name();
    await v1WithData(n, true);
    setPreUpgradeHook(async () => {
      throw new Error('disk full');
    });
    const state = await openDatabase(n);
    expect(state).toMatchObject({ kind: 'error', message: expect.stringContaining('disk full') });
    expect(await onDisk(n)).toMatchObject({ version: 1, team: [member] });
  });
});

describe('typed tables', () => {
  it('has one typed table for every table the migrations declare, and no other', async () => {
    const db = new OnsiteDb(name());
    await db.open();
    const declared = db.tables.map((t) => t.name).sort();
    expect([...tableNames].sort()).toEqual(declared);
    // Each typed property is the table Dexie opened under that name.
    for (const n of declared) expect((db as unknown as Record<string, { name: string }>)[n].name).toBe(n);
    db.close();
  });
});
