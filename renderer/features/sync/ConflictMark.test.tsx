import { cleanup, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readyForUiTests } from '../../components/ui-test-kit';
import { freshTestDb, type TestDb } from '../../db/test/fresh-db';
import { ConflictMark } from './ConflictMark';

beforeAll(() => readyForUiTests());

let testDb: TestDb | undefined;
afterEach(() => {
  cleanup();
  testDb?.close();
});

const write = (device: string, value: string) => ({
  stamp: `${Date.now()}-0000-${device}`,
  value,
  device,
  actor: 'e1',
  at: new Date().toISOString(),
});

describe('ConflictMark', { timeout: 30_000 }, () => {
  it('marks a record while a conflict on it is undecided, and only that record', async () => {
    testDb = await freshTestDb({ actor: 'e1' });
    render(
      <App>
        <div data-testid="r1">
          <ConflictMark table="kbArticles" recordId="k1" />
        </div>
        <div data-testid="r2">
          <ConflictMark table="kbArticles" recordId="k2" />
        </div>
      </App>,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByTestId('conflict-mark')).toBeNull();
    await testDb.db.syncConflicts.put({
      id: 'kbArticles k1 title',
      table: 'kbArticles',
      recordId: 'k1',
      field: 'title',
      shown: write('B', 'B 的标题'),
      others: [write('A', 'A 的标题')],
    });
    const mark = await screen.findByTestId('conflict-mark');
    expect(screen.getByTestId('r1').contains(mark)).toBe(true);
    expect(mark.textContent).toContain('同步冲突 1 处');
    // Decided (the row goes): the mark goes with it.
    await testDb.db.syncConflicts.clear();
    await expect.poll(() => screen.queryByTestId('conflict-mark')).toBeNull();
  });

  it('names the fields by their form labels in its tooltip; compact, only the count', async () => {
    testDb = await freshTestDb({ actor: 'e1' });
    render(
      <App>
        <div data-testid="r1">
          <ConflictMark table="systems" recordId="s1" compact />
        </div>
      </App>,
    );
    await testDb.db.syncConflicts.bulkPut(
      (['location', 'vendorContactId'] as const).map((field) => ({
        id: `systems s1 ${field}`,
        table: 'systems',
        recordId: 's1',
        field,
        shown: write('B', 'x'),
        others: [write('A', 'y')],
      })),
    );
    const mark = await screen.findByTestId('conflict-mark');
    expect(mark.textContent).toBe('2');
    // Its name (what the tooltip says) gives the labels of the systems form (settings), not the keys.
    const name = mark.getAttribute('aria-label') ?? '';
    expect(name).toContain('位置');
    expect(name).toContain('原厂支持联系人');
    expect(name).not.toContain('vendorContactId');
  });
});
