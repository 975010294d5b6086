import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendAudit } from './audit';
import type { OnsiteDb } from './db';
import { WriteError, writeTx } from './index';
import { freshTestDb } from './test/fresh-db';

afterEach(() => vi.restoreAllMocks());

const at = '2026-11-25T08:00:00.000Z';
const system = {
  id: 's1',
  name: '生产虚拟化集群',
  family: 'virtualization',
  vendor: 'VMware',
  model: '',
  version: '8.0',
  location: '',
  active: true,
  createdAt: at,
  updatedAt: at,
  updatedBy: 'u',
};
const contact = {
  id: 'c1',
  kind: 'vendor',
  name: 'VMware 技术支持',
  company: '',
  department: '',
  title: '',
  phone: '',
  email: '',
  products: [],
  isMaintenanceEngineer: false,
  createdAt: at,
  updatedAt: at,
  updatedBy: 'u',
};

async function fresh(): Promise<OnsiteDb> {
  return (await freshTestDb({ actor: 'u' })).db;
}

/** Makes IndexedDB's put/add throw a QuotaExceededError on one object store, as a full disk does. */
function quotaOn(storeName: string) {
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: [unknown, IDBValidKey?]
    ) {
      if (this.name === storeName) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
  }
}

describe('a full disk during a write', () => {
  it('leaves no partial record across two tables and the audit log, and says "disk full"', async () => {
    const db = await fresh();
    quotaOn('contacts');
    const err = await writeTx(['systems', 'contacts'], async (d) => {
      await d.systems.put(system as never);
      await appendAudit(d, { actor: 'u', entity: 'systems', entityId: 's1', action: 'create', summary: 'system' });
      await d.contacts.put(contact as never);
      await appendAudit(d, { actor: 'u', entity: 'contacts', entityId: 'c1', action: 'create', summary: 'contact' });
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteError);
    expect(err).toMatchObject({ code: 'disk-full', messageKey: 'errors.diskFull' });
    vi.restoreAllMocks();
    expect(await db.systems.count()).toBe(0);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('keeps what was stored before, untouched', async () => {
    const db = await fresh();
    await writeTx(['systems'], async (d) => {
      await d.systems.put(system as never);
      await appendAudit(d, { actor: 'u', entity: 'systems', entityId: 's1', action: 'create', summary: 'system' });
    });
    quotaOn('auditLog');
    await expect(
      writeTx(['systems'], async (d) => {
        await d.systems.put({ ...system, name: '改名' } as never);
        await appendAudit(d, { actor: 'u', entity: 'systems', entityId: 's1', action: 'update', summary: 'rename' });
      }),
    ).rejects.toMatchObject({ code: 'disk-full' });
    vi.restoreAllMocks();
    expect((await db.systems.get('s1'))?.name).toBe('生产虚拟化集群');
    expect(await db.auditLog.count()).toBe(1);
  });
});
