/**
 * Durations and compact times as a fault's clocks show them, on screen and in the fault diagnosis
 * report (renderer/pdf/fault-diagnosis-report.ts); in the core so that the PDF builder need not import
 * the faults feature (eslint-rules/feature-boundaries.js).
 */
import type { TFunction } from 'i18next';

/** `1 小时 20 分` / `2 天 3 小时` / `12 分钟` from a number of minutes (the sign is ignored). */
export function formatMinutes(t: TFunction, minutes: number): string {
  const total = Math.floor(Math.abs(minutes));
  if (Math.abs(minutes) < 1) return t('faults:duration.lessThanMinute');
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (d > 0) return h === 0 ? t('faults:duration.daysOnly', { d }) : t('faults:duration.days', { d, h });
  if (h > 0) return m === 0 ? t('faults:duration.hoursOnly', { h }) : t('faults:duration.hours', { h, m });
  return t('faults:duration.minutes', { m });
}

const shortFormats = new Map<string, Intl.DateTimeFormat>();

/** `11/26 08:18` (zh-CN) / `11/26, 08:18` (en) in Asia/Shanghai: compact, for tables. */
export function formatShortDateTime(iso: string | undefined, lng: string): string {
  if (!iso) return '—';
  let f = shortFormats.get(lng);
  if (!f) {
    f = new Intl.DateTimeFormat(lng, {
      timeZone: 'Asia/Shanghai',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    shortFormats.set(lng, f);
  }
  return f.format(new Date(iso));
}
