/**
 * Benches that run renderer modules in Node (vite-node) import this first: renderer/platform/index.ts
 * picks its PlatformApi from `window.api` at load, and Node has no `window`. With `window` being the
 * global object and no `api` on it, the web PlatformApi is chosen, as in plain Chromium.
 */
const g = globalThis as { window?: unknown };
g.window ??= globalThis;
export {};
