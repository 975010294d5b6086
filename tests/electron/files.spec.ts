/** Real files through main: stubbed save/open dialogs, backups on disk, a PDF report, printing, notifications. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { callApi, freshUserData, go, launch, reachDashboard, stubOpenDialog, stubSaveDialog } from './helpers';

let app: ElectronApplication;
let page: Page;
let userData: string;
let files: string;

test.beforeEach(async () => {
  userData = freshUserData();
  files = mkdtempSync(join(tmpdir(), 'onsite-electron-files-'));
  ({ app, page } = await launch(userData));
  await reachDashboard(page);
});

test.afterEach(async () => {
  await app.close();
  rmSync(userData, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

test('save and open dialogs (stubbed in main) write and read real files', async () => {
  const target = join(files, '导出.txt');
  await stubSaveDialog(app, target);
  const saved = await callApi<{ saved: boolean; path: string }>(page, 'saveFile', {
    defaultName: '导出.txt',
    data: new Uint8Array([0xe4, 0xbd, 0xa0, 0xe5, 0xa5, 0xbd]),
  });
  expect(saved).toEqual({ saved: true, path: target });
  expect(readFileSync(target, 'utf8')).toBe('你好');

  await stubOpenDialog(app, target);
  const opened = await page.evaluate(async () => {
    const api = (
      globalThis as unknown as { api: { openFile(r: unknown): Promise<{ name: string; data: Uint8Array }> } }
    ).api;
    const f = await api.openFile({});
    return { name: f.name, data: Array.from(f.data) };
  });
  expect(opened).toEqual({ name: '导出.txt', data: [0xe4, 0xbd, 0xa0, 0xe5, 0xa5, 0xbd] });
});

test('a backup is written to disk, then restored from the file', async () => {
  await go(page, '/settings');
  await page.getByRole('tab', { name: /备份|Backup/ }).click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-last')).toContainText('已回读校验');
  const folder = join(userData, 'backups');
  const backups = readdirSync(folder).filter((n) => n.endsWith('.odbk'));
  expect(backups).toHaveLength(1);

  await stubOpenDialog(app, join(folder, backups[0]));
  await page.getByTestId('backup-restore-file').click();
  await expect(page.getByTestId('restore-confirm')).toBeVisible();
  await page.getByTestId('restore-ok').click();
  await expect(page.getByTestId('restore-confirm')).toBeHidden({ timeout: 60_000 });
});

test('a PDF report is generated, saved through the dialog, and its text is the report', async () => {
  await go(page, '/reports');
  await page.getByTestId('issue-sample').click();
  const row = page.getByTestId('reports-table').locator('tr', { hasText: '驻场服务样例报告' });
  await expect(row).toContainText(/BG-\d{6}-A-01/, { timeout: 90_000 });
  const target = join(files, 'report.pdf');
  await stubSaveDialog(app, target);
  await row.getByTestId('report-save').click();
  await expect.poll(() => existsSync(target)).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
  expect(text).toContain('驻场服务样例报告');
  expect(text).toMatch(/BG-\d{6}-A-01/);
});

test('打印 prints the report to the CUPS PDF printer (Linux CI), with its pages and text', async () => {
  const out = process.env.ONSITE_E2E_CUPS_PDF_DIR;
  test.skip(!out, 'needs a CUPS-PDF printer (ONSITE_E2E_CUPS_PDF_DIR, set up by .github/workflows/ci.yml on Linux)');
  // The OS print dialog cannot be clicked from a test: print silently to the PDF printer instead.
  await app.evaluate(({ webContents }) => {
    const proto = Object.getPrototypeOf(webContents.getAllWebContents()[0]) as {
      print: (o: Record<string, unknown>, cb: unknown) => void;
    };
    const original = proto.print;
    proto.print = function (options, callback) {
      original.call(this, { ...options, silent: true, deviceName: 'PDF' }, callback);
    };
  });
  const before = new Set(readdirSync(out!));
  await go(page, '/reports');
  await page.getByTestId('issue-sample').click();
  const row = page.getByTestId('reports-table').locator('tr', { hasText: '驻场服务样例报告' });
  await expect(row).toContainText(/BG-\d{6}-A-01/, { timeout: 90_000 });
  await row.getByRole('button', { name: /更多|More/ }).click();
  await page.getByRole('menuitem', { name: '打印' }).click();
  await expect
    .poll(() => readdirSync(out!).filter((n) => !before.has(n) && n.endsWith('.pdf')).length, { timeout: 60_000 })
    .toBe(1);
  const printed = join(
    out!,
    readdirSync(out!).find((n) => !before.has(n) && n.endsWith('.pdf'))!,
  );
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [printed], { encoding: 'utf8' }))?.[1]);
  expect(pages).toBeGreaterThanOrEqual(2); // the report and its sign-off page
  const text = execFileSync('pdftotext', ['-layout', printed, '-'], { encoding: 'utf8' });
  expect(text).toContain('驻场服务样例报告');
});

test('a breached deadline raises a desktop notification', async () => {
  await app.evaluate(({ Notification }) => {
    const shown: { title: string; body: string }[] = [];
    (globalThis as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    const proto = Notification.prototype as unknown as { show(): void; title: string; body: string };
    proto.show = function () {
      shown.push({ title: this.title, body: this.body });
    };
  });
  // The demo site has faults whose clocks have run out; the fault monitor alerts on them.
  await go(page, '/faults');
  await expect
    .poll(
      () =>
        app.evaluate(
          () => (globalThis as unknown as { shownNotifications: { title: string }[] }).shownNotifications.length,
        ),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0);
});
