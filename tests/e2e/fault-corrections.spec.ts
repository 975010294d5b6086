import type { Page } from '@playwright/test';
import { expect, test, pickReporter } from './fixtures';

async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

test('corrections after saving: level changed with a reason, intake corrected with the old values in the history', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await app.openWithDemo('/faults/new');
  await pickReporter(page, '赵磊');
  await pick(page, 'system-select', '运维堡垒机（主）');
  await page.getByTestId('symptoms').fill('堡垒机 RDP 会话频繁断开');
  await expect(page.getByTestId('level-proposal')).toContainText('建议定级：三级');
  await page.getByTestId('symptoms').press('Control+Enter');
  await expect(page.getByTestId('fault-detail')).toBeVisible();
  const header = page.getByTestId('fault-header');
  await expect(header).toContainText('三级');
  await expect(header).toContainText('远程支持');

  // Level 3 → 2: on site from now, with the reason in the history.
  await page.getByTestId('cmd-correct').click();
  await page.getByTestId('correct-level').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('dialog-ok').click();
  await expect(dialog.getByText('此项必填')).toHaveCount(2);
  await dialog
    .locator('label')
    .filter({ hasText: /^二级$/ })
    .click();
  await dialog.getByTestId('level-reason').fill('客户确认交易终端登录受影响');
  await dialog.getByTestId('dialog-ok').click();
  await expect(dialog).toBeHidden();
  await expect(header).toContainText('二级');
  await expect(header).toContainText('现场响应');
  await expect(page.locator('[data-clock="arrival"]')).toBeVisible();
  await expect(page.getByTestId('timeline-level-changed')).toContainText('级别调整：三级 → 二级');
  await expect(page.getByTestId('timeline-level-changed')).toContainText('客户确认交易终端登录受影响');

  // Intake: hotline → e-mail, new symptoms; the reply clock appears and the old values stay readable.
  await page.getByTestId('cmd-correct').click();
  await page.getByTestId('correct-intake').click();
  await pick(page, 'correct-channel', '电子邮件');
  await dialog.getByTestId('correct-symptoms').fill('堡垒机 RDP 会话每 10 分钟断开');
  await dialog.getByTestId('intake-reason').fill('客户实际是发邮件报障');
  await page.screenshot({ path: 'test-results/corrections-intake-dialog.png' });
  await dialog.getByTestId('dialog-ok').click();
  await expect(dialog).toBeHidden();
  const corrected = page.getByTestId('timeline-intake-corrected');
  await expect(corrected).toContainText('更正登记信息');
  await expect(corrected).toContainText('报障方式：热线电话 → 电子邮件');
  await expect(corrected).toContainText('故障特征：堡垒机 RDP 会话频繁断开 → 堡垒机 RDP 会话每 10 分钟断开');
  await expect(page.getByTestId('fault-detail')).toContainText('堡垒机 RDP 会话每 10 分钟断开');
  await expect(page.locator('[data-clock="reply"]')).toBeVisible();
  await page.screenshot({ path: 'test-results/corrections-zh.png', fullPage: true });

  await app.setLanguage('English');
  await expect(page.getByTestId('timeline-intake-corrected')).toContainText('Channel: Hotline → E-mail');
  await page.screenshot({ path: 'test-results/corrections-en.png', fullPage: true });
});
