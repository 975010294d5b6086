/**
 * The backup retention rule, shared by the main-process store (disk) and the web platform
 * (IndexedDB) so both keep exactly the same set: the newest 10 backups, plus the newest
 * backup of each of the last 30 calendar days (local time, today included).
 *
 * It applies only to files this laptop wrote and that are not pinned (`planRetention`): a
 * pre-restore or pre-upgrade backup, and every file of another laptop in a shared folder, is never
 * deleted automatically.
 */
import { parseBackupName } from './backup-names';

export const KEEP_NEWEST = 10;
export const KEEP_DAILY_DAYS = 30;

export interface RetentionItem {
  name: string;
  /** Modification time in epoch milliseconds. */
  modifiedMs: number;
}

/** Local calendar day of an epoch time, as a comparable number (yyyymmdd). */
function dayKey(ms: number): number {
  const d = new Date(ms);
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

/**
 * Splits backups into those to keep and those to remove, by the retention rule.
 * Pure: `now` is passed in. Ties on time are broken by name so the result is deterministic.
 */
export function selectRetained<T extends RetentionItem>(items: readonly T[], now: number): { keep: T[]; remove: T[] } {
  const newestFirst = [...items].sort((a, b) => b.modifiedMs - a.modifiedMs || b.name.localeCompare(a.name));
  const kept = new Set<T>(newestFirst.slice(0, KEEP_NEWEST));

  const today = new Date(now);
  // Midnight local time of the oldest day still inside the daily window.
  const firstDay = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (KEEP_DAILY_DAYS - 1)).getTime();
  const seenDays = new Set<number>();
  for (const item of newestFirst) {
    if (item.modifiedMs < firstDay) continue;
    const key = dayKey(item.modifiedMs);
    if (seenDays.has(key)) continue;
    seenDays.add(key);
    kept.add(item);
  }

  return {
    keep: newestFirst.filter((i) => kept.has(i)),
    remove: newestFirst.filter((i) => !kept.has(i)),
  };
}

export interface RetentionCandidate extends RetentionItem {
  /** Pinned backups (pre-restore, pre-upgrade, or pinned by a person) are never removed here. */
  pinned: boolean;
  /** Listed in this laptop's own manifest of the files it wrote. */
  inManifest: boolean;
}

/**
 * The files retention may delete: among those this laptop wrote — its device code in the name AND
 * listed in its manifest — and not pinned, the ones `selectRetained` drops. Everything else in the
 * folder (another laptop's files, a person's copies, pinned backups) is left alone.
 */
export function planRetention<T extends RetentionCandidate>(items: readonly T[], deviceCode: string, now: number): T[] {
  const mine = items.filter((i) => i.inManifest && !i.pinned && parseBackupName(i.name)?.deviceCode === deviceCode);
  return selectRetained(mine, now).remove;
}
