/**
 * The browser build's counterpart of electron/main/data-state.ts: what the database held at its
 * last write and which database is current, kept in localStorage — outside IndexedDB, so it
 * outlives a database Chromium deleted as corrupt.
 */
import type { DataMarker, DataState } from '@shared/ipc/contract';

const KEY = 'onsite-desk.data-state';

export function webStateGet(): DataState {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<DataState> | null;
    return { marker: raw?.marker ?? null, currentDb: raw?.currentDb ?? null, asideDbs: raw?.asideDbs ?? [] };
  } catch {
    return { marker: null, currentDb: null, asideDbs: [] };
  }
}

function write(state: DataState): void {
  localStorage.setItem(KEY, JSON.stringify(state));
}

/** Same rules as main: a stale database's report is ignored, and an emptied database stays visible as lost. */
export function webStateReport(marker: DataMarker): void {
  const state = webStateGet();
  if (state.currentDb && marker.dbName !== state.currentDb) return;
  if (state.marker && state.marker.dbName === marker.dbName && state.marker.records > 0 && marker.records === 0) return;
  write({ ...state, marker });
}

export function webStateSwitchDb(req: { current: string; aside: string; reason: string }): void {
  const state = webStateGet();
  const asideDbs = state.asideDbs.some((d) => d.name === req.aside)
    ? state.asideDbs
    : [...state.asideDbs, { name: req.aside, at: new Date().toISOString(), reason: req.reason.slice(0, 500) }];
  write({ marker: state.marker, currentDb: req.current, asideDbs });
}
