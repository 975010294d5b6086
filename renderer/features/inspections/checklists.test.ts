import { describe, expect, it } from 'vitest';
import { checklistFileSchema, type ChecklistFile } from '@shared/schemas/inspection';
import { systemFamilies } from '@shared/schemas/core';
import { builtInTemplates } from './checklists';

// Every JSON file in resources/checklists, whether or not checklists.ts imports it.
const files = import.meta.glob<unknown>('../../../resources/checklists/*.json', { eager: true, import: 'default' });

describe('built-in checklist files', () => {
  it('there is one file per family except "other"', () => {
    const names = Object.keys(files)
      .map((p) => p.split('/').pop()!.replace('.json', ''))
      .sort();
    expect(names).toEqual(systemFamilies.filter((f) => f !== 'other').sort());
  });

  for (const [path, json] of Object.entries(files)) {
    describe(path.split('/').pop()!, () => {
      const parsed = checklistFileSchema.safeParse(json);
      it('matches the template schema', () => {
        expect(parsed.error?.issues ?? []).toEqual([]);
      });
      const t = parsed.data as ChecklistFile;
      it('is named after its family and keyed builtin-<family>', () => {
        expect(path.endsWith(`/${t.family}.json`)).toBe(true);
        expect(t.templateKey).toBe(`builtin-${t.family}`);
      });
      it('has at least 12 routine items and some deep-only items', () => {
        expect(t.items.filter((i) => !i.deepOnly).length).toBeGreaterThanOrEqual(12);
        expect(t.items.filter((i) => i.deepOnly).length).toBeGreaterThanOrEqual(3);
      });
      it('uses every answer type and asks for evidence somewhere', () => {
        const types = new Set(t.items.map((i) => i.answer.type));
        expect([...types].sort()).toEqual(expect.arrayContaining(['number', 'status']));
        expect(types.has('choice') || types.has('text')).toBe(true);
        expect(t.items.some((i) => i.evidenceRequired)).toBe(true);
      });
      it('is bilingual: Chinese text has Chinese characters, English text has none', () => {
        for (const item of t.items) {
          // An expected value may be a bare threshold (≤ 80%) in both languages.
          for (const field of [item.title, item.check, item.method, item.bestPractice])
            expect(field.zh).toMatch(/[\u4e00-\u9fff]/);
          for (const field of [item.title, item.check, item.method, item.expected, item.bestPractice])
            expect(field.en).not.toMatch(/[\u4e00-\u9fff]/);
        }
      });
    });
  }

  it('loads every built-in through checklists.ts', () => {
    expect(builtInTemplates.map((t) => t.family).sort()).toEqual(systemFamilies.filter((f) => f !== 'other').sort());
  });
});
