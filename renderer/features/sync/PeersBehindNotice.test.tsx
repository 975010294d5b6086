import { cleanup, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readyForUiTests } from '../../components/ui-test-kit';
import { freshTestDb, type TestDb } from '../../db/test/fresh-db';
import { PeersBehindNotice } from './PeersBehindNotice';

beforeAll(() => readyForUiTests());

let testDb: TestDb | undefined;
afterEach(() => {
  cleanup();
  testDb?.close();
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const peer = (device: string, receivedAt: string) => ({
  key: `peer:${device}`,
  device,
  stamp: `${String(Date.parse(receivedAt)).padStart(13, '0')}-0000-${device}`,
  vv: { [device]: 3 },
  receivedAt,
});

describe('PeersBehindNotice (before the monthly report)', { timeout: 30_000 }, () => {
  it('names each peer last heard from more than three days ago, and only those', async () => {
    testDb = await freshTestDb({ actor: 'e1' });
    await testDb.db.syncState.bulkPut([peer('B', hoursAgo(5 * 24)), peer('C', hoursAgo(2))]);
    render(
      <App>
        <PeersBehindNotice />
      </App>,
    );
    const notice = await screen.findByTestId('peers-behind');
    expect(notice.textContent).toContain('B');
    expect(notice.textContent).toContain('5天前');
    expect(notice.textContent).not.toContain('C');
  });

  it('says nothing while every peer is current, and speaks up once one falls behind', async () => {
    testDb = await freshTestDb({ actor: 'e1' });
    await testDb.db.syncState.bulkPut([peer('B', hoursAgo(24))]);
    render(
      <App>
        <PeersBehindNotice />
      </App>,
    );
    // Wait for the peers to be read (the query settles), then look for the notice.
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByTestId('peers-behind')).toBeNull();
    // The same screen, live: a peer last heard from four days ago appears.
    await testDb.db.syncState.put(peer('D', hoursAgo(4 * 24)));
    expect((await screen.findByTestId('peers-behind')).textContent).toContain('D');
  });
});
