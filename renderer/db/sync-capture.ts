/**
 * Records every local change of a synced table as a field-level `Change` (shared/sync/merge.ts) in
 * `syncChanges`, in the same transaction as the write. The writer of `writeTx` (renderer/db/index.ts),
 * the one way features write an audited table, calls `recordChange` after each write of a synced
 * table: it has just read the row as it was, so it knows the fields that changed; a delete is a
 * tombstone. The change and this laptop's clock and sequence in `syncState` are written with the
 * ordinary Table API, awaited in the transaction's scope, so a rolled-back transaction rolls its
 * changes back with it. Writes that do not go through the writer are not captured: restoring a
 * backup (its change log is the backup's), upgrading an old database, and merging changes received
 * from another laptop, which must not be sent back as this laptop's own.
 */
import { decodeHlc, encodeHlc, tick, type Hlc } from '@shared/sync/hlc';
import { DELETED, materialize, type Change } from '@shared/sync/merge';
import { canonicalJson } from '@shared/util/hash';
import type { SiteSettings } from '@shared/schemas/core';
import type { SyncSelfRow } from '@shared/schemas/sync';
import type { OnsiteDb } from './db';
import { auditedTables } from './audit';

/**
 * The tables that travel between laptops. Not synced: `meta` and `settings` (this laptop's own:
 * device code, backup bookkeeping, work hours), `auditLog` (each laptop's chain is its own),
 * `alertLog` (alerts this laptop has shown), `credentials` (PIN hashes, kept per laptop),
 * `calendars` (shipped with the app, per year), `faults` (the projection of `faultEvents`,
 * recomputed on arrival) and the sync tables themselves.
 * An audited table added later travels unless it is excluded here.
 */
export const syncedTables: ReadonlySet<string> = new Set(
  auditedTables.filter((t) => t !== 'settings' && t !== 'faults' && t !== 'calendars'),
);

/**
 * Fields every record carries that say who touched it and when: merged by clock, never a conflict
 * (the same record made on two laptops, as the roster typed at each laptop's setup, differs only
 * in the moment each made it; that is no choice for a person).
 */
export const bookkeepingFields: ReadonlySet<string> = new Set(['createdAt', 'updatedAt', 'updatedBy']);

function b64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A stored value as it travels (JSON): bytes as base64, an absent field as `{$unset: true}`. */
export function encodeValue(table: string, field: string, v: unknown, row?: Record<string, unknown>): unknown {
  if (v === undefined) return { $unset: true };
  if (table === 'attachments' && field === 'data' && row && typeof row.sha256 === 'string')
    return { $blob: row.sha256 };
  // Tags, not instanceof: rows read back from IndexedDB may come from another realm (jsdom).
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Uint8Array]') return { $bytes: b64(v as Uint8Array) };
  if (tag === '[object Date]') return (v as Date).toISOString();
  return v;
}

/** Back from `encodeValue`; `$blob` values are resolved by the caller (attachment bytes by hash). */
export function decodeValue(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (o.$unset === true) return undefined;
    if (typeof o.$bytes === 'string') return Uint8Array.from(atob(o.$bytes), (c) => c.charCodeAt(0));
  }
  return v;
}

const same = (a: unknown, b: unknown) =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null) && (a === undefined) === (b === undefined);

/** The fields of `next` that differ from `prev` (every field when there is no `prev`), encoded. */
export function changedFields(
  table: string,
  prev: Record<string, unknown> | undefined,
  next: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(next), ...Object.keys(prev ?? {})]);
  for (const k of keys) {
    const a = prev ? encodeValue(table, k, prev[k], prev) : undefined;
    const b = encodeValue(table, k, next[k], next);
    if (!prev || !same(a, b)) {
      if (!prev && next[k] === undefined) continue;
      out[k] = b;
    }
  }
  return out;
}

/**
 * A change of a synced table written while this laptop has no device code (no `site` settings
 * row, or one without a code): refused, since recorded under a guessed code it would collide with
 * the changes of the laptop that owns that code on every other laptop. Setup
 * (renderer/features/settings/setup.ts) and the demo loader (renderer/features/settings/demo.ts)
 * write the site row first, in the same transaction, so this is only met by a write before setup.
 * `messageKey` (namespace `common`) is what the UI shows (renderer/components/useSaveHandler.ts).
 */
export class NoDeviceCodeError extends Error {
  readonly code = 'no-device-code';
  readonly messageKey = 'errors.noDeviceCode';
  constructor(public table: string) {
    super(`A change of ${table} was refused: this laptop has no device code yet (finish setup first)`);
    this.name = 'NoDeviceCodeError';
  }
}

/** The device code changes carry (letters and digits only), or undefined when the site has none. */
export function deviceCodeOf(site: Pick<SiteSettings, 'deviceCode'> | undefined): string | undefined {
  return site?.deviceCode?.replace(/[^A-Za-z0-9]/g, '') || undefined;
}

/** This laptop's device code; a `NoDeviceCodeError` (naming `table`) when it has none. */
export async function requireDeviceCode(db: OnsiteDb, table: string): Promise<string> {
  const device = deviceCodeOf(await db.settings.get('site'));
  if (!device) throw new NoDeviceCodeError(table);
  return device;
}

/** What the writer hands over: the record as it was (undefined: new) and as it is (null: deleted). */
export interface CapturedWrite {
  table: string;
  id: string;
  prev: Record<string, unknown> | undefined;
  next: Record<string, unknown> | null;
  actor: string;
  /** Fields recorded even when unchanged: deciding a sync conflict for the value already shown. */
  force?: string[];
}

/**
 * Appends the change for one write of a synced table and advances this laptop's clock and
 * sequence. Must run inside the write's read-write transaction, which includes `syncChanges`,
 * `syncState` and `settings` (`writeTx` adds them). Returns the change, or null when no field
 * changed (the same values written again, or a delete of a record that was not there). Throws
 * `NoDeviceCodeError` when this laptop has no device code: the write is rolled back with it.
 */
export async function recordChange(db: OnsiteDb, w: CapturedWrite, now = Date.now()): Promise<Change | null> {
  const fields: Record<string, unknown> = w.next
    ? changedFields(w.table, w.prev, w.next)
    : w.prev
      ? { [DELETED]: true }
      : {};
  if (w.next) for (const f of w.force ?? []) if (!(f in fields)) fields[f] = encodeValue(w.table, f, w.next[f], w.next);
  if (Object.keys(fields).length === 0) return null;
  const device = await requireDeviceCode(db, w.table);
  const self = ((await db.syncState.get('self')) as SyncSelfRow | undefined) ?? { key: 'self' as const, vv: {} };
  const known = await db.syncChanges.where('[table+recordId]').equals([w.table, w.id]).toArray();
  const heads = materialize(known).heads;
  // Made again after a delete: the new record has seen (and undoes) the tombstone.
  if (w.next && !w.prev && heads[DELETED]) fields[DELETED] = false;
  const everyHead = [...new Set(Object.values(heads).flat())];
  const last: Hlc = self.clock ? { ...decodeHlc(self.clock), device } : { wall: 0, counter: 0, device };
  const clock = tick(last, now);
  const seq = (self.vv[device] ?? 0) + 1;
  const change: Change = {
    id: encodeHlc(clock),
    device,
    seq,
    table: w.table,
    recordId: w.id,
    at: new Date(now).toISOString(),
    actor: w.actor,
    fields: Object.fromEntries(
      Object.entries(fields).map(([f, value]) => [f, { value, parents: f === DELETED ? everyHead : (heads[f] ?? []) }]),
    ),
  };
  await db.syncChanges.add(change);
  await db.syncState.put({ key: 'self', clock: change.id, vv: { ...self.vv, [device]: seq } });
  return change;
}
