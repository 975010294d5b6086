import { describe, expect, it } from 'vitest';
import virtualization from '../../resources/checklists/virtualization.json';
import privateCloud from '../../resources/checklists/private-cloud.json';
import pam from '../../resources/checklists/pam.json';
import security from '../../resources/checklists/security.json';
import backupDr from '../../resources/checklists/backup-dr.json';
import { checklistFileSchema, checklistItemSchema, inspectionAnswerSchema } from './inspection';

const item = {
  id: 'cpu-peak',
  title: { zh: 'CPU 峰值', en: 'CPU peak' },
  check: { zh: '查', en: 'Check' },
  method: { zh: '法', en: 'Method' },
  expected: { zh: '≤ 80%', en: '≤ 80 %' },
  answer: { type: 'number', unit: '%', comparator: '<=', threshold: 80 },
  required: true,
  evidenceRequired: false,
  severity: 'medium',
  bestPractice: { zh: '佳', en: 'Best' },
  deepOnly: false,
};
const file = {
  templateKey: 'builtin-x',
  family: 'virtualization',
  version: 1,
  title: item.title,
  description: item.title,
  items: [item],
};

describe('checklist template schema', () => {
  it.each([
    ['virtualization', virtualization],
    ['private-cloud', privateCloud],
    ['pam', pam],
    ['security', security],
    ['backup-dr', backupDr],
  ])('accepts the built-in %s checklist', (family, json) => {
    const parsed = checklistFileSchema.parse(json);
    expect(parsed.family).toBe(family);
    expect(parsed.items.length).toBeGreaterThanOrEqual(12);
  });

  it('accepts a well-formed item and template', () => {
    expect(checklistFileSchema.safeParse(file).success).toBe(true);
  });

  it('refuses an item without English, an unknown field, a bad id, a "between" without its upper bound', () => {
    expect(checklistItemSchema.safeParse({ ...item, title: { zh: 'CPU' } }).success).toBe(false);
    expect(checklistItemSchema.safeParse({ ...item, colour: 'red' }).success).toBe(false);
    expect(checklistItemSchema.safeParse({ ...item, id: 'CPU Peak' }).success).toBe(false);
    const between = checklistItemSchema.safeParse({
      ...item,
      answer: { type: 'number', unit: 'ms', comparator: 'between', threshold: 10 },
    });
    expect(between.error?.issues[0].message).toBe('inspections:validation.betweenNeedsMax');
    expect(
      checklistItemSchema.safeParse({
        ...item,
        answer: { type: 'choice', options: [{ value: 'ok', label: item.title, abnormal: false }] },
      }).success,
    ).toBe(false);
  });

  it('refuses two items with the same id', () => {
    const r = checklistFileSchema.safeParse({ ...file, items: [item, item] });
    expect(r.error?.issues.map((i) => i.message)).toContain('inspections:validation.duplicateItemId');
  });

  it('answers keep only finite numbers', () => {
    const base = {
      id: 'a',
      createdAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-01T00:00:00Z',
      updatedBy: 'e1',
      inspectionId: 'i',
      systemId: 's',
      itemId: 'cpu-peak',
      answeredBy: 'e1',
      answeredAt: '2026-11-01T00:00:00Z',
    };
    expect(inspectionAnswerSchema.safeParse({ ...base, value: 92 }).success).toBe(true);
    expect(inspectionAnswerSchema.safeParse({ ...base, value: Number.POSITIVE_INFINITY }).success).toBe(false);
  });
});
