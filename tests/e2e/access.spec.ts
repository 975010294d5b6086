import type { Page } from '@playwright/test';
import { E2E_PIN, expect, test, pickReporter } from './fixtures';

test('the app opens locked; a wrong PIN is refused and slowed; idle time locks it again', async ({ app, page }) => {
  test.setTimeout(300_000);
  await page.clock.install({ time: new Date('2026-11-25T09:00:00+08:00') });
  await app.open('/faults');
  await app.loadDemoAtSetup();
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

/** Fills the fault intake: reporter 赵磊, the primary bastion host, `symptoms`. */
async function fillIntake(page: Page, symptoms: string) {
  await pickReporter(page, '赵磊');
  await page.getByTestId('system-select').click();
  await page.keyboard.type('运维堡垒机（主）');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '运维堡垒机（主）' })
    .first()
    .click();
  await page.getByTestId('symptoms').fill(symptoms);
}

/** Every stored row of one table of the app's database, as JSON text (read without the app's code). */
async function tableText(page: Page, table: string): Promise<string> {
  return page.evaluate(
    (name) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('onsite-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(JSON.stringify(req.result));
            open.result.close();
          };
        };
      }),
    table,
  );
}

test('a password pasted into a fault is offered for masking; masked, it never reaches the record', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await app.openWithDemo('/faults/new');
  await fillIntake(page, '堡垒机登录失败，');
  // Pasted, as an engineer would from a chat or a mail.
  await page.getByTestId('symptoms').focus();
  await page.keyboard.insertText('password=Abc12345 请核对');
  await page.getByTestId('symptoms').press('Control+Enter');
  const dialog = page.getByTestId('secret-dialog');
  await expect(dialog).toContainText('密码');
  await expect(dialog).toContainText('password=******');
  await expect(dialog).not.toContainText('Abc12345');
  await page.getByRole('button', { name: '遮盖并保存' }).click();
  await expect(page.getByTestId('fault-detail')).toBeVisible();
  await expect(page.getByTestId('fault-detail')).toContainText('堡垒机登录失败，password=****** 请核对');
  await expect(page.getByTestId('fault-detail')).not.toContainText('Abc12345');
  for (const table of ['faults', 'faultEvents', 'auditLog'])
    expect(await tableText(page, table)).not.toContain('Abc12345');
});

test('texts typed after intake (a request step, its analysis, a fault correction) are offered for masking too', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await app.openWithDemo('/requests/new');
  await pickReporter(page, '刘婷');
  await page.getByTestId('request-type').getByText('账号与权限').click();
  await page.getByTestId('request-title').fill('重置交易网关运维账号');
  await page.getByTestId('request-title').press('Control+Enter');
  await expect(page.getByTestId('request-detail')).toBeVisible();

  await page.getByTestId('request-analysis').fill('旧口令 password=Abc12345 已失效');
  await page.getByTestId('request-save-analysis').click();
  await expect(page.getByTestId('secret-dialog')).toContainText('password=******');
  await page.getByRole('button', { name: '遮盖并保存' }).click();
  await expect(page.getByTestId('request-history')).toContainText('旧口令 password=****** 已失效');

  await page.getByTestId('request-cmd-resolve').click();
  await page.getByTestId('request-resolution').fill('已重置，新口令 pwd: Xyz98765 电话告知');
  await page.getByTestId('request-dialog-ok').click();
  await expect(page.getByTestId('secret-dialog')).not.toContainText('Xyz98765');
  await page.getByRole('button', { name: '遮盖并保存' }).click();
  await expect(page.getByTestId('request-header')).toContainText('已解决');
  await expect(page.getByTestId('request-history')).not.toContainText('Xyz98765');

  await app.open('/faults/new');
  await fillIntake(page, '交易网关登录失败');
  await page.getByTestId('symptoms').press('Control+Enter');
  await expect(page.getByTestId('fault-detail')).toBeVisible();
  await page.getByTestId('cmd-correct').click();
  await page.getByTestId('correct-intake').click();
  await page.getByTestId('correct-symptoms').fill('交易网关登录失败（账号锁定）');
  await page.getByTestId('intake-reason').fill('现象误填，原 password=Qwe45678');
  await page.getByTestId('dialog-ok').click();
  await expect(page.getByTestId('secret-dialog')).toBeVisible();
  await page.getByRole('button', { name: '遮盖并保存' }).click();
  await expect(page.getByTestId('fault-detail')).toContainText('交易网关登录失败（账号锁定）');
  await expect(page.getByTestId('fault-detail')).toContainText('password=******');

  for (const table of ['serviceRequests', 'faultEvents', 'auditLog']) {
    const text = await tableText(page, table);
    for (const secret of ['Abc12345', 'Xyz98765', 'Qwe45678']) expect(text).not.toContain(secret);
  }
});

test('a level-1 fault is escalated only when the project manager receives it with their PIN; an engineer PIN is refused', async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const engineerPin = '135790';
  await app.open('/faults/new');
  await app.loadDemoAtSetup();
  // The engineer has a PIN of their own; the project manager sets theirs on this laptop, then the engineer works on.
  await app.unlock('李喆', engineerPin);
  await page.getByTestId('lock-button').click();
  await app.unlock('周海峰', E2E_PIN);
  await page.getByTestId('lock-button').click();
  await app.unlock('李喆', engineerPin);

  await app.open('/faults/new');
  await fillIntake(page, '堡垒机集群全部节点宕机，运维通道中断');
  await page.getByTestId('q-businessInterrupted').check();
  await page.getByTestId('q-interruptedOverHour').check();
  await expect(page.getByTestId('level-proposal')).toContainText('一级');
  await page.getByTestId('symptoms').press('Control+Enter');
  await expect(page.getByTestId('fault-header')).toContainText('一级');

  await page.getByTestId('cmd-escalate').click();
  const esc = page.getByRole('dialog').filter({ has: page.getByTestId('escalation-form') });
  await expect(esc.getByTestId('escalation-needs-pm')).toBeVisible();
  await esc.getByTestId('escalation-recipient').click();
  await page.locator('.ant-select-dropdown:visible').getByText('吴涛', { exact: false }).click();
  await esc.getByTestId('escalation-reason').fill('全部节点宕机，需二线专家到场协助');
  await esc.getByRole('checkbox').uncheck();
  await esc.getByTestId('escalation-ok').click();

  const approval = page.getByTestId('approval-dialog');
  await expect(approval).toContainText('接收并确认一级故障的升级');
  // The engineer alone cannot: their PIN is not the project manager's, and nothing is recorded.
  await approval.getByTestId('approval-pin').fill(engineerPin);
  await approval.getByRole('button', { name: '批准' }).click();
  await expect(approval).toContainText('这不是项目经理的 PIN');
  await expect(page.getByTestId('timeline-escalation')).toHaveCount(0);
  await approval.getByTestId('approval-pin').fill(E2E_PIN);
  await approval.getByRole('button', { name: '批准' }).click();
  await expect(approval).toBeHidden();
  await expect(esc).toBeHidden();
  await expect(page.getByTestId('tier-tag')).toHaveText('二线 · 高级专家');
  await expect(page.getByTestId('timeline-escalation')).toContainText('项目经理 周海峰 已接收并确认');
  const events = await tableText(page, 'faultEvents');
  expect(events).toContain('"receivedBy":{"approverId"');
  expect(await tableText(page, 'auditLog')).toContain('received and approved by project manager 周海峰');
});
