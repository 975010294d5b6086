import { schemaVersion } from '../../db/migrations';
import Dexie from 'dexie';
import fc from 'fast-check';
import { fcRuns } from '@shared/util/fc-runs';
import { describe, expect, it } from 'vitest';
import { contactSchema, systemFamilies } from '@shared/schemas/core';
import { verifyAuditChain } from '../../db/audit';
import { verifyAudit } from '../../db/audit-seal';
import { teamKey } from '../../core/team-key';
import { OnsiteDb } from '../../db/db';
import { setDb, WriteError } from '../../db';
import { encodeBackup } from './format-encode';
import { minIterations, type BackupInfo } from './format-types';
import { applyRestore } from './restore';
import { exportSnapshot } from './snapshot';
import { attachmentRow, bytes, dump, freshDb, seedCore, seedRealistic } from './test-kit/db';
import { validateBackup, type RestorePlan } from './validate';

const info: BackupInfo = {
  appVersion: '0.1.0',
  schemaVersion,
  createdAt: '2026-11-25T15:10:00.000Z',
  deviceCode: 'A',
  reason: 'manual',
};

/**
 * Everything but what a restore adds on purpose: its own audit entry, the entries keying the
 * restored chain (renderer/db/audit-seal.ts), the seal and this laptop's bookkeeping.
 */
function comparable(d: Record<string, unknown>, keepEntries?: number) {
  const meta = (d.meta as Array<{ key: string }>).filter(
    (r) => r.key !== 'schemaVersion' && r.key !== 'audit.seal' && !r.key.startsWith('backup.'),
  );
  const audit = d.auditLog as unknown[];
  return { ...d, meta, auditLog: keepEntries === undefined ? audit : audit.slice(0, keepEntries) };
}

async function wipe(db: OnsiteDb): Promise<OnsiteDb> {
  db.close();
  await Dexie.delete(db.name);
  const fresh = new OnsiteDb(db.name);
  await fresh.open();
  setDb(fresh);
  return fresh;
}

async function planOf(db: OnsiteDb, password?: string): Promise<RestorePlan> {
  const file = await encodeBackup(await exportSnapshot(db), info, {
    password,
    iterations: password ? minIterations : undefined,
  });
  const result = await validateBackup(file, { password });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

describe('restore drill: seed → back up → wipe → restore → deep-equal', () => {
  it.each([
    ['the whole demo site, plain', undefined, seedRealistic],
    ['an encrypted backup', 'S3cret-驻场', seedCore],
  ] as const)('%s: attachments and signature images included', { timeout: 120_000 }, async (_label, password, seed) => {
    let db = await freshDb();
    await seed(db);
    const before = await dump(db);
    const headBefore = (await db.auditLog.orderBy('seq').last())!;
    const plan = await planOf(db, password);

    db = await wipe(db);
    expect(await db.systems.count()).toBe(0);
    await applyRestore(db, plan, { name: 'drill.odbk', preRestoreName: 'pre.odbk' });

    const after = await dump(db);
    expect(comparable(after, headBefore.seq + 1)).toEqual(comparable(before));
    // The change log is the backup's: the restore's own writes are not captured as sync changes.
    expect((before.syncChanges as unknown[]).length).toBeGreaterThan(0);
    expect(after.syncChanges).toEqual(before.syncChanges);
    expect(after.syncState).toEqual(before.syncState);
    const att = await db.attachments.toArray();
    expect(att.map((a: { data: Uint8Array }) => a.data.length)).toEqual(expect.arrayContaining([3000, 5000]));
    const report = (await db.reports.get('r-1')) as { signatures: Array<{ image: string }> };
    expect(report.signatures[0].image).toMatch(/^data:image\/png;base64,/);
    // The restored chain continues with the restore entry, is keyed, and verifies with the seal.
    const last = (await db.auditLog.get(headBefore.seq + 1))!;
    expect(last).toMatchObject({
      action: 'restore',
      seq: headBefore.seq + 1,
      prevHash: headBefore.hash,
      entityId: 'drill.odbk',
    });
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect((await db.auditLog.orderBy('seq').last())?.action).toBe('audit-keyed');
    expect(await verifyAudit(db, { key: teamKey() })).toMatchObject({ ok: true, records: { problems: [] } });
    expect((await db.meta.get('backup.lastRestore'))?.value).toMatchObject({
      source: 'drill.odbk',
      preRestoreName: 'pre.odbk',
    });
  });

  it('keeps this laptop’s backup bookkeeping and password out of the backup and through the restore', async () => {
    const db = await freshDb();
    await seedCore(db);
    await db.meta.put({ key: 'backup.settings', value: { encrypt: true, password: 'local-only' } });
    const file = await encodeBackup(await exportSnapshot(db), info);
    expect(new TextDecoder().decode(file)).not.toContain('local-only');
    const result = await validateBackup(file);
    if (!result.ok) throw new Error('invalid');
    await db.meta.put({ key: 'backup.settings', value: { encrypt: true, password: 'changed-since' } });
    await applyRestore(db, result.plan, { name: 'x.odbk' });
    expect((await db.meta.get('backup.settings'))?.value).toEqual({ encrypt: true, password: 'changed-since' });
  });

  it('a restore that fails while writing leaves the database exactly as it was', async () => {
    const db = await freshDb();
    await seedCore(db);
    const before = await dump(db);
    const plan = await planOf(db);
    // Two faults with the same number pass no validation, but here the plan is forged to reach
    // the transaction: the unique index aborts it half-way, after every table was cleared.
    const faults = [
      { id: 'f1', number: 'GZ-1', createdAt: info.createdAt, updatedAt: info.createdAt, updatedBy: 'x' },
      { id: 'f2', number: 'GZ-1', createdAt: info.createdAt, updatedAt: info.createdAt, updatedBy: 'x' },
    ];
    const forged: RestorePlan = { ...plan, tables: new Map([...plan.tables, ['faults', faults]]) };
    await expect(applyRestore(db, forged, { name: 'forged.odbk' })).rejects.toBeInstanceOf(WriteError);
    expect(await dump(db)).toEqual(before);
  });

  it('validation refuses duplicate values of a unique index before any write', async () => {
    const db = await freshDb();
    const f = (id: string) => ({
      id,
      number: 'GZ-202611-A-001',
      createdAt: info.createdAt,
      updatedAt: info.createdAt,
      updatedBy: 'x',
    });
    await db.faults.add(f('f1') as never);
    const tables = (await exportSnapshot(db)).map((t) =>
      t.name === 'faults' ? { ...t, rows: [f('f1'), f('f2')] } : t,
    );
    const result = await validateBackup(await encodeBackup(tables, info));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({
      key: 'errors.duplicateValue',
      params: { table: 'faults', field: 'number', value: 'GZ-202611-A-001' },
    });
  });
});

const iso = fc
  .integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-12-31') })
  .map((n) => new Date(n).toISOString());
const text = (max: number) =>
  fc
    .string({ maxLength: max, unit: fc.constantFrom('a', 'Z', '驻', '场', ' ', '"', '\\', '—', '7', '\n') })
    .map((s) => s.trim());
const base = { id: fc.uuid(), createdAt: iso, updatedAt: iso, updatedBy: fc.constantFrom('system', 'u1') };
const systemArb = fc.record({
  ...base,
  name: text(80).filter((s) => s.length > 0),
  family: fc.constantFrom(...systemFamilies),
  vendor: text(60),
  model: text(60),
  version: text(40),
  location: text(80),
  notes: fc.option(text(200), { nil: undefined }),
  active: fc.boolean(),
});
const contactArb = fc.record({
  ...base,
  kind: fc.constantFrom('client', 'expert', 'vendor'),
  name: text(60).filter((s) => s.length > 0),
  company: text(80),
  department: text(60),
  title: text(60),
  phone: fc.constantFrom('', '021-6888 1201', '+86 138 0000 0000'),
  email: fc.constantFrom('', 'a@b.cn'),
  products: fc.array(text(60), { maxLength: 4 }),
  isMaintenanceEngineer: fc.boolean(),
});
const blobArb = fc.uint8Array({ minLength: 0, maxLength: 3000 });

describe('property: back up → restore is the identity', () => {
  // About 8 s a case at most on a loaded CI machine, so FC_RUNS scales the timeout as well.
  it('on generated systems, contacts and attachments', { timeout: fcRuns(15) * 8_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(systemArb, { selector: (s) => s.id, maxLength: 8 }),
        fc.uniqueArray(contactArb, { selector: (c) => c.id, maxLength: 6 }),
        fc.array(blobArb, { maxLength: 4 }),
        async (systems, contacts, blobs) => {
          contacts.forEach((c) => contactSchema.parse(c));
          const db = await freshDb();
          await db.systems.bulkAdd(systems.map((s) => JSON.parse(JSON.stringify(s))));
          await db.contacts.bulkAdd(contacts);
          await db.attachments.bulkAdd(
            blobs
              .map((b, i) => attachmentRow('system', systems[0]?.id ?? 'none', `f${i}.png`, b))
              .filter(() => systems.length > 0),
          );
          const before = await dump(db);
          const entries = (before.auditLog as unknown[]).length;
          const plan = await planOf(db);
          const target = await wipe(db);
          await applyRestore(target, plan, { name: 'p.odbk' });
          expect(comparable(await dump(target), entries)).toEqual(comparable(before));
          target.close();
        },
      ),
      { numRuns: fcRuns(15) },
    );
  });

  it('keeps bytes bit-exact whatever their content', async () => {
    const db = await freshDb();
    const data = bytes(70_000, 11);
    await db.attachments.add(attachmentRow('x', 'y', 'big.bin', data));
    const plan = await planOf(db);
    const row = plan.tables.get('attachments')![0] as { data: Uint8Array };
    expect(Array.from(row.data)).toEqual(Array.from(data));
  });
});
