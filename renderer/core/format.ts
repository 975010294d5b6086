import { dayNumberOf, formatInstant, shanghaiWallToInstant, startOfShanghaiDay } from '@shared/domain/time';
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

export function formatDateTime(value: string | Date | undefined, lng: Language | string): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return dtf(lng, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

export function formatDate(value: string | Date | undefined, lng: Language | string): string {
  if (!value) return '';
  const day = typeof value === 'string' ? dayNumberOf(value) : undefined;
  // A bare date is shown as that Shanghai day (its noon, far from either midnight).
  const d =
    typeof value !== 'string'
      ? value
      : day !== undefined
        ? new Date(startOfShanghaiDay(day) + 12 * 3_600_000)
        : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return dtf(lng, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
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
