/**
 * Month-over-month values of numeric items, per system: read from earlier inspections' answers (the
 * latest inspection of each month wins). Shown as sparklines during a run and used again by the
 * system diagnosis report.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Inspection } from '@shared/schemas/inspection';
import { getDb } from '../../db';
import type { OnsiteDb } from '../../db/db';
import { collectTrends, monthsBetween, type TrendPoint, type TrendSource } from '@shared/domain/inspection-trend';

/** systemId → itemId → points, oldest first. */
export type Trends = Map<string, Map<string, TrendPoint[]>>;

/** How many months of history a trend shows. */
export const trendMonths = 6;

/**
 * Values of `systemIds` from finished inspections of the `trendMonths` months before `month`, plus
 * the inspection `currentId` itself (finished or not) for `month`.
 */
export async function loadTrends(
  systemIds: string[],
  month: string,
  currentId?: string,
  db: OnsiteDb = getDb(),
): Promise<Trends> {
  const wanted = new Set(systemIds);
  const all = await db.inspections.toArray();
  const sources: TrendSource[] = [];
  for (const insp of all.filter(
    (i) =>
      i.id === currentId ||
      (i.status === 'finished' && i.month < month && monthsBetween(i.month, month) <= trendMonths),
  )) {
    // One query per inspection; the systems are picked out in memory.
    const values = (await db.inspectionAnswers.where('inspectionId').equals(insp.id).toArray()).filter((a) =>
      wanted.has(a.systemId),
    );
    sources.push({ month: insp.month, order: insp.finishedAt ?? insp.updatedAt, values });
  }
  return collectTrends(sources);
}

/**
 * Live history for a run: the earlier months only. The run adds its own value as it is typed, so
 * saving an answer does not re-read every month's answers.
 */
export function useTrends(i: Inspection | null | undefined): Trends | undefined {
  return useLiveQuery(
    async () =>
      i
        ? loadTrends(
            i.systems.map((s) => s.systemId),
            i.month,
          )
        : new Map(),
    [i?.id, i?.month, i?.systems.length],
  );
}
