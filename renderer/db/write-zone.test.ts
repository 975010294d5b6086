import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTx } from './index';
import { freshTestDb, seedSite, type TestDb } from './test/fresh-db';

let t: TestDb | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** Inside the transaction: it is still the current one after every await. */
const inTx = () => expect(Dexie.currentTransaction, 'Dexie.currentTransaction').not.toBeNull();

/**
 * Every writer call is a native async function (a write, its audit entry, for a synced table its
 * sync change); the statement after `await w.…` must still run in the transaction, else Dexie sees
 * no current transaction and the next write fails with PrematureCommitError (WriteError
 * 'errors.writeFailed'). This holds because `writeTx`'s scope is itself an async function.
 */
describe('writer: captured writes and audit appends keep the transaction', () => {
  it('a synced write followed by another audited write commits both', async () => {
    t = await freshTestDb();
    await seedSite(t.db);
    await writeTx(['settings', 'team'], async (_db, w) => {
      await w.put('team', { id: 'x1', name: 'a' } as never, 's');
      inTx();
      await w.put('settings', { key: 'site', deviceCode: 'A' } as never, 's');
      inTx();
    });
    expect(await t.db.team.get('x1')).toMatchObject({ name: 'a' });
    expect(await t.db.settings.get('site')).toMatchObject({ deviceCode: 'A' });
    expect(await t.db.auditLog.count()).toBe(2);
    expect((await t.db.syncChanges.toArray()).map((c) => [c.table, c.recordId])).toEqual([['team', 'x1']]);
  });

  it('an audit entry followed by synced writes commits them all', async () => {
    t = await freshTestDb();
    await seedSite(t.db);
    await writeTx(['team'], async (_db, w) => {
      await w.log('backup', 'b1', 'import', 'imported');
      inTx();
      await w.put('team', { id: 'x1', name: 'a' } as never, 's');
      inTx();
      await w.update('team', 'x1', { name: 'b' } as never, 's');
      inTx();
      await w.delete('team', 'x1', 's');
      inTx();
    });
    expect(await t.db.team.get('x1')).toBeUndefined();
    expect(await t.db.auditLog.count()).toBe(4);
    expect((await t.db.syncChanges.orderBy('[device+seq]').toArray()).map((c) => c.seq)).toEqual([1, 2, 3]);
  });
});
