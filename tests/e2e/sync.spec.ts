import type { Page } from '@playwright/test';
import { E2E_PIN, expect, faultCommand, pickReporter, test } from './fixtures';

// Demo load and PIN hashing are slow on a shared machine.
test.describe.configure({ timeout: 240_000 });

async function lastSaved(page: Page): Promise<{ name: string; buffer: Buffer }> {
  const f = await page.evaluate(() => {
    const hook = (window as unknown as { __onsiteTestPlatform: { lastSavedFile?: { name: string; data: Uint8Array } } })
      .__onsiteTestPlatform;
    return hook.lastSavedFile ? { name: hook.lastSavedFile.name, data: Array.from(hook.lastSavedFile.data) } : null;
  });
  expect(f).not.toBeNull();
  return { name: f!.name, buffer: Buffer.from(f!.data) };
}

async function readFile(page: Page, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('sync-read').click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`sync page: write a bundle, read it back (nothing new), a damaged copy refused (${lang})`, async ({
    app,
    page,
  }) => {
    await app.openWithDemo('/sync');
    if (lang === 'en') await app.setLanguage('English');
    const text =
      lang === 'en'
        ? { empty: /No bundle received/, nothing: /Nothing new/, refused: /Bundle refused/ }
        : {
            empty: /还没有收到过同伴的同步包/,
            nothing: /没有新内容/,
            refused: /同步包被拒绝/,
          };
    await expect(page.getByTestId('sync-page')).toBeVisible();
    await expect(page.getByTestId('sync-no-peers')).toContainText(text.empty);
    await expect(page.getByTestId('sync-no-conflicts')).toBeVisible();
    await page.screenshot({ path: `test-results/sync-page-${lang}.png`, fullPage: true });

    await page.getByTestId('sync-write').click();
    await expect(page.locator('.ant-message')).toContainText(
      lang === 'en' ? /Bundle written: \d+ changes/ : /已写出同步包/,
      // Every change of the demo site, signed: slow when the machine is shared.
      { timeout: 90_000 },
    );
    const bundle = await lastSaved(page);
    expect(bundle.name).toMatch(/^onsite-desk-sync-A-to-all-\d+\.odsync$/);
    const body = JSON.parse(bundle.buffer.toString('utf8')) as { format: string; body: { changes: unknown[] } };
    expect(body.format).toBe('onsite-desk-sync');
    expect(body.body.changes.length).toBeGreaterThan(100);

    // This laptop's own bundle: every change is already here.
    await readFile(page, bundle.name, bundle.buffer);
    await expect(page.getByTestId('sync-receipt')).toContainText(text.nothing, { timeout: 90_000 });
    await expect(page.getByTestId('sync-undo')).toHaveCount(0);
    await page.screenshot({ path: `test-results/sync-receipt-${lang}.png`, fullPage: true });

    // Cut short on the way: refused, with a message, and nothing changed.
    const cut = bundle.buffer.subarray(0, bundle.buffer.length - 100);
    await readFile(page, bundle.name, Buffer.from(cut));
    await expect(page.getByTestId('sync-refused')).toContainText(text.refused, { timeout: 30_000 });
    await expect(page.getByTestId('sync-receipt')).toHaveCount(0);
    await page.screenshot({ path: `test-results/sync-refused-${lang}.png`, fullPage: true });
  });
}

/** Rows of `store` held by the database `name` of this browser (read behind the app's back). */
async function rowCount(page: Page, name: string, store = 'faults'): Promise<number> {
  return page.evaluate(
    ([dbName, storeName]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(storeName).objectStore(storeName).count();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
        };
      }),
    [name, store] as const,
  );
}

test('two laptops in one browser: A escalates a fault, B (set up as laptop B) reads it, resolves it and issues the report, A reads that back', async ({
  app,
  page,
}) => {
  test.setTimeout(420_000);
  // Laptop A: the demo site, its usual user an engineer (李喆).
  await app.openWithDemo('/settings/teamKey');
  // A's bundle then holds the whole demo, its background inspection report included: both laptops
  // end with the same reports.
  await app.demoSettled();
  const teamCard = page.getByTestId('team-key-card');
  const teamId = (await teamCard.locator('.ant-descriptions-item-content').nth(1).textContent())!.trim();
  expect(teamId.length).toBeGreaterThan(4);

  await page.goto('/#/faults/new');
  await pickReporter(page, '赵磊');
  await page.getByTestId('system-select').click();
  await page.keyboard.type('运维堡垒机（主）');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '运维堡垒机（主）' })
    .first()
    .click();
  await page.getByTestId('symptoms').fill('堡垒机无法登录 Linux 主机，同步测试');
  await expect(page.getByTestId('level-proposal')).toContainText('建议定级：三级');
  await page.getByTestId('symptoms').press('Control+Enter');
  await expect(page.getByTestId('fault-detail')).toBeVisible();
  const number = (await page.getByTestId('fault-number').textContent())!;
  expect(number).toMatch(/^GZ-\d{6}-A-\d{3}$/);
  await page.getByTestId('cmd-respond').click();
  await page.getByRole('dialog').getByTestId('dialog-ok').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByTestId('cmd-escalate').click();
  const esc = page.getByRole('dialog');
  await esc.getByTestId('escalation-recipient').click();
  await page.locator('.ant-select-dropdown:visible').getByText('吴涛', { exact: false }).click();
  await esc.getByTestId('escalation-reason').fill('认证模块疑似与 LDAP 同步异常，需二线专家协助定位');
  await esc.getByTestId('escalation-ok').click();
  await expect(esc).toBeHidden();
  const header = page.getByTestId('fault-header');
  await expect(page.getByTestId('tier-tag')).toHaveText('二线 · 高级专家');
  // The escalation package is issued in the background; the bundle is written once it is there.
  await expect(page.getByTestId('report-escalation-package')).toBeVisible({ timeout: 60_000 });
  const level = (await header.getByTestId('level-tag').textContent())!;
  expect(level).toBe('三级');
  const faultsOnA = await rowCount(page, 'onsite-desk');

  await page.goto('/#/sync');
  await page.getByTestId('sync-write').click();
  await expect(page.locator('.ant-message')).toContainText(/已写出同步包/, { timeout: 120_000 });
  const bundle = await lastSaved(page);
  expect(bundle.name).toMatch(/^onsite-desk-sync-A-to-all-\d+\.odsync$/);

  // Laptop B: another database in the same browser, set up through the first-run wizard. The
  // browser's team key is per browser profile (renderer/platform/web-team-key.ts): B is in A's team.
  await page.goto('/?db=laptop-b#/');
  const wizard = page.getByTestId('setup-wizard');
  await expect(wizard).toBeVisible();
  await expect(wizard.getByRole('alert').filter({ hasText: `（编号 ${teamId}）` })).toBeVisible();
  await page.screenshot({ path: 'test-results/sync-two-laptops-setup-b.png', fullPage: true });
  await page.getByLabel('设备代码').fill('B');
  await page.getByLabel('服务商').fill('晨湖信息技术有限公司');
  await page.getByTestId('setup-next').click();
  await page.getByLabel('姓名 1').fill('周海峰');
  await page.getByLabel('姓名 2').fill('李喆');
  await page.getByLabel('姓名 3').fill('王堃');
  await wizard.getByRole('radio', { name: '成员 1' }).check();
  await page.getByTestId('setup-next').click();
  await page.getByLabel('客户名称').fill('申江证券股份有限公司');
  await page.getByTestId('setup-next').click();
  await page.getByTestId('setup-pin-0').fill(E2E_PIN);
  await page.getByTestId('setup-pin2-0').fill(E2E_PIN);
  await page.getByTestId('setup-next').click();
  // No new team was created, so no code to copy is offered: the app opens locked.
  await app.unlock('周海峰');
  expect(await rowCount(page, 'laptop-b')).toBe(0);

  await page.goto('/?db=laptop-b#/sync');
  await expect(page.getByTestId('sync-page')).toBeVisible();
  await readFile(page, bundle.name, bundle.buffer);
  const receipt = page.getByTestId('sync-receipt');
  await expect(receipt).toContainText('已读入来自电脑 A 的同步包', { timeout: 180_000 });
  await expect(receipt.locator('tr').filter({ has: page.locator('th', { hasText: /^故障$/ }) })).toContainText(
    `新增 ${faultsOnA}，`,
  );
  await page.screenshot({ path: 'test-results/sync-two-laptops-receipt.png', fullPage: true });
  expect(await rowCount(page, 'laptop-b')).toBe(faultsOnA);

  await page.goto('/?db=laptop-b#/faults');
  await page.getByTestId('fault-search').locator('input').fill(number);
  // The search leaves this one fault: its row shows the same number and level as on A.
  const table = page.getByTestId('fault-table');
  await expect(table.getByRole('link', { name: number })).toHaveCount(1);
  await expect(table.getByTestId('level-tag')).toHaveText([level]);
  await page.screenshot({ path: 'test-results/sync-two-laptops-list.png', fullPage: true });
  await table.getByRole('link', { name: number }).click();
  await expect(page.getByTestId('fault-number')).toHaveText(number);
  await expect(page.getByTestId('fault-header').getByTestId('level-tag')).toHaveText(level);
  await expect(page.getByTestId('tier-tag')).toHaveText('二线 · 高级专家');
  await expect(page.getByTestId('timeline-escalation')).toContainText('升级：L1 → L2，交接给 吴涛');
  await page.screenshot({ path: 'test-results/sync-two-laptops-fault.png', fullPage: true });
  // The roster typed at B's setup is A's roster: the same three people, not six.
  expect(await rowCount(page, 'laptop-b', 'team')).toBe(3);

  // The manager on B resolves the fault, has it confirmed and issues the fault diagnosis report.
  await faultCommand(page, 'resolve', async () => {
    await page.getByTestId('root-cause').fill('LDAP 同步账号密码过期，堡垒机无法校验域账号');
    await page.getByTestId('resolution').fill('重置同步账号密码并重新同步，登录恢复');
  });
  const headerB = page.getByTestId('fault-header');
  await expect(headerB).toContainText('已解决');
  await faultCommand(page, 'confirm', () => page.getByRole('dialog').locator('.ant-rate-star').nth(4).click());
  await expect(headerB).toContainText('客户已确认');
  await page.getByTestId('issue-report').click();
  await expect(page.getByTestId('report-fault-diagnosis')).toContainText(number, { timeout: 60_000 });
  const reportsOnB = await rowCount(page, 'laptop-b', 'reports');

  await page.goto('/?db=laptop-b#/sync');
  await page.getByTestId('sync-write').click();
  await expect(page.locator('.ant-message')).toContainText(/已写出同步包/, { timeout: 120_000 });
  const back = await lastSaved(page);
  expect(back.name).toMatch(/^onsite-desk-sync-B-to-all-\d+\.odsync$/);

  // Laptop A reads B's bundle: the same fault, status, clocks and report.
  await page.goto('/#/sync');
  await app.unlock('李喆');
  await readFile(page, back.name, back.buffer);
  await expect(page.getByTestId('sync-receipt')).toContainText('已读入来自电脑 B 的同步包', { timeout: 180_000 });
  expect(await rowCount(page, 'onsite-desk', 'reports')).toBe(reportsOnB);
  expect(await rowCount(page, 'onsite-desk', 'team')).toBe(3);
  await page.goto('/#/faults');
  await page.getByTestId('fault-search').locator('input').fill(number);
  await page.getByTestId('fault-table').getByRole('link', { name: number }).click();
  const headerA = page.getByTestId('fault-header');
  await expect(headerA).toContainText('客户已确认');
  await expect(headerA.getByTestId('level-tag')).toHaveText(level);
  await expect(page.getByTestId('report-fault-diagnosis')).toContainText(number);
  await expect(page.getByTestId('timeline-report-issued')).toBeVisible();
  await page.screenshot({ path: 'test-results/sync-two-laptops-back-on-a.png', fullPage: true });
});
