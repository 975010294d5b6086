/**
 * Shared steps of the Electron e2e suite (runs only where the Electron binary exists, see
 * scripts/electron-e2e.mjs). Each test launches the built app (out/main/index.js) with its own
 * userData folder, so IndexedDB, settings and backups start empty unless a test reuses the folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, type ElectronApplication, type Page } from '@playwright/test';

export const repo = resolve(import.meta.dirname, '../..');

export function freshUserData(): string {
  return mkdtempSync(join(tmpdir(), 'onsite-electron-e2e-'));
}

/** Launches the app on `userData` and returns it with its first window, loaded. */
export async function launch(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({ args: [repo, `--user-data-dir=${userData}`], cwd: repo });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** A PIN lock screen (when one is configured) is unlocked with the suite's PIN; otherwise nothing. */
export async function unlockIfLocked(page: Page, pin = process.env.ONSITE_E2E_PIN ?? '1234'): Promise<void> {
  const lock = page.getByTestId('lock-screen');
  if (!(await lock.isVisible().catch(() => false))) return;
  await lock.getByTestId('lock-pin').fill(pin);
  await lock.getByTestId('lock-pin').press('Enter');
  await expect(lock).toBeHidden();
}

/** Navigates inside the app (hash routes, as the web e2e does). */
export async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#${p}`;
  }, path);
}

/**
 * Reaches the dashboard: on a first start the setup wizard offers the fictional demo site, which
 * is loaded; on later starts the dashboard shows directly (after the lock screen, if any).
 */
export async function reachDashboard(page: Page): Promise<void> {
  await unlockIfLocked(page);
  const demo = page.getByTestId('setup-load-demo');
  const user = page.getByTestId('current-user');
  await expect(demo.or(user)).toBeVisible({ timeout: 30_000 });
  if (await demo.isVisible()) {
    await demo.click();
    await page.locator('.ant-popconfirm').getByRole('button').last().click();
  }
  await expect(user).toBeVisible();
  await expect(page.getByTestId('nav-dashboard')).toBeVisible();
}

/** Makes main's save dialog answer `path` (or cancel with null) without showing anything. */
export async function stubSaveDialog(app: ElectronApplication, path: string | null): Promise<void> {
  await app.evaluate(({ dialog }, file) => {
    const answer = file ? { canceled: false, filePath: file } : { canceled: true, filePath: '' };
    dialog.showSaveDialog = (async () => answer) as unknown as typeof dialog.showSaveDialog;
  }, path);
}

/** Makes main's open dialog answer `path` (or cancel with null). */
export async function stubOpenDialog(app: ElectronApplication, path: string | null): Promise<void> {
  await app.evaluate(({ dialog }, file) => {
    const answer = { canceled: !file, filePaths: file ? [file] : [] };
    dialog.showOpenDialog = (async () => answer) as unknown as typeof dialog.showOpenDialog;
  }, path);
}

/** What the page's `window.api` answers (typed loosely: this file compiles without the DOM library). */
export function callApi<T>(page: Page, method: string, req?: unknown): Promise<T> {
  return page.evaluate(
    ([m, r]) =>
      (globalThis as unknown as { api: Record<string, (req?: unknown) => Promise<unknown>> }).api[m as string](r),
    [method, req] as const,
  ) as Promise<T>;
}
