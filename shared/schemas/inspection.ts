import { z } from 'zod';
import { isoDate, isoInstant, recordBase, cleanString } from './common';
import { systemFamilies } from './core';

/** Every text of a checklist exists in Chinese and English: a report is printed in either. */
export const localizedText = (max = 500) =>
  z.strictObject({ zh: cleanString().trim().min(1).max(max), en: cleanString().trim().min(1).max(max) });
export type LocalizedText = z.infer<ReturnType<typeof localizedText>>;

/** How a measured number is judged: normal when `value <comparator> threshold` (between: threshold ≤ value ≤ max). */
export const comparators = ['<', '<=', '>', '>=', 'between'] as const;
export type Comparator = (typeof comparators)[number];
export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];
export const answerTypes = ['status', 'number', 'text', 'choice'] as const;
export type AnswerType = (typeof answerTypes)[number];

const statusSpec = z.strictObject({ type: z.literal('status') });
const numberSpec = z
  .strictObject({
    type: z.literal('number'),
    unit: cleanString().trim().max(20),
    comparator: z.enum(comparators),
    threshold: z.number().finite(),
    /** Upper bound for `between`. */
    max: z.number().finite().optional(),
  })
  .refine((s) => s.comparator !== 'between' || (s.max !== undefined && s.max >= s.threshold), {
    message: 'inspections:validation.betweenNeedsMax',
    path: ['max'],
  });
const textSpec = z.strictObject({ type: z.literal('text') });
const choiceSpec = z.strictObject({
  type: z.literal('choice'),
  options: z
    .array(
      z.strictObject({
        value: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
        label: localizedText(120),
        abnormal: z.boolean(),
      }),
    )
    .min(2)
    .max(12),
});
export const answerSpecSchema = z.discriminatedUnion('type', [statusSpec, numberSpec, textSpec, choiceSpec]);
export type AnswerSpec = z.infer<typeof answerSpecSchema>;
export type NumberSpec = z.infer<typeof numberSpec>;
export type ChoiceSpec = z.infer<typeof choiceSpec>;

export const itemIdPattern = /^[a-z0-9][a-z0-9-]{1,39}$/;

/** One checklist item, written as an experienced engineer checks it. */
export const checklistItemSchema = z.strictObject({
  id: z.string().regex(itemIdPattern, { message: 'inspections:validation.itemId' }),
  title: localizedText(120),
  /** What to look at. */
  check: localizedText(600),
  /** Where to look, or the command to run. */
  method: localizedText(800),
  /** The expected value or threshold, in words. */
  expected: localizedText(400),
  answer: answerSpecSchema,
  /** Finishing a run needs an answer to every required item. */
  required: z.boolean(),
  /** A screenshot or photo must be attached. */
  evidenceRequired: z.boolean(),
  /** Severity of the finding when the item is abnormal. */
  severity: z.enum(severities),
  /** Best practice, printed in the deep health check report. */
  bestPractice: localizedText(800),
  /** Only checked in the deep health check. */
  deepOnly: z.boolean(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const templateKeyPattern = /^[a-z0-9][a-z0-9-]{1,59}$/;

const templateContent = {
  templateKey: z.string().regex(templateKeyPattern),
  family: z.enum(systemFamilies),
  version: z.number().int().positive(),
  title: localizedText(120),
  description: localizedText(1000),
  items: z.array(checklistItemSchema).min(1).max(500),
};

function uniqueItemIds(t: { items: ChecklistItem[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  t.items.forEach((item, i) => {
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', message: 'inspections:validation.duplicateItemId', path: ['items', i, 'id'] });
    seen.add(item.id);
  });
}

/** A built-in checklist file in `resources/checklists/<family>.json`. */
export const checklistFileSchema = z.strictObject(templateContent).superRefine(uniqueItemIds);
export type ChecklistFile = z.infer<typeof checklistFileSchema>;

/** A stored (team-made) template version. Versions are immutable: an edit saves version + 1. */
export const inspectionTemplateSchema = z
  .strictObject({
    ...recordBase,
    ...templateContent,
    /** The template this one was copied from. */
    basedOn: z.strictObject({ templateKey: z.string().max(60), version: z.number().int().positive() }).optional(),
    changeNote: cleanString().max(500).optional(),
  })
  .superRefine(uniqueItemIds);
export type InspectionTemplate = z.infer<typeof inspectionTemplateSchema>;

/** The template content a run keeps, exactly as it was when the run was planned. */
export const templateSnapshotSchema = z.strictObject({
  templateKey: z.string().max(60),
  version: z.number().int().positive(),
  family: z.enum(systemFamilies),
  title: localizedText(120),
  items: z.array(checklistItemSchema).max(500),
});
export type TemplateSnapshot = z.infer<typeof templateSnapshotSchema>;

export const inspectionModes = ['routine', 'deep'] as const;
export type InspectionMode = (typeof inspectionModes)[number];
export const inspectionStatuses = ['planned', 'in-progress', 'finished'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

/** One system of a plan: its particulars at planning time, the engineer, and the template snapshot it uses. */
export const inspectionSystemSchema = z.strictObject({
  systemId: z.string().min(1).max(64),
  name: cleanString().max(80),
  family: z.enum(systemFamilies),
  vendor: cleanString().max(60),
  model: cleanString().max(60),
  version: cleanString().max(40),
  location: cleanString().max(80),
  engineerId: z.string().min(1).max(64),
  /** Key into the inspection's `templates`. */
  templateRef: z.string().min(1).max(80),
});
export type InspectionSystem = z.infer<typeof inspectionSystemSchema>;

const eventBase = { at: isoInstant, by: z.string().max(64) };
export const inspectionEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('planned'), ...eventBase }),
  z.strictObject({ type: z.literal('plan-changed'), ...eventBase, summary: cleanString().max(500) }),
  z.strictObject({ type: z.literal('started'), ...eventBase }),
  z.strictObject({ type: z.literal('finished'), ...eventBase }),
  /** The project manager's approval to fix an anomaly on site (docs/domain.md: fixed only after the PM approves). */
  z.strictObject({
    type: z.literal('approval'),
    ...eventBase,
    approverId: z.string().min(1).max(64),
    approverName: cleanString().max(40),
    approvedAt: isoInstant,
    systemId: z.string().max(64),
    itemId: z.string().max(40),
    decision: z.enum(['fault', 'action']),
    comment: cleanString().max(500).optional(),
  }),
  z.strictObject({
    type: z.literal('fault-created'),
    ...eventBase,
    systemId: z.string().max(64),
    itemId: z.string().max(40),
    faultId: z.string().max(64),
    faultNumber: z.string().max(40),
  }),
  z.strictObject({
    type: z.literal('action-created'),
    ...eventBase,
    systemId: z.string().max(64),
    itemId: z.string().max(40),
    text: cleanString().max(1000),
  }),
]);
export type InspectionEvent = z.infer<typeof inspectionEventSchema>;

/** A monthly inspection: the plan (systems, engineers, templates) and its progress. */
export const inspectionSchema = z.strictObject({
  ...recordBase,
  number: z.string().min(1).max(40),
  /** `YYYY-MM` */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  mode: z.enum(inspectionModes),
  status: z.enum(inspectionStatuses),
  /** The last day planned for the inspection; unfinished after it = overdue. */
  dueDate: isoDate,
  systems: z.array(inspectionSystemSchema).min(1).max(200),
  templates: z.record(z.string().max(80), templateSnapshotSchema),
  startedAt: isoInstant.optional(),
  finishedAt: isoInstant.optional(),
  events: z.array(inspectionEventSchema).max(5000),
  note: cleanString().max(2000).optional(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const answerResults = ['normal', 'abnormal', 'na'] as const;
export type AnswerResult = (typeof answerResults)[number];

/** One answer of one item of one system; saved on its own as it is given (autosave). */
export const inspectionAnswerSchema = z.strictObject({
  ...recordBase,
  inspectionId: z.string().min(1).max(64),
  systemId: z.string().min(1).max(64),
  itemId: z.string().regex(itemIdPattern),
  result: z.enum(answerResults).optional(),
  value: z.number().finite().optional(),
  text: cleanString().max(2000).optional(),
  choice: z.string().max(40).optional(),
  note: cleanString().max(2000).optional(),
  /** Required for an abnormal item. */
  countermeasure: cleanString().max(2000).optional(),
  /** The problem was solved on site during the inspection. */
  solved: z.boolean().optional(),
  faultId: z.string().max(64).optional(),
  faultNumber: z.string().max(40).optional(),
  followUp: z
    .strictObject({
      text: cleanString().min(1).max(1000),
      ownerId: z.string().max(64).optional(),
      dueDate: isoDate.optional(),
    })
    .optional(),
  answeredBy: z.string().max(64),
  answeredAt: isoInstant,
});
export type InspectionAnswer = z.infer<typeof inspectionAnswerSchema>;
