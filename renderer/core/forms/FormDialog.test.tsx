import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, Form, Input } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readyForUiTests } from '../../components/ui-test-kit';
import { FormDialog } from './FormDialog';

beforeAll(() => readyForUiTests());
afterEach(() => cleanup());

interface Values {
  reason: string;
}

class FieldError extends Error {
  constructor(
    readonly messageKey: string,
    readonly field: string,
  ) {
    super(messageKey);
  }
}

function Harness(p: {
  save: (v: Values) => Promise<unknown>;
  beforeSave?: (v: Values) => Promise<Values | null>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <App>
      <FormDialog form={form} title="T" save={p.save} beforeSave={p.beforeSave} onClose={p.onClose} savedKey={null}>
        <Form.Item name="reason" label="reason" rules={[{ required: true, message: 'needed' }]}>
          <Input data-testid="reason" />
        </Form.Item>
      </FormDialog>
    </App>
  );
}

const type = (text: string) => fireEvent.change(screen.getByTestId('reason'), { target: { value: text } });
const press = () => act(() => fireEvent.click(screen.getByTestId('dialog-ok')));

describe('FormDialog', { timeout: 30_000 }, () => {
  it('does not save while a rule fails, saves what the check hands back, and closes after the write', async () => {
    const save = vi.fn(async () => undefined);
    const onClose = vi.fn();
    const beforeSave = vi.fn(async (v: Values) => ({ reason: v.reason.replace('secret', '***') }));
    render(<Harness save={save} beforeSave={beforeSave} onClose={onClose} />);
    await press();
    await screen.findByText('needed');
    expect(save).not.toHaveBeenCalled();

    type('pw secret');
    await press();
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(save).toHaveBeenCalledWith({ reason: 'pw ***' });
    expect((screen.getByTestId('reason') as HTMLInputElement).value).toBe('pw ***');
  });

  it('stays open when the check says no, and shows a field mistake at its field', async () => {
    const onClose = vi.fn();
    const save = vi.fn(async () => {
      throw new FieldError('common:validation.required', 'reason');
    });
    let allow = false;
    render(<Harness save={save} beforeSave={async (v) => (allow ? v : null)} onClose={onClose} />);
    type('x');
    await press();
    await waitFor(() => expect(save).not.toHaveBeenCalled());

    allow = true;
    await press();
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(document.querySelector('.ant-form-item-explain-error')?.textContent).toBe('此项必填'));
    expect(onClose).not.toHaveBeenCalled();
  });
});
