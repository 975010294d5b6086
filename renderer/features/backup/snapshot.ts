import type Dexie from 'dexie';
import type { PrimKey, SnapshotTable } from './format-types';

/**
 * Rows of `meta` that belong to this laptop's backup bookkeeping (last backup, the backup
 * password): never written into a backup, and kept as they are when one is restored.
 */
export function isLocalMeta(row: unknown): boolean {
  const key = (row as { key?: unknown } | null)?.key;
  return typeof key === 'string' && key.startsWith('backup.');
}

export function primKeyOf(table: Dexie['tables'][number]): PrimKey {
  const kp = table.schema.primKey.keyPath;
  return kp === undefined ? null : kp;
}

/**
 * Reads every table of `db` in one read-only transaction (a consistent snapshot), tables sorted by
 * name and rows in primary-key order. Works on a database opened without a declared schema too
 * (the pre-upgrade backup reads the old version that way).
 */
export async function exportSnapshot(db: Dexie): Promise<SnapshotTable[]> {
  const tables = [...db.tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.toArray())));
  return tables.map((t, i) => ({
    name: t.name,
    primKey: primKeyOf(t),
    rows: t.name === 'meta' ? rows[i].filter((r) => !isLocalMeta(r)) : rows[i],
  }));
}

/** Row counts per table, for summaries. */
export function countsOf(tables: Iterable<[string, unknown[]]> | SnapshotTable[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tables as Iterable<unknown>) {
    if (Array.isArray(t)) out[t[0] as string] = (t[1] as unknown[]).length;
    else out[(t as SnapshotTable).name] = (t as SnapshotTable).rows.length;
  }
  return out;
}
