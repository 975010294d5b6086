/** The fault list's filters, applied in memory. */
import { shanghaiDaysRange } from '@shared/domain/time';
import type { FaultRecord, FaultStatusValue } from '@shared/schemas/fault';
import { needsAttention } from './fault-view';

export interface FaultFilters {
  query: string;
  statuses: FaultStatusValue[];
  levels: number[];
  systemId?: string;
  assigneeId?: string;
  from?: string;
  to?: string;
  attentionOnly: boolean;
}
export const emptyFilters: FaultFilters = { query: '', statuses: [], levels: [], attentionOnly: false };

/** Filters a list in memory (10,000 rows in a few ms); `text` maps a row to its lower-cased search text. */
export function filterFaults(
  rows: FaultRecord[],
  f: FaultFilters,
  text: (r: FaultRecord) => string,
  now: Date,
): FaultRecord[] {
  const q = f.query.trim().toLowerCase();
  const statuses = new Set(f.statuses);
  const levels = new Set(f.levels);
  // Whole days in Shanghai: [from 00:00, the day after `to` 00:00).
  const range = shanghaiDaysRange(f.from, f.to);
  const from = f.from ? range.start : undefined;
  const to = f.to ? range.end : undefined;
  return rows.filter((r) => {
    if (statuses.size && !statuses.has(r.status)) return false;
    if (levels.size && !levels.has(r.level)) return false;
    if (f.systemId && r.systemId !== f.systemId) return false;
    if (f.assigneeId && r.assigneeId !== f.assigneeId) return false;
    if (from !== undefined || to !== undefined) {
      const at = Date.parse(r.reportedAt);
      if (from !== undefined && at < from) return false;
      if (to !== undefined && at >= to) return false;
    }
    if (f.attentionOnly && !needsAttention(r, now)) return false;
    return !q || text(r).includes(q);
  });
}
