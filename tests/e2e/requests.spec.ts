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

test('service request list: response due time with time left, sortable, overdue in red, one desktop alert per threshold', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  // Desktop notifications are recorded instead of shown (the web platform uses the Notification API).
  await page.addInitScript(() => {
    const sent: Array<{ title: string; body?: string }> = [];
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      constructor(title: string, opts: { body?: string } = {}) {
        sent.push({ title, body: opts.body });
      }
    }
    Object.assign(window, { Notification: RecordedNotification, __sentNotifications: sent });
  });
  const sent = (title: string) =>
    page.evaluate(
      (t) =>
        (window as unknown as { __sentNotifications: Array<{ title: string }> }).__sentNotifications.filter(
          (n) => n.title === t,
        ).length,
      title,
    );
  // Wednesday 25 November 2026, 10:12 in Shanghai, a working day: the demo's open consultation came
  // in 10 minutes ago, so its 30-minute 5×8 response is due at 10:32.
  await page.clock.install({ time: new Date('2026-11-25T10:12:00+08:00') });
  await app.openWithDemo('/requests');
  const table = page.getByTestId('request-table');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(4);
  const open = table.locator('tbody tr.ant-table-row').filter({ hasText: '办公云虚拟机' });
  const due = open.getByTestId('request-due');
  await expect(due).toHaveAttribute('data-state', 'running');
  // Due at 10:32 (10:33 should the demo be written a minute later on a slow machine); the time keeps running.
  // Due today: the time alone (another day would add its date and weekday).
  await expect(due).toContainText(/10:3[23]/);
  await expect(due).not.toContainText('11-25');
  await expect(due).toContainText(/剩余 (1\d|20) 分钟/);

  // Sorted by due time: the request still waiting for its response comes first.
  await table.getByRole('columnheader', { name: '响应截止' }).click();
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText('办公云虚拟机');

  // Ten idle minutes lock the app: the engineer moves the mouse between the jumps.
  await page.clock.fastForward('00:08:00');
  await page.mouse.move(10, 10);
  await page.clock.fastForward('00:08:00');
  await page.mouse.move(20, 20);
  await expect(due).toHaveAttribute('data-state', 'at-risk', { timeout: 20_000 });
  await expect.poll(() => sent('需求申请即将超时'), { timeout: 20_000 }).toBe(1);
  await page.clock.fastForward('00:08:00');
  await page.mouse.move(10, 10);
  await expect(due).toHaveAttribute('data-state', 'breached', { timeout: 20_000 });
  await expect(due).toContainText(/超时 \d+ 分钟/);
  await expect.poll(() => sent('需求申请响应已超时'), { timeout: 20_000 }).toBe(1);
  await page.clock.fastForward('00:02:00');
  await page.mouse.move(20, 20);
  await page.clock.fastForward('00:02:00');
  expect(await sent('需求申请即将超时')).toBe(1);
  expect(await sent('需求申请响应已超时')).toBe(1);
  await page.screenshot({ path: '/tmp/requests-due-zh.png' });

  await app.setLanguage('English');
  await expect(table.getByRole('columnheader', { name: 'Response due' })).toBeVisible();
  await expect(due).toContainText('over');
});
