import { defineConfig } from '@playwright/test';

/**
 * The Electron e2e suite (Playwright `_electron`), run by scripts/electron-e2e.mjs only where the
 * Electron binary exists. It needs the NodeCliInspect fuse on, so it runs the unpackaged app.
 */
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
