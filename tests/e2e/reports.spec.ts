import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseFromMenu, expect, test } from './fixtures';

/** Rewrites the stored sample report's data inside IndexedDB, as someone tampering with the database would. */
async function tamperSampleReport(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('onsite-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('reports', 'readwrite');
          const store = tx.objectStore('reports');
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return;
            const row = c.value;
            if (row.type === 'sample') {
              row.data.site = `${row.data.site}（已篡改）`;
              c.update(row);
            }
            c.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('issue a sample report, save it, verify it, tamper with the data, verify again', async ({ app, page }) => {
  await app.openWithDemo('/reports');
  // The demo's inspection report joins this list in the background: wait, so the rows hold still.
  await app.demoSettled();
  await page.getByTestId('issue-sample').click();
  const table = page.getByTestId('reports-table').locator('tr', { hasText: '驻场服务样例报告' });
  await expect(table).toContainText('驻场服务样例报告', { timeout: 90_000 });
  await expect(table).toContainText(/BG-\d{6}-A-001/);
  await expect(table).toContainText('已出具');

  // The saved PDF is the real document: Chinese title and its number in the text.
  await table.getByTestId('report-save').click();
  await expect.poll(async () => (await app.savedFiles()).length).toBe(1);
  const [file] = await app.savedFiles();
  expect(file.name).toMatch(/^驻场服务样例报告-BG-\d{6}-A-001\.pdf$/);
  const dir = mkdtempSync(join(tmpdir(), 'odesk-'));
  writeFileSync(join(dir, 'r.pdf'), Buffer.from(file.data));
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  expect(text).toContain('驻场服务样例报告');
  expect(text).toMatch(/BG-\d{6}-A-001/);

  await table.getByTestId('report-verify').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.locator('.ant-modal-confirm')).toContainText('校验通过');
  await page.locator('.ant-modal-confirm').getByRole('button').last().click();

  await tamperSampleReport(page);
  await table.getByTestId('report-verify').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'false');
  await expect(page.locator('.ant-modal-confirm')).toContainText('校验失败');
  await expect(page.locator('.ant-modal-confirm')).toContainText('报告数据已被改动');
  await page.screenshot({ path: 'test-results/reports-mismatch.png' });
});

test('sign a report on screen, then file it; voiding needs a reason', async ({ app, page }) => {
  await app.openWithDemo('/reports');
  // The demo's inspection report joins this list in the background: wait, so the rows hold still.
  await app.demoSettled();
  await page.getByTestId('issue-sample').click();
  const table = page.getByTestId('reports-table').locator('tr', { hasText: '驻场服务样例报告' });
  await expect(table).toContainText('已出具', { timeout: 90_000 });
  await chooseFromMenu(page, table.getByTestId('report-more'), '屏幕签字');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('signer-name')).toHaveValue('陈镕');
  await dialog.getByRole('button', { name: '确认签字' }).click();
  await expect(dialog).toContainText('请在签名板上签名');
  const box = (await dialog.getByTestId('signature-pad').boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 80);
  await page.mouse.down();
  for (let x = 30; x < 300; x += 15) await page.mouse.move(box.x + x, box.y + 80 + Math.sin(x / 20) * 30);
  await page.mouse.up();
  await dialog.getByRole('button', { name: '确认签字' }).click();
  await expect(table).toContainText('已签字', { timeout: 90_000 });

  await chooseFromMenu(page, table.getByTestId('report-more'), '归档');
  await expect(table).toContainText('已归档');

  await chooseFromMenu(page, table.getByTestId('report-more'), '作废');
  const voidDialog = page.getByRole('dialog');
  // Clicked once the dialog has finished zooming in.
  await expect(voidDialog).not.toHaveClass(/ant-zoom-appear/);
  await voidDialog.getByRole('button', { name: '作废' }).click();
  await expect(voidDialog).toContainText('请填写作废原因');
  await voidDialog.getByLabel('作废原因').fill('客户名称有误，重新出具');
  await voidDialog.getByRole('button', { name: '作废' }).click();
  await expect(table).toContainText('已作废');
});

test('issue the monthly service report for the demo month: numbered, listed, saved', async ({ app, page }) => {
  // The report embeds vector charts and fonts: rendering it took over a minute on the shared test machine.
  test.setTimeout(240_000);
  await app.openWithDemo('/reports');
  // The demo's inspection report joins this list in the background: wait, so the rows hold still.
  await app.demoSettled();
  // The demo's faults and inspections are of the current month (Shanghai); the picker starts at last month.
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1))
    .toISOString()
    .slice(0, 7);
  await page.getByTestId('monthly-open').click();
  const dialog = page.getByRole('dialog');
  const picker = dialog.getByTestId('monthly-month');
  await expect(picker).toHaveValue(last);
  await picker.click();
  await picker.fill(month);
  await picker.press('Enter');
  await expect(picker).toHaveValue(month);
  await dialog.getByTestId('monthly-issue').click();

  const row = page.getByTestId('reports-table').locator('tr', { hasText: `月度服务报告（${month}）` });
  await expect(row).toContainText(/YB-\d{6}-A-001/, { timeout: 200_000 });
  await expect(row).toContainText('已出具');
  await expect(dialog).toBeHidden();
  await page.screenshot({ path: 'test-results/reports-monthly.png' });

  await expect.poll(async () => (await app.savedFiles()).length).toBe(1);
  const [file] = await app.savedFiles();
  expect(file.name).toMatch(/^月度服务报告（\d{4}-\d{2}）-YB-\d{6}-A-001\.pdf$/);
  const dir = mkdtempSync(join(tmpdir(), 'odesk-'));
  writeFileSync(join(dir, 'monthly.pdf'), Buffer.from(file.data));
  writeFileSync('test-results/reports-monthly.pdf', Buffer.from(file.data));
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'monthly.pdf'), '-'], { encoding: 'utf8' });
  expect(text).toContain('月度服务报告');
  expect(text).toMatch(/YB-\d{6}-A-001/);
  // The demo site's faults of the month are in the report, not an empty month.
  expect(text).not.toMatch(/本月发生故障\s*0\s*起/);

  // Verifying recomputes the fingerprint of the stored figures.
  await row.getByTestId('report-verify').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'true');
});
