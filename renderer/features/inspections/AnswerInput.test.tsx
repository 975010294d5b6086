import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChecklistItem, InspectionAnswer } from '@shared/schemas/inspection';
import { i18next, initAppI18n } from '../../i18n';
import { AnswerInput } from './AnswerInput';
import type { AnswerPatch } from './inspections.repo';

beforeAll(async () => {
  if (!i18next.isInitialized) await initAppI18n();
  await i18next.changeLanguage('zh-CN');
});
afterEach(() => cleanup());

const text = (zh: string) => ({ zh, en: zh });
const item = (answer: ChecklistItem['answer']): ChecklistItem =>
  ({
    id: 'host-cpu-peak',
    title: text('CPU 峰值'),
    check: text('查看'),
    method: text('图表'),
    expected: text('低于 80%'),
    answer,
    required: true,
    evidenceRequired: false,
    severity: 'medium',
    bestPractice: text('余量'),
    deepOnly: false,
  }) as ChecklistItem;

/**
 * The run page's behaviour: Enter saves and moves the focus to the next item (a blur), while the
 * stored answer only arrives later through the live query.
 */
function Harness({ spec, onSave }: { spec: ChecklistItem['answer']; onSave: (p: AnswerPatch) => void }) {
  const [answer] = useState<InspectionAnswer | undefined>(undefined);
  const next = useRef<HTMLButtonElement>(null);
  return (
    <>
      <AnswerInput
        item={item(spec)}
        answer={answer}
        readOnly={false}
        onSave={onSave}
        onNext={() => next.current?.focus()}
        testId="a"
      />
      <button ref={next}>next</button>
    </>
  );
}

describe('AnswerInput: Enter then the focus move', () => {
  it('saves a typed number once', () => {
    const onSave = vi.fn();
    render(<Harness spec={{ type: 'number', unit: '%', comparator: '<', threshold: 80 }} onSave={onSave} />);
    const input = screen.getByTestId('a-value');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '42' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.blur(input);
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith({ value: 42, result: undefined });
    // A changed value after that is a new answer and is saved.
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '43' } });
    fireEvent.blur(input);
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('saves typed text once', () => {
    const onSave = vi.fn();
    render(<Harness spec={{ type: 'text' }} onSave={onSave} />);
    const input = screen.getByTestId('a-text');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '正常' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.blur(input);
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith({ text: '正常' });
  });
});
