import { expect, test } from './fixtures';

test('help: "?" and F1 open the area of the page, with the deadlines in force', async ({ app, page }) => {
  await app.openWithDemo('/faults');
  await page.getByTestId('help-button').click();
  await expect(page).toHaveURL(/#\/help\/clocks$/);
  const clocks = page.getByTestId('help-clocks');
  await expect(clocks).toContainText('响应 30 分钟，故障处理 4 小时');
  await expect(clocks).toContainText('现场到达 2 小时');
  await expect(clocks).toContainText('09:00–17:00');
  await page.screenshot({ path: 'test-results/help-zh.png' });

  await app.open('/faults/new');
  await page.keyboard.press('F1');
  await expect(page).toHaveURL(/#\/help\/levels$/);
  await expect(page.getByTestId('help-levels')).toContainText('业务中断 1 小时以上');
});

test('help in English: areas chosen from the list', async ({ app, page }) => {
  await app.openWithDemo('/help/clocks');
  await app.setLanguage('English');
  await expect(page.getByTestId('help-clocks')).toContainText('response 30 min, resolution 4 h');
  await page.getByRole('menuitem', { name: 'Monthly inspection' }).click();
  await expect(page).toHaveURL(/#\/help\/inspections$/);
  await expect(page.getByTestId('help-inspections')).toContainText('due 3 calendar days');
  await page.screenshot({ path: 'test-results/help-en.png' });
});
