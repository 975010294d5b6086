import { describe, expect, it } from 'vitest';
import { impossibleValue, itemsForMode } from '@shared/domain/inspection-judge';
import { builtInTemplates } from './checklists';
import { scenarioAnswers, scenarioPlan } from './demo-scenario';

const systems = builtInTemplates.map((t, i) => ({
  id: `s-${t.family}`,
  name: `${t.family} ${i}`,
  family: t.family,
  vendor: 'V',
  model: 'M',
  version: '1',
  location: 'L',
}));

describe('demo scenario values', () => {
  it('every measured value of every month and seed can be (no percentage above 100, nothing negative)', () => {
    let checked = 0;
    for (const mode of ['routine', 'deep'] as const)
      for (let monthIndex = 0; monthIndex < 6; monthIndex++)
        for (let seed = 1; seed <= 40; seed++) {
          const plan = scenarioPlan({
            id: `p-${mode}-${monthIndex}-${seed}`,
            number: 'XJRW-202610-A-01',
            month: '2026-10',
            mode,
            systems,
            engineers: ['e1', 'e2'],
            plannedAt: '2026-10-01T01:00:00.000Z',
            by: 'e1',
          });
          const answers = scenarioAnswers(plan, {
            monthIndex,
            anomalies: monthIndex === 3,
            lng: 'zh-CN',
            at: () => '2026-10-20T01:00:00.000Z',
            seed,
          });
          for (const a of answers) {
            if (a.value === undefined) continue;
            const s = plan.systems.find((x) => x.systemId === a.systemId)!;
            const item = itemsForMode(plan.templates[s.templateRef], mode).find((i) => i.id === a.itemId)!;
            if (item.answer.type !== 'number') continue;
            checked++;
            expect(impossibleValue(item.answer, a.value), `${a.systemId} ${a.itemId} = ${a.value}`).toBeUndefined();
          }
        }
    expect(checked).toBeGreaterThan(1000);
  });
});
