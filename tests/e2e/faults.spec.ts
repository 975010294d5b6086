import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, pickReporter, faultCommand as command } from './fixtures';

/** Every saved file is kept for `app.savedFiles()` (the web platform calls `onSaveFile`). */
async function keepSavedFiles(page: Page) {
  await page.addInitScript(() => {
    const hook = (
      window as unknown as { __onsiteTestPlatform: { saved: unknown[]; onSaveFile?: (f: unknown) => void } }
    ).__onsiteTestPlatform;
    hook.onSaveFile = (f) => hook.saved.push(f);
  });
}

/** Rows in one IndexedDB table of the app's database (read without the app's code). */
async function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('onsite-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
        };
      }),
    table,
  );
}

/** Row counts once the demo seeders (each feature's, in their own transactions) have finished writing. */
async function settledCounts(page: Page, tables: string[]): Promise<number[]> {
  let last = '';
  for (let i = 0; i < 20; i++) {
    const counts = await Promise.all(tables.map((t) => countRows(page, t)));
    const key = counts.join(',');
    if (key === last && counts[0] > 0) return counts;
    last = key;
    await page.waitForTimeout(500);
  }
  throw new Error(`row counts never settled: ${last}`);
}

/** Rows of one table whose `field` equals `value`. */
async function rowsWith(page: Page, table: string, field: string, value: string): Promise<number> {
  return page.evaluate(
    ([name, key, v]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('onsite-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            resolve((req.result as Record<string, unknown>[]).filter((r) => r[key] === v).length);
            open.result.close();
          };
        };
      }),
    [table, field, value] as const,
  );
}

async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Fills the intake with a level-3 hotline fault on the primary bastion host. */
async function logLevel3Fault(page: Page, symptoms: string) {
  await pickReporter(page, '赵磊');
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('赵磊');
  await pick(page, 'system-select', '运维堡垒机（主）');
  await page.getByTestId('symptoms').fill(symptoms);
  await expect(page.getByTestId('level-proposal')).toContainText('建议定级：三级');
  await page.getByTestId('symptoms').press('Control+Enter');
  await expect(page.getByTestId('fault-detail')).toBeVisible();
  await expect(page.getByTestId('fault-number')).toHaveText(/^GZ-\d{6}-A-\d{3}$/);
}

test('hotline fault from intake to closure: respond, wait, resume, escalate, resolve, confirm, report, close', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await keepSavedFiles(page);
  await app.openWithDemo('/faults/new');
  await logLevel3Fault(page, '堡垒机无法登录 Linux 主机，SSH 会话认证超时');
  const header = page.getByTestId('fault-header');
  await expect(header).toContainText('三级');
  await expect(header).toContainText('远程支持（5×8）');
  await expect(header).toContainText('已报告');
  const number = (await page.getByTestId('fault-number').textContent())!;

  await command(page, 'respond');
  await expect(header).toContainText('已响应');
  await command(page, 'pause', () => page.getByTestId('event-note').fill('等待客户提供堡垒机 sshd 日志'));
  await expect(header).toContainText('待客户');
  await expect(page.locator('[data-clock="resolution"]')).toHaveAttribute('data-state', 'paused');
  await command(page, 'resume');
  await expect(header).toContainText('处理中');

  await page.getByTestId('cmd-escalate').click();
  const esc = page.getByRole('dialog');
  await expect(esc.getByTestId('escalation-actions')).toBeVisible();
  await esc.getByTestId('escalation-recipient').click();
  await page.locator('.ant-select-dropdown:visible').getByText('吴涛', { exact: false }).click();
  await esc.getByTestId('escalation-reason').fill('认证模块疑似与 LDAP 同步异常，需二线专家协助定位');
  await esc.getByTestId('escalation-ok').click();
  await expect(esc).toBeHidden();
  await expect(page.getByTestId('tier-tag')).toHaveText('二线 · 高级专家');
  await expect(page.getByTestId('report-escalation-package')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('timeline-escalation')).toContainText('升级：L1 → L2，交接给 吴涛');

  await command(page, 'resolve', async () => {
    await page.getByTestId('root-cause').fill('LDAP 同步账号密码过期，堡垒机无法校验域账号');
    await page.getByTestId('resolution').fill('重置同步账号密码并重新同步，SSH 登录恢复');
    await page.getByTestId('prevention').fill('为同步账号设置密码到期提醒');
  });
  await expect(header).toContainText('已解决');
  await command(page, 'confirm', () => page.getByRole('dialog').locator('.ant-rate-star').nth(3).click());
  await expect(header).toContainText('客户已确认');
  await expect(page.getByTestId('timeline-confirmation')).toContainText('满意度 4 分');

  await page.getByTestId('issue-report').click();
  const item = page.getByTestId('report-fault-diagnosis');
  await expect(item).toContainText(number, { timeout: 30_000 });
  await item.getByTestId('report-save').click();
  await expect.poll(async () => (await app.savedFiles()).map((f) => f.name)).toContain(`故障诊断报告-${number}.pdf`);
  const saved = (await app.savedFiles()).find((f) => f.name === `故障诊断报告-${number}.pdf`)!;
  const file = join(mkdtempSync(join(tmpdir(), 'fault-e2e-')), 'report.pdf');
  writeFileSync(file, Buffer.from(saved.data));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('故障诊断报告');
  expect(text).toContain(number);
  expect(text).toContain('LDAP 同步账号密码过期');
  await expect(page.getByTestId('timeline-report-issued')).toBeVisible();

  await page.getByTestId('cmd-close').click();
  await expect(page.getByTestId('close-readiness')).toContainText('可以关闭');
  await page.getByRole('dialog').getByTestId('dialog-ok').click();
  await expect(header).toContainText('已关闭');
  await page.screenshot({ path: '/tmp/faults-detail-closed.png', fullPage: true });
});

test('a level-3 remote fault unresolved for 4 business hours becomes level 2 on site, recorded once', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  // Wednesday 25 November 2026, 09:00 in Shanghai: a working day.
  await page.clock.install({ time: new Date('2026-11-25T09:00:00+08:00') });
  await app.openWithDemo('/faults/new');
  await logLevel3Fault(page, '堡垒机 Web 控制台打开缓慢');
  const header = page.getByTestId('fault-header');
  await expect(header).toContainText('三级');
  await expect(header).toContainText('远程支持（5×8）');
  await command(page, 'respond');

  await page.clock.fastForward('04:00:30');
  // Four idle hours lock the app (idle lock, renderer/features/access); the engineer unlocks again.
  await app.unlock();
  await expect(header).toContainText('二级', { timeout: 15_000 });
  await expect(header).toContainText('现场响应（7×24）');
  const upgrade = page.getByTestId('timeline-auto-upgrade');
  await expect(upgrade).toHaveCount(1);
  await expect(upgrade).toContainText('自动升级：三级 → 二级');
  // Stamped with the breach instant (13:00), not with the moment it was recorded.
  await expect(upgrade).toContainText('2026-11-25 13:00');
  await expect(page.locator('[data-clock="resolution"]')).toHaveAttribute('data-state', 'breached');
  // The remote resolution clock no longer applies: grey, tagged with the upgrade instant, not a live red one.
  await expect(page.locator('[data-clock="resolution"]')).toHaveAttribute('data-superseded', 'true');
  await expect(page.getByTestId('clock-resolution')).toHaveText('已被升级取代 · 11-25 13:00');
  await expect(page.locator('[data-clock="arrival"]')).toHaveAttribute('data-state', 'running');
  await page.screenshot({ path: '/tmp/faults-upgraded.png', fullPage: true });

  await page.reload();
  await app.unlock();
  await expect(page.getByTestId('fault-header')).toContainText('二级');
  await page.clock.fastForward('00:00:40');
  await expect(page.getByTestId('timeline-auto-upgrade')).toHaveCount(1);
  const faultId = decodeURIComponent(page.url().split('#/faults/')[1]);
  const events = await page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('onsite-desk');
        open.onsuccess = () => {
          const req = open.result.transaction('faultEvents').objectStore('faultEvents').getAll();
          req.onsuccess = () =>
            resolve(
              (req.result as Array<{ faultId: string; type: string; payload: { reason?: string } }>).filter(
                (e) => e.faultId === id && e.type === 'level-changed' && e.payload.reason === 'auto-upgrade',
              ).length,
            );
        };
      }),
    faultId,
  );
  expect(events).toBe(1);
});

test('bad input: required fields marked, reported before occurred refused, oversize attachment refused, nothing half-saved', async ({
  app,
  page,
}) => {
  await app.openWithDemo('/faults/new');
  const [faultsBefore] = await settledCounts(page, ['faults']);
  await page.getByTestId('intake-submit').click();
  const reporterItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('reporter-select') });
  await expect(reporterItem).toContainText('此项必填');
  await expect(page.locator('.ant-form-item').filter({ has: page.getByTestId('symptoms') })).toContainText('此项必填');
  await expect(page.locator('.ant-form-item').filter({ has: page.getByTestId('system-select') })).toContainText(
    '此项必填',
  );

  await page.getByTestId('reporter-select').click();
  await page.locator('.ant-select-dropdown:visible').getByText('新增报告人').click();
  await page.getByLabel('姓名', { exact: true }).fill('测试报告人');
  await pick(page, 'system-select', '集中备份系统');
  await page.getByTestId('symptoms').fill('备份作业失败');
  await page.getByTestId('occurred-at').fill('2026-11-20T10:00');
  await page.getByTestId('reported-at').fill('2026-11-20T09:30');
  await page.getByTestId('intake-submit').click();
  await expect(page.locator('.ant-form-item').filter({ has: page.getByTestId('reported-at') })).toContainText(
    '报告时间不能早于发生时间',
  );

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('pending-attachments').getByRole('button', { name: '添加附件' }).click();
  await (
    await chooser
  ).setFiles({ name: 'vmkernel-full.log', mimeType: 'text/plain', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 97) });
  await expect(page.getByTestId('attachment-error')).toContainText('超过 10 MB 的大小限制');
  await page.screenshot({ path: '/tmp/faults-intake-errors.png', fullPage: true });

  // Nothing of this intake reached the database: no fault, no new contact, no attachment.
  expect(await countRows(page, 'faults')).toBe(faultsBefore);
  expect(await rowsWith(page, 'faults', 'symptoms', '备份作业失败')).toBe(0);
  expect(await rowsWith(page, 'contacts', 'name', '测试报告人')).toBe(0);
  expect(await rowsWith(page, 'attachments', 'name', 'vmkernel-full.log')).toBe(0);
});

test('fault list: filters, search, sort, live countdown and the navigation badge (zh-CN and English)', async ({
  app,
  page,
}) => {
  await app.openWithDemo('/faults');
  const table = page.getByTestId('fault-table');
  await expect(table.locator('.ant-table-row')).toHaveCount(8);
  await expect(page.getByTestId('nav-badge-faults')).toBeVisible();
  await expect(table.getByTestId('clock-tag').first()).toBeVisible();
  await page.getByTestId('fault-search').locator('input').fill('WAF');
  await expect(table.locator('.ant-table-row')).toHaveCount(1);
  await expect(table).toContainText('规则 ID 10020033');
  await page.getByTestId('fault-search').locator('input').fill('');
  await expect(table.locator('.ant-table-row')).toHaveCount(8);
  // Level 2: the two demo faults logged as level 2, plus any demo fault the monitor upgraded at start.
  const level2 = await table.getByTestId('level-tag').filter({ hasText: '二级' }).count();
  expect(level2).toBeGreaterThanOrEqual(2);
  await page.getByTestId('filter-level').click();
  await page.locator('.ant-select-dropdown:visible').getByText('二级', { exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(table.locator('.ant-table-row')).toHaveCount(level2);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByTestId('filter-status').click();
  await page.locator('.ant-select-dropdown:visible').getByText('已关闭', { exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(table.locator('.ant-table-row')).toHaveCount(1);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.screenshot({ path: '/tmp/faults-list-zh.png' });
  await table.locator('.ant-table-row').filter({ hasText: 'vSAN' }).click();
  await expect(page.getByTestId('fault-detail')).toBeVisible();
  await page.screenshot({ path: '/tmp/faults-detail-zh.png', fullPage: true });

  await app.setLanguage('English');
  await expect(page.getByTestId('fault-header')).toContainText('Level 3');
  await expect(page.getByTestId('clock-panel')).toContainText('E-mail reply');
  // A remote e-mail fault: the first reply is its response, no separate 30-minute response clock.
  await expect(page.locator('[data-clock="response"]')).toHaveCount(0);
  await expect(page.getByTestId('clock-panel-notes')).toContainText('the first reply is the response');
  await page.screenshot({ path: '/tmp/faults-detail-en.png', fullPage: true });
  await app.nav('faults').click();
  await expect(page.getByTestId('page-title')).toHaveText('Faults');
  await page.screenshot({ path: '/tmp/faults-list-en.png' });
  await page.getByTestId('fault-new').click();
  await expect(page.getByTestId('level-definitions')).toContainText('Business down over 1 hour');
  await page.screenshot({ path: '/tmp/faults-intake-en.png', fullPage: true });
  await app.nav('dashboard').click();
  await expect(page.getByTestId('faults-widget')).toBeVisible();
  await page.screenshot({ path: '/tmp/faults-dashboard-en.png', fullPage: true });
});
