/**
 * The Dexie side of sync: writes a bundle (shared/sync/bundle.ts) for a peer from `syncChanges`,
 * and merges a peer's bundle into this laptop. Reading a bundle that shared/sync/bundle.ts refuses
 * changes nothing. A bundle it accepts is merged in ONE transaction: the new changes join
 * `syncChanges`, this laptop's version vector and clock advance, and every record they touch is
 * materialised (shared/sync/merge.ts) into its table — written directly, so it is not captured
 * again as this laptop's own change (renderer/db/sync-capture.ts), but with an audit entry
 * (action `merge`, actor the change's author) so the record matches the last entry that wrote it
 * (renderer/db/audit-seal.ts `verifyAudit`). Faults are event-sourced: received `faultEvents` are a
 * union by id and the `faults` projection of each touched fault is recomputed by the caller's
 * projector (the faults feature owns the projection).
 */
import { decodeHlc, encodeHlc, MAX_DRIFT_MS, receive, tick, type Hlc } from '@shared/sync/hlc';
import { DELETED, materialize, type Change, type FieldConflict } from '@shared/sync/merge';
import type { BundleBody, VersionVector } from '@shared/sync/replica';
import { decodeBundle, encodeBundle, type BundleBlob, type BundleMac, type BundleRefusal } from '@shared/sync/bundle';
import type { FaultEventRow, FaultRecord } from '@shared/schemas/fault';
import type { SyncConflictRow, SyncPeerRow, SyncSelfRow } from '@shared/schemas/sync';
import { bytesToHex } from '@shared/util/hash';
import { appendAudit, recordHash } from './audit';
import { tableOf, type OnsiteDb, type TableName } from './db';
import { getDb, writeTx } from './index';
import { schemaVersion } from './migrations';
import {
  bookkeepingFields,
  decodeValue,
  deviceCodeOf,
  recordChange,
  requireDeviceCode,
  syncedTables,
} from './sync-capture';

/** What sync needs of the team key (renderer/core/team-key.ts). */
export interface SyncKey {
  readonly teamId: string;
  readonly teamName: string;
  mac(data: Uint8Array): Promise<Uint8Array>;
}

/** Rebuilds a fault's stored row from its (merged) event log. */
export type FaultProjector = (rows: FaultEventRow[], actor: string) => FaultRecord;

export interface SyncReceipt {
  from: string;
  /** Records that did not exist here before, per table (`faults`: the recomputed projections). */
  created: Record<string, number>;
  updated: Record<string, number>;
  deleted: Record<string, number>;
  /** Attachment files received (by content hash). */
  blobs: number;
  /** Changes already held (the same bundle read twice). */
  duplicates: number;
  /** Changes left out because an earlier change of their device is missing here; they come again. */
  deferred: number;
  /** Changes merged. */
  merged: number;
  /** Conflicts open on the records this bundle touched. */
  conflicts: FieldConflict[];
}

export type SyncRefusal = BundleRefusal | { code: 'clock-drift'; device: string } | { code: 'blob-missing' };

export type ReadOutcome = { ok: true; receipt: SyncReceipt } | { ok: false; refusal: SyncRefusal };

/** The key of a conflict row: one per record field. */
export const conflictId = (table: string, recordId: string, field: string) => `${table}\u0000${recordId}\u0000${field}`;

const peerKey = (device: string) => `peer:${device}`;
const bump = (m: Record<string, number>, table: string) => (m[table] = (m[table] ?? 0) + 1);

export function macOf(key: SyncKey): BundleMac {
  return { sign: async (message) => bytesToHex(await key.mac(new TextEncoder().encode(message))) };
}

/**
 * This laptop's device code as changes carry it; a `NoDeviceCodeError` (renderer/db/sync-capture.ts)
 * when the site has none, never a guessed code (a bundle written under another laptop's code
 * would be taken for that laptop's changes).
 */
export function selfDevice(db: OnsiteDb = getDb()): Promise<string> {
  return requireDeviceCode(db, 'syncState');
}

/** This laptop's device code for display; undefined before setup gave it one. */
export async function shownDevice(db: OnsiteDb = getDb()): Promise<string | undefined> {
  return deviceCodeOf(await db.settings.get('site'));
}

export async function readSelf(db: OnsiteDb = getDb()): Promise<SyncSelfRow> {
  return ((await db.syncState.get('self')) as SyncSelfRow | undefined) ?? { key: 'self', vv: {} };
}

/** What every peer last told us, newest first. */
export async function listPeers(db: OnsiteDb = getDb()): Promise<SyncPeerRow[]> {
  const rows = (await db.syncState.toArray()).filter((r): r is SyncPeerRow => r.key !== 'self');
  return rows.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1));
}

/** Who wrote a device's newest change we hold (to name the laptop: "王工's laptop"). */
export async function lastActorOf(device: string, db: OnsiteDb = getDb()): Promise<string | undefined> {
  return (await db.syncChanges.where('[device+seq]').between([device, 0], [device, Infinity]).last())?.actor;
}

function blobHash(c: Change): string | undefined {
  if (c.table !== 'attachments') return undefined;
  const v = c.fields.data?.value as { $blob?: unknown } | undefined;
  return v && typeof v.$blob === 'string' ? v.$blob : undefined;
}

function b64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * The body and the attachment files for `peer` (or every peer we know; for none yet, everything):
 * the changes beyond what they acknowledged, and the files those changes name that the peer does
 * not hold by hash. Advances this laptop's clock (the bundle's stamp orders a peer's bundles).
 */
export async function bundleBodyFor(
  peer: string | undefined,
  now = Date.now(),
): Promise<{ body: BundleBody; blobs: BundleBlob[] }> {
  const db = getDb();
  return db.transaction('rw', [db.syncChanges, db.syncState, db.settings, db.attachments], async () => {
    const device = await selfDevice(db);
    const self = await readSelf(db);
    const peers = peer ? [peer] : (await listPeers(db)).map((p) => p.device);
    const known = new Map<string, VersionVector>();
    for (const p of peers) known.set(p, ((await db.syncState.get(peerKey(p))) as SyncPeerRow | undefined)?.vv ?? {});
    const floor = (d: string) => (peers.length === 0 ? 0 : Math.min(...peers.map((p) => known.get(p)?.[d] ?? 0)));
    const changes: Change[] = [];
    const held = new Set<string>();
    for (const [d, top] of Object.entries(self.vv)) {
      const from = floor(d);
      const list = await db.syncChanges.where('[device+seq]').between([d, 1], [d, top], true, true).toArray();
      for (const c of list) {
        if (c.seq > from) changes.push(c as Change);
        else {
          const h = blobHash(c as Change);
          if (h) held.add(h);
        }
      }
    }
    const wanted = new Set(changes.map(blobHash).filter((h): h is string => !!h && !held.has(h)));
    const blobs: BundleBlob[] = [];
    for (const h of [...wanted].sort()) {
      const a = await db.attachments.where('sha256').equals(h).first();
      if (a?.data) blobs.push({ sha256: h, data: b64(a.data as Uint8Array) });
    }
    const last: Hlc = self.clock ? { ...decodeHlc(self.clock), device } : { wall: 0, counter: 0, device };
    const clock = tick(last, now);
    await db.syncState.put({ ...self, clock: encodeHlc(clock) });
    changes.sort((a, b) => (a.device === b.device ? a.seq - b.seq : a.device < b.device ? -1 : 1));
    return { body: { from: device, stamp: encodeHlc(clock), vv: { ...self.vv }, changes }, blobs };
  });
}

/** A bundle file for `peer` (undefined: every peer), signed with the team key. */
export async function writeBundle(
  key: SyncKey,
  peer?: string,
  now = Date.now(),
): Promise<{ bytes: Uint8Array; changes: number; blobs: number; from: string }> {
  const { body, blobs } = await bundleBodyFor(peer, now);
  const bytes = await encodeBundle(
    { team: key.teamId, teamName: key.teamName, schemaVersion },
    body,
    blobs,
    macOf(key),
  );
  return { bytes, changes: body.changes.length, blobs: blobs.length, from: body.from };
}

/** Checks a bundle file without changing anything. */
export function checkBundle(bytes: Uint8Array, key: SyncKey) {
  return decodeBundle(bytes, { team: key.teamId, schemaVersion }, macOf(key));
}

class BlobMissingError extends Error {}

/** Every table a merge may write. */
function mergeTables(): TableName[] {
  return [...(syncedTables as ReadonlySet<TableName>), 'faults', 'syncConflicts', 'meta'];
}

function rowOf(value: Record<string, unknown>, blobs: Map<string, Uint8Array>): Record<string, unknown> | null {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const $blob = v && typeof v === 'object' ? (v as { $blob?: unknown }).$blob : undefined;
    if (typeof $blob === 'string') {
      const bytes = blobs.get($blob);
      if (!bytes) return null;
      row[k] = bytes;
      continue;
    }
    const d = decodeValue(v);
    if (d !== undefined) row[k] = d;
  }
  return row;
}

/** The conflicts a person decides (bookkeeping stamps follow the clock and never are). */
const realConflicts = (cs: FieldConflict[]) => cs.filter((c) => !bookkeepingFields.has(c.field));

async function storeConflicts(db: OnsiteDb, table: string, recordId: string, conflicts: FieldConflict[]) {
  await db.syncConflicts.where('[table+recordId]').equals([table, recordId]).delete();
  const rows: SyncConflictRow[] = conflicts.map((c) => ({ ...c, id: conflictId(c.table, c.recordId, c.field) }));
  if (rows.length) await db.syncConflicts.bulkPut(rows);
}

/**
 * Reads and merges a bundle. Refused (nothing changed) when shared/sync/bundle.ts refuses the file,
 * when a change's clock is more than a day ahead of this laptop, or when a file it names is
 * neither in it nor here. `project` rebuilds the faults whose events arrived.
 */
export async function readBundle(
  bytes: Uint8Array,
  key: SyncKey,
  project: FaultProjector,
  now = Date.now(),
): Promise<ReadOutcome> {
  const checked = await checkBundle(bytes, key);
  if (!checked.ok) return checked;
  const { body, blobs: fileBlobs } = checked.file;
  const ahead = body.changes.find((c) => decodeHlc(c.id).wall - now > MAX_DRIFT_MS);
  if (ahead) return { ok: false, refusal: { code: 'clock-drift', device: ahead.device } };
  const blobs = new Map<string, Uint8Array>(
    fileBlobs.map((b) => [b.sha256, Uint8Array.from(atob(b.data), (ch) => ch.charCodeAt(0))]),
  );
  const receipt: SyncReceipt = {
    from: body.from,
    created: {},
    updated: {},
    deleted: {},
    blobs: 0,
    duplicates: 0,
    deferred: 0,
    merged: 0,
    conflicts: [],
  };
  try {
    await writeTx(mergeTables(), async (db) => {
      const device = await selfDevice(db);
      const self = await readSelf(db);
      const vv = { ...self.vv };
      let clock: Hlc = self.clock ? { ...decodeHlc(self.clock), device } : { wall: 0, counter: 0, device };
      const touched = new Map<string, { table: string; id: string; actor: string }>();
      const sorted = [...body.changes].sort((a, b) =>
        a.device === b.device ? a.seq - b.seq : a.device < b.device ? -1 : 1,
      );
      const held = new Set(
        (await db.syncChanges.bulkGet(sorted.map((c) => c.id))).filter((c) => c !== undefined).map((c) => c.id),
      );
      for (const c of sorted) {
        if (held.has(c.id)) {
          receipt.duplicates++;
          continue;
        }
        if (c.seq !== (vv[c.device] ?? 0) + 1) {
          receipt.deferred++;
          continue;
        }
        clock = receive(clock, decodeHlc(c.id), now);
        await db.syncChanges.add(c);
        vv[c.device] = c.seq;
        receipt.merged++;
        touched.set(`${c.table}\u0000${c.recordId}`, { table: c.table, id: c.recordId, actor: c.actor });
      }
      if (receipt.merged) await db.syncState.put({ key: 'self', clock: encodeHlc(clock), vv });
      const prevPeer = (await db.syncState.get(peerKey(body.from))) as SyncPeerRow | undefined;
      if (body.from !== device && (!prevPeer || body.stamp > prevPeer.stamp || receipt.merged)) {
        await db.syncState.put({
          key: peerKey(body.from),
          device: body.from,
          stamp: !prevPeer || body.stamp > prevPeer.stamp ? body.stamp : prevPeer.stamp,
          vv: !prevPeer || body.stamp > prevPeer.stamp ? { ...body.vv } : prevPeer.vv,
          receivedAt: new Date(now).toISOString(),
        });
      }
      const faultIds = new Map<string, string>();
      const usedBlobs = new Set<string>();
      for (const { table, id, actor } of touched.values()) {
        if (!syncedTables.has(table)) continue;
        const changes = (await db.syncChanges.where('[table+recordId]').equals([table, id]).toArray()) as Change[];
        const m = materialize(changes);
        const t = tableOf(db, table as TableName);
        const prev = (await t.get(id as never)) as Record<string, unknown> | undefined;
        const summary = `merged from ${body.from}`;
        if (!m.value) {
          if (prev) {
            await t.delete(id as never);
            await appendAudit(db, { actor, entity: table, entityId: id, action: 'merge', summary, contentHash: null });
            bump(receipt.deleted, table);
          }
        } else {
          const local = new Map<string, Uint8Array>(blobs);
          for (const h of Object.values(m.value)
            .map((v) => (v && typeof v === 'object' ? (v as { $blob?: unknown }).$blob : undefined))
            .filter((h): h is string => typeof h === 'string')) {
            if (local.has(h)) usedBlobs.add(h);
            else {
              const a = await db.attachments.where('sha256').equals(h).first();
              if (a?.data) local.set(h, a.data as Uint8Array);
            }
          }
          const row = rowOf(m.value, local);
          if (!row) throw new BlobMissingError();
          const hash = recordHash(row);
          if (!prev || recordHash(prev) !== hash) {
            await t.put(row as never);
            await appendAudit(db, { actor, entity: table, entityId: id, action: 'merge', summary, contentHash: hash });
            bump(prev ? receipt.updated : receipt.created, table);
            if (table === 'faultEvents' && typeof row.faultId === 'string') faultIds.set(row.faultId, actor);
          }
        }
        const open = realConflicts(m.conflicts);
        await storeConflicts(db, table, id, open);
        receipt.conflicts.push(...open);
      }
      receipt.blobs = usedBlobs.size;
      for (const [faultId, actor] of faultIds) {
        const rows = await db.faultEvents
          .where('[faultId+seq]')
          .between([faultId, -Infinity], [faultId, Infinity])
          .toArray();
        if (!rows.some((r) => r.type === 'reported')) continue;
        const record = project(rows, actor);
        const prev = await db.faults.get(faultId);
        await db.faults.put(record);
        await appendAudit(db, {
          actor,
          entity: 'faults',
          entityId: faultId,
          action: 'merge',
          summary: `${record.number}: projection after merge from ${body.from}`,
          contentHash: recordHash(record),
        });
        bump(prev ? receipt.updated : receipt.created, 'faults');
      }
    });
  } catch (err) {
    if (err instanceof BlobMissingError || (err as { cause?: unknown })?.cause instanceof BlobMissingError)
      return { ok: false, refusal: { code: 'blob-missing' } };
    throw err;
  }
  return { ok: true, receipt };
}

/** Open conflicts, newest first. */
export async function listConflicts(db: OnsiteDb = getDb()): Promise<SyncConflictRow[]> {
  const rows = await db.syncConflicts.toArray();
  return rows.sort((a, b) => (a.shown.stamp < b.shown.stamp ? 1 : -1));
}

/**
 * Decides a conflicting field: an ordinary audited write of `value` that has seen every head of
 * the field (so it travels and closes the conflict on every laptop), even when `value` is the one
 * already shown. For a delete/edit conflict `value` true deletes the record, false keeps it.
 */
export async function resolveConflict(
  conflict: Pick<SyncConflictRow, 'table' | 'recordId' | 'field'>,
  value: unknown,
  actor: string,
  now = Date.now(),
): Promise<void> {
  const { table, recordId, field } = conflict;
  if (!syncedTables.has(table)) throw new RangeError(`${table} is not synced`);
  await writeTx([table as TableName, 'syncConflicts'], async (db) => {
    const t = tableOf(db, table as TableName);
    const prev = (await t.get(recordId as never)) as Record<string, unknown> | undefined;
    const summary = `sync conflict on ${field} decided`;
    const changes = () =>
      db.syncChanges.where('[table+recordId]').equals([table, recordId]).toArray() as Promise<Change[]>;
    if (field === DELETED && value === true) {
      if (prev) await t.delete(recordId as never);
      await recordChange(db, { table, id: recordId, prev: prev ?? {}, next: null, actor }, now);
      await appendAudit(db, { actor, entity: table, entityId: recordId, action: 'delete', summary, contentHash: null });
    } else if (field === DELETED) {
      // Keep the record: written again whole, a write that has seen (and undoes) the tombstone.
      const kept = prev ?? materialize((await changes()).filter((c) => !(DELETED in c.fields))).value;
      const row = kept && (prev ?? rowOf(kept, new Map()));
      if (!row) throw new BlobMissingError();
      const next = { ...row, updatedAt: new Date(now).toISOString(), updatedBy: actor };
      await t.put(next as never);
      await recordChange(db, { table, id: recordId, prev: undefined, next, actor }, now);
      await appendAudit(db, {
        actor,
        entity: table,
        entityId: recordId,
        action: 'update',
        summary,
        contentHash: recordHash(next),
      });
    } else if (prev) {
      const next = { ...prev, [field]: decodeValue(value), updatedAt: new Date(now).toISOString(), updatedBy: actor };
      if (next[field] === undefined) delete next[field];
      await t.put(next as never);
      await recordChange(db, { table, id: recordId, prev, next, actor, force: [field] }, now);
      await appendAudit(db, {
        actor,
        entity: table,
        entityId: recordId,
        action: 'update',
        summary,
        contentHash: recordHash(next),
      });
    }
    await storeConflicts(db, table, recordId, realConflicts(materialize(await changes()).conflicts));
  });
}
