import { expect, test } from './fixtures';

// Wednesday 25 November 2026 in Shanghai: the demo holds October's feedback meeting (the 20th) and
// November's (the 8th).
const today = '2026-11-25';

test('client feedback: record a meeting through the form, refused dates shown at their field; listed, found, deleted', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000);
  await page.clock.setFixedTime(new Date(`${today}T10:00:00+08:00`));
  await app.openWithDemo('/feedback');
  await expect(page.getByTestId('page-title')).toHaveText('客户反馈');
  const rows = page.getByTestId('feedback-list').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('2026-11-08');
  await page.screenshot({ path: '/tmp/feedback-list-zh.png' });

  await app.nav('feedback').click();
  await page.getByTestId('feedback-add').click();
  const form = page.getByTestId('feedback-form');
  await expect(form.getByLabel('会议日期')).toHaveValue(today);
  const attendees = form.getByRole('combobox', { name: '参会人员' });
  await attendees.fill('陈镕');
  await page.locator('.ant-select-dropdown:visible').getByText('陈镕（信息技术部 系统运维组）').click();
  await attendees.fill('李喆');
  await attendees.press('Enter');
  await attendees.fill('欧阳菁');
  await attendees.press('Enter');
  await attendees.press('Escape');
  await form.getByLabel('客户意见').fill('灾备演练方案希望提前两周提交评审，并附回退步骤。');
  await page.getByTestId('feedback-add-action').click();
  await form.getByLabel('第 1 项措施内容').fill('灾备演练方案提前两周提交评审');
  await form.getByLabel('第 1 项措施责任人').fill('李喆');
  await form.getByLabel('第 1 项措施完成期限').fill('2026-11-24');
  await form.getByLabel('会议日期').fill('2026-11-26');
  await page.screenshot({ path: '/tmp/feedback-form-zh.png' });

  // Ctrl+Enter saves; the repository's checks are shown at their fields and nothing is written.
  await form.getByLabel('客户意见').press('Control+Enter');
  await expect(form).toContainText('会议日期不能晚于今天');
  await form.getByLabel('会议日期').fill(today);
  await form.getByLabel('客户意见').press('Control+Enter');
  await expect(form).toContainText('完成期限不能早于会议日期');
  await expect(form).not.toContainText('会议日期不能晚于今天');
  await form.getByLabel('第 1 项措施完成期限').fill('2026-12-09');
  await form.getByLabel('客户意见').press('Control+Enter');
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);

  await expect(rows).toHaveCount(3);
  const mine = rows.first();
  await expect(mine).toContainText('2026-11-25');
  await expect(mine).toContainText('陈镕、李喆、欧阳菁');
  await expect(mine).toContainText('0 / 1 项已完成');
  await page.getByLabel('搜索参会人员、客户意见或措施').fill('灾备演练');
  await expect(rows).toHaveCount(1);
  await mine.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByText('灾备演练方案提前两周提交评审')).toBeVisible();

  // Delete asks first.
  await mine.getByRole('button', { name: '删除' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  await expect(page.getByTestId('feedback-list').locator('tbody tr.ant-table-row')).toHaveCount(0);
});
