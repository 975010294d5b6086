import { expect, test } from './fixtures';

for (const lang of ['zh-CN', 'en'] as const) {
  test(`first-run setup: create a team, join one, a typo refused (${lang})`, async ({ app, page }) => {
    await app.open();
    const wizard = page.getByTestId('setup-wizard');
    await expect(wizard).toBeVisible();
    if (lang === 'en') {
      await page.getByTestId('setup-language').click();
      await page.locator('.ant-select-dropdown').getByText('English', { exact: true }).click();
    }
    await expect(page.getByTestId('setup-team-mode')).toBeVisible();
    await expect(page.getByTestId('setup-backup-browser')).toBeVisible();
    await page.screenshot({ path: `test-results/team-key-setup-create-${lang}.png`, fullPage: true });

    await page.getByTestId('setup-team-mode').getByRole('radio').nth(1).check();
    const code = page.getByTestId('setup-team-code');
    // A code with one character changed (valid alphabet) fails the check group.
    await code.fill('K7QM-2D9X-ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345');
    await page.getByTestId('setup-team-name').click();
    const error = lang === 'en' ? /typo: its check group does not match/ : /团队码有输入错误/;
    await expect(wizard.getByText(error)).toBeVisible();
    await page.screenshot({ path: `test-results/team-key-setup-join-typo-${lang}.png`, fullPage: true });
    await code.fill('K7QM-2D9X');
    await page.getByTestId('setup-team-name').click();
    await expect(wizard.getByText(lang === 'en' ? /36 characters/ : /共 36 位/)).toBeVisible();
  });
}
