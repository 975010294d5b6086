/**
 * What the renderer's database held at its last write, and which database is current, kept in
 * userData/data-state.json — outside IndexedDB, so it survives when Chromium deletes a corrupt
 * database. At start the renderer compares it with what it finds: a database that fails to open,
 * or opens empty while this says it held records, goes to the recovery screen, never to first-run
 * setup. A database set aside after a failure is listed here and never deleted by the app.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DataMarker, DataState } from '@shared/ipc/contract';
import { dataMarkerSchema } from '@shared/ipc/schemas';
import { readJsonFileSync, writeJsonAtomicSync } from './atomic-file';

const stateSchema = z.looseObject({
  marker: dataMarkerSchema.nullable().catch(null),
  currentDb: z.string().nullable().catch(null),
  asideDbs: z
    .array(z.strictObject({ name: z.string(), at: z.string(), reason: z.string(), folder: z.string().optional() }))
    .catch([]),
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

/** Chromium keeps every IndexedDB database of the app's origin under this folder of userData. */
export const INDEXEDDB_FOLDER = 'IndexedDB';

/**
 * Copies the profile's IndexedDB folder to userData/broken-<timestamp>/IndexedDB, file by file.
 * A file that cannot be read (a lock held by Chromium) is skipped and named; the copy never
 * fails the recovery, and nothing under the original folder is changed or deleted.
 * Returns the folder's name, or null when there was nothing to copy.
 */
export function copyIndexedDbAside(
  userDataPath: string,
  now = new Date(),
): { folder: string; skipped: string[] } | null {
  const src = join(userDataPath, INDEXEDDB_FOLDER);
  if (!existsSync(src)) return null;
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  let folder = `broken-${stamp}`;
  for (let i = 2; existsSync(join(userDataPath, folder)); i++) folder = `broken-${stamp}-${i}`;
  const skipped: string[] = [];
  const copy = (from: string, to: string, rel: string) => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      try {
        if (entry.isDirectory()) copy(join(from, entry.name), join(to, entry.name), r);
        else if (entry.isFile()) copyFileSync(join(from, entry.name), join(to, entry.name));
      } catch {
        skipped.push(r);
      }
    }
  };
  copy(src, join(userDataPath, folder, INDEXEDDB_FOLDER), '');
  return { folder, skipped };
}

/**
 * After a failure, before the renderer creates its fresh database: the profile's IndexedDB folder
 * is copied aside (copyIndexedDbAside) and `current` becomes the database the app opens; `aside`,
 * the broken one, keeps its name and is listed here. Nothing is ever deleted.
 */
export function switchDatabase(
  userDataPath: string,
  req: { current: string; aside: string; reason: string },
  now = new Date(),
): void {
  const state = readDataState(userDataPath);
  // A second attempt for the same broken database (a restore that failed) does not copy it again.
  if (state.asideDbs.some((d) => d.name === req.aside)) {
    write(userDataPath, { ...state, currentDb: req.current });
    return;
  }
  let copied: { folder: string; skipped: string[] } | null = null;
  try {
    copied = copyIndexedDbAside(userDataPath, now);
  } catch (err) {
    // A full disk may refuse the copy: the broken database still keeps its name untouched.
    console.error('copying the IndexedDB folder aside failed', err);
  }
  const reason = copied?.skipped.length ? `${req.reason}; not copied: ${copied.skipped.join(', ')}` : req.reason;
  const entry = {
    name: req.aside,
    at: now.toISOString(),
    reason: reason.slice(0, 500),
    ...(copied ? { folder: copied.folder } : {}),
  };
  write(userDataPath, { marker: state.marker, currentDb: req.current, asideDbs: [...state.asideDbs, entry] });
}
