import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_PIN, chooseFromMenu, expect, test } from './fixtures';

/** A valid 1×1 PNG: evidence that is small enough. */
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

/** The demo site with every feature's records in place, last month's inspection report included. */
async function openDemo(
  app: { openWithDemo: (path: string) => Promise<void>; demoSettled: () => Promise<void> },
  path: string,
): Promise<void> {
  await app.openWithDemo(path);
  await app.demoSettled();
}

/** The box of an element once the dialog's opening animation has finished (it stops moving). */
async function settledBox(page: Page, locator: ReturnType<Page['locator']>): Promise<{ x: number; y: number }> {
  let last = await locator.boundingBox();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const now = await locator.boundingBox();
    if (now && last && now.x === last.x && now.y === last.y && now.width === last.width) return now;
    last = now;
  }
  return last!;
}

type How = { key: '1' | '2' | '3' } | { value: string } | { text: string };

/** Answers one item the way an engineer does: a key on the item, or a value typed and Enter. */
async function answer(page: Page, itemId: string, how: How): Promise<void> {
  const card = page.getByTestId(`item-${itemId}`);
  if ('key' in how) {
    await card.focus();
    await page.keyboard.press(how.key);
    await expect(card).toHaveAttribute('data-result', how.key === '1' ? 'normal' : how.key === '2' ? 'abnormal' : 'na');
  } else if ('value' in how) {
    const input = page.getByTestId(`item-${itemId}-value`);
    await input.fill(how.value);
    await input.press('Enter');
    await expect(card).not.toHaveAttribute('data-result', 'open');
  } else {
    const input = page.getByTestId(`item-${itemId}-text`);
    await input.fill(how.text);
    await input.press('Enter');
    await expect(card).toHaveAttribute('data-result', 'normal');
  }
}

/** Plans this month's inspection of the given systems, split between the two engineers; returns on the detail page. */
async function plan(page: Page, systems: string[]): Promise<void> {
  await page.getByTestId('plan-new').click();
  const dialog = page.getByTestId('plan-dialog');
  for (const name of systems) await dialog.getByRole('checkbox', { name, exact: true }).check();
  if (systems.length > 1) await dialog.getByTestId('plan-split').click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('detail-systems')).toBeVisible();
}

const vcRoutine: [string, How][] = [
  ['host-hardware', { key: '3' }],
  ['host-mem-peak', { value: '61' }],
  ['datastore-free', { key: '3' }],
  ['old-snapshots', { value: '0' }],
  ['ha-drs', { key: '3' }],
  ['ntp-offset', { value: '12' }],
  ['cert-expiry', { value: '200' }],
  ['license-expiry', { value: '300' }],
  ['vcenter-health', { key: '1' }],
  ['vcenter-backup', { value: '1' }],
  ['vmtools', { key: '1' }],
  ['network-redundancy', { key: '1' }],
  ['build-version', { text: 'ESXi 8.0 U3 24022510' }],
];
const pamRoutine: [string, How][] = [
  ['service-status', { key: '3' }],
  ['ha-state', { key: '3' }],
  ['account-sync', { key: '1' }],
  ['recording-storage', { key: '3' }],
  ['rotation-failures', { value: '0' }],
  ['audit-backup', { value: '1' }],
  ['cpu-peak', { value: '35' }],
  ['session-peak', { value: '40' }],
  ['license-expiry', { value: '200' }],
  ['cert-expiry', { value: '120' }],
  ['ntp-offset', { value: '20' }],
  ['dormant-accounts', { value: '0' }],
  ['bypass-check', { key: '3' }],
  ['command-policy', { key: '1' }],
  ['admin-accounts', { key: '1' }],
];

test('plan → run with an abnormal number judged automatically → fault with PM approval → finish → report → client signature', async ({
  app,
  page,
}) => {
  test.setTimeout(600_000);
  await openDemo(app, '/inspections');
  // The project manager sets a PIN on this laptop (first unlock), then the engineer works on.
  await page.getByTestId('lock-button').click();
  await app.unlock('周海峰');
  await page.getByTestId('lock-button').click();
  await app.unlock('李喆');
  await plan(page, ['生产虚拟化集群 PROD-VC01', '运维堡垒机（主）']);
  await expect(page.getByTestId('detail-systems')).toContainText('李喆');
  await expect(page.getByTestId('detail-systems')).toContainText('王堃');
  await page.getByTestId('run-open').click();
  await expect(page.getByTestId('run-system-title')).toHaveText('生产虚拟化集群 PROD-VC01');

  // A number is judged as it is typed; words are refused at the field and nothing is saved.
  const cpu = page.getByTestId('item-host-cpu-peak-value');
  await cpu.fill('九十');
  await expect(page.getByTestId('item-host-cpu-peak-number-error')).toContainText('请输入数字');
  await cpu.fill('92');
  await expect(page.getByTestId('item-host-cpu-peak')).toContainText('异常');
  await cpu.press('Enter');
  await expect(page.getByTestId('item-host-cpu-peak')).toHaveAttribute('data-result', 'abnormal');
  await expect(page.getByTestId('item-host-cpu-peak-abnormal')).toBeVisible();

  // Evidence: an image over the limit is refused with a clear message; a small one is hashed and listed.
  await page.getByTestId('item-open-alarms-value').fill('0');
  await page.getByTestId('item-open-alarms-value').press('Enter');
  const evidence = page.getByTestId('item-open-alarms-evidence');
  let chooser = page.waitForEvent('filechooser');
  await evidence.getByRole('button', { name: '添加附件' }).click();
  await (
    await chooser
  ).setFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(11 * 1024 * 1024, 1) });
  await expect(page.locator('.ant-message')).toContainText('超过 10 MB 的大小限制');
  chooser = page.waitForEvent('filechooser');
  await evidence.getByRole('button', { name: '添加附件' }).click();
  await (await chooser).setFiles({ name: 'alarms.png', mimeType: 'image/png', buffer: tinyPng });
  await expect(evidence).toContainText('alarms.png');
  await expect(evidence).toContainText('SHA-256');

  // Finishing now lists what is missing.
  await page.getByTestId('run-finish').click();
  const problems = page.getByTestId('finish-problems');
  await expect(problems).toContainText('主机内存峰值使用率');
  await expect(problems).toContainText('未填写');
  await expect(problems).toContainText('异常缺少处理措施');
  await page.getByRole('button', { name: '返回继续巡检' }).click();

  // The anomaly: details and countermeasure, then the PM's approval turns it into a fault.
  await page.getByTestId('item-host-cpu-peak-note').fill('月末批量作业与备份窗口重叠，esx-prod-03 峰值 92%');
  await page
    .getByTestId('item-host-cpu-peak-countermeasure')
    .fill('将备份窗口调整至 01:00 后，并把两台批处理虚拟机迁至负载较低的主机');
  await page.getByTestId('item-host-cpu-peak-countermeasure').blur();
  await expect(page.getByTestId('item-host-cpu-peak-escalate')).toBeEnabled();
  await page.getByTestId('item-host-cpu-peak-escalate').click();
  const esc = page.getByTestId('escalate-dialog');
  await esc.getByRole('button', { name: '提交并请项目经理审批' }).click();
  // The project manager types their PIN on this laptop (set at the lock screen earlier in the test).
  const approval = page.getByTestId('approval-dialog');
  await expect(approval).toContainText('批准巡检异常的现场处理');
  await approval.getByTestId('approval-pin').fill(E2E_PIN);
  await approval.getByRole('button', { name: '批准' }).click();
  await expect(page.getByTestId('item-host-cpu-peak-fault')).toContainText(/已转故障 GZ-\d{6}-A-\d{3}/);
  // The item links to the fault; the fault links back to its run and item, and is on site already
  // (arrival met at creation; its fix clock runs, not a 5-minute phone response).
  await page.getByTestId('item-host-cpu-peak-fault').click();
  await expect(page.getByTestId('fault-source')).toContainText(/巡检任务 XJRW-\d{6}-A-\d{2}/);
  await expect(page.getByTestId('fault-source')).toContainText('主机 CPU 峰值使用率');
  await expect(page.getByTestId('fault-header')).toContainText('已到场');
  await expect(page.locator('[data-clock="response"]')).toHaveAttribute('data-state', 'met');
  await expect(page.locator('[data-clock="fix"]')).toHaveAttribute('data-state', 'running');
  await page.screenshot({ path: 'test-results/fault-from-inspection-zh.png', fullPage: true });
  await page.goBack();
  await expect(page.getByTestId('item-host-cpu-peak-fault')).toBeVisible();

  for (const [id, how] of vcRoutine) await answer(page, id, how);
  await page.getByTestId('run-system-title').screenshot({ path: '/tmp/insp-run-title.png' });
  await page.screenshot({ path: '/tmp/insp-run-zh.png' });
  await page
    .getByTestId('run-systems')
    .getByRole('button', { name: /运维堡垒机（主）/ })
    .click();
  await expect(page.getByTestId('run-system-title')).toHaveText('运维堡垒机（主）');
  for (const [id, how] of pamRoutine) await answer(page, id, how);
  await expect(page.getByTestId('overall-progress')).toHaveAttribute('aria-valuenow', '100');

  await page.getByTestId('run-finish').click();
  await page.getByRole('dialog').getByRole('button', { name: '完成巡检' }).click();
  await expect(page.getByTestId('report-deadlines')).toContainText('巡检报告');
  await expect(page.getByTestId('anomaly-list')).toContainText('周海峰 已批准');
  await expect(page.getByTestId('event-approval')).toContainText('周海峰');

  // Issue the inspection report, then the client's maintenance engineer signs on screen.
  await page.getByTestId('issue-inspection').click();
  const issue = page.getByTestId('issue-dialog');
  await expect(issue.getByTestId('issue-client-engineer')).toHaveValue('陈镕');
  await issue.getByRole('button', { name: '生成并出具' }).click();
  const reports = page.getByTestId('inspection-reports');
  await expect(reports.getByTestId('report-status-inspection')).toHaveText('已出具', { timeout: 60_000 });
  await chooseFromMenu(page, reports.getByTestId('report-more'), '屏幕签字');
  const sign = page.getByRole('dialog');
  await expect(sign.getByTestId('signer-name')).toHaveValue('陈镕');
  const box = await settledBox(page, sign.getByTestId('signature-pad'));
  await page.mouse.move(box.x + 30, box.y + 80);
  await page.mouse.down();
  for (let x = 30; x < 320; x += 12) await page.mouse.move(box.x + x, box.y + 80 + Math.sin(x / 18) * 30);
  await page.mouse.up();
  await sign.getByRole('button', { name: '确认签字' }).click();
  await expect(reports.getByTestId('report-status-inspection')).toHaveText('已签字', { timeout: 60_000 });
  await page.screenshot({ path: '/tmp/insp-detail-zh.png', fullPage: true });

  // The signed PDF holds the anomaly, its countermeasure and the signer's name.
  await reports.getByTestId('report-save').click();
  await expect.poll(async () => (await app.savedFiles()).length).toBe(1);
  const [file] = await app.savedFiles();
  expect(file.name).toMatch(/^巡检报告-XJ-\d{6}-A-\d{3}\.pdf$/);
  const dir = mkdtempSync(join(tmpdir(), 'insp-'));
  writeFileSync(join(dir, 'r.pdf'), Buffer.from(file.data));
  const raw = execFileSync('pdftotext', ['-raw', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const s of [
    '主机CPU峰值使用率',
    '92%',
    '月末批量作业与备份窗口重叠',
    '将备份窗口调整至01:00后',
    '已转故障GZ-',
    '批准：周海峰',
    '客户运维工程师',
    '陈镕',
  ])
    expect(raw).toContain(s);
});

test('reload in the middle of a run: every answer is still there and the run resumes', async ({ app, page }) => {
  await openDemo(app, '/inspections');
  await plan(page, ['运维堡垒机（备）']);
  await page.getByTestId('run-open').click();
  await answer(page, 'service-status', { key: '1' });
  await answer(page, 'ha-state', { key: '2' });
  await page.getByTestId('item-ha-state-note').fill('备机心跳链路单侧中断');
  await page.getByTestId('item-ha-state-note').blur();
  await answer(page, 'account-sync', { key: '2' });
  await answer(page, 'recording-storage', { value: '18' });
  // A value typed but never confirmed is saved after a short pause.
  await page.getByTestId('item-rotation-failures-value').fill('2');
  await expect(page.getByTestId('autosave-status')).toContainText('已自动保存');
  await page.waitForTimeout(1500);

  await page.reload();
  await app.unlock();
  await expect(page.getByTestId('run-system-title')).toHaveText('运维堡垒机（备）');
  await expect(page.getByTestId('item-service-status')).toHaveAttribute('data-result', 'normal');
  await expect(page.getByTestId('item-ha-state')).toHaveAttribute('data-result', 'abnormal');
  await expect(page.getByTestId('item-ha-state-note')).toHaveValue('备机心跳链路单侧中断');
  await expect(page.getByTestId('item-account-sync')).toHaveAttribute('data-result', 'abnormal');
  await expect(page.getByTestId('item-recording-storage-value')).toHaveValue('18');
  await expect(page.getByTestId('item-recording-storage')).toHaveAttribute('data-result', 'abnormal');
  await expect(page.getByTestId('item-rotation-failures-value')).toHaveValue('2');
  // It resumes at the first item still open.
  await expect(page.getByTestId('item-audit-backup-value')).toBeFocused();
  await expect(page.getByTestId('overall-progress')).toHaveAttribute('aria-valuenow', '33');
});

test('English: the run page and the checklist library read naturally', async ({ app, page }) => {
  await openDemo(app, '/inspections');
  await app.setLanguage('English');
  await expect(page.getByTestId('page-title')).toHaveText('Inspections');
  await expect(page.getByTestId('this-month')).toContainText('This month');
  await page.screenshot({ path: '/tmp/insp-list-en.png', fullPage: true });
  await page.getByTestId('this-month').getByRole('button', { name: 'Continue inspection' }).click();
  await expect(page.getByTestId('run-items')).toContainText('Method:');
  await page.screenshot({ path: '/tmp/insp-run-en.png' });
  await page.goto('/#/inspections/templates');
  await expect(page.getByTestId('templates-table')).toContainText(
    'Virtualisation platform monthly inspection (VMware vSphere)',
  );
  await page.getByTestId('copy-builtin-pam').click();
  await page.getByTestId('copy-dialog').getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByTestId('template-items')).toContainText('Bastion core services');
  await page.getByRole('button', { name: 'Move “Bastion core services” down' }).click();
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('page-title')).toContainText('v2');
  await page.screenshot({ path: '/tmp/insp-template-en.png' });
});
