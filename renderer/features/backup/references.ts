/**
 * References between records that a restore must not break: a row pointing at a row that is not
 * in the backup means the file was cut or edited by hand. Only rules whose tables exist are
 * applied, and an empty or missing optional reference is fine. Links the UI lets go stale on
 * purpose (a system's vendor contact after that contact is deleted) are not rules.
 */
import type { BackupIssue } from './format-types';

interface Rule {
  table: string;
  field: string;
  target: string;
}

export const referenceRules: Rule[] = [
  { table: 'faultEvents', field: 'faultId', target: 'faults' },
  { table: 'reports', field: 'pdfAttachmentId', target: 'attachments' },
  { table: 'reports', field: 'signedPdfAttachmentId', target: 'attachments' },
  { table: 'reports', field: 'scanAttachmentId', target: 'attachments' },
  { table: 'signatures', field: 'reportId', target: 'reports' },
  { table: 'kbVersions', field: 'articleId', target: 'kbArticles' },
  { table: 'inspectionAnswers', field: 'inspectionId', target: 'inspections' },
];

/** `attachments.ownerType` → the table holding the owner. Unknown owner types are not checked. */
export const ownerTables: Record<string, string> = {
  fault: 'faults',
  faults: 'faults',
  report: 'reports',
  reports: 'reports',
  request: 'serviceRequests',
  serviceRequest: 'serviceRequests',
  serviceRequests: 'serviceRequests',
  inspection: 'inspections',
  inspections: 'inspections',
  kb: 'kbArticles',
  kbArticle: 'kbArticles',
  kbArticles: 'kbArticles',
  training: 'trainings',
  trainings: 'trainings',
  personnelChange: 'personnelChanges',
  personnelChanges: 'personnelChanges',
  system: 'systems',
  systems: 'systems',
};

const idOf = (row: unknown) => (row as { id?: unknown } | null)?.id;

/** Every broken reference, as issues (at most `limit`). */
export function referenceIssues(tables: Map<string, unknown[]>, limit = 50): BackupIssue[] {
  const ids = new Map<string, Set<unknown>>();
  const idsOf = (name: string) => {
    let s = ids.get(name);
    if (!s) ids.set(name, (s = new Set((tables.get(name) ?? []).map(idOf))));
    return s;
  };
  const out: BackupIssue[] = [];
  const check = (table: string, row: unknown, field: string, target: string) => {
    const v = (row as Record<string, unknown>)[field];
    if (v === undefined || v === null || v === '') return;
    if (!idsOf(target).has(v) && out.length < limit)
      out.push({
        key: 'errors.reference',
        params: { table, id: String(idOf(row)), field, target, value: String(v).slice(0, 64) },
      });
  };
  for (const rule of referenceRules) {
    if (!tables.has(rule.table) || !tables.has(rule.target)) continue;
    for (const row of tables.get(rule.table)!)
      if (row && typeof row === 'object') check(rule.table, row, rule.field, rule.target);
  }
  for (const row of tables.get('attachments') ?? []) {
    if (!row || typeof row !== 'object') continue;
    const target = ownerTables[String((row as { ownerType?: unknown }).ownerType)];
    if (target && tables.has(target)) check('attachments', row, 'ownerId', target);
  }
  return out;
}
