/**
 * Benches that run renderer modules in Node (vite-node) import this first: renderer/platform/index.ts
 * picks its PlatformApi from `window.api` at load, and Node has no `window`. With `window` being the
 * global object and no `api` on it, the web PlatformApi is chosen, as in plain Chromium.
 */
const g = globalThis as { window?: unknown; navigator?: unknown };
g.window ??= globalThis;
// Node 20 has no `navigator` (21+ has one saying "Node.js"); with a `window` present, zrender
// (echarts, loaded through renderer/pdf/charts.ts) reads navigator.userAgent at load.
g.navigator ??= { userAgent: `Node.js/${process.versions.node}` };
export {};
