/**
 * Rows of the sync tables (renderer/db/migrations/0004-add-sync.ts), checked on restore like every
 * other table. A change row is a `Change` of shared/sync/merge.ts as stored.
 */
import { z } from 'zod';

const stamp = z.string().regex(/^\d{13}-[0-9a-f]{4}-[A-Za-z0-9]{1,16}$/);
const device = z.string().regex(/^[A-Za-z0-9]{1,16}$/);

export const syncChangeSchema = z.strictObject({
  id: stamp,
  device,
  seq: z.number().int().positive(),
  table: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/),
  recordId: z.string().min(1).max(200),
  at: z.string().max(40),
  actor: z.string().max(200),
  fields: z.record(z.string(), z.strictObject({ value: z.unknown(), parents: z.array(stamp) })),
});

/** `self`: this laptop's clock and version vector; `peer:<device>`: what that peer last told us. */
export const syncStateSchema = z.union([
  z.strictObject({
    key: z.literal('self'),
    clock: stamp.optional(),
    vv: z.record(z.string(), z.number().int().nonnegative()),
  }),
  z.strictObject({
    key: z.string().regex(/^peer:[A-Za-z0-9]{1,16}$/),
    device,
    stamp,
    vv: z.record(z.string(), z.number().int().nonnegative()),
    receivedAt: z.string(),
  }),
]);

const writeRef = z.strictObject({
  stamp,
  value: z.unknown(),
  device,
  actor: z.string().max(200),
  at: z.string().max(40),
});

export const syncConflictSchema = z.strictObject({
  id: z.string().min(1).max(400),
  table: z.string(),
  recordId: z.string(),
  field: z.string(),
  shown: writeRef,
  others: z.array(writeRef),
});

export const tableSchemas = {
  syncChanges: syncChangeSchema,
  syncState: syncStateSchema,
  syncConflicts: syncConflictSchema,
};

export type SyncChangeRow = z.infer<typeof syncChangeSchema>;
export type SyncStateRow = z.infer<typeof syncStateSchema>;
export type SyncSelfRow = Extract<SyncStateRow, { key: 'self' }>;
export type SyncPeerRow = Exclude<SyncStateRow, { key: 'self' }>;
export type SyncConflictRow = z.infer<typeof syncConflictSchema>;
