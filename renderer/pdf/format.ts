/**
 * Formatting shared by the layout pieces; kept apart so they do not import each other. Dates and
 * times print as on the screens (renderer/core/format.ts): `2026-11-25`, `2026-11-25 09:30`, the same
 * in both languages; in Asia/Shanghai by shared/domain/time.ts, in another zone by Intl.
 */
import { formatWallDate, formatWallDateTime } from '@shared/domain/time';

/** `YYYY-MM-DD` for an ISO date or date-time, in `timeZone` (dates print the same in both languages). */
export function formatDate(iso: string, timeZone = 'Asia/Shanghai'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  if (timeZone === 'Asia/Shanghai') return formatWallDate(iso) ?? '—';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `2026-11-25 09:30` in the report's time zone. */
export function formatDateTime(iso: string | undefined, timeZone = 'Asia/Shanghai'): string {
  if (!iso) return '—';
  if (timeZone === 'Asia/Shanghai') return formatWallDateTime(iso) ?? '—';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
