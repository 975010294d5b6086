import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DELETED, materialize } from '@shared/sync/merge';
import { OnsiteDb } from './db';
import { deleteRecord, saveRecord, setActor, setDb, writeTx } from './index';
import { skipCapture } from './sync-capture';

async function fresh(device = 'B'): Promise<OnsiteDb> {
  const db = new OnsiteDb(`capture-${crypto.randomUUID()}`);
  await db.open();
  await db.settings.put({ key: 'site', deviceCode: device } as never);
  setDb(db);
  setActor('m1');
  return db;
}

const system = { id: 's1', name: '核心交易', family: 'server', vendor: 'HP', notes: '' };

describe('sync capture: every write of a synced table becomes a field-level change', () => {
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

  it('writing the same values again records nothing', async () => {
    const db = await fresh();
    await writeTx(['systems'], async (d) =>
      d.systems.put({ ...system, createdAt: 'x', updatedAt: 'y', updatedBy: 'z' } as never),
    );
    await writeTx(['systems'], async (d) =>
      d.systems.put({ ...system, createdAt: 'x', updatedAt: 'y', updatedBy: 'z' } as never),
    );
    expect(await db.syncChanges.count()).toBe(1);
  });

  it('a delete is a tombstone that has seen every head of the record', async () => {
    const db = await fresh();
    await saveRecord('systems', system as never, 'create');
    await deleteRecord('systems', 's1', 'gone');
    const changes = await db.syncChanges.orderBy('[device+seq]').toArray();
    expect(changes[1].fields).toEqual({ [DELETED]: { value: true, parents: [changes[0].id] } });
    expect(materialize(changes).value).toBeNull();
  });

  it('clear() and where().delete() are tombstones too, one per record', async () => {
    const db = await fresh();
    await saveRecord('systems', system as never, 'a');
    await saveRecord('systems', { ...system, id: 's2' } as never, 'b');
    await writeTx(['systems'], async (d) => d.systems.clear());
    const tombs = (await db.syncChanges.toArray()).filter((c) => DELETED in c.fields).map((c) => c.recordId);
    expect(tombs.sort()).toEqual(['s1', 's2']);
  });

  it('a rolled-back transaction leaves no change and no clock advance', async () => {
    const db = await fresh();
    await saveRecord('systems', system as never, 'create');
    const before = await db.syncState.get('self');
    await expect(
      writeTx(['systems'], async (d) => {
        await d.systems.put({ ...system, name: '改', createdAt: 'x', updatedAt: 'y', updatedBy: 'z' } as never);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.syncChanges.count()).toBe(1);
    expect(await db.syncState.get('self')).toEqual(before);
  });

  it('tables that do not travel (settings, audit log, fault projections) and uncaptured transactions record nothing', async () => {
    const db = await fresh();
    await writeTx(['meta', 'faults'], async (d) => {
      await d.meta.put({ key: 'x', value: 1 });
    });
    await writeTx(['systems'], async (d) => {
      skipCapture();
      await d.systems.put({ ...system, createdAt: 'x', updatedAt: 'y', updatedBy: 'z' } as never);
    });
    expect(await db.auditLog.count()).toBe(0);
    expect(await db.syncChanges.count()).toBe(0);
  });

  it('bytes travel as base64, attachment data by its content hash', async () => {
    const db = await fresh();
    const data = new Uint8Array([1, 2, 3]);
    await writeTx(['attachments'], async (d) =>
      d.attachments.put({
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
      } as never),
    );
    const [c] = await db.syncChanges.toArray();
    expect(c.fields.data.value).toEqual({ $blob: 'ab'.repeat(32) });
    expect(Dexie.currentTransaction).toBeNull();
  });
});
