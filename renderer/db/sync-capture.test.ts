import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DELETED, materialize } from '@shared/sync/merge';
import type { OnsiteDb } from './db';
import { deleteRecord, saveRecord, writeTx } from './index';
import { freshTestDb, type TestDb } from './test/fresh-db';
import { NoDeviceCodeError } from './sync-capture';
import { selfDevice } from './sync-store';

let t: TestDb | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function fresh(device = 'B'): Promise<OnsiteDb> {
  t = await freshTestDb({ actor: 'm1' });
  await t.db.settings.put({ key: 'site', deviceCode: device } as never);
  return t.db;
}

const system = { id: 's1', name: '核心交易', family: 'server', vendor: 'HP', notes: '' };
const stamped = { ...system, createdAt: 'x', updatedAt: 'y', updatedBy: 'z' };

describe('sync capture: every write of a synced table through the writer becomes a field-level change', () => {
  it('a new record: every field; an edit: exactly the changed fields (and the bookkeeping stamps)', async () => {
    const db = await fresh();
    await saveRecord('systems', system as never, 'create');
    await saveRecord('systems', { ...system, name: '核心交易 2' } as never, 'rename');
    const changes = await db.syncChanges.orderBy('[device+seq]').toArray();
    expect(changes.map((c) => [c.device, c.seq, c.table, c.recordId, c.actor])).toEqual([
      ['B', 1, 'systems', 's1', 'm1'],
      ['B', 2, 'systems', 's1', 'm1'],
    ]);
    expect(Object.keys(changes[0].fields).sort()).toEqual(Object.keys((await db.systems.get('s1'))!).sort());
    expect(Object.keys(changes[1].fields).sort()).toEqual(['name', 'updatedAt']);
    expect(changes[1].fields.name).toEqual({ value: '核心交易 2', parents: [changes[0].id] });
    expect(changes[0].id < changes[1].id).toBe(true);
    const self = await db.syncState.get('self');
    expect(self).toMatchObject({ vv: { B: 2 }, clock: changes[1].id });
    // The materialised log is the stored row.
    expect(materialize(changes).value).toEqual(await db.systems.get('s1'));
  });

  it('update() records the merged fields that changed', async () => {
    const db = await fresh();
    await writeTx(['systems'], async (_d, w) => {
      await w.put('systems', stamped as never, 'create');
      await w.update('systems', 's1', { vendor: 'Dell' } as never, 'vendor');
    });
    const changes = await db.syncChanges.orderBy('[device+seq]').toArray();
    expect(changes.map((c) => Object.keys(c.fields))).toEqual([Object.keys(stamped), ['vendor']]);
    expect(materialize(changes).value).toEqual(await db.systems.get('s1'));
  });

  it('writing the same values again records nothing', async () => {
    const db = await fresh();
    await writeTx(['systems'], async (_d, w) => w.put('systems', stamped as never, 'create'));
    await writeTx(['systems'], async (_d, w) => w.put('systems', stamped as never, 'again'));
    expect(await db.syncChanges.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(2);
  });

  it('a delete is a tombstone that has seen every head of the record', async () => {
    const db = await fresh();
    await saveRecord('systems', system as never, 'create');
    await deleteRecord('systems', 's1', 'gone');
    const changes = await db.syncChanges.orderBy('[device+seq]').toArray();
    expect(changes[1].fields).toEqual({ [DELETED]: { value: true, parents: [changes[0].id] } });
    expect(materialize(changes).value).toBeNull();
  });

  it('bulkDelete is a tombstone per record; a record made again after its delete undoes the tombstone', async () => {
    const db = await fresh();
    await saveRecord('systems', system as never, 'a');
    await saveRecord('systems', { ...system, id: 's2' } as never, 'b');
    await writeTx(['systems'], async (_d, w) => w.bulkDelete('systems', ['s1', 's2'], 'gone'));
    const tombs = (await db.syncChanges.toArray()).filter((c) => DELETED in c.fields).map((c) => c.recordId);
    expect(tombs.sort()).toEqual(['s1', 's2']);
    await writeTx(['systems'], async (_d, w) => w.add('systems', { ...stamped, id: 's1' } as never, 'again'));
    const s1 = await db.syncChanges.where('[table+recordId]').equals(['systems', 's1']).sortBy('seq');
    // The undo has seen every head of the record, the tombstone included.
    expect(s1.at(-1)!.fields[DELETED]).toEqual({ value: false, parents: expect.arrayContaining([s1[1].id]) });
    expect(materialize(s1).value).toEqual(await db.systems.get('s1'));
  });

  it('a rolled-back transaction leaves no change and no clock advance', async () => {
    const db = await fresh();
    await saveRecord('systems', system as never, 'create');
    const before = await db.syncState.get('self');
    await expect(
      writeTx(['systems'], async (_d, w) => {
        await w.put('systems', { ...stamped, name: '改' } as never, 'edit');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.syncChanges.count()).toBe(1);
    expect(await db.syncState.get('self')).toEqual(before);
  });

  it('a write with no device code is refused, not recorded under a guessed one', async () => {
    t = await freshTestDb({ actor: 'm1' });
    const db = t.db;
    // Before setup: no site row at all.
    await expect(saveRecord('systems', system as never, 'create')).rejects.toBeInstanceOf(NoDeviceCodeError);
    // A site row whose code holds nothing a change can carry.
    await db.settings.put({ key: 'site', deviceCode: '-' } as never);
    const refused = await saveRecord('systems', system as never, 'create').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NoDeviceCodeError);
    expect(refused).toMatchObject({ code: 'no-device-code', messageKey: 'errors.noDeviceCode', table: 'systems' });
    // Nothing of the refused writes remains: no row, no change, no clock, no audit entry.
    expect(await db.systems.count()).toBe(0);
    expect(await db.syncChanges.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
    await expect(selfDevice(db)).rejects.toBeInstanceOf(NoDeviceCodeError);
    // Writes of tables that do not travel still work before setup (the site row itself, by setup).
    await writeTx(['settings'], async (_d, w) => {
      await w.put('settings', { key: 'site', deviceCode: 'C' } as never, 'site');
    });
    await saveRecord('systems', system as never, 'create');
    expect((await db.syncChanges.toArray()).map((c) => c.device)).toEqual(['C']);
  });

  it('tables that do not travel (settings, fault projections, audit log) and direct writes record nothing', async () => {
    const db = await fresh();
    await writeTx(['meta', 'faults', 'settings'], async (d, w) => {
      await d.meta.put({ key: 'x', value: 1 });
      await w.put('settings', { key: 'site', deviceCode: 'B', clientName: 'x' } as never, 'site');
      await w.put('faults', { id: 'f1', number: 'GZ-1' } as never, 'fault');
      await w.log('backup', 'b1', 'import', 'imported');
    });
    // As restore and an upgrade do: written directly, not through the writer.
    await writeTx(['systems'], async (d) => {
      await d.systems.put(stamped as never);
    });
    expect(await db.auditLog.count()).toBe(3);
    expect(await db.syncChanges.count()).toBe(0);
  });

  it('bytes travel as base64, attachment data by its content hash', async () => {
    const db = await fresh();
    const data = new Uint8Array([1, 2, 3]);
    await writeTx(['attachments'], async (_d, w) =>
      w.put(
        'attachments',
        {
          id: 'a1',
          ownerType: 'fault',
          ownerId: 'f1',
          name: 'x.png',
          mime: 'image/png',
          size: 3,
          sha256: 'ab'.repeat(32),
          data,
          createdAt: 'x',
          updatedAt: 'y',
          updatedBy: 'z',
        } as never,
        'attach',
      ),
    );
    const [c] = await db.syncChanges.toArray();
    expect(c.fields.data.value).toEqual({ $blob: 'ab'.repeat(32) });
    expect(Dexie.currentTransaction).toBeNull();
  });
});
