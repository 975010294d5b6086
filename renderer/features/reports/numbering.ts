import { getDb } from '../../db';
import type { ReportType } from '../../pdf/types';

/** Number prefixes of issued documents (faults carry their own GZ number). */
export const reportPrefixes: Record<ReportType, string> = {
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

/** `XJ-202611-A-01`: prefix, month in Shanghai, this laptop's device code, a sequence per month. */
export async function nextReportNumber(type: ReportType, device: string, now: Date): Promise<string> {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const stem = `${reportPrefixes[type]}-${shanghai.toISOString().slice(0, 7).replace('-', '')}-${device}-`;
  const taken = (await getDb().reports.toArray())
    .filter((r) => r.number.startsWith(stem))
    .map((r) => Number(r.number.slice(stem.length)) || 0);
  return `${stem}${String(Math.max(0, ...taken) + 1).padStart(2, '0')}`;
}
