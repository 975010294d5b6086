import {
  formatInstant,
  formatWallDate,
  formatWallDateTime,
  shanghaiDayNumber,
  shanghaiWallToInstant,
  startOfShanghaiDay,
} from '@shared/domain/time';
import type { Language } from '../i18n';

/** All times are shown in Asia/Shanghai, whatever the laptop's zone (docs/domain.md). */
export const timeZone = 'Asia/Shanghai';

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(lng: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lng + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lng, { timeZone, ...opts });
    cache.set(key, f);
  }
  return f;
}

/**
 * `2026-11-25 17:00`: the one date-time format of the app's screens and reports, in both languages
 * (shared/domain/time.ts formatWallDateTime). `lng` is kept for the callers; the text does not depend on it.
 */
export function formatDateTime(value: string | Date | undefined, _lng?: Language | string): string {
  return value === undefined || value === '' ? '' : (formatWallDateTime(value) ?? '');
}

/** `2026-11-25`: a bare date as that day, an instant as its Shanghai day; the same in both languages. */
export function formatDate(value: string | Date | undefined, _lng?: Language | string): string {
  return value === undefined || value === '' ? '' : (formatWallDate(value) ?? '');
}

/** `周三` / `Wed`: the weekday of a Shanghai day number in the user's language. */
function weekdayOf(day: number, lng: string): string {
  return dtf(lng, { weekday: 'short' }).format(new Date(startOfShanghaiDay(day) + 12 * 3_600_000));
}

/**
 * A deadline as the engineer reads it at a glance: only the time when it falls today; otherwise the
 * date with its weekday (`12-07 周一 09:30`, `Mon 12-07 09:30`), and the year when it is not this
 * year (`2027-01-04 周一 09:30`). Today and this year are those of Asia/Shanghai at `now`.
 */
export function formatDeadline(value: string | Date | undefined, now: Date | number, lng: Language | string): string {
  const full = value === undefined || value === '' ? undefined : formatWallDateTime(value);
  if (!full) return '';
  const day = shanghaiDayNumber(typeof value === 'string' ? Date.parse(value) : (value as Date).getTime());
  const today = shanghaiDayNumber(typeof now === 'number' ? now : now.getTime());
  const time = full.slice(11);
  if (day === today) return time;
  const date = full.slice(0, 4) === formatWallDate(now)?.slice(0, 4) ? full.slice(5, 10) : full.slice(0, 10);
  const weekday = weekdayOf(day, lng);
  return lng.startsWith('zh') ? `${date} ${weekday} ${time}` : `${weekday} ${date} ${time}`;
}

export function formatNumber(n: number, lng: Language | string, digits = 0): string {
  return new Intl.NumberFormat(lng, { maximumFractionDigits: digits }).format(n);
}

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export function shanghaiDate(d: Date): string {
  return dtf('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Converts a `datetime-local` value (`YYYY-MM-DDTHH:mm`, Shanghai wall time) to an ISO instant, and back. */
export function localInputToIso(v: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(v);
  const ms = m ? shanghaiWallToInstant(m[1], +m[2] * 60 + +m[3]) : undefined;
  return ms === undefined ? '' : new Date(ms).toISOString();
}
export function isoToLocalInput(iso: string | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? '' : formatInstant(ms).slice(0, 16);
}
