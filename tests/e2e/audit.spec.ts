import { expect, test } from './fixtures';

test.describe.configure({ timeout: 300_000 });

test('audit log: every write listed, filters, chain head, verify, and a tampered entry named', async ({
  app,
  page,
}) => {
  await app.openWithDemo('/audit');
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('载入演示数据');
  await expect(page.getByTestId('audit-chain-ok')).toContainText('哈希链完整');
  await expect(page.getByTestId('audit-head')).toContainText(/[0-9a-f]{64}/);
  // Feature demo seeders keep writing for a moment after the site appears.
  await expect
    .poll(async () => Number(/\/ (\d+)/.exec((await page.getByTestId('audit-count').textContent()) ?? '')?.[1]), {
      timeout: 60_000,
    })
    .toBeGreaterThan(5);

  // Filter by action, then search text.
  await page.getByRole('combobox', { name: '操作', exact: true }).click();
  await page.locator('.ant-select-dropdown').getByText('载入演示数据', { exact: true }).click();
  await expect(page.getByTestId('audit-count')).toHaveText(/^显示 1 \/ \d+ 条$/);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByPlaceholder('搜索摘要、编号或哈希').fill('3 team, 11 contacts');
  await expect(page.getByTestId('audit-count')).toHaveText(/^显示 1 \/ \d+ 条$/);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.screenshot({ path: '/tmp/audit-zh.png' });

  // Rewrite history behind the app's back: entry #1's summary.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('onsite-desk');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const store = db.transaction('auditLog', 'readwrite').objectStore('auditLog');
    await new Promise<void>((resolve) => {
      const get = store.get(1);
      get.onsuccess = () => {
        store.put({ ...get.result, summary: '（已被改写）' }).onsuccess = () => resolve();
      };
    });
    db.close();
  });
  await page.getByTestId('audit-verify').click();
  const broken = page.getByTestId('audit-chain-broken');
  await expect(broken).toContainText('审计日志哈希链已断裂');
  await expect(broken).toContainText('第 1 条记录');
  await expect(broken).toContainText('的内容与其哈希值不符');
  await page.screenshot({ path: '/tmp/audit-broken-zh.png' });

  await app.setLanguage('English');
  await expect(page.getByTestId('audit-chain-broken')).toContainText('Entry 1');
  await expect(page.getByTestId('audit-chain-broken')).toContainText('does not match its hash');
  await page.screenshot({ path: '/tmp/audit-broken-en.png' });
});
