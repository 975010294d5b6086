import {
  parseCalendarYear,
  validateWorkHours,
  type CalendarData,
  type CalendarIssue,
  type CalendarYear,
} from '@shared/domain/calendar';
import { parsePolicy, type Policy } from '@shared/domain/fault-clock';
import { appendAudit } from '../../db/audit';
import { getActor, writeTx } from '../../db';

/**
 * Where the editable contract numbers live (read by core/clock-config.ts):
 * `calendars` rows `{ year, holidays, workdays }` replace the shipped data of that year;
 * `settings` rows `policy` and `workHours` hold `{ key, value }`.
 */
export class CalendarInputError extends Error {
  constructor(public issues: CalendarIssue[] | string[]) {
    super('invalid calendar input');
  }
}

/** Stores one year's holidays and adjusted working days (validated), recorded in the audit log. */
export async function saveCalendarYear(input: CalendarYear | string): Promise<CalendarYear> {
  const parsed = parseCalendarYear(input);
  if (!parsed.ok) throw new CalendarInputError(parsed.issues);
  const y = parsed.value;
  await writeTx(['calendars'], async (db) => {
    await db.calendars.put({
      year: y.year,
      holidays: y.holidays,
      workdays: y.workdays,
      ...(y.source ? { source: y.source } : {}),
    });
    await appendAudit(db, {
      actor: getActor(),
      entity: 'calendars',
      entityId: String(y.year),
      action: 'settings',
      summary: `calendar ${y.year}: ${y.holidays.length} holidays, ${y.workdays.length} adjusted working days`,
    });
  });
  return y;
}

/** Drops the edited year: the shipped data (2025, 2026) or plain weekdays apply again. */
export async function resetCalendarYear(year: number): Promise<void> {
  await writeTx(['calendars'], async (db) => {
    await db.calendars.delete(year);
    await appendAudit(db, {
      actor: getActor(),
      entity: 'calendars',
      entityId: String(year),
      action: 'settings',
      summary: `calendar ${year} reset to the built-in data`,
    });
  });
}

async function putSetting(key: 'policy' | 'workHours', value: unknown, summary: string): Promise<void> {
  await writeTx(['settings'], async (db) => {
    await db.settingValues.put({ key, value });
    await appendAudit(db, { actor: getActor(), entity: 'settings', entityId: key, action: 'settings', summary });
  });
}

export async function saveWorkHours(hours: CalendarData['workHours']): Promise<void> {
  const issues = validateWorkHours(hours);
  if (issues.length) throw new CalendarInputError(issues);
  await putSetting('workHours', hours, `business hours ${hours.map((h) => `${h.start}–${h.end}`).join(', ')}`);
}

/** Saves the clock targets; every change is audited with the old and new numbers. */
export async function savePolicy(next: Policy, before: Policy): Promise<void> {
  const parsed = parsePolicy(next);
  if (!parsed.ok) throw new CalendarInputError(parsed.errors);
  const changes: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (a && typeof a === 'object')
      for (const k of Object.keys(a))
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)?.[k], path ? `${path}.${k}` : k);
    else if (a !== b) changes.push(`${path}: ${String(b)} → ${String(a)}`);
  };
  walk(parsed.value, before, '');
  await putSetting('policy', parsed.value, changes.join('; ') || 'no change');
}

export async function resetPolicy(): Promise<void> {
  await writeTx(['settings'], async (db) => {
    await db.settingValues.delete('policy');
    await appendAudit(db, {
      actor: getActor(),
      entity: 'settings',
      entityId: 'policy',
      action: 'settings',
      summary: 'policy reset to the contract defaults',
    });
  });
}
