import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readyForUiTests } from '../../components/ui-test-kit';
import { useSecretCheck } from './secret-check';

beforeAll(() => readyForUiTests());
afterEach(() => cleanup());

interface Values {
  symptoms: string;
  steps: string[];
  other: string;
}

/** Runs the check on `values` when the button is pressed and hands back what it resolved with. */
function Harness({ values, out }: { values: Values; out: { result?: Values | null } }) {
  const check = useSecretCheck();
  return (
    <button onClick={() => void check(values, ['symptoms', 'steps']).then((r) => (out.result = r))} data-testid="run">
      run
    </button>
  );
}

async function run(values: Values) {
  const out: { result?: Values | null } = {};
  render(
    <App>
      <Harness values={values} out={out} />
    </App>,
  );
  await act(async () => fireEvent.click(screen.getByTestId('run')));
  return out;
}

const typed: Values = {
  symptoms: '登录失败，password=Abc12345 请核对',
  steps: ['重启服务', '用 mysql -uroot -pS3cret99 登录检查'],
  other: 'password=NotChecked1',
};

describe('useSecretCheck', () => {
  it('masks the secrets of the checked fields (lists included) when asked to, and leaves the rest', async () => {
    const out = await run(typed);
    const dialog = await screen.findByTestId('secret-dialog');
    expect(dialog.textContent).toContain('密码');
    // The preview shows the masked text, never the secret.
    expect(dialog.textContent).not.toContain('Abc12345');
    fireEvent.click(screen.getByRole('button', { name: '遮盖并保存' }));
    await waitFor(() => expect(out.result).toBeDefined());
    expect(out.result).toEqual({
      symptoms: '登录失败，password=****** 请核对',
      steps: ['重启服务', '用 mysql -uroot -p****** 登录检查'],
      other: 'password=NotChecked1',
    });
  });

  it('keeps the text as typed when the person chooses so', async () => {
    const out = await run(typed);
    fireEvent.click(await screen.findByTestId('secret-keep'));
    await waitFor(() => expect(out.result).toBeDefined());
    expect(out.result).toBe(typed);
  });

  it('resolves with null (nothing saved) when the person goes back to editing', async () => {
    const out = await run(typed);
    await screen.findByTestId('secret-dialog');
    fireEvent.click(screen.getByRole('button', { name: '返回修改' }));
    await waitFor(() => expect(out.result).toBeNull());
  });

  it('asks nothing when no checked field holds a secret', async () => {
    const plain = { symptoms: '密码策略：长度≥8', steps: ['重置密码后登录正常'], other: 'password=Abc12345' };
    const out = await run(plain);
    await waitFor(() => expect(out.result).toBe(plain));
    expect(screen.queryByTestId('secret-dialog')).toBeNull();
  });
});
