/**
 * Debian's Chromium as every browser run here uses it (e2e, benches): its path (CHROMIUM_PATH to
 * override) and the flags that keep it quiet and offline. Playwright's own browsers are never
 * downloaded.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
