import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readyForUiTests } from '../../components/ui-test-kit';
import { appendAudit } from '../../db/audit';
import { writeTx } from '../../db';
import { sealAuditHead } from '../../db/audit-seal';
import { teamKey } from '../../core/team-key';
import { AuditChainBanner, useAuditChainStore } from '../audit';
import { BackupBanner } from './BackupBanner';
import { lastBackupKey } from './backup.service';
import { freshDb } from './test-kit/db';

beforeAll(() => readyForUiTests());
afterEach(() => cleanup());

const last = (daysAgo: number) => ({
  at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
  name: 'x.odbk',
  folder: '',
  path: '',
  size: 1,
  reason: 'auto',
  sha256: '0'.repeat(64),
  encrypted: false,
  counts: {},
  auditHead: '',
});

describe('BackupBanner', () => {
  it('warns when there is no verified backup', async () => {
    await freshDb();
    render(
      <App>
        <BackupBanner />
      </App>,
    );
    expect((await screen.findByTestId('backup-banner')).textContent).toContain('本机数据还没有任何校验通过的备份');
  });

  it('warns when the last verified backup is older than 7 days, and is silent when recent', async () => {
    const db = await freshDb();
    await db.meta.put({ key: lastBackupKey, value: last(8) });
    const { rerender } = render(
      <App>
        <BackupBanner />
      </App>,
    );
    expect((await screen.findByTestId('backup-banner')).textContent).toContain('已超过 7 天');
    await db.meta.put({ key: lastBackupKey, value: last(1) });
    rerender(
      <App>
        <BackupBanner />
      </App>,
    );
    await waitFor(() => expect(screen.queryByTestId('backup-banner')).toBeNull());
  });
});

describe('AuditChainBanner', () => {
  it('names the first bad entry when the chain is broken, and shows nothing when it holds', async () => {
    const db = await freshDb();
    await writeTx([], async (d) => {
      for (const s of ['a', 'b', 'c'])
        await appendAudit(d, { actor: 'system', entity: 'systems', entityId: s, action: 'create', summary: s });
    });
    // The app seals after every committed write (renderer/app/boot.ts); here the test does.
    await sealAuditHead(db, teamKey()!);
    useAuditChainStore.setState({ status: 'idle', result: undefined, bad: undefined });
    const { unmount } = render(
      <App>
        <AuditChainBanner startDelayMs={0} />
      </App>,
    );
    await waitFor(() => expect(useAuditChainStore.getState().status).toBe('ok'));
    expect(screen.queryByTestId('audit-chain-banner')).toBeNull();
    unmount();

    await db.auditLog.update(1, { summary: 'rewritten' });
    useAuditChainStore.setState({ status: 'idle', result: undefined, bad: undefined });
    render(
      <App>
        <AuditChainBanner startDelayMs={0} />
      </App>,
    );
    const banner = await screen.findByTestId('audit-chain-banner');
    expect(banner.textContent).toContain('审计日志哈希链已断裂');
    expect(banner.textContent).toContain('第 1 条记录');
    expect(banner.textContent).toContain('的内容与其哈希值不符');
  });
});
