/**
 * The desktop app itself, launched from out/main/index.js (via package.json "main"). Runs only
 * where the Electron binary exists (scripts/electron-e2e.mjs); a fresh userData folder per run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { platformApiKeys } from '../../shared/ipc/contract';

const repo = resolve(import.meta.dirname, '../..');
let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'onsite-electron-e2e-'));
  app = await electron.launch({ args: [repo, `--user-data-dir=${userData}`], cwd: repo });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  rmSync(userData, { recursive: true, force: true });
});

/** What the page sees; typed loosely because this file compiles without the DOM library. */
type PageGlobals = { api?: Record<string, unknown>; require?: unknown; process?: unknown };

test('the window shows the app from the app:// scheme', async () => {
  expect(page.url()).toMatch(/^app:\/\/bundle\//);
  await expect(page).toHaveTitle(/Onsite Desk|驻场服务台/);
  const origin = await page.evaluate(() => (globalThis as unknown as { location: { origin: string } }).location.origin);
  expect(origin).toBe('app://bundle');
});

test('window.api has exactly the PlatformApi keys (one function per channel and onMainEvent), nothing of Node', async () => {
  const shape = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const api = g.api ?? {};
    return {
      methods: Object.keys(api).sort(),
      allFunctions: Object.values(api).every((v) => typeof v === 'function'),
      hasRequire: typeof g.require !== 'undefined',
      hasProcess: typeof g.process !== 'undefined',
    };
  });
  expect(shape.methods).toEqual([...platformApiKeys].sort());
  expect(shape.allFunctions).toBe(true);
  expect(shape.hasRequire).toBe(false);
  expect(shape.hasProcess).toBe(false);
});

test('app:info answers through the whole IPC path', async () => {
  const info = await page.evaluate(() =>
    (globalThis as unknown as { api: { appInfo(): Promise<{ platform: string }> } }).api.appInfo(),
  );
  expect(info.platform).toBe('electron');
});

test('app:// responses carry the Content-Security-Policy header', async () => {
  const csp = await page.evaluate(async () => {
    const res = await fetch('app://bundle/index.html');
    return res.headers.get('content-security-policy');
  });
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
});

test('the main process has exactly one window, on app://', async () => {
  const windows = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
  );
  expect(windows).toHaveLength(1);
  expect(windows[0]).toMatch(/^app:\/\/bundle\//);
});
