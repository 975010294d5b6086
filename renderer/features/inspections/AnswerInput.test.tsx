import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
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
function Harness({
  spec,
  onSave,
  checkText = async (t) => t,
}: {
  spec: ChecklistItem['answer'];
  onSave: (p: AnswerPatch) => void;
  checkText?: (text: string) => Promise<string | null>;
}) {
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
        checkText={checkText}
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

  it('refuses an impossible percentage at the field, naming the item, and saves nothing', () => {
    const onSave = vi.fn();
    render(<Harness spec={{ type: 'number', unit: '%', comparator: '>=', threshold: 98 }} onSave={onSave} />);
    const input = screen.getByTestId('a-value');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '150' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByTestId('a-number-error').textContent).toContain('CPU 峰值');
    expect(screen.getByTestId('a-number-error').textContent).toContain('0 到 100');
    fireEvent.blur(input);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a negative count at the field', () => {
    const onSave = vi.fn();
    render(<Harness spec={{ type: 'number', unit: 'count', comparator: '<=', threshold: 0 }} onSave={onSave} />);
    const input = screen.getByTestId('a-value');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '-2' } });
    expect(screen.getByTestId('a-number-error').textContent).toContain('不能为负数');
    fireEvent.blur(input);
    expect(onSave).not.toHaveBeenCalled();
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

describe('AnswerInput: a secret in a typed answer', () => {
  it('is asked about before the save, and the answer chosen (masked) is what is saved', async () => {
    const onSave = vi.fn();
    const checkText = vi.fn(async () => 'root password=******');
    render(<Harness spec={{ type: 'text' }} onSave={onSave} checkText={checkText} />);
    const input = screen.getByTestId('a-text');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'root password=Abc12345' } });
    fireEvent.blur(input);
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(checkText).toHaveBeenCalledWith('root password=Abc12345');
    expect(onSave).toHaveBeenCalledWith({ text: 'root password=******' });
    expect(input).toHaveProperty('value', 'root password=******');
  });

  it('is not saved when the engineer goes back to editing, and the text stays in the field', async () => {
    const onSave = vi.fn();
    const checkText = vi.fn(async () => null);
    render(<Harness spec={{ type: 'text' }} onSave={onSave} checkText={checkText} />);
    const input = screen.getByTestId('a-text');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '密码：Admin@2026' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    // The question's dialog takes the focus: asked once, not again for that blur.
    fireEvent.blur(input);
    await waitFor(() => expect(checkText).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(onSave).not.toHaveBeenCalled();
    expect(input).toHaveProperty('value', '密码：Admin@2026');
  });

  it('is not asked about for plain text', () => {
    const onSave = vi.fn();
    const checkText = vi.fn(async (t: string) => t);
    render(<Harness spec={{ type: 'text' }} onSave={onSave} checkText={checkText} />);
    const input = screen.getByTestId('a-text');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '密码策略符合要求' } });
    fireEvent.blur(input);
    expect(checkText).not.toHaveBeenCalled();
    expect(onSave).toHaveBeenCalledWith({ text: '密码策略符合要求' });
  });
});
