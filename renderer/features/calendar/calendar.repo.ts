import {
  parseCalendarYear,
  validateWorkHours,
  type CalendarData,
  type CalendarIssue,
  type CalendarYear,
} from '@shared/domain/calendar';
import { parsePolicy, type Policy } from '@shared/domain/fault-clock';
import { writeTx } from '../../db';

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
  await writeTx(['calendars'], async (_db, w) => {
    await w.put(
      'calendars',
      { year: y.year, holidays: y.holidays, workdays: y.workdays, ...(y.source ? { source: y.source } : {}) },
      `calendar ${y.year}: ${y.holidays.length} holidays, ${y.workdays.length} adjusted working days`,
      'settings',
    );
  });
  return y;
}

/** Drops the edited year: the shipped data (2025, 2026) or plain weekdays apply again. */
export async function resetCalendarYear(year: number): Promise<void> {
  await writeTx(['calendars'], async (_db, w) => {
    await w.delete('calendars', year, `calendar ${year} reset to the built-in data`, 'settings');
  });
}

async function putSetting(key: 'policy' | 'workHours', value: unknown, summary: string): Promise<void> {
  await writeTx(['settings'], async (_db, w) => {
    // The settings table's key/value rows (renderer/db/db.ts `SettingValueRow`).
    await w.put('settings', { key, value } as never, summary, 'settings');
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
  await writeTx(['settings'], async (_db, w) => {
    const summary = 'policy reset to the contract defaults';
    if (!(await w.delete('settings', 'policy', summary, 'settings'))) await w.log('settings', 'policy', 'settings', summary);
  });
}
