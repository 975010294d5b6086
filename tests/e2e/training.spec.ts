import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type AppPage } from './fixtures';

// Wednesday 25 November 2026 in Shanghai: the demo's first three inspection trainings are held,
// the fourth (16 December) is due and its topic, due from the client on 16 November, is missing.
const today = '2026-11-25';

async function pdfText(app: AppPage, name: RegExp): Promise<string> {
  await expect
    .poll(async () => (await app.savedFiles()).map((f) => f.name).join('|'), { timeout: 60_000 })
    .toMatch(name);
  const saved = (await app.savedFiles()).find((f) => name.test(f.name))!;
  const file = join(mkdtempSync(join(tmpdir(), 'training-e2e-')), 'doc.pdf');
  writeFileSync(file, Buffer.from(saved.data));
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

async function dialogOk(page: Page) {
  await page.locator('.ant-modal:visible').getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
}

test('plan and record an inspection training: the yearly obligations update; the sign-in sheet PDF holds the attendees', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000);
  await page.clock.setFixedTime(new Date(`${today}T10:00:00+08:00`));
  await app.openWithDemo('/training/plan');
  const met = page.getByTestId('inspection-met');
  await expect(met).toHaveText('巡检培训已完成 3 / 4 次');
  const reminders = page.getByTestId('training-reminders');
  await expect(reminders).toContainText('第 4 次巡检培训的主题应在 2026-11-16 前由客户指定，目前仍未确定');
  await expect(reminders).toContainText('第 4 次巡检培训计划于 2026-12-16');
  await expect(app.nav('training')).toContainText('2');
  await page.screenshot({ path: '/tmp/kb-training-plan-zh.png', fullPage: true });

  // The client names the topic of the fourth inspection training.
  await page.getByTestId('plan-edit-4').click();
  const plan = page.getByTestId('plan-form');
  await plan.getByLabel('培训主题').fill('灾备切换演练与 RPO 监控');
  await plan.getByLabel('客户指定主题的日期').fill(today);
  await dialogOk(page);
  const row4 = page.getByTestId('inspection-slots').locator('tbody tr').nth(3);
  await expect(row4).toContainText('灾备切换演练与 RPO 监控');
  await expect(row4).toContainText('客户已指定');
  await expect(reminders).not.toContainText('主题');

  // It is held today (brought forward): record it with two attendees.
  await page.getByTestId('plan-record-4').click();
  const form = page.getByTestId('training-form');
  await expect(form.getByLabel('培训主题')).toHaveValue('灾备切换演练与 RPO 监控');
  await form.getByLabel('开始日期').fill(today);
  await form.getByLabel('结束日期').fill(today);
  await form.getByLabel('讲师').fill('李喆');
  await page.getByTestId('training-add-attendee').click();
  await form.getByLabel('第 1 位参训人姓名').fill('陈镕');
  await page.locator('.ant-select-dropdown:visible').getByText('陈镕（信息技术部 系统运维组）').click();
  await expect(form.getByLabel('第 1 位参训人部门')).toHaveValue('信息技术部 系统运维组');
  await page.getByTestId('training-add-attendee').click();
  await form.getByLabel('第 2 位参训人姓名').fill('欧阳菁');
  await form.getByLabel('第 2 位参训人部门').fill('信息技术部 灾备组');
  await dialogOk(page);

  await expect(met).toHaveText('巡检培训已完成 4 / 4 次');
  await expect(row4).toContainText('已完成');
  await expect(page.getByTestId('training-reminders-none')).toBeVisible();
  await expect(app.nav('training')).not.toContainText('2');

  // The record, then its sign-in sheet as a PDF.
  await row4.getByRole('link').click();
  await expect(page.getByTestId('training-title')).toHaveText('灾备切换演练与 RPO 监控');
  await page.getByTestId('training-export-record').click();
  const text = await pdfText(app, /^培训记录与签到表-PX-\d{6}-A-\d{3}\.pdf$/);
  expect(text).toContain('培训记录与签到表');
  expect(text).toContain('巡检培训');
  expect(text).toContain('灾备切换演练与 RPO 监控');
  expect(text).toMatch(/序号\s+姓名\s+部门\s+签名/);
  expect(text).toMatch(/1\s+陈镕\s+信息技术部 系统运维组/);
  expect(text).toMatch(/2\s+欧阳菁\s+信息技术部 灾备组/);
  await page.screenshot({ path: '/tmp/kb-training-detail-zh.png', fullPage: true });
});

test('a personnel change with under 30 days notice is refused with the reason; the roster fills by rotation', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date(`${today}T10:00:00+08:00`));
  await app.openWithDemo('/training/personnel');
  await expect(page.getByTestId('personnel')).toContainText('张明远');
  await page.getByTestId('personnel-add').click();
  const form = page.getByTestId('personnel-form');
  await form.getByLabel('离场人员').click();
  await page.locator('.ant-select-dropdown:visible').getByText('李喆', { exact: false }).click();
  await form.getByLabel('接替人员', { exact: true }).fill('韩立');
  await form.getByLabel('书面通知日期').fill('2026-11-20');
  await form.getByLabel('计划变更日期').fill('2026-12-10');
  await page.locator('.ant-modal:visible').getByRole('button', { name: '保存' }).click();
  await expect(form).toContainText('计划变更日期距书面通知日期只有 20 天，不足合同要求的 30 天');
  await expect(form).toContainText('最早可安排在 2026-12-20');
  await page.screenshot({ path: '/tmp/kb-personnel-refused-zh.png' });
  await form.getByLabel('计划变更日期').fill('2026-12-20');
  await dialogOk(page);
  await expect(page.getByTestId('personnel')).toContainText('韩立');

  await page.getByRole('tab', { name: '值班表' }).click();
  await expect(page.getByTestId(`roster-day-${today}`)).toBeVisible();
  await page.getByRole('button', { name: '下个月' }).click();
  await expect(page.getByTestId('roster')).toContainText('本月还有 31 天无人值班');
  await page.getByTestId('roster-rotate').click();
  await page.getByText('每天轮换').click();
  await page.locator('.ant-modal:visible').getByRole('button', { name: /排班/ }).click();
  await expect(page.getByTestId('roster')).not.toContainText('无人值班');
  await expect(page.getByTestId('roster-day-2026-12-01')).toContainText('李喆');
  await expect(page.getByTestId('roster-day-2026-12-02')).toContainText('王堃');
  await page.screenshot({ path: '/tmp/kb-roster-zh.png', fullPage: true });

  await app.nav('dashboard').click();
  await expect(page.getByTestId('duty-widget')).toContainText(/李喆|王堃/);
  await expect(page.getByTestId('duty-phone')).toContainText('13');
});
