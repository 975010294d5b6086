import { expect, test } from './fixtures';

test('Ctrl+K: go to a page or find a fault by its number, keyboard only', async ({ app, page }) => {
  await app.openWithDemo('/');
  await page.keyboard.press('Control+k');
  const input = page.getByTestId('palette-input');
  await expect(input).toBeFocused();
  await input.fill('知识');
  await expect(page.getByTestId('palette-results')).toContainText('知识库');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/kb$/);

  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('GZ-');
  const first = page.getByTestId('palette-results').getByRole('option').first();
  await expect(first).toContainText('GZ-');
  const label = (await first.textContent()) ?? '';
  const number = /GZ-\d{6}-[A-Z0-9]+-\d+/.exec(label)?.[0];
  expect(number).toBeTruthy();
  await page.screenshot({ path: 'test-results/palette-zh.png' });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/faults\/[^/]+$/);
  await expect(page.getByText(number!).first()).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('没有这样的东西 zzz');
  await expect(page.getByTestId('palette-results')).toContainText('没有找到匹配的页面或记录');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('palette-input')).toBeHidden();
});
