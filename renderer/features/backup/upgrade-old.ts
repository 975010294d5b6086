import Dexie from 'dexie';
import { OnsiteDb, tableOf, type TableName } from '../../db/db';
import type { PrimKey } from './format-types';
import { exportSnapshot } from './snapshot';

export interface TableShape {
  name: string;
  primKey: PrimKey;
  /** Unique indexes (`&number`): a duplicate would abort the restore transaction, so it is refused first. */
  unique: Array<string | string[]>;
}

/** Tables (primary keys, unique indexes) of the schema at `version`, without opening anything. */
export function schemaTables(version: number): TableShape[] {
  const probe = new OnsiteDb('onsite-desk-schema-probe', version);
  return probe.tables.map((t) => ({
    name: t.name,
    primKey: t.schema.primKey.keyPath ?? null,
    unique: t.schema.indexes.filter((i) => i.unique && i.keyPath).map((i) => i.keyPath!),
  }));
}

/**
 * Brings the tables of a backup made by an older schema up to the current one by running the
 * app's own migrations on a scratch database: the very code that upgrades a laptop upgrades the
 * backup, so an old backup restores exactly as an old database would open.
 */
export async function upgradeTables(
  tables: Map<string, unknown[]>,
  fromVersion: number,
): Promise<Map<string, unknown[]>> {
  const name = `onsite-desk-restore-scratch-${crypto.randomUUID()}`;
  try {
    const old = new OnsiteDb(name, fromVersion);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      // eslint-disable-next-line local/audited-writes -- an upgrade copies the old database's rows, audit log included, as they are
      for (const [t, rows] of tables) if (rows.length) await tableOf(old, t as TableName).bulkAdd(rows as never[]);
    });
    old.close();
    const current = new OnsiteDb(name);
    await current.open();
    const snap = await exportSnapshot(current);
    current.close();
    return new Map(snap.map((t) => [t.name, t.rows]));
  } finally {
    await Dexie.delete(name);
  }
}
