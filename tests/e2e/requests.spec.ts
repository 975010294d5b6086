import { expect, test, pickReporter } from './fixtures';

test('service request: intake, 30-minute response clock, analysis, resolution by phone, close', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await app.openWithDemo('/requests');
  const table = page.getByTestId('request-table');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(4);
  await page.getByTestId('request-search').locator('input').fill('SFTP');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByTestId('request-search').locator('input').fill('');
  await page.screenshot({ path: '/tmp/requests-list-zh.png' });

  await page.getByTestId('request-new').click();
  await page.getByTestId('request-submit').click();
  await expect(page.locator('.ant-form-item').filter({ has: page.getByTestId('request-title') })).toContainText(
    '此项必填',
  );
  await pickReporter(page, '刘婷');
  await page.getByTestId('request-type').getByText('账号与权限').click();
  await page.getByTestId('request-title').fill('为审计部新员工开通堡垒机审计账号');
  await page.getByTestId('request-title').press('Control+Enter');

  await expect(page.getByTestId('request-detail')).toBeVisible();
  await expect(page.getByTestId('request-number')).toHaveText(/^XQ-\d{6}-A-\d{3}$/);
  await expect(page.getByTestId('request-header')).toContainText('账号与权限');
  await expect(page.getByTestId('request-header')).toContainText('待响应');
  await expect(page.getByTestId('request-clock')).toContainText('响应');

  await page.getByTestId('request-cmd-respond').click();
  await page.getByTestId('request-dialog-ok').click();
  await expect(page.getByTestId('request-header')).toContainText('处理中');
  await expect(page.getByTestId('request-clock')).toHaveAttribute('data-state', 'met');

  await page.getByTestId('request-analysis').fill('审批单齐全，仅授予会话审计权限');
  await page.getByTestId('request-save-analysis').click();
  await expect(page.getByTestId('request-history')).toContainText('审批单齐全，仅授予会话审计权限');

  await page.getByTestId('request-cmd-resolve').click();
  await page.getByTestId('request-resolution').fill('已创建审计员账号并电话告知领取方式');
  await page.getByTestId('request-dialog-ok').click();
  await expect(page.getByTestId('request-header')).toContainText('已解决');
  await page.getByTestId('request-cmd-close').click();
  await page.getByTestId('request-dialog-ok').click();
  await expect(page.getByTestId('request-header')).toContainText('已关闭');
  await expect(page.getByTestId('request-history')).toContainText('已创建审计员账号');
  await page.screenshot({ path: '/tmp/requests-detail-zh.png', fullPage: true });

  await app.setLanguage('English');
  await expect(page.getByTestId('request-header')).toContainText('Account or permission');
  await page.screenshot({ path: '/tmp/requests-detail-en.png', fullPage: true });
  await app.nav('requests').click();
  await expect(page.getByTestId('page-title')).toHaveText('Service requests');
  await expect(page.getByTestId('request-table').locator('tbody tr.ant-table-row')).toHaveCount(5);
  await page.screenshot({ path: '/tmp/requests-list-en.png' });
});
