import { E2E_PIN, expect, test } from './fixtures';

test('the app opens locked; a wrong PIN is refused and slowed; idle time locks it again', async ({ app, page }) => {
  test.setTimeout(300_000);
  await page.clock.install({ time: new Date('2026-11-25T09:00:00+08:00') });
  await app.open('/faults');
  await page.getByTestId('setup-load-demo').click();
  await page.locator('.ant-popconfirm').getByRole('button').last().click();
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  // Nothing of the client's data while locked: no project, no client, a plain window title.
  await expect(page.locator('body')).not.toContainText('申江证券');
  await expect(page).toHaveTitle('驻场服务台');
  await page.screenshot({ path: 'test-results/access-lock-zh.png' });

  await app.unlock('李喆');
  await expect(page.getByTestId('current-user')).toContainText('李喆');
  await page.getByTestId('lock-button').click();
  await expect(lock).toBeVisible();

  for (let n = 1; n <= 3; n++) {
    await lock.getByTestId('lock-pin').fill('000000');
    await lock.getByTestId('lock-unlock').click();
    await expect(lock.getByTestId('lock-error')).toContainText(`已连续错误 ${n} 次`);
  }
  await expect(lock.getByTestId('lock-wait')).toBeVisible();
  await expect(lock.getByTestId('lock-unlock')).toBeDisabled();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await page.clock.fastForward('00:00:06');
  await expect(lock.getByTestId('lock-unlock')).toBeEnabled();
  await app.unlock(undefined, E2E_PIN);

  // Ten idle minutes (the default) lock the app.
  await page.clock.fastForward('00:10:05');
  await expect(lock).toBeVisible();
  await app.setLanguageAtLock('English');
  await expect(lock).toContainText('Who are you?');
  await page.screenshot({ path: 'test-results/access-lock-en.png' });
});
