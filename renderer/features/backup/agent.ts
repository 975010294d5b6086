/**
 * The automatic backups of a running app: every 30 minutes while there are changes, and when the
 * window closes. Started once, however many components ask for it (banner, widget, settings).
 */
import { liveQuery, type Subscription } from 'dexie';
import { useEffect } from 'react';
import { getDb, isReadOnly } from '../../db';
import {
  hasChangesSinceBackup,
  lastBackupKey,
  runBackup,
  scrubStoredPassword,
  type LastBackup,
} from './backup.service';
import { useBackupStore } from './backup.store';

export const autoIntervalMs = 30 * 60_000;
const checkEveryMs = 60_000;

let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;
let watch: Subscription | null = null;
let dirty = false;
let closing = false;
let closeDone = false;

/** One tick: a backup when the last good one is 30 minutes old (or missing) and the data changed. */
export async function autoBackupTick(now = Date.now()): Promise<'skipped' | 'done' | 'failed'> {
  if (isReadOnly()) return 'skipped';
  try {
    dirty = await hasChangesSinceBackup();
    if (!dirty) return 'skipped';
    const last = (await getDb().meta.get(lastBackupKey))?.value as LastBackup | undefined;
    if (last && now - Date.parse(last.at) < autoIntervalMs) return 'skipped';
    await runBackup('auto');
    dirty = false;
    return 'done';
  } catch (err) {
    // Recorded as the last attempt (Settings shows it); the next tick tries again.
    console.warn('[backup] automatic backup failed', err);
    return 'failed';
  }
}

function onBeforeUnload(e: BeforeUnloadEvent): void {
  // Electron: holding the close lets the backup finish, then the window closes itself. In a
  // browser a held close shows a "leave site?" prompt, so there it is best effort (pagehide).
  if (!window.api || !dirty || closeDone || isReadOnly()) return;
  e.preventDefault();
  e.returnValue = '';
  if (closing) return;
  closing = true;
  useBackupStore.getState().setClosing(true);
  void runBackup('close')
    .catch((err: unknown) => console.warn('[backup] close-time backup failed', err))
    .finally(() => {
      closeDone = true;
      window.close();
    });
}

function onPageHide(): void {
  if (window.api || !dirty || isReadOnly()) return;
  void runBackup('close').catch(() => undefined);
}

function start(): void {
  // A password stored in plain by an earlier version goes (to main's protected storage, or away).
  void scrubStoredPassword().catch((err: unknown) => console.warn('[backup] stored password not removed', err));
  timer = setInterval(() => void autoBackupTick(), checkEveryMs);
  // Follows every write as it commits, so a change made just before closing is not missed.
  watch = liveQuery(() => hasChangesSinceBackup()).subscribe({ next: (d) => (dirty = d), error: () => undefined });
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('pagehide', onPageHide);
}

function stop(): void {
  if (timer) clearInterval(timer);
  timer = null;
  watch?.unsubscribe();
  watch = null;
  window.removeEventListener('beforeunload', onBeforeUnload);
  window.removeEventListener('pagehide', onPageHide);
}

/** Keeps the automatic backups running while the calling component is mounted. */
export function useBackupAgent(): void {
  useEffect(() => {
    if (users++ === 0) start();
    return () => {
      if (--users === 0) stop();
    };
  }, []);
}

/** Whether a change is waiting for a backup, as the agent last saw it. */
export function isDirty(): boolean {
  return dirty;
}

/** Marks the data as changed or not (after a manual backup or restore) without waiting for a tick. */
export function setDirty(value: boolean): void {
  dirty = value;
}
