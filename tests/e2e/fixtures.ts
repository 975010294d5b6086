import { test as base, expect, type Locator, type Page } from '@playwright/test';

export interface SavedFile {
  name: string;
  data: number[];
}

/**
 * Every test gets a fresh browser context, hence a fresh IndexedDB (a fresh database), and the
 * web platform's test hook, which records each file the app "downloads" so a test can read it.
 */
export const test = base.extend<{ app: AppPage }>({
  app: async ({ page }, use) => {
    await page.addInitScript(() => {
      const saved: unknown[] = [];
      (window as unknown as { __onsiteTestPlatform: unknown }).__onsiteTestPlatform = {
        saved,
        onSaveFile: (f: unknown) => saved.push(f),
      };
    });
    await use(new AppPage(page));
  },
});
export { expect };

/** The PIN the fixture sets for, and types as, every person (hashing takes a moment: 600,000 rounds). */
export const E2E_PIN = '246810';

/** Page object for the shell and the setup flow. */
export class AppPage {
  constructor(public page: Page) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(`/#${path}`);
  }

  /** Fresh database → the setup wizard → load the fictional demo site → unlock as its usual user. */
  async openWithDemo(path = '/'): Promise<void> {
    await this.open(path);
    await this.loadDemoAtSetup();
    await this.unlock();
  }

  /**
   * Waits until the demo's background follow-up is done: its inspection report (PDF and all) is in
   * the register. The lists are complete when the app opens; only that report comes later.
   */
  async demoSettled(): Promise<void> {
    await expect
      .poll(
        () =>
          this.page.evaluate(
            () =>
              new Promise<number>((resolve, reject) => {
                const open = indexedDB.open('onsite-desk');
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                  const req = open.result.transaction('reports').objectStore('reports').count();
                  req.onsuccess = () => {
                    resolve(req.result);
                    open.result.close();
                  };
                };
              }),
          ),
        { timeout: 120_000 },
      )
      .toBeGreaterThan(0);
  }

  /** In the setup wizard: loads the demo and waits for the lock screen that follows it. */
  async loadDemoAtSetup(): Promise<void> {
    await this.page.getByTestId('setup-load-demo').click();
    await this.page.locator('.ant-popconfirm').getByRole('button').last().click();
    // The wizard stays until every list of the demo is written (seconds; more on a shared machine).
    await expect(this.page.getByTestId('lock-screen')).toBeVisible({ timeout: 60_000 });
  }

  /**
   * At the lock screen: choose `who` (a team member's name; default the one preselected, the
   * laptop's usual user) and enter `pin`, setting it first when that person has none on this laptop.
   */
  async unlock(who?: string, pin = E2E_PIN): Promise<void> {
    const lock = this.page.getByTestId('lock-screen');
    await expect(lock).toBeVisible();
    if (who) await lock.getByRole('radio', { name: new RegExp(`^${who} ·`) }).check();
    const first = lock.getByTestId('lock-new-pin');
    const pinField = lock.getByTestId('lock-pin');
    await expect(first.or(pinField)).toBeVisible();
    if (await first.isVisible()) {
      await first.fill(pin);
      await lock.getByTestId('lock-new-pin2').fill(pin);
      await lock.getByTestId('lock-set-pin').click();
    } else {
      await pinField.fill(pin);
      await lock.getByTestId('lock-unlock').click();
    }
    await expect(this.page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });
  }

  nav(key: string) {
    return this.page.getByTestId(`nav-${key}`);
  }

  async setLanguage(label: 'English' | '简体中文'): Promise<void> {
    await this.page.getByTestId('language-select').click();
    await this.page.locator('.ant-select-dropdown').getByText(label, { exact: true }).click();
  }

  /** The language switch of the lock screen. */
  async setLanguageAtLock(label: 'English' | '简体中文'): Promise<void> {
    await this.page.getByTestId('lock-language').click();
    await this.page.locator('.ant-select-dropdown').getByText(label, { exact: true }).click();
  }

  /** Files the app saved through the web platform during this test. */
  async savedFiles(): Promise<SavedFile[]> {
    return this.page.evaluate(() =>
      (
        (window as unknown as { __onsiteTestPlatform: { saved: Array<{ name: string; data: Uint8Array }> } })
          .__onsiteTestPlatform.saved ?? []
      ).map((f) => ({ name: f.name, data: Array.from(f.data) })),
    );
  }
}

/**
 * Opens a row's "more" menu (`trigger`) and chooses `item`; again when a click lands while the
 * menu is still sliding in and is lost (the menu then stays open, or never opened).
 */
export async function chooseFromMenu(page: Page, trigger: Locator, item: string): Promise<void> {
  await expect(async () => {
    const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
    if (!(await menu.getByRole('menuitem', { name: item }).isVisible())) await trigger.click();
    await menu.getByRole('menuitem', { name: item }).click({ timeout: 5_000 });
    await expect(menu).toHaveCount(0, { timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
}

/** On a fault's page: runs the command `name` (its button, then the dialog's OK after `fill`). */
export async function faultCommand(page: Page, name: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId(`cmd-${name}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await fill?.();
  await dialog.getByTestId('dialog-ok').click();
  await expect(dialog).toBeHidden();
}

/**
 * Chooses a known reporter in an intake form by typing and clicking their option once it is listed
 * (the contacts load after the form appears; Enter before that picks "new reporter").
 */
export async function pickReporter(page: Page, name: string): Promise<void> {
  await page.getByTestId('reporter-select').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
}
