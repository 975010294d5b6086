import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, pickReporter, faultCommand as command } from './fixtures';

const symptoms = '堡垒机审计日志无法转发到 SIEM 平台，Syslog 转发中断';

async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible').getByText(text, { exact: false }).first().click();
}

/** Intake of a level-3 hotline fault on the primary bastion host (the faults feature's form). */
async function logFault(page: Page, text: string) {
  await pickReporter(page, '赵磊');
  await pick(page, 'system-select', '运维堡垒机（主）');
  await page.getByTestId('symptoms').fill(text);
}

test('resolve a fault → article from it → found first by a Chinese word of its symptoms → suggested at the next intake', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await app.openWithDemo('/faults/new');
  await logFault(page, symptoms);
  await page.getByTestId('symptoms').press('Control+Enter');
  await expect(page.getByTestId('fault-detail')).toBeVisible();
  const number = (await page.getByTestId('fault-number').textContent())!;
  const faultUrl = page.url();
  // Not resolved yet: nothing to write up.
  await expect(page.getByTestId('kb-create-from-fault')).toHaveCount(0);
  await command(page, 'respond');
  await command(page, 'action', async () => {
    const d = page.getByRole('dialog');
    await d.getByTestId('action-what').fill('检查堡垒机 Syslog 配置，发现目标端口被改为 5140');
    await d.getByTestId('action-result').fill('确认 SIEM 平台监听 514/UDP');
  });
  await command(page, 'resolve', async () => {
    await page.getByTestId('root-cause').fill('堡垒机升级后 Syslog 目标端口恢复为出厂值 5140，与 SIEM 平台不一致');
    await page.getByTestId('resolution').fill('将 Syslog 目标端口改回 514/UDP 并发送测试日志，SIEM 平台恢复接收');
    await page.getByTestId('prevention').fill('升级后核对日志转发配置');
  });

  // "Create article from this fault": the editor opens prefilled from the fault.
  await page.getByTestId('kb-create-from-fault').click();
  const editor = page.getByTestId('kb-editor');
  await expect(editor.getByLabel('标题')).toHaveValue(symptoms, { timeout: 30_000 });
  await expect(editor.getByLabel('原因')).toHaveValue(/Syslog 目标端口恢复为出厂值 5140/);
  await expect(editor.getByLabel('故障现象')).toHaveValue(new RegExp(symptoms));
  await expect(editor).toContainText(number);
  const steps = await editor
    .locator('textarea[aria-label^="第"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  expect(steps.join('\n')).toContain('解决办法：将 Syslog 目标端口改回 514/UDP');
  await editor.getByLabel('标签').click();
  await page.keyboard.type('Syslog');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await editor.getByLabel('相关命令').fill('show syslog config\nlogger -n 10.8.30.5 -P 514 "test from bastion"');
  await page.getByTestId('kb-save').click();
  await expect(page.getByTestId('kb-article-title')).toHaveText(symptoms);
  await expect(page.getByTestId('kb-linked-faults')).toContainText(number);
  await expect(page.getByTestId('kb-commands')).toContainText('logger -n 10.8.30.5');
  await page.screenshot({ path: '/tmp/kb-article-zh.png', fullPage: true });

  // Search for a Chinese word of the symptoms: the new article is the first hit, highlighted.
  await app.nav('kb').click();
  await page.getByTestId('kb-search').locator('input').fill('日志转发');
  const first = page.getByTestId('kb-result').first();
  await expect(first.getByTestId('kb-result-title')).toHaveText(symptoms);
  await expect(first.locator('mark').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/kb-search-zh.png', fullPage: true });

  // The fault links to the article.
  await page.goto(faultUrl);
  await expect(page.getByTestId('kb-links')).toContainText(symptoms);

  // A new fault with similar symptoms: the intake suggests the article.
  await app.open('/faults/new');
  await logFault(page, 'SIEM 收不到堡垒机的审计日志，怀疑 Syslog 转发异常');
  const suggestions = page.getByTestId('kb-suggestions');
  await expect(suggestions).toBeVisible();
  await expect(suggestions.getByTestId('kb-suggestion').first()).toContainText(symptoms);
  await page.screenshot({ path: '/tmp/kb-intake-suggest-zh.png', fullPage: true });
});

test('edit history: every save is a version, an old one can be viewed and restored; the FAQ manual exports with a table of contents', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await app.openWithDemo('/kb');
  await expect(page.getByTestId('kb-result')).toHaveCount(12);
  // Chinese search: 存储空间不足 finds 数据存储剩余空间告警处理 first.
  await page.getByTestId('kb-search').locator('input').fill('存储空间不足');
  await expect(page.getByTestId('kb-result').first().getByTestId('kb-result-title')).toHaveText(
    '数据存储剩余空间告警处理',
  );
  await page.getByTestId('kb-result').first().getByTestId('kb-result-title').click();
  await expect(page.getByTestId('kb-article-title')).toHaveText('数据存储剩余空间告警处理');

  await page.getByTestId('kb-edit').click();
  await page.getByTestId('kb-editor').getByLabel('标题').fill('数据存储剩余空间告警处理（含 vSAN）');
  await page.getByTestId('kb-save').click();
  await expect(page.getByTestId('kb-article-title')).toHaveText('数据存储剩余空间告警处理（含 vSAN）');
  await page.getByTestId('kb-history-open').click();
  const history = page.getByTestId('kb-history');
  await expect(history.getByTestId('kb-version')).toHaveCount(3);
  await history.getByTestId('kb-version').nth(2).click();
  await expect(history.getByTestId('kb-version-preview')).toContainText('与当前版本不同');
  await history.getByTestId('kb-restore-2').click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '恢复此版本' }).click();
  await expect(history.getByTestId('kb-version')).toHaveCount(4);
  await expect(page.getByTestId('kb-article-title')).toHaveText('数据存储剩余空间告警处理');
  await page.screenshot({ path: '/tmp/kb-history-zh.png', fullPage: true });
  await page.keyboard.press('Escape');

  // FAQ manual of the virtualisation family.
  await app.nav('kb').click();
  await page.getByTestId('kb-faq-open').click();
  await page.getByTestId('kb-faq-export').click();
  await expect
    .poll(async () => (await app.savedFiles()).map((f) => f.name).join('|'), { timeout: 90_000 })
    .toMatch(/常见问题手册（虚拟化）-SC-\d{6}-A-\d{3}\.pdf/);
  const saved = (await app.savedFiles()).find((f) => f.name.startsWith('常见问题手册'))!;
  const file = join(mkdtempSync(join(tmpdir(), 'kb-e2e-')), 'faq.pdf');
  writeFileSync(file, Buffer.from(saved.data));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('目录');
  expect(text).toMatch(/1\.\d\s+数据存储剩余空间告警处理\s+\d+/);
  expect(text).toContain('ESXi 主机 NTP 时间漂移');
  expect(text).not.toContain('防火墙 HA 双机脑裂处理');

  await app.setLanguage('English');
  await page.getByTestId('kb-search').locator('input').fill('snapshot');
  await expect(page.getByTestId('kb-result').first()).toContainText('快照');
  await page.screenshot({ path: '/tmp/kb-search-en.png', fullPage: true });
});
