import type { TFunction } from 'i18next';
import type { BackupIssue } from './format-types';

/** One issue of a file, in the user's language (namespace `backup`). */
export function issueText(t: TFunction, issue: BackupIssue): string {
  const params: Record<string, string | number> = { ...issue.params };
  if (typeof params.table === 'string') params.table = tableLabel(t, params.table);
  if (typeof params.target === 'string') params.target = tableLabel(t, params.target);
  // Keys of another namespace name it (`safety:file.wrongBackupType`); the rest are the backup namespace's.
  return t(issue.key.includes(':') ? issue.key : `backup:${issue.key}`, params);
}

/** A table's name for people (`faults` → 故障), or the raw name for tables not listed. */
export function tableLabel(t: TFunction, name: string): string {
  return t(`backup:tables.${name}`, { defaultValue: name });
}

export function formatBytes(n: number, lng: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(lng, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v)} ${units[u]}`;
}

/** The order tables are listed in for people: records first, bookkeeping last. */
const tableOrder = [
  'faults',
  'faultEvents',
  'serviceRequests',
  'inspections',
  'inspectionAnswers',
  'inspectionTemplates',
  'reports',
  'signatures',
  'attachments',
  'kbArticles',
  'kbVersions',
  'trainings',
  'trainingPlans',
  'roster',
  'personnelChanges',
  'feedbackMeetings',
  'team',
  'contacts',
  'systems',
  'calendars',
  'settings',
  'alertLog',
  'auditLog',
  'meta',
];
export function tableRank(name: string): number {
  const i = tableOrder.indexOf(name);
  return i < 0 ? tableOrder.length : i;
}
