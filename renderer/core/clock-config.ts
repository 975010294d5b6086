/**
 * The calendar and policy the clocks are evaluated with. The team edits them in Settings:
 * extra or edited years live in the `calendars` table (one row per year, like the shipped
 * resources/calendar/<year>.json), the policy in the `settings` row `policy`. Until something is
 * stored there, the contract's defaults apply.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { calendarYearSchema, defaultCalendar, type CalendarData } from '@shared/domain/calendar';
import { defaultPolicy, parsePolicy, type Policy } from '@shared/domain/fault-clock';
import { getDb } from '../db';

/** The contract calendar and policy every clock (faults, requests, inspections) is evaluated with. */
export interface ClockConfig {
  calendar: CalendarData;
  policy: Policy;
}

interface StoredYear {
  year: number;
  holidays: string[];
  workdays: string[];
}

let cached: { key: string; config: ClockConfig } | undefined;

/** Builds the config; the same inputs give the same object (the calendar maths caches per object). */
export function buildClockConfig(
  years: unknown[],
  storedPolicy: unknown,
  workHours?: CalendarData['workHours'],
): ClockConfig {
  const key = JSON.stringify([years, storedPolicy, workHours]);
  if (cached?.key === key) return cached.config;
  const calendar = defaultCalendar();
  if (workHours?.length) calendar.workHours = workHours;
  for (const raw of years) {
    const y = calendarYearSchema.safeParse(raw);
    if (!y.success) continue;
    const prefix = `${y.data.year}-`;
    // A stored year replaces the shipped data of that year entirely.
    calendar.holidays = calendar.holidays.filter((d) => !d.startsWith(prefix)).concat(y.data.holidays);
    calendar.workdays = calendar.workdays.filter((d) => !d.startsWith(prefix)).concat(y.data.workdays);
    if (!calendar.years.includes(y.data.year)) calendar.years = [...calendar.years, y.data.year].sort();
  }
  const parsed = storedPolicy === undefined ? undefined : parsePolicy(storedPolicy);
  const config: ClockConfig = { calendar, policy: parsed?.ok ? parsed.value : defaultPolicy() };
  cached = { key, config };
  return config;
}

async function readInputs(): Promise<[StoredYear[], unknown, CalendarData['workHours'] | undefined]> {
  const db = getDb();
  const years = await db.calendars.toArray();
  const settings = db.settingValues;
  const policyRow = await settings.get('policy');
  const hoursRow = await settings.get('workHours');
  return [years, policyRow?.value, hoursRow?.value as CalendarData['workHours'] | undefined];
}

export async function loadClockConfig(): Promise<ClockConfig> {
  const [years, policy, hours] = await readInputs();
  return buildClockConfig(years, policy, hours);
}

/** Live config; the defaults while loading, so clocks never wait for it. */
export function useClockConfig(): ClockConfig {
  return useLiveQuery(loadClockConfig, []) ?? buildClockConfig([], undefined);
}
