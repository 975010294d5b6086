import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcRuns } from '../util/fc-runs';
import type { ChecklistItem } from '../schemas/inspection';
import {
  answerKey,
  finishProblems,
  impossibleValue,
  isAnswered,
  itemsForMode,
  judgeNumber,
  parseNumberInput,
  progressOf,
  resultFor,
  thresholdText,
} from './inspection-judge';

const base = {
  title: { zh: '项', en: 'Item' },
  check: { zh: '查', en: 'Check' },
  method: { zh: '法', en: 'Method' },
  expected: { zh: '期', en: 'Expected' },
  bestPractice: { zh: '佳', en: 'Best' },
  required: true,
  evidenceRequired: false,
  severity: 'medium' as const,
  deepOnly: false,
};
const numberItem: ChecklistItem = {
  ...base,
  id: 'cpu',
  answer: { type: 'number', unit: '%', comparator: '<=', threshold: 80 },
};
const statusItem: ChecklistItem = { ...base, id: 'ha', evidenceRequired: true, answer: { type: 'status' } };
const choiceItem: ChecklistItem = {
  ...base,
  id: 'tools',
  answer: {
    type: 'choice',
    options: [
      { value: 'ok', label: { zh: '好', en: 'OK' }, abnormal: false },
      { value: 'bad', label: { zh: '坏', en: 'Bad' }, abnormal: true },
    ],
  },
};
const textItem: ChecklistItem = { ...base, id: 'build', required: false, answer: { type: 'text' } };
const deepItem: ChecklistItem = { ...base, id: 'deep', deepOnly: true, answer: { type: 'status' } };

describe('parseNumberInput', () => {
  it.each([
    ['85', 85],
    [' 12.5 ', 12.5],
    ['-3', -3],
    ['.5', 0.5],
    ['1,024', 1024],
    ['８５．５', 85.5],
    ['0', 0],
  ])('reads %j as %d', (raw, value) => {
    expect(parseNumberInput(raw)).toEqual({ ok: true, value });
  });

  it.each(['85%', 'abc', '八十五', '1.2.3', '12 ms', '1,02', '--1', 'NaN', 'Infinity', '1e3x'])('refuses %j', (raw) => {
    expect(parseNumberInput(raw)).toEqual({ ok: false, reason: 'notNumber' });
  });

  it('tells empty apart from wrong', () => {
    expect(parseNumberInput('   ')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('judgeNumber', () => {
  it.each([
    ['<=', 80, undefined, 80, 'normal'],
    ['<=', 80, undefined, 80.1, 'abnormal'],
    ['<', 80, undefined, 80, 'abnormal'],
    ['>=', 20, undefined, 20, 'normal'],
    ['>=', 20, undefined, 19.9, 'abnormal'],
    ['>', 0, undefined, 0, 'abnormal'],
    ['<=', 0, undefined, 0, 'normal'],
    ['<=', 0, undefined, 1, 'abnormal'],
    ['between', 10, 20, 10, 'normal'],
    ['between', 10, 20, 20, 'normal'],
    ['between', 10, 20, 20.5, 'abnormal'],
    ['between', 10, 20, 9, 'abnormal'],
  ] as const)('%s %d (max %s): %d is %s', (comparator, threshold, max, value, expected) => {
    expect(judgeNumber({ comparator, threshold, max }, value)).toBe(expected);
  });

  it('prints thresholds the way engineers write them', () => {
    expect(thresholdText({ type: 'number', unit: '%', comparator: '<=', threshold: 80 }, '%')).toBe('≤ 80 %');
    expect(thresholdText({ type: 'number', unit: 'ms', comparator: 'between', threshold: 10, max: 20 }, 'ms')).toBe(
      '10 – 20 ms',
    );
  });
});

describe('results and answers', () => {
  it('judges numbers and choices, keeps chosen status, text is normal unless flagged', () => {
    expect(resultFor(numberItem, { value: 92 })).toBe('abnormal');
    expect(resultFor(numberItem, { value: 40 })).toBe('normal');
    expect(resultFor(numberItem, { result: 'na' })).toBe('na');
    expect(resultFor(choiceItem, { choice: 'bad' })).toBe('abnormal');
    expect(resultFor(statusItem, { result: 'abnormal' })).toBe('abnormal');
    expect(resultFor(textItem, { text: '8.0 U3' })).toBe('normal');
    expect(resultFor(textItem, { text: '8.0 U3', result: 'abnormal' })).toBe('abnormal');
  });

  it('counts an item as answered only with a usable value', () => {
    expect(isAnswered(numberItem, { note: 'x' })).toBe(false);
    expect(isAnswered(numberItem, { value: 0 })).toBe(true);
    expect(isAnswered(textItem, { text: '  ' })).toBe(false);
    expect(isAnswered(statusItem, { result: 'na' })).toBe(true);
  });

  it('leaves deep-only items out of a routine run', () => {
    const t = { items: [numberItem, deepItem] };
    expect(itemsForMode(t, 'routine').map((i) => i.id)).toEqual(['cpu']);
    expect(itemsForMode(t, 'deep').map((i) => i.id)).toEqual(['cpu', 'deep']);
  });
});

describe('finishProblems', () => {
  const systems = [{ systemId: 's1', items: [numberItem, statusItem, choiceItem, textItem] }];

  it('lists unanswered required items, missing notes/countermeasures and evidence, in checklist order', () => {
    const answers = new Map([[answerKey('s1', 'cpu'), { value: 95, note: '高峰期批处理' }]]);
    expect(finishProblems(systems, answers, () => 0)).toEqual([
      { systemId: 's1', itemId: 'cpu', kind: 'countermeasureMissing' },
      { systemId: 's1', itemId: 'ha', kind: 'unanswered' },
      { systemId: 's1', itemId: 'tools', kind: 'unanswered' },
    ]);
  });

  it('is empty when everything is answered and justified (optional text may stay empty)', () => {
    const answers = new Map([
      [answerKey('s1', 'cpu'), { value: 95, note: 'n', countermeasure: 'c' }],
      [answerKey('s1', 'ha'), { result: 'normal' as const }],
      [answerKey('s1', 'tools'), { choice: 'ok' }],
    ]);
    expect(finishProblems(systems, answers, () => 0)).toEqual([
      { systemId: 's1', itemId: 'ha', kind: 'evidenceMissing' },
    ]);
    expect(finishProblems(systems, answers, () => 1)).toEqual([]);
  });

  it('progress counts answered and abnormal items', () => {
    const answers: Record<string, object> = { cpu: { value: 95 }, ha: { result: 'na' } };
    expect(progressOf(systems[0].items, (id) => answers[id])).toEqual({
      answered: 2,
      total: 4,
      abnormal: 1,
      percent: 50,
    });
  });
});

describe('impossible values', () => {
  const pct = { unit: '%', comparator: '>=' as const, threshold: 98 };
  it.each([
    [{ unit: '%', comparator: '>=' as const }, 150, 'percentRange'],
    [{ unit: '%', comparator: '<=' as const }, -0.1, 'percentRange'],
    [{ unit: 'count', comparator: '<=' as const }, -1, 'negative'],
    [{ unit: 'ms', comparator: '<=' as const }, -5, 'negative'],
    [{ unit: 'min', comparator: '<=' as const }, -15, 'negative'],
    [{ unit: 'h', comparator: '<=' as const }, -2, 'negative'],
    [{ unit: 'days', comparator: '<=' as const }, -3, 'future'],
    [{ unit: 'months', comparator: '<' as const }, -1, 'future'],
  ])('%j with %d is refused as %s', (spec, value, why) => {
    expect(impossibleValue(spec, value)).toBe(why);
  });

  it.each([
    [{ unit: '%', comparator: '>=' as const }, 0],
    [{ unit: '%', comparator: '>=' as const }, 100],
    [{ unit: 'count', comparator: '<=' as const }, 0],
    // Days left before an expiry may be negative: the licence has expired, a real finding.
    [{ unit: 'days', comparator: '>=' as const }, -12],
  ])('%j with %d can be', (spec, value) => {
    expect(impossibleValue(spec, value)).toBeUndefined();
  });

  it('a backup success rate of 150 % is never judged normal, though it clears the ≥ 98 floor', () => {
    expect(judgeNumber(pct, 99)).toBe('normal');
    expect(judgeNumber(pct, 150)).toBe('abnormal');
    expect(judgeNumber({ unit: 'count', comparator: '<=', threshold: 0 }, -1)).toBe('abnormal');
  });

  it('property: whatever the threshold, a percentage outside 0–100 is abnormal', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('<', '<=', '>', '>=') as fc.Arbitrary<'<' | '<=' | '>' | '>='>,
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.oneof(
          fc.double({ min: 100.0001, max: 1e6, noNaN: true }),
          fc.double({ min: -1e6, max: -0.0001, noNaN: true }),
        ),
        (comparator, threshold, value) => judgeNumber({ unit: '%', comparator, threshold }, value) === 'abnormal',
      ),
      { numRuns: fcRuns(200) },
    );
  });
});
