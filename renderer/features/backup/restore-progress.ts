/**
 * How far a restore is, for the restore dialog (RestoreDialog.tsx): reading the file (its sections,
 * tables and attachments, each hashed and parsed), checking the rows (table by table), writing the
 * tables into the database (table by table, restore.ts). Reported in this order, `done` rising to
 * `total` within a phase.
 */
export type RestorePhase = 'reading' | 'checking' | 'writing';

export interface RestoreProgress {
  phase: RestorePhase;
  done: number;
  total: number;
}

export type OnRestoreProgress = (progress: RestoreProgress) => void;

/** Where each phase sits on the dialog's bar, in percent: [start, end]. */
const spans: Record<RestorePhase, [number, number]> = {
  reading: [0, 70],
  checking: [70, 100],
  writing: [0, 100],
};

/** The bar's percent for one report (reading and checking share one bar; writing has its own). */
export function restorePercent(p: RestoreProgress): number {
  const [from, to] = spans[p.phase];
  const f = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 0;
  return Math.round(from + (to - from) * f);
}
