/**
 * Captures every local change of a synced table as a field-level `Change` (shared/sync/merge.ts)
 * in `syncChanges`, in the same transaction as the write, without any feature knowing: a Dexie
 * DBCore middleware installed on every database (renderer/db/db.ts). A write records the fields
 * that differ from the stored row, a delete a tombstone; a rolled-back transaction rolls its
 * changes back with it. Only the app's write transactions are captured: `writeTx` in
 * renderer/db/index.ts includes `syncChanges` and marks its transaction with `captureWrites`;
 * merging a received bundle or restoring a backup marks it uncaptured with `skipCapture`.
 */
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { decodeHlc, encodeHlc, tick, type Hlc } from '@shared/sync/hlc';
import { DELETED, materialize, type Change } from '@shared/sync/merge';
import { canonicalJson } from '@shared/util/hash';
import type { SyncSelfRow } from '@shared/schemas/sync';

/**
 * The tables that travel between laptops. Not synced: `meta` and `settings` (this laptop's own:
 * device code, backup bookkeeping, work hours), `auditLog` (each laptop's chain is its own),
 * `alertLog` (alerts this laptop has shown), `calendars` (shipped with the app, per year),
 * `faults` (the projection of `faultEvents`, recomputed on arrival) and the sync tables themselves.
 * A table added later is not synced until it is listed here.
 */
export const syncedTables: ReadonlySet<string> = new Set([
  'team',
  'contacts',
  'systems',
  'faultEvents',
  'serviceRequests',
  'attachments',
  'inspectionTemplates',
  'inspections',
  'inspectionAnswers',
  'reports',
  'signatures',
  'kbArticles',
  'kbVersions',
  'trainings',
  'trainingPlans',
  'roster',
  'personnelChanges',
]);

/** Fields every record carries that say who touched it last: merged by clock, never a conflict. */
export const bookkeepingFields: ReadonlySet<string> = new Set(['updatedAt', 'updatedBy']);

const captured = new WeakSet<object>();
const uncaptured = new WeakSet<object>();
const idbtrans = () => (Dexie.currentTransaction as unknown as { idbtrans?: object } | null)?.idbtrans;

/** Called inside a transaction that includes `syncChanges`: its writes of synced tables are captured. */
export function captureWrites(): void {
  const t = idbtrans();
  if (t) captured.add(t);
}

/** Called inside a transaction: its writes are not captured (merging received changes, restoring a backup). */
export function skipCapture(): void {
  const t = idbtrans();
  if (t) uncaptured.add(t);
}

/** Who is writing, for the change's `actor` (set by renderer/db/index.ts). */
let actorOf: () => string = () => 'system';
export function setCaptureActor(fn: () => string): void {
  actorOf = fn;
}

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
  if (v instanceof Uint8Array) return { $bytes: b64(v) };
  if (v instanceof Date) return v.toISOString();
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

function storeNames(trans: DBCoreTransaction): string[] {
  const names = (trans as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames;
  return names ? Array.from(names) : [];
}

const self = 'self';

/** Appends the changes for one mutation; runs after the mutation succeeded, in its transaction. */
async function record(
  down: DBCore,
  trans: DBCoreTransaction,
  table: string,
  edits: Array<{ id: string; fields: Record<string, unknown>; created?: boolean }>,
): Promise<void> {
  if (edits.length === 0) return;
  const state = down.table('syncState');
  const settings = storeNames(trans).includes('settings')
    ? ((await down.table('settings').get({ trans, key: 'site' })) as { deviceCode?: string } | undefined)
    : undefined;
  const device = settings?.deviceCode?.replace(/[^A-Za-z0-9]/g, '') || 'A';
  const row = ((await state.get({ trans, key: self })) as SyncSelfRow | undefined) ?? { key: 'self' as const, vv: {} };
  let clock: Hlc = row.clock ? { ...decodeHlc(row.clock), device } : { wall: 0, counter: 0, device };
  let seq = row.vv[device] ?? 0;
  const changes = down.table('syncChanges');
  const byRecord = changes.schema.getIndexByKeyPath(['table', 'recordId'])!;
  const out: Change[] = [];
  const now = Date.now();
  const actor = actorOf();
  for (const e of edits) {
    const { result } = await changes.query({
      trans,
      values: true,
      query: { index: byRecord, range: { type: 1 /* Equal */, lower: [table, e.id], upper: [table, e.id] } },
    });
    const heads = materialize([
      ...(result as Change[]),
      ...out.filter((c) => c.table === table && c.recordId === e.id),
    ]).heads;
    const everyHead = [...new Set(Object.values(heads).flat())];
    // Made again after a delete: the new record has seen (and undoes) the tombstone.
    if (e.created && heads[DELETED]) e.fields[DELETED] = false;
    clock = tick(clock, now);
    out.push({
      id: encodeHlc(clock),
      device,
      seq: ++seq,
      table,
      recordId: e.id,
      at: new Date(now).toISOString(),
      actor,
      fields: Object.fromEntries(
        Object.entries(e.fields).map(([f, value]) => [
          f,
          { value, parents: f === DELETED ? everyHead : (heads[f] ?? []) },
        ]),
      ),
    });
  }
  await changes.mutate({ type: 'add', trans, values: out });
  await state.mutate({
    type: 'put',
    trans,
    values: [{ key: self, clock: encodeHlc(clock), vv: { ...row.vv, [device]: seq } }],
  });
}

function capturingTable(down: DBCore, table: DBCoreTable, queue: WeakMap<object, Promise<unknown>>): DBCoreTable {
  const name = table.name;
  const pk = table.schema.primaryKey;
  return {
    ...table,
    async mutate(req: DBCoreMutateRequest) {
      const trans = req.trans;
      if (!captured.has(trans) || uncaptured.has(trans)) return table.mutate(req);
      // One mutation at a time per transaction: each reads and advances the same clock and sequence.
      const run = async () => {
        let keys: unknown[];
        if (req.type === 'deleteRange') {
          const { result } = await table.query({ trans, values: false, query: { index: pk, range: req.range } });
          keys = result;
        } else if (req.type === 'delete') keys = req.keys;
        else keys = req.values.map((v, i) => req.keys?.[i] ?? pk.extractKey?.(v));
        const prev = (await table.getMany({ trans, keys })) as Array<Record<string, unknown> | undefined>;
        const res = await table.mutate(req);
        const edits: Array<{ id: string; fields: Record<string, unknown>; created?: boolean }> = [];
        keys.forEach((k, i) => {
          if (res.failures[i] || typeof k !== 'string') return;
          if (req.type === 'delete' || req.type === 'deleteRange') {
            if (prev[i]) edits.push({ id: k, fields: { [DELETED]: true } });
            return;
          }
          const next = req.values[i] as Record<string, unknown>;
          const fields = changedFields(name, prev[i], next);
          if (Object.keys(fields).length) edits.push({ id: k, fields, created: !prev[i] });
        });
        await record(down, trans, name, edits);
        return res;
      };
      const p = (queue.get(trans) ?? Promise.resolve()).then(run, run);
      queue.set(
        trans,
        p.catch(() => undefined),
      );
      return p;
    },
  };
}

export const syncCapture: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'syncCapture',
  create(down) {
    const queue = new WeakMap<object, Promise<unknown>>();
    return {
      ...down,
      table(name: string) {
        const t = down.table(name);
        return syncedTables.has(name) ? capturingTable(down, t, queue) : t;
      },
    };
  },
};
