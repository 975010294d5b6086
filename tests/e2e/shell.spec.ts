import { expect, test } from './fixtures';

test('first-run setup → shell in zh-CN → English survives reload, settings kept', async ({ app, page }) => {
  await app.open();
  const wizard = page.getByTestId('setup-wizard');
  await expect(wizard).toContainText('欢迎使用驻场服务台');
  // Step 1: this laptop. A bad device code is refused at the field.
  await page.getByLabel('设备代码').fill('b!');
  await page.getByTestId('setup-next').click();
  await expect(wizard).toContainText('设备代码为 1–3 位大写字母或数字');
  await page.getByLabel('设备代码').fill('b');
  await page.getByTestId('setup-next').click();
  // Step 2: the team; a missing name is marked at the field.
  await page.getByLabel('姓名 1').fill('周海峰');
  await page.getByLabel('姓名 2').fill('李喆');
  await page.getByTestId('setup-next').click();
  await expect(wizard).toContainText('此项必填');
  await page.getByLabel('姓名 3').fill('王堃');
  await page.getByTestId('setup-next').click();
  // Step 3: the client.
  await page.getByLabel('客户名称').fill('申江证券股份有限公司');
  await page.getByTestId('setup-next').click();
  // Step 4: PINs on this laptop (optional); a short one is refused at the field.
  await page.getByTestId('setup-pin-1').fill('123');
  await page.getByTestId('setup-next').click();
  await expect(wizard).toContainText('PIN 至少需要 6 位数字');
  await page.getByTestId('setup-pin-1').fill('246810');
  await page.getByTestId('setup-pin2-1').fill('246810');
  await page.getByTestId('setup-next').click();
  // The new team's key is created; its code is offered once (Settings → Team key later).
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /知道了|OK/ })
    .click();

  // The app opens locked; 李喆 (this laptop's user, preselected) has a PIN already.
  await expect(page.getByTestId('lock-pin')).toBeVisible();
  await app.unlock();
  await expect(page.getByTestId('current-user')).toContainText('李喆');
  await expect(page.getByRole('menu')).toContainText('故障');
  await expect(page.getByRole('menu')).toContainText('巡检');
  await page.screenshot({ path: 'test-results/shell-zh.png' });

  await app.setLanguage('English');
  await expect(page.getByRole('menu')).toContainText('Faults');
  await page.reload();
  await app.unlock();
  await expect(page.getByRole('menu')).toContainText('Inspections');
  await expect(page.getByTestId('current-user')).toContainText('Resident engineer');
  await app.nav('settings').click();
  await expect(page.getByLabel('Device code')).toHaveValue('B');
  await page.screenshot({ path: 'test-results/settings-en.png' });
});

test('add a system to the inventory and see it listed', async ({ app, page }) => {
  await app.openWithDemo('/settings/inventory');
  const table = page.getByTestId('systems-table');
  await expect(table).toContainText('生产虚拟化集群 PROD-VC01');
  await table.getByRole('button', { name: '添加系统' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('系统名称').fill('核心交易防火墙 FW-CORE');
  await dialog.getByLabel('厂商').fill('华为');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(table).toContainText('核心交易防火墙 FW-CORE');
  await table.getByPlaceholder('搜索').fill('FW-CORE');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.reload();
  await app.unlock();
  await expect(page.getByTestId('systems-table')).toContainText('核心交易防火墙 FW-CORE');

  // Delete is confirmed, then undoable from the message.
  const fresh = page.getByTestId('systems-table');
  await fresh.getByPlaceholder('搜索').fill('FW-CORE');
  await fresh.locator('tbody tr').getByRole('button', { name: '删除' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  await expect(fresh.locator('tbody')).not.toContainText('FW-CORE');
  await page.locator('.ant-message').getByRole('button', { name: '撤销' }).click();
  await expect(fresh).toContainText('核心交易防火墙 FW-CORE');
});

test('every navigation item opens its page with a title and content', async ({ app, page }) => {
  await app.openWithDemo('/');
  // Every item of the shell's navigation (renderer/app/Shell.tsx), dashboard last to come back home.
  const keys = [
    'faults',
    'requests',
    'inspections',
    'kb',
    'training',
    'feedback',
    'reports',
    'sync',
    'audit',
    'settings',
  ];
  for (const key of [...keys, 'dashboard']) {
    await app.nav(key).click();
    await expect(page.getByTestId('page-title')).toBeVisible();
    await expect(page.locator('main, .ant-layout-content').first()).not.toBeEmpty();
  }
});
