import type { Page } from '@playwright/test';
import { expect, test, type AppPage } from './fixtures';

/**
 * The recovery screen (renderer/features/recovery): a database that will not open, whose upgrade
 * stays blocked, or that is found empty while the data-state says it held records.
 *
 * `failOpen` makes IndexedDB refuse to open the app's first database the way Chromium does when its
 * backing store is corrupt or the quota is used up: `indexedDB.open('onsite-desk')` fails with the
 * browser's own DOMException. It is set in sessionStorage, read by a script that runs before the
 * app on every load of the page; the fresh database a recovery creates has another name and opens.
 */
async function installFailOpen(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const spec = sessionStorage.getItem('e2e.failOpen');
    if (!spec) return;
    const [errorName, message] = JSON.parse(spec) as [string, string];
    const original = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      if (name !== 'onsite-desk') return original.call(this, name, version);
      const req = {
        error: null as DOMException | null,
        result: undefined,
        readyState: 'pending',
        onerror: null as ((e: unknown) => void) | null,
        onsuccess: null,
        onblocked: null,
        onupgradeneeded: null,
        addEventListener() {},
        removeEventListener() {},
      };
      setTimeout(() => {
        req.error = new DOMException(message, errorName);
        req.readyState = 'done';
        req.onerror?.({ target: req, type: 'error', preventDefault() {}, stopPropagation() {} });
      }, 0);
      return req as unknown as IDBOpenDBRequest;
    };
  });
}

/** Demo site, one verified backup in the browser's backup store, and the data-state written. */
async function siteWithBackup(app: AppPage, page: Page): Promise<number> {
  await app.openWithDemo('/settings/backup');
  // The backup holds the whole demo, its inspection report included.
  await app.demoSettled();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(1);
  let records = 0;
  await expect
    .poll(async () => {
      records = await page.evaluate(
        () =>
          (JSON.parse(localStorage.getItem('onsite-desk.data-state') ?? '{}') as { marker?: { records: number } })
            .marker?.records ?? 0,
      );
      return records;
    })
    .toBeGreaterThan(50);
  return records;
}

async function expectDemoData(app: AppPage, page: Page): Promise<void> {
  // The page reloads onto the restored database (slow on a busy machine); it opens locked, and the
  // restored PINs are the ones of the backup.
  const lock = page.getByTestId('lock-screen');
  await expect(lock.or(app.nav('settings'))).toBeVisible({ timeout: 60_000 });
  if (await lock.isVisible()) await app.unlock();
  await expect(app.nav('settings')).toBeVisible();
  await page.goto('/#/settings/inventory');
  await expect(page.getByTestId('systems-table')).toContainText('集中备份系统');
}

test('a corrupt database shows the recovery screen; the newest verified backup is restored into a fresh database', async ({
  app,
  page,
}) => {
  await installFailOpen(page);
  const records = await siteWithBackup(app, page);

  await page.evaluate(() =>
    sessionStorage.setItem(
      'e2e.failOpen',
      JSON.stringify(['UnknownError', 'Internal error opening backing store for indexedDB.open.']),
    ),
  );
  await page.reload();
  const screen = page.getByTestId('recovery-screen');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('recovery-title')).toHaveText('本机数据库无法打开');
  await expect(screen).toContainText('不会把空数据库当作新电脑直接启动');
  await expect(screen).toContainText('数据库“onsite-desk”原样保留');
  // The marker is the last reported state (background writes may have added rows since the poll).
  const shown = Number(/(\d+) 条记录/.exec((await page.getByTestId('recovery-marker').textContent()) ?? '')?.[1]);
  expect(shown).toBeGreaterThanOrEqual(records);
  await expect(screen.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('setup-load-demo')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/recovery-corrupt-zh.png', fullPage: true });

  await page.getByTestId('recovery-newest').click();
  await expect(page.getByTestId('recovery-confirm')).toContainText('此备份已通过全部校验');
  await page.screenshot({ path: '/tmp/recovery-confirm-zh.png', fullPage: true });
  await page.getByTestId('recovery-restore').click();

  // The page reloads on the fresh database (the original still fails to open, and is kept).
  await expectDemoData(app, page);
  const state = await page.evaluate(
    () =>
      JSON.parse(localStorage.getItem('onsite-desk.data-state')!) as {
        currentDb: string;
        asideDbs: Array<{ name: string; reason: string }>;
      },
  );
  expect(state.currentDb).toMatch(/^onsite-desk-r\d{8}T\d{6}$/);
  expect(state.asideDbs).toEqual([
    expect.objectContaining({ name: 'onsite-desk', reason: expect.stringContaining('corrupt') }),
  ]);
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(names).toContain('onsite-desk');
  expect(names).toContain(state.currentDb);
});

test('data missing: an emptied database is not taken for a new laptop; a chosen backup is restored (English)', async ({
  app,
  page,
}) => {
  await siteWithBackup(app, page);
  // What Chromium does after it finds the store corrupt: the site's database is gone.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.deleteDatabase('onsite-desk');
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
      }),
  );
  await page.reload();
  await expect(page.getByTestId('recovery-title')).toHaveText('本机数据丢失');
  await page.getByTestId('recovery-language').getByText('English').click();
  await expect(page.getByTestId('recovery-title')).toHaveText('The data on this laptop is missing');
  await expect(page.getByTestId('recovery-screen')).toContainText('never deletes it');
  await page.screenshot({ path: '/tmp/recovery-missing-en.png', fullPage: true });

  await page.getByTestId('recovery-screen').locator('tbody tr').first().getByRole('button').click();
  await expect(page.getByTestId('recovery-confirm')).toContainText('This backup passed every check');
  await page.getByTestId('recovery-restore').click();
  await expectDemoData(app, page);
});

test('a quota error shows the recovery screen, with "open a backup file" when there is no backup', async ({
  app,
  page,
}) => {
  await installFailOpen(page);
  await page.goto('/');
  await page.evaluate(() =>
    sessionStorage.setItem('e2e.failOpen', JSON.stringify(['QuotaExceededError', 'The quota has been exceeded.'])),
  );
  await page.reload();
  await expect(page.getByTestId('recovery-title')).toHaveText('存储配额已用尽，数据库无法打开');
  await expect(page.getByTestId('recovery-screen')).toContainText('此处未找到备份');
  await expect(page.getByTestId('recovery-open-file')).toBeEnabled();
  await expect(page.getByTestId('recovery-newest')).toBeDisabled();
  void app;
});

test('an upgrade blocked by a connection that never closes shows the recovery screen', async ({ app, page }) => {
  // Another page of the same site holds an old version of the database open and ignores versionchange.
  const holder = await page.context().newPage();
  await holder.goto('/fonts/LICENSE-NotoSansSC.txt');
  await holder.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('onsite-desk', 1);
        r.onsuccess = () => {
          (window as unknown as { held: IDBDatabase }).held = r.result;
          resolve();
        };
        r.onerror = () => reject(r.error);
      }),
  );
  await app.open();
  await expect(page.getByTestId('recovery-title')).toHaveText('数据库被另一个窗口占用', { timeout: 30_000 });
  await page.screenshot({ path: '/tmp/recovery-blocked-zh.png', fullPage: true });
  // Once the other connection is gone, "Try again" opens the database normally.
  await holder.close();
  await page.getByTestId('recovery-retry').click();
  await expect(page.getByTestId('setup-load-demo')).toBeVisible();
});
