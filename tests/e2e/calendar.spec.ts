import { expect, test } from './fixtures';

test('business calendar: missing year warned on the dashboard, bad import refused, good import covers the year', async ({
  app,
  page,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-25T10:00:00+08:00'));
  await app.openWithDemo('/');
  await expect(page.getByTestId('calendar-missing')).toContainText('2027');
  await page.getByTestId('calendar-missing').getByText('前往设置').click();
  await expect(page.getByTestId('year-grid')).toBeVisible();
  // 2026 ships with the State Council data: 10-01 is a holiday, 10-10 (a Saturday) a working day.
  await expect(page.getByRole('button', { name: '2026-10-01 法定节假日' })).toBeVisible();
  await expect(page.getByRole('button', { name: '2026-10-10 调休上班' })).toBeVisible();

  await page.getByLabel('年份').click();
  await page.locator('.ant-select-item-option[title="2027"]').click();
  await expect(page.getByTestId('calendar-uncovered')).toBeVisible();

  const pick = async (name: string, body: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入年度数据' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
  };
  await pick('bad.json', JSON.stringify({ year: 2027, holidays: ['2027-02-30'], workdays: ['2027-02-03'] }));
  await expect(page.getByTestId('calendar-errors')).toContainText('只有周六或周日才能设为调休上班日');
  await page.locator('.ant-modal-confirm').getByRole('button').last().click();
  await expect(page.getByTestId('calendar-uncovered')).toBeVisible();

  await pick(
    '2027.json',
    JSON.stringify({ year: 2027, holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-06'] }),
  );
  await expect(page.getByTestId('calendar-uncovered')).toBeHidden();
  await expect(page.getByRole('button', { name: '2027-02-06 调休上班' })).toBeVisible();
  await app.nav('dashboard').click();
  await expect(page.getByTestId('page-title')).toBeVisible();
  await expect(page.getByTestId('calendar-missing')).toBeHidden();
});

test('next year in one paste: the notice text becomes a previewed year, unreadable lines are shown', async ({
  app,
  page,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-25T10:00:00+08:00'));
  await app.openWithDemo('/');
  await page.getByTestId('calendar-missing').getByText('前往设置').click();
  await page.getByRole('button', { name: '粘贴国务院通知' }).click();
  // Test text in the notice's form (not the real 2027 arrangements); the last line has a wrong weekday.
  const notice = [
    '国务院办公厅关于2027年部分节假日安排的通知',
    '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
    '二、春节：2月5日（周五）至11日（周四）放假调休，共7天。2月14日（周日）上班。',
    '三、清明节：4月5日（周三）放假1天。',
  ].join('\n');
  await page.getByTestId('notice-text').fill(notice);
  await expect(page.getByTestId('notice-summary')).toContainText('2027 年');
  await expect(page.getByTestId('notice-summary')).toContainText('放假 10 天');
  await expect(page.getByTestId('notice-problems')).toContainText('星期与日期不符：2027-04-05');
  const dialog = page.locator('.ant-modal').filter({ hasText: '从国务院放假安排通知导入' });
  await expect(dialog.getByRole('button', { name: '2027-02-14 调休上班' })).toBeVisible();
  await page.screenshot({ path: 'test-results/calendar-notice-zh.png' });
  await dialog.getByRole('button', { name: '保存 2027 年日历' }).click();
  // The dialog closes on save (its preview grid has the same day buttons until it is gone).
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('calendar-uncovered')).toBeHidden();
  const grid = page.getByRole('tabpanel', { name: '工作日历' });
  await expect(grid.getByRole('button', { name: '2027-02-08 法定节假日' })).toBeVisible();
  await expect(grid.getByRole('button', { name: '2027-04-05 法定节假日' })).toHaveCount(0);
});
