/**
 * What the database holds, reported to the platform after writes (debounced) so that it is kept
 * outside IndexedDB: in Electron by main in userData/data-state.json (electron/main/data-state.ts),
 * in the browser in localStorage (renderer/platform/web-state.ts). At the next start
 * (start.ts) a database found empty while this says it held records goes to the recovery screen.
 */
import Dexie from 'dexie';
import type { DataMarker } from '@shared/ipc/contract';
import type { OnsiteDb } from '../../db';
import { schemaVersion } from '../../db/migrations';

/** Tables that say nothing about the user's data: `meta` is this laptop's bookkeeping. */
const IGNORED = new Set(['meta']);

/** Counts every table (meta excluded), the audit head and the device code, in one read transaction. */
export async function readMarker(db: OnsiteDb, now = new Date()): Promise<DataMarker> {
  const tables = db.tables.filter((t) => !IGNORED.has(t.name));
  const counts: Record<string, number> = {};
  let head: { seq: number; hash: string } | undefined;
  let deviceCode = '';
  let sealSeq = -1;
  await db.transaction('r', db.tables, async () => {
    const seal = (await db.meta.get('audit.seal'))?.value as { seq?: unknown } | undefined;
    if (typeof seal?.seq === 'number') sealSeq = seal.seq;
    for (const t of tables) counts[t.name] = await t.count();
    const last = await db.auditLog.orderBy('seq').last();
    if (last) head = { seq: last.seq, hash: last.hash };
    deviceCode = (await db.settings.get('site'))?.deviceCode ?? '';
  });
  return {
    dbName: db.name,
    deviceCode: deviceCode.slice(0, 3),
    counts,
    records: Object.values(counts).reduce((a, b) => a + b, 0),
    auditSeq: head?.seq ?? -1,
    auditHead: /^[0-9a-f]{64}$/.test(head?.hash ?? '') ? head!.hash : '',
    auditSealSeq: sealSeq,
    schemaVersion,
    at: now.toISOString(),
  };
}

/** True when no table but `meta` holds a row. */
export async function isEmptyDatabase(db: OnsiteDb): Promise<boolean> {
  for (const t of db.tables) if (!IGNORED.has(t.name) && (await t.count()) > 0) return false;
  return true;
}

/**
 * Reports the marker once now and then after every committed write to `db` (Dexie's
 * `storagemutated` event), at most once per `delayMs`. Returns the function that stops it.
 * A failed report is retried at the next write; it never disturbs the write itself.
 */
export function startMarkerReports(
  db: OnsiteDb,
  report: (marker: DataMarker) => Promise<void>,
  delayMs = 1500,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const send = async () => {
    timer = null;
    if (stopped || !db.isOpen()) return;
    try {
      await report(await readMarker(db));
    } catch (err) {
      console.warn('data-state report failed', err);
    }
  };
  const schedule = () => {
    if (!stopped && !timer) timer = setTimeout(() => void send(), delayMs);
  };
  const prefix = `idb://${db.name}/`;
  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((k) => k.startsWith(prefix) && !k.startsWith(`${prefix}meta/`))) schedule();
  };
  Dexie.on('storagemutated', onMutated);
  const onHide = () => {
    if (document.visibilityState === 'hidden' && timer) {
      clearTimeout(timer);
      void send();
    }
  };
  document.addEventListener('visibilitychange', onHide);
  void send();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(onMutated);
    document.removeEventListener('visibilitychange', onHide);
  };
}
