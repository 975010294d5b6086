import { shanghaiDaysRange } from '@shared/domain/time';
import type { AuditEntry } from '@shared/schemas/core';

export interface AuditFilter {
  entity?: string;
  action?: string;
  actor?: string;
  /** `YYYY-MM-DD` days in Asia/Shanghai, both included. */
  from?: string;
  to?: string;
  /** Matched against summary, entity id, hash and the names `nameOf` gives. */
  text?: string;
}

/** Entries that pass every filter set; order kept. */
export function filterAudit(
  entries: readonly AuditEntry[],
  f: AuditFilter,
  nameOf: (actor: string) => string = (a) => a,
): AuditEntry[] {
  const { start: from, end: to } = shanghaiDaysRange(f.from, f.to);
  const q = f.text?.trim().toLowerCase() ?? '';
  return entries.filter((e) => {
    if (f.entity && e.entity !== f.entity) return false;
    if (f.action && e.action !== f.action) return false;
    if (f.actor && e.actor !== f.actor) return false;
    const at = Date.parse(e.at);
    if (at < from || at >= to) return false;
    if (q) {
      const hay =
        `${e.seq} ${e.summary} ${e.entityId} ${e.entity} ${e.hash} ${e.actor} ${nameOf(e.actor)}`.toLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  });
}

/** Distinct values of one field, sorted, for the filter menus. */
export function distinct(entries: readonly AuditEntry[], key: 'entity' | 'action' | 'actor'): string[] {
  return [...new Set(entries.map((e) => e[key]))].sort();
}
