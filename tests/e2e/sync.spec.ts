import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Demo load and PIN hashing are slow on a shared machine.
test.describe.configure({ timeout: 240_000 });

async function lastSaved(page: Page): Promise<{ name: string; buffer: Buffer }> {
  const f = await page.evaluate(() => {
    const hook = (window as unknown as { __onsiteTestPlatform: { lastSavedFile?: { name: string; data: Uint8Array } } })
      .__onsiteTestPlatform;
    return hook.lastSavedFile ? { name: hook.lastSavedFile.name, data: Array.from(hook.lastSavedFile.data) } : null;
  });
  expect(f).not.toBeNull();
  return { name: f!.name, buffer: Buffer.from(f!.data) };
}

async function readFile(page: Page, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('sync-read').click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`sync page: write a bundle, read it back (nothing new), a damaged copy refused (${lang})`, async ({
    app,
    page,
  }) => {
    await app.openWithDemo('/sync');
    if (lang === 'en') await app.setLanguage('English');
    const text =
      lang === 'en'
        ? { empty: /No bundle received/, nothing: /Nothing new/, refused: /Bundle refused/ }
        : {
            empty: /还没有收到过同伴的同步包/,
            nothing: /没有新内容/,
            refused: /同步包被拒绝/,
          };
    await expect(page.getByTestId('sync-page')).toBeVisible();
    await expect(page.getByTestId('sync-no-peers')).toContainText(text.empty);
    await expect(page.getByTestId('sync-no-conflicts')).toBeVisible();
    await page.screenshot({ path: `test-results/sync-page-${lang}.png`, fullPage: true });

    await page.getByTestId('sync-write').click();
    await expect(page.locator('.ant-message')).toContainText(
      lang === 'en' ? /Bundle written: \d+ changes/ : /已写出同步包/,
      // Every change of the demo site, signed: slow when the machine is shared.
      { timeout: 90_000 },
    );
    const bundle = await lastSaved(page);
    expect(bundle.name).toMatch(/^onsite-desk-sync-A-to-all-\d+\.odsync$/);
    const body = JSON.parse(bundle.buffer.toString('utf8')) as { format: string; body: { changes: unknown[] } };
    expect(body.format).toBe('onsite-desk-sync');
    expect(body.body.changes.length).toBeGreaterThan(100);

    // This laptop's own bundle: every change is already here.
    await readFile(page, bundle.name, bundle.buffer);
    await expect(page.getByTestId('sync-receipt')).toContainText(text.nothing, { timeout: 90_000 });
    await expect(page.getByTestId('sync-undo')).toHaveCount(0);
    await page.screenshot({ path: `test-results/sync-receipt-${lang}.png`, fullPage: true });

    // Cut short on the way: refused, with a message, and nothing changed.
    const cut = bundle.buffer.subarray(0, bundle.buffer.length - 100);
    await readFile(page, bundle.name, Buffer.from(cut));
    await expect(page.getByTestId('sync-refused')).toContainText(text.refused, { timeout: 30_000 });
    await expect(page.getByTestId('sync-receipt')).toHaveCount(0);
    await page.screenshot({ path: `test-results/sync-refused-${lang}.png`, fullPage: true });
  });
}
