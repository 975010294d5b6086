// @vitest-environment jsdom
/**
 * The backup bench's rows (bench/backup-dataset.ts) are valid records: every row passes the schema
 * restore checks it with (renderer/features/backup/table-schemas.ts), and a small set goes through
 * the whole path the bench measures (database → backup file → restore validation) without an
 * issue. Fails when a schema in shared/schemas/ changes and the generator does not follow.
 */
import 'fake-indexeddb/auto';
import './node-window';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OnsiteDb } from '../renderer/db/db';
import { setActor, setDb } from '../renderer/db/index';
import { randomTeamKey, setTeamKey } from '../renderer/core/team-key';
import { schemaVersion } from '../renderer/db/migrations';
import { encodeBackup } from '../renderer/features/backup/format-encode';
import { exportSnapshot } from '../renderer/features/backup/snapshot';
import { resolveTableSchemas } from '../renderer/features/backup/table-schemas';
import { schemaTables } from '../renderer/features/backup/upgrade-old';
import { validateBackup } from '../renderer/features/backup/validate';
import { sha256Hex } from '../shared/util/hash';
import { backupDataset, scaledSize } from './backup-dataset';

const small = { ...scaledSize(0.003), imageBytes: 2048 };

describe('backup bench data', () => {
  beforeAll(async () => setTeamKey(await randomTeamKey('BENCHTEAM1', 'bench')));
  afterAll(() => setTeamKey(null));

  it('every generated row passes the schema of its table', () => {
    const schemas = resolveTableSchemas(schemaTables(schemaVersion));
    const bad: string[] = [];
    for (const [table, rows] of Object.entries(backupDataset(small, sha256Hex))) {
      const schema = schemas.get(table);
      expect(schema, `no schema for ${table}`).toBeDefined();
      for (const row of rows as unknown[]) {
        const r = schema!.safeParse(row);
        if (!r.success)
          bad.push(`${table}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('a small set backs up and passes restore validation with no issue', async () => {
    const db = new OnsiteDb(`bench-data-${crypto.randomUUID()}`);
    await db.open();
    setDb(db);
    setActor('bench');
    try {
      const rows = backupDataset(small, sha256Hex);
      await db.transaction('rw', db.tables, async () => {
        for (const [table, list] of Object.entries(rows)) await db.table(table).bulkAdd(list);
      });
      const info = {
        appVersion: 'bench',
        schemaVersion,
        createdAt: new Date().toISOString(),
        deviceCode: 'A',
        reason: 'manual' as const,
      };
      const file = await encodeBackup(await exportSnapshot(db), info);
      const result = await validateBackup(file);
      expect(result.ok ? [] : result.errors.slice(0, 5)).toEqual([]);
      if (result.ok) expect(result.plan.counts.faults).toBe(small.faults);
    } finally {
      db.close();
      setDb(null);
    }
  });
});
