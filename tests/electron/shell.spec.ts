/** Start-up, restart, single instance, and what the shell refuses: navigation, new windows, bad IPC, the network. */
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { callApi, freshUserData, go, launch, reachDashboard } from './helpers';

test('starts over app:// and reaches the dashboard; data survives a restart (fixed origin)', async () => {
  const userData = freshUserData();
  try {
    let { app, page } = await launch(userData);
    expect(page.url()).toMatch(/^app:\/\/bundle\//);
    await reachDashboard(page); // first start: the demo site is loaded
    const before = await page.getByTestId('current-user').innerText();
    await app.close();

    ({ app, page } = await launch(userData));
    await reachDashboard(page); // no setup wizard this time: the database is still there
    await expect(page.getByTestId('current-user')).toHaveText(before);
    await app.close();
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
});

test('a second launch focuses the first window instead of opening another', async () => {
  const userData = freshUserData();
  const { app, page } = await launch(userData);
  try {
    await reachDashboard(page);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].minimize());
    const second = await launch(userData).catch(() => null); // the second process quits at once
    await second?.app.close().catch(() => undefined);
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => !w.isMinimized())))
      .toEqual([true]);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});

test('navigation away and window.open are refused; a bad IPC payload gets a typed error; nothing reaches the network', async () => {
  const userData = freshUserData();
  const { app, page } = await launch(userData);
  try {
    await reachDashboard(page);
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/bundle\//);

    const opened = await page.evaluate(() =>
      (globalThis as unknown as { open(u: string): unknown }).open('https://example.com/'),
    );
    expect(opened).toBeNull();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    const error = await page.evaluate(async () => {
      const api = (globalThis as unknown as { api: Record<string, (r: unknown) => Promise<unknown>> }).api;
      return api.backupWrite({ name: '../../evil.odbk', data: 'x', reason: 'manual' }).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    });
    expect(error).toMatch(/^\[invalid-payload\] backup:write: /);

    // A request to the outside from the page is cancelled and counted; a full walk adds no other.
    await page.evaluate(() => fetch('https://example.com/x').catch(() => undefined));
    for (const path of [
      '/faults',
      '/requests',
      '/inspections',
      '/kb',
      '/training',
      '/reports',
      '/audit',
      '/settings',
      '/',
    ])
      await go(page, path);
    const info = await callApi<{ blockedRequests: number }>(page, 'appInfo');
    expect(info.blockedRequests).toBe(1);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});

test('a full walk through the app makes no network request at all', async () => {
  const userData = freshUserData();
  const { app, page } = await launch(userData);
  try {
    await reachDashboard(page);
    for (const path of [
      '/faults',
      '/requests',
      '/inspections',
      '/kb',
      '/training',
      '/reports',
      '/audit',
      '/settings',
      '/',
    ]) {
      await go(page, path);
      await page.waitForLoadState('networkidle');
    }
    expect((await callApi<{ blockedRequests: number }>(page, 'appInfo')).blockedRequests).toBe(0);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
