import { schemaVersion } from '../../db/migrations';
import { describe, expect, it } from 'vitest';
import { stamp } from '../../db';
import { encodeBackup } from './format-encode';
import type { BackupInfo, SnapshotTable } from './format-types';
import { exportSnapshot } from './snapshot';
import { freshDb, seedCore, seedRealistic } from './test-kit/db';
import { validateBackup } from './validate';

const info: BackupInfo = {
  appVersion: '0.1.0',
  schemaVersion,
  createdAt: '2026-11-25T15:10:00.000Z',
  deviceCode: 'A',
  reason: 'manual',
};

async function seededSnapshot(): Promise<SnapshotTable[]> {
  const db = await freshDb();
  await seedCore(db);
  return exportSnapshot(db);
}

function edit(tables: SnapshotTable[], name: string, fn: (rows: unknown[]) => unknown[]): SnapshotTable[] {
  return tables.map((t) => (t.name === name ? { ...t, rows: fn(structuredClone(t.rows)) } : t));
}

const validateTables = async (tables: SnapshotTable[], i: Partial<BackupInfo> = {}) =>
  validateBackup(await encodeBackup(tables, { ...info, ...i }));

describe('validateBackup', () => {
  // The demo site with every feature's demo seeder: their rows must pass their own schemas.
  it('accepts a backup of the whole demo site and says what it holds', { timeout: 120_000 }, async () => {
    const db = await freshDb();
    await seedRealistic(db);
    const result = await validateTables(await exportSnapshot(db));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.plan.counts.systems).toBe(12);
    expect(result.plan.counts.attachments).toBeGreaterThanOrEqual(2);
    expect(result.plan.counts.faults).toBeGreaterThanOrEqual(1);
    expect(result.plan.warnings).toEqual([]);
    expect(result.plan.manifest.deviceCode).toBe('A');
  });

  it('refuses a backup made by a newer app, with the versions', async () => {
    const result = await validateTables(await seededSnapshot(), {
      schemaVersion: schemaVersion + 1,
      appVersion: '2.0.0',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          key: 'errors.newerSchema',
          params: { version: schemaVersion + 1, current: schemaVersion, appVersion: '2.0.0' },
        },
      ],
    });
  });

  it('refuses unknown fields (strict schemas), bad values and unknown tables', async () => {
    let tables = await seededSnapshot();
    tables = edit(tables, 'systems', (rows) => [{ ...(rows[0] as object), rootPassword: 'x' }, ...rows.slice(1)]);
    tables = edit(tables, 'team', (rows) => [{ ...(rows[0] as object), role: 'boss' }, ...rows.slice(1)]);
    const result = await validateTables(tables);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        key: 'errors.unknownField',
        params: expect.objectContaining({ table: 'systems', fields: 'rootPassword' }),
      }),
    );
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        key: 'errors.invalidField',
        params: expect.objectContaining({ table: 'team', field: 'role' }),
      }),
    );

    const extra = [...(await seededSnapshot()), { name: 'secrets', primKey: 'id', rows: [] }];
    expect(await validateTables(extra)).toMatchObject({
      ok: false,
      errors: [{ key: 'errors.unknownTable', params: { table: 'secrets' } }],
    });
    const missing = (await seededSnapshot()).filter((t) => t.name !== 'faults');
    expect(await validateTables(missing)).toMatchObject({
      ok: false,
      errors: [{ key: 'errors.missingTable', params: { table: 'faults' } }],
    });
  });

  it('checks a table without a schema for its key and record fields', async () => {
    const tables = edit(await seededSnapshot(), 'roster', () => [
      { id: 'x', createdAt: 'yesterday', updatedAt: '2026-11-25T08:00:00.000Z' },
      { date: '2026-11-25' },
    ]);
    const result = await validateTables(tables);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ key: 'errors.missingKey', params: { table: 'roster', id: '#2' } });
  });

  it('refuses duplicate keys and broken references between records', async () => {
    const dup = edit(await seededSnapshot(), 'contacts', (rows) => [...rows, rows[0]]);
    expect(await validateTables(dup)).toMatchObject({
      ok: false,
      errors: [{ key: 'errors.duplicateRecord', params: { table: 'contacts' } }],
    });

    let tables = await seededSnapshot();
    const pdfId = (tables.find((t) => t.name === 'reports')!.rows[0] as { pdfAttachmentId: string }).pdfAttachmentId;
    tables = edit(tables, 'attachments', (rows) => rows.filter((r) => (r as { id: string }).id !== pdfId));
    tables = edit(tables, 'faultEvents', (rows) => [
      ...rows,
      stamp({ faultId: 'gone', seq: 0, at: '2026-11-20T01:30:00.000Z', type: 'reported' }),
    ]);
    const result = await validateTables(tables);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        key: 'errors.reference',
        params: expect.objectContaining({ table: 'reports', field: 'pdfAttachmentId', target: 'attachments' }),
      }),
    );
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        key: 'errors.reference',
        params: expect.objectContaining({ table: 'faultEvents', field: 'faultId', value: 'gone' }),
      }),
    );
  });

  it('warns (without refusing) about a broken audit chain and an attachment whose bytes changed since capture', async () => {
    let tables = edit(await seededSnapshot(), 'auditLog', (rows) =>
      rows.map((r, i) => (i === 1 ? { ...(r as object), summary: 'rewritten' } : r)),
    );
    tables = edit(tables, 'attachments', (rows) =>
      rows.map((r, i) => (i === 0 ? { ...(r as object), sha256: 'f'.repeat(64) } : r)),
    );
    const result = await validateTables(tables);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.warnings).toContainEqual({ key: 'warnings.chainBroken', params: { seq: 1 } });
    expect(result.plan.warnings.map((w) => w.key)).toContain('warnings.attachmentHash');
  });

  it('upgrades a backup of an older schema with the app migrations', async () => {
    const v1 = await freshDb(1);
    await v1.team.add(stamp({ name: '周海峰', role: 'pm', phone: '138', email: '', active: true }) as never);
    const result = await validateBackup(await encodeBackup(await exportSnapshot(v1), { ...info, schemaVersion: 1 }));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.plan.counts.team).toBe(1);
    expect(result.plan.counts.faults).toBe(0);
    expect([...result.plan.tables.keys()]).toContain('attachments');
  });
});
