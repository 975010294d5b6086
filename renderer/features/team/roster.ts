/** On-call roster (7×24) helpers, pure: the days of a month and the quick fill by rotation. */

const DAY = 86_400_000;
const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every date of a month `YYYY-MM`, in order. */
export function monthDates(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => iso(Date.UTC(y, m - 1, i + 1)));
}

export interface RotationInput {
  from: string;
  to: string;
  /** The engineers in rotation order. */
  memberIds: string[];
  /** Consecutive days each one is on duty (1 = daily alternation, 7 = weekly). */
  daysPerShift: number;
  /** Whose turn it is on `from`. */
  startIndex?: number;
}

/** Assigns each date from `from` to `to` (inclusive) to the engineers in turn. */
export function rotationFill(r: RotationInput): Array<{ date: string; memberId: string }> {
  if (r.memberIds.length === 0 || r.daysPerShift < 1 || r.to < r.from) return [];
  const out: Array<{ date: string; memberId: string }> = [];
  const start = utc(r.from);
  const days = Math.round((utc(r.to) - start) / DAY);
  for (let i = 0; i <= days; i++) {
    const turn = (Math.floor(i / r.daysPerShift) + (r.startIndex ?? 0)) % r.memberIds.length;
    out.push({ date: iso(start + i * DAY), memberId: r.memberIds[turn] });
  }
  return out;
}
