import { cleanup, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TeamMember } from '@shared/schemas/core';
import { readyForUiTests } from '../../components/ui-test-kit';
import { saveSite } from '../../core';
import { freshTestDb, type TestDb } from '../../db/test/fresh-db';
import { setFirstPin } from './credentials.repo';
import { LockScreen } from './LockScreen';

beforeAll(() => readyForUiTests());

let testDb: TestDb | undefined;
afterEach(() => {
  cleanup();
  testDb?.close();
});

const iso = '2026-11-02T08:00:00.000Z';
const member = (id: string, role: TeamMember['role'], name: string): TeamMember => ({
  id,
  role,
  name,
  phone: '',
  email: '',
  active: true,
  createdAt: iso,
  updatedAt: iso,
  updatedBy: 'system',
});

describe('LockScreen', { timeout: 30_000 }, () => {
  it('offers nothing until it knows the usual user and who has a PIN: no wrong person preselected, no "set a first PIN" for someone who has one', async () => {
    testDb = await freshTestDb({ actor: 'e1' });
    await testDb.db.team.bulkPut([member('pm', 'pm', '周经理'), member('e1', 'engineer', '李工')]);
    await saveSite({ setupComplete: true, currentUserId: 'e1', deviceCode: 'A' });
    await setFirstPin('e1', '135790');

    // Every state the screen passes through is looked at, not only the last.
    const seen = { pmChecked: false, newPin: false };
    const observer = new MutationObserver(() => {
      const checked = document.querySelector<HTMLInputElement>('input[type=radio]:checked');
      if (checked?.value === 'pm') seen.pmChecked = true;
      if (document.querySelector('[data-testid="lock-new-pin"]')) seen.newPin = true;
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    render(
      <App>
        <LockScreen />
      </App>,
    );
    expect(screen.getByTestId('lock-loading')).toBeTruthy();
    expect(await screen.findByTestId('lock-pin')).toBeTruthy();
    observer.disconnect();
    expect(document.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value).toBe('e1');
    expect(seen).toEqual({ pmChecked: false, newPin: false });
    expect(screen.queryByTestId('lock-loading')).toBeNull();
  });

  it('asks a person without a PIN on this laptop to set one', async () => {
    testDb = await freshTestDb({ actor: 'pm' });
    await testDb.db.team.bulkPut([member('pm', 'pm', '周经理'), member('e1', 'engineer', '李工')]);
    await saveSite({ setupComplete: true, currentUserId: 'pm', deviceCode: 'A' });
    render(
      <App>
        <LockScreen />
      </App>,
    );
    expect(await screen.findByTestId('lock-new-pin')).toBeTruthy();
    expect(screen.queryByTestId('lock-pin')).toBeNull();
  });
});
