/**
 * The team's on-call roster (7×24, one engineer per day) and personnel changes. Every write is one
 * transaction with its audit entry.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { TeamMember } from '@shared/schemas/core';
import { personnelChangeSchema, rosterEntrySchema, type PersonnelChange, type RosterEntry } from '@shared/schemas/team';
import { getDb, stamp, writeTx } from '../../db';
import type { OnsiteDb } from '../../db/db';
import { shanghaiDate } from '../../core';
import { assertPersonnelChange } from './personnel-rule';

export type { PersonnelChange, RosterEntry };
export const personnelOwnerType = 'personnelChange';

const roster = (db: OnsiteDb = getDb()) => db.roster;
const changes = (db: OnsiteDb = getDb()) => db.personnelChanges;

/** The roster entries of a month `YYYY-MM`, by date. */
export function useRosterMonth(month: string): Map<string, RosterEntry> | undefined {
  return useLiveQuery(
    async () =>
      new Map(
        (await roster().where('date').between(`${month}-01`, `${month}-31`, true, true).toArray()).map((e) => [
          e.date,
          e,
        ]),
      ),
    [month],
  );
}

/** Today's duty engineer (Shanghai date), or null when the roster has nobody today. */
export function useTodayDuty(): { date: string; member: TeamMember | null } | undefined {
  const date = shanghaiDate(new Date());
  return useLiveQuery(async () => {
    const entry = await roster().where('date').equals(date).first();
    return { date, member: entry ? ((await getDb().team.get(entry.memberId)) ?? null) : null };
  }, [date]);
}

/** Puts `memberId` on duty on `date` (null clears the day); the day keeps a single entry. */
export async function setDuty(date: string, memberId: string | null): Promise<void> {
  await writeTx(['roster'], async (db, w) => {
    const old = await roster(db).where('date').equals(date).toArray();
    const summary = `${date}: ${old.map((e) => e.memberId).join(',') || '—'} → ${memberId ?? '—'}`;
    await w.bulkDelete(
      'roster',
      old.map((e) => e.id),
      summary,
    );
    if (memberId)
      await w.add(
        'roster',
        rosterEntrySchema.parse(stamp({ date, memberId })),
        summary,
        old.length ? 'update' : 'create',
      );
  });
}

/** Writes many days at once (rotation fill); days already set are kept unless `overwrite`. Returns the count written. */
export async function fillRoster(days: Array<{ date: string; memberId: string }>, overwrite: boolean): Promise<number> {
  if (days.length === 0) return 0;
  return writeTx(['roster'], async (db, w) => {
    const dates = days.map((d) => d.date).sort();
    const existing = await roster(db)
      .where('date')
      .between(dates[0], dates[dates.length - 1], true, true)
      .toArray();
    const taken = new Set(existing.map((e) => e.date));
    const todo = overwrite ? days : days.filter((d) => !taken.has(d.date));
    const summary = `rotation fill: ${todo.length} days${overwrite ? ' (overwrite)' : ''}`;
    if (overwrite)
      await w.bulkDelete(
        'roster',
        existing.filter((e) => dates.includes(e.date)).map((e) => e.id),
        summary,
      );
    await w.bulkAdd(
      'roster',
      todo.map((d) => rosterEntrySchema.parse(stamp(d))),
      (e) => `${e.date}: ${e.memberId} (${summary})`,
    );
    return todo.length;
  });
}

/** Personnel changes, newest notice first. */
export function usePersonnelChanges(): PersonnelChange[] | undefined {
  return useLiveQuery(() => changes().orderBy('noticeDate').reverse().toArray(), []);
}

type Draft = Omit<PersonnelChange, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'> & { id?: string };

/** Saves a personnel change; a planned date under 30 days after the notice is refused (PersonnelRuleError). */
export async function savePersonnelChange(d: Draft): Promise<PersonnelChange> {
  assertPersonnelChange(d);
  // The notice's approval is written only by issuePersonnelNotice (notice.ts), with the PM's PIN: an
  // edit keeps the stored one and cannot bring its own.
  const { noticeApproval: _fromDraft, ...draft } = d;
  return writeTx(['personnelChanges'], async (db, w) => {
    const existing = d.id ? await changes(db).get(d.id) : undefined;
    const row = personnelChangeSchema.parse(
      stamp({
        ...draft,
        id: existing?.id ?? d.id,
        createdAt: existing?.createdAt,
        ...(existing?.noticeApproval ? { noticeApproval: existing.noticeApproval } : {}),
      }),
    );
    for (const k of ['consentDate', 'consentBy'] as const) if (!row[k]) delete row[k];
    await w.put(
      'personnelChanges',
      row,
      `${row.leavingName} → ${row.replacementName}, notice ${row.noticeDate}, planned ${row.plannedDate}, ${row.status}`,
      existing ? 'update' : 'create',
    );
    return row;
  });
}

export async function deletePersonnelChange(c: PersonnelChange): Promise<void> {
  await writeTx(['personnelChanges'], async (_db, w) => {
    await w.delete('personnelChanges', c.id, `${c.leavingName} → ${c.replacementName}`);
  });
}
