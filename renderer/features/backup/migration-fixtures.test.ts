import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import { OnsiteDb, openDatabase, tableOf, type TableName } from '../../db/db';
import { schemaVersion } from '../../db/migrations';
import { encodeBackup } from './format-encode';
import { exportSnapshot } from './snapshot';
import { plain } from './test-kit/db';
import { validateBackup } from './validate';

type Fixture = { schemaVersion: number; tables: Record<string, Array<Record<string, unknown>>> };
const files = import.meta.glob<Fixture>('../../../tests/fixtures/db-v*.json', { eager: true, import: 'default' });

/** `{"$bytes": base64}` back to a Uint8Array, at any depth. */
function revive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Object.keys(o).length === 1 && typeof o.$bytes === 'string')
      return Uint8Array.from(atob(o.$bytes), (c) => c.charCodeAt(0));
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, revive(x)]));
  }
  return v;
}

const fixtures = Object.entries(files)
  .map(([path, f]) => ({ path, version: f.schemaVersion, tables: revive(f.tables) as Fixture['tables'] }))
  .sort((a, b) => a.version - b.version);

describe('schema migrations: every released version opens with the current code', () => {
  it('has a fixture for every released schema version', () => {
    expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: schemaVersion }, (_, i) => i + 1));
  });

  it.each(fixtures.map((f) => [f.version, f] as const))(
    'v%i: every record survives the upgrade, the audit chain still verifies',
    async (version, fixture) => {
      const name = `fixture-v${version}-${crypto.randomUUID()}`;
      const old = new OnsiteDb(name, version);
      await old.open();
      expect(old.tables.map((t) => t.name).sort()).toEqual(Object.keys(fixture.tables).sort());
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(fixture.tables))
          await tableOf(old, table as TableName).bulkAdd(rows as never[]);
      });
      old.close();

      const state = await openDatabase(name);
      if (state.kind !== 'ok') throw new Error(`open failed: ${JSON.stringify(state)}`);
      const db = state.db;
      expect(db.verno).toBe(schemaVersion);
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const stored = (await tableOf(db, table as TableName).toArray()) as Array<Record<string, unknown>>;
        if (table === 'meta') {
          expect(plain(stored.filter((r) => r.key !== 'schemaVersion'))).toEqual(
            plain(rows.filter((r) => r.key !== 'schemaVersion')),
          );
          expect(stored.find((r) => r.key === 'schemaVersion')?.value).toBe(schemaVersion);
        } else {
          expect(plain(stored), table).toEqual(plain(rows));
        }
      }
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: fixture.tables.auditLog.length });
      // The upgraded data is what this app writes: its backup passes every restore check.
      const check = await validateBackup(
        await encodeBackup(await exportSnapshot(db), {
          appVersion: 'test',
          schemaVersion,
          createdAt: new Date().toISOString(),
          deviceCode: 'A',
          reason: 'manual',
        }),
      );
      expect(check.ok ? [] : check.errors).toEqual([]);
      db.close();
    },
  );
});
