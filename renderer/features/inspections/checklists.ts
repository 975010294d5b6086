/**
 * The built-in checklist library: one template per system family, shipped as JSON in
 * resources/checklists/ (Chinese with English) and validated against the template schema at load.
 */
import {
  checklistFileSchema,
  type ChecklistFile,
  type InspectionTemplate,
  type TemplateSnapshot,
} from '@shared/schemas/inspection';
import type { SystemFamily } from '@shared/schemas/core';
import virtualization from '@resources/checklists/virtualization.json';
import privateCloud from '@resources/checklists/private-cloud.json';
import pam from '@resources/checklists/pam.json';
import security from '@resources/checklists/security.json';
import backupDr from '@resources/checklists/backup-dr.json';

/** Id of a built-in template version in lists and plans (built-ins are not stored in the database). */
export const builtInId = (t: Pick<ChecklistFile, 'templateKey' | 'version'>) => `${t.templateKey}@${t.version}`;

/** Families with a built-in checklist, in the order the UI lists them. */
export const builtInFamilies = [
  'virtualization',
  'private-cloud',
  'pam',
  'security',
  'backup-dr',
] as const satisfies readonly SystemFamily[];

const files: Record<(typeof builtInFamilies)[number], unknown> = {
  virtualization,
  'private-cloud': privateCloud,
  pam,
  security,
  'backup-dr': backupDr,
};

/** Parsed built-in templates; a file that does not match the schema fails loudly (and in the unit test). */
export const builtInTemplates: ChecklistFile[] = builtInFamilies.map((f) => checklistFileSchema.parse(files[f]));

export function builtInFor(family: SystemFamily): ChecklistFile | undefined {
  return builtInTemplates.find((t) => t.family === family);
}

/** What a run keeps of a template: its key, version, family, title and items (deep copy). */
export function snapshotOf(t: ChecklistFile | InspectionTemplate): TemplateSnapshot {
  return structuredClone({
    templateKey: t.templateKey,
    version: t.version,
    family: t.family,
    title: t.title,
    items: t.items,
  });
}
