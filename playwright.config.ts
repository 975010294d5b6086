import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/chromium';

// E2E_PORT (+ RENDERER_OUT for the build) lets several engineers run suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

/** E2E in Debian's Chromium against the built renderer (plain-Chromium PlatformApi). */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Every test has its own browser context and database: tests of one file run on either worker,
  // which keeps the two workers evenly loaded (a long file no longer holds one back).
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 850 },
    // Recorded on the retry of a failed test (CI retries once): recording every test costs time.
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
