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

const dayStart = (d: string) => Date.parse(`${d}T00:00:00+08:00`);

/** Entries that pass every filter set; order kept. */
export function filterAudit(
  entries: readonly AuditEntry[],
  f: AuditFilter,
  nameOf: (actor: string) => string = (a) => a,
): AuditEntry[] {
  const from = f.from ? dayStart(f.from) : -Infinity;
  const to = f.to ? dayStart(f.to) + 24 * 3600_000 : Infinity;
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
