/**
 * What the renderer's database held at its last write, and which database is current, kept in
 * userData/data-state.json — outside IndexedDB, so it survives when Chromium deletes a corrupt
 * database. At start the renderer compares it with what it finds: a database that fails to open,
 * or opens empty while this says it held records, goes to the recovery screen, never to first-run
 * setup. A database set aside after a failure is listed here and never deleted by the app.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { DataMarker, DataState } from '@shared/ipc/contract';
import { dataMarkerSchema } from '@shared/ipc/schemas';
import { readJsonFileSync, writeJsonAtomicSync } from './atomic-file';

const stateSchema = z.looseObject({
  marker: dataMarkerSchema.nullable().catch(null),
  currentDb: z.string().nullable().catch(null),
  asideDbs: z.array(z.strictObject({ name: z.string(), at: z.string(), reason: z.string() })).catch([]),
});

const FILE = 'data-state.json';

export function readDataState(userDataPath: string): DataState {
  const parsed = stateSchema.safeParse(readJsonFileSync(join(userDataPath, FILE)) ?? {});
  return parsed.success
    ? { marker: parsed.data.marker ?? null, currentDb: parsed.data.currentDb ?? null, asideDbs: parsed.data.asideDbs }
    : { marker: null, currentDb: null, asideDbs: [] };
}

function write(userDataPath: string, state: DataState): void {
  writeJsonAtomicSync(join(userDataPath, FILE), state);
}

/**
 * Records what the database held. A report about another database than the current one is
 * ignored (a stale window), and so is an empty report while the marker says records existed
 * for the same database: an emptied database must stay visible as lost until a restore.
 */
export function reportData(userDataPath: string, marker: DataMarker): void {
  const state = readDataState(userDataPath);
  if (state.currentDb && marker.dbName !== state.currentDb) return;
  if (state.marker && state.marker.dbName === marker.dbName && state.marker.records > 0 && marker.records === 0) return;
  write(userDataPath, { ...state, marker });
}

/** After a recovery: `current` is the fresh database, `aside` the broken one, kept for analysis. */
export function switchDatabase(userDataPath: string, req: { current: string; aside: string; reason: string }): void {
  const state = readDataState(userDataPath);
  const asideDbs = state.asideDbs.some((d) => d.name === req.aside)
    ? state.asideDbs
    : [...state.asideDbs, { name: req.aside, at: new Date().toISOString(), reason: req.reason.slice(0, 500) }];
  write(userDataPath, { marker: state.marker, currentDb: req.current, asideDbs });
}
