#!/usr/bin/env node
/**
 * Runs the Electron e2e suite (Playwright `_electron`) where the Electron binary exists. On our
 * machines it cannot be downloaded, so the suite is skipped with one line saying why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron executable's path, or null when the package was installed without its binary. */
function electronBinary() {
  try {
    const path = require('electron'); // throws when path.txt is missing (ELECTRON_SKIP_BINARY_DOWNLOAD)
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.log(
    'Electron e2e skipped: the Electron binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); run npm install with network access to enable it.',
  );
  process.exit(0);
}

if (!existsSync(join(repo, 'out/main/index.js')) || !existsSync(join(repo, 'out/preload/index.cjs'))) {
  const built = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: repo,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const cli = join(dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
const run = spawnSync(
  process.execPath,
  [cli, 'test', '--config', 'playwright.electron.config.ts', ...process.argv.slice(2)],
  {
    cwd: repo,
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
