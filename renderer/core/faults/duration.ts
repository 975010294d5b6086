/**
 * Durations and compact times as a fault's clocks show them, on screen and in the fault diagnosis
 * report (renderer/pdf/fault-diagnosis-report.ts); in the core so that the PDF builder need not import
 * the faults feature (eslint-rules/feature-boundaries.js).
 */
import type { TFunction } from 'i18next';
import { formatWallDateTime } from '@shared/domain/time';

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

/** `11-26 08:18` in Asia/Shanghai, both languages: compact, for tables (the year is the table's). */
export function formatShortDateTime(iso: string | undefined, _lng?: string): string {
  return (iso && formatWallDateTime(iso)?.slice(5)) || '—';
}
