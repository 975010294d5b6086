import { expect, test } from './fixtures';

test.describe.configure({ timeout: 300_000 });

test('audit log: every write listed, filters, chain head, verify, and a tampered entry named', async ({
  app,
  page,
}) => {
  await app.openWithDemo('/audit');
  const table = page.getByTestId('audit-table');
  await expect(table).toBeVisible();
  // The first verification runs while the demo's inspection report is still being issued.
  await expect(page.getByTestId('audit-chain-ok')).toContainText('审计日志完整', { timeout: 60_000 });
  await expect(page.getByTestId('audit-chain-ok')).toContainText('团队密钥封存');
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
  // One entry per record the demo wrote (each carries the record's content hash).
  await expect(page.getByTestId('audit-count')).toHaveText(/^显示 [1-9]\d* \/ \d+ 条$/);
  await expect(table).toContainText('载入演示数据');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByPlaceholder('搜索摘要、编号或哈希').fill('3 team, 11 contacts');
  await expect(page.getByTestId('audit-count')).toHaveText(/^显示 1 \/ \d+ 条$/);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.screenshot({ path: '/tmp/audit-zh.png' });

  // Change a record behind the app's back (its level, as devtools could): the record is named.
  const number = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('onsite-desk');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const store = db.transaction('faults', 'readwrite').objectStore('faults');
    const n = await new Promise<string>((resolve) => {
      const all = store.getAll();
      all.onsuccess = () => {
        const f = all.result[0];
        store.put({ ...f, level: f.level === 1 ? 4 : 1 }).onsuccess = () => resolve(f.number);
      };
    });
    db.close();
    return n;
  });
  await page.getByTestId('audit-verify').click();
  const findings = page.getByTestId('audit-chain-broken');
  await expect(findings).toContainText('记录或审计日志在应用之外被改动');
  await expect(findings).toContainText(`故障 ${number} 在应用之外被修改`);
  await page.screenshot({ path: 'test-results/audit-record-changed-zh.png' });

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
