import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { E2E_PIN, expect, test } from './fixtures';

/** The app's records: table → primary key → row (binary values by length and byte sum), and the restores recorded. */
interface Fingerprint {
  tables: Record<string, Record<string, string>>;
  restores: number;
}

async function fingerprint(page: Page): Promise<Fingerprint> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('onsite-desk');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: { tables: Record<string, Record<string, string>>; restores: number } = { tables: {}, restores: 0 };
    for (const name of Array.from(db.objectStoreNames)) {
      const store = db.transaction(name).objectStore(name);
      const [keys, rows] = await Promise.all(
        [store.getAllKeys(), store.getAll()].map(
          (req) => new Promise<unknown[]>((resolve) => (req.onsuccess = () => resolve(req.result as unknown[]))),
        ),
      );
      out.tables[name] = Object.fromEntries(
        keys.map((k, i) => [
          JSON.stringify(k),
          JSON.stringify(rows[i], (_k, v: unknown) =>
            v instanceof Uint8Array ? `bytes:${v.length}:${v.reduce((a, b) => a + b, 0)}` : v,
          ),
        ]),
      );
      if (name === 'auditLog') out.restores = rows.filter((e) => (e as { action: string }).action === 'restore').length;
    }
    db.close();
    return out;
  });
}

/**
 * Nothing was restored: no restore entry, and every record that was there is there unchanged.
 * (Other features keep writing in the background, e.g. the fault monitor's alerts, so rows may be
 * added; `meta` holds this laptop's backup bookkeeping, which the automatic backup updates, and
 * `syncState` this laptop's sync clock, which every background write advances.)
 */
function expectUntouched(before: Fingerprint, after: Fingerprint): void {
  expect(after.restores).toBe(before.restores);
  for (const [table, rows] of Object.entries(before.tables)) {
    if (table === 'meta' || table === 'syncState') continue;
    for (const [key, row] of Object.entries(rows)) expect(after.tables[table]?.[key], `${table} ${key}`).toBe(row);
  }
}

/** Runs `fn` on the app's IndexedDB (behind the app's back, as a damaged or foreign change would). */
async function onDb<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(async (body) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('onsite-desk');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const req = <R>(r: IDBRequest<R>) =>
      new Promise<R>(
        (resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))),
      );
    const result = await (
      new Function('db', 'req', `return (async () => { ${body} })()`) as (
        d: IDBDatabase,
        r: typeof req,
      ) => Promise<unknown>
    )(db, req);
    db.close();
    return result;
  }, fn) as Promise<T>;
}

const firstFault = `const tx = db.transaction('faults'); const all = await req(tx.objectStore('faults').getAll()); return all[0] ? { id: all[0].id, number: all[0].number } : null;`;

async function lastSaved(page: Page): Promise<Buffer> {
  const data = await page.evaluate(() =>
    Array.from(
      (window as unknown as { __onsiteTestPlatform: { lastSavedFile?: { data: Uint8Array } } }).__onsiteTestPlatform
        .lastSavedFile?.data ?? [],
    ),
  );
  return Buffer.from(data);
}

// Demo load, several backups, PBKDF2 at 600,000 iterations: slow when the machine is shared.
test.describe.configure({ timeout: 300_000 });

async function pickFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('backup-restore-file').click();
  await (await chooser).setFiles(file);
}

test('back up, delete a system and a fault, restore: both are back, and the restore can be undone', async ({
  app,
  page,
}) => {
  await app.openWithDemo('/settings/backup');
  await expect(page.getByTestId('backup-none')).toContainText('还没有校验通过的备份');
  const fault = await onDb<{ id: string; number: string } | null>(page, firstFault);
  expect(fault, 'the demo site has faults').not.toBeNull();

  await page.getByTestId('backup-now').click();
  // The whole demo site, written, read back and verified while the demo's seeders still write
  // (slow when two browsers share the machine).
  await expect(page.locator('.ant-message')).toContainText('备份完成，回读校验通过', { timeout: 60_000 });
  await expect(page.getByTestId('backup-last')).toContainText('已回读校验');
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: '/tmp/backup-settings-zh.png', fullPage: true });

  // Delete a system through the UI…
  await app.nav('settings').click();
  await page.goto('/#/settings/inventory');
  const systems = page.getByTestId('systems-table');
  const row = systems.locator('tr', { hasText: '集中备份系统' });
  await row.getByRole('button', { name: '删除' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  await expect(systems).not.toContainText('集中备份系统');
  // …and a fault with its events and attachments, directly in IndexedDB.
  await onDb(
    page,
    `const tx = db.transaction(['faults', 'faultEvents', 'attachments'], 'readwrite');
    const id = ${JSON.stringify(fault!.id)};
    tx.objectStore('faults').delete(id);
    for (const e of await req(tx.objectStore('faultEvents').index('faultId').getAll(id))) tx.objectStore('faultEvents').delete(e.id);
    for (const a of await req(tx.objectStore('attachments').getAll())) if (a.ownerId === id) tx.objectStore('attachments').delete(a.id);
    await new Promise((r) => (tx.oncomplete = r));`,
  );
  expect(
    await onDb(page, firstFault.replace('all[0] ?', `all.find((f) => f.id === ${JSON.stringify(fault!.id)}) ?`)),
  ).toBeNull();

  await page.goto('/#/settings/backup');
  await page.getByTestId('backup-list').getByRole('button', { name: '恢复' }).first().click();
  const dialog = page.getByTestId('restore-confirm');
  await expect(dialog).toContainText('恢复会用这份备份替换本机的全部数据');
  await expect(dialog).toContainText('系统清单');
  await expect(dialog).toContainText('故障');
  await page.screenshot({ path: '/tmp/backup-restore-confirm-zh.png' });
  await page.getByTestId('restore-ok').click();
  await expect(page.locator('.ant-message')).toContainText('数据已恢复', { timeout: 60_000 });

  expect(
    await onDb<{ id: string } | null>(
      page,
      firstFault.replace('all[0] ?', `all.find((f) => f.id === ${JSON.stringify(fault!.id)}) ?`),
    ),
  ).toMatchObject({ number: fault!.number });
  await page.goto('/#/settings/inventory');
  await expect(page.getByTestId('systems-table')).toContainText('集中备份系统');

  // The state before the restore was kept: undo brings the deletions back.
  await page.goto('/#/settings/backup');
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(2);
  await page.getByTestId('backup-undo-restore').click();
  await page.getByTestId('restore-ok').click();
  await expect(page.locator('.ant-message').last()).toContainText('数据已恢复', { timeout: 60_000 });
  await page.goto('/#/settings/inventory');
  await expect(page.getByTestId('systems-table')).not.toContainText('集中备份系统');

  // The backups made before each restore are pinned: only the project manager can unpin one.
  await page.goto('/#/settings/backup');
  const list = page.getByTestId('backup-list');
  await expect(list.locator('tbody tr')).toHaveCount(3);
  await expect(list.locator('[data-testid^="pinned-"]')).toHaveCount(2);
  // Without a PIN of the project manager's on this laptop the approval cannot be given, and says so.
  await list.locator('[data-testid^="unpin-"]').first().click();
  const refused = page.getByTestId('approval-dialog');
  await refused.getByTestId('approval-pin').fill(E2E_PIN);
  await refused.getByRole('button', { name: '批准' }).click();
  await expect(refused).toContainText('项目经理尚未在本机设置 PIN', { timeout: 30_000 });
  await refused.getByRole('button', { name: '取消' }).click();
  await expect(refused).toBeHidden();
  // The project manager sets theirs at the lock screen, then approves on this laptop.
  await page.getByTestId('lock-button').click();
  await app.unlock('周海峰', E2E_PIN);
  await list.locator('[data-testid^="unpin-"]').first().click();
  const approval = page.getByTestId('approval-dialog');
  await approval.getByTestId('approval-pin').fill(E2E_PIN);
  await approval.getByRole('button', { name: '批准' }).click();
  await expect(approval).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText('已取消固定');
  await expect(list.locator('[data-testid^="pinned-"]')).toHaveCount(1);
  await expect(list.locator('tbody tr')).toHaveCount(3);
  await page.screenshot({ path: '/tmp/backup-pinned-zh.png', fullPage: true });

  await page.goto('/#/audit');
  await expect(page.getByTestId('audit-table')).toContainText('恢复数据');
  await expect(page.getByTestId('audit-table')).toContainText('取消固定备份');
});

test('a corrupted, truncated, foreign or wrongly-locked file is refused, clearly, and nothing changes', async ({
  app,
  page,
}) => {
  await app.openWithDemo('/settings/backup');
  await page.getByTestId('backup-export').click();
  const exportDialog = page.getByRole('dialog');
  await exportDialog.getByRole('button', { name: '导出' }).click();
  await expect(page.locator('.ant-message')).toContainText('备份文件已导出');
  const good = await lastSaved(page);
  expect(good.subarray(0, 4).toString()).toBe('ODBK');
  const before = await fingerprint(page);

  const corrupt = Buffer.from(good);
  corrupt[Math.floor(corrupt.length / 2)] ^= 0x5a;
  const corruptPath = test.info().outputPath('corrupt.odbk');
  writeFileSync(corruptPath, corrupt);
  await pickFile(page, corruptPath);
  const errors = page.getByTestId('restore-errors');
  await expect(errors).toContainText('无法恢复：该文件未通过校验');
  await expect(errors).toContainText('备份文件已损坏');
  await expect(errors).toContainText('本机数据库未作任何改动');
  await page.screenshot({ path: '/tmp/backup-corrupt-zh.png' });
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  expectUntouched(before, await fingerprint(page));

  // Another file type is refused by its name before anything is read.
  const json = Buffer.from('{"faults":[{"id":"x","__proto__":{"admin":true}}]}');
  await pickFile(page, { name: 'faults.json', mimeType: 'application/json', buffer: json });
  await expect(page.getByTestId('restore-errors')).toContainText('只能从驻场服务台备份文件（.odbk）恢复');
  await expect(page.getByTestId('restore-errors')).not.toContainText('safety');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  // The same JSON named as a backup is read and refused for what it is.
  await pickFile(page, { name: 'faults.odbk', mimeType: 'application/octet-stream', buffer: json });
  await expect(page.getByTestId('restore-errors')).toContainText('这是一个 JSON 文件，不是驻场服务台的备份文件');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

  // Locked with a password: asked for, a wrong one said so, nothing restored.
  await page.getByTestId('backup-export').click();
  await page.getByRole('dialog').getByLabel('为此文件设置密码').click();
  await page.getByRole('dialog').getByLabel('备份密码').fill('correct horse 9');
  await page.getByRole('dialog').getByLabel('再次输入密码').fill('correct horse 9');
  await page.getByRole('dialog').getByRole('button', { name: '导出' }).click();
  await expect(page.locator('.ant-message').last()).toContainText('备份文件已导出');
  const lockedPath = test.info().outputPath('locked.odbk');
  writeFileSync(lockedPath, await lastSaved(page));
  await pickFile(page, lockedPath);
  await expect(page.getByTestId('restore-password')).toContainText('该备份已加密');
  await page.getByTestId('restore-password').getByLabel('备份密码').fill('wrong password');
  await page.getByTestId('restore-password').getByRole('button', { name: '解密并校验' }).click();
  await expect(page.getByTestId('restore-password')).toContainText('密码不正确');
  await page.getByTestId('restore-password').getByLabel('备份密码').fill('correct horse 9');
  await page.getByTestId('restore-password').getByRole('button', { name: '解密并校验' }).click();
  await expect(page.getByTestId('restore-confirm')).toContainText('数据结构版本');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  expectUntouched(before, await fingerprint(page));

  // In English, a truncated file.
  await app.setLanguage('English');
  const truncatedPath = test.info().outputPath('truncated.odbk');
  writeFileSync(truncatedPath, good.subarray(0, good.length - 1000));
  await pickFile(page, truncatedPath);
  await expect(page.getByTestId('restore-errors')).toContainText('The backup file is incomplete');
  await expect(page.getByTestId('restore-errors')).toContainText('Nothing in the database on this laptop was changed.');
  await page.screenshot({ path: '/tmp/backup-truncated-en.png' });
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  expectUntouched(before, await fingerprint(page));
  await page.screenshot({ path: '/tmp/backup-settings-en.png', fullPage: true });
});
