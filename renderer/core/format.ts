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
    hour12: false,
  }).format(d);
}

export function formatDate(value: string | Date | undefined, lng: Language | string): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00+08:00` : value) : value;
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

/** Converts a `datetime-local` value (Shanghai wall time) to ISO with +08:00, and back. */
export function localInputToIso(v: string): string {
  return v ? new Date(`${v}:00+08:00`).toISOString() : '';
}
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16);
}
