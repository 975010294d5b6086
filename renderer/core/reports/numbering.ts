import { nextNumber, numberStem, type NumberPrefix } from '@shared/domain/numbering';
import type { ReportType } from '../../pdf/types';

/** Number prefixes of issued documents (the fault diagnosis report carries its fault's GZ number). */
export const reportPrefixes: Record<ReportType, NumberPrefix> = {
  'fault-diagnosis': 'GZ',
  'escalation-package': 'SJ',
  inspection: 'XJ',
  'system-diagnosis': 'ZD',
  'health-check': 'JC',
  'monthly-service': 'YB',
  'training-record': 'PX',
  'training-summary': 'PXZ',
  'faq-manual': 'SC',
  'personnel-notice': 'RY',
  sample: 'BG',
};

/** What every number of `type` for this device and Shanghai month starts with (an index look-up). */
export function reportNumberStem(type: ReportType, device: string, now: Date): string {
  return numberStem(reportPrefixes[type], device, now);
}

/**
 * `XJ-202611-A-001` (shared/domain/numbering.ts): prefix, month in Shanghai, this laptop's device
 * code, a sequence per month, after the numbers already `taken` (read inside the issuing transaction).
 */
export function nextReportNumber(taken: Iterable<string>, type: ReportType, device: string, now: Date): string {
  return nextNumber(taken, reportPrefixes[type], device, now);
}
