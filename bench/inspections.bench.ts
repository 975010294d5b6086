/*
 * Inspections bench:
 * - A 300-item run (16 systems of all five families, deep checklists): the time from an answer to its
 *   autosave committed — saveAnswer resolves when its transaction (answer row, audit entry) has
 *   committed — for every answer in turn. Budget: under 50 ms (p95). In Chromium (real IndexedDB,
 *   strict durability) and in Node (fake-indexeddb) for comparison.
 * - The inspection report with 20 capture-sized screenshots: build + PDF, in Chromium through the
 *   PDF worker and in Node in-process.
 * The Chromium page is generated into out/bench-insp-src and built with the renderer's own Vite config.
 */
import './node-window';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, createServer, preview } from 'vite';
import { rendererConfig } from '../vite.shared';
import { percentile, type BenchCase, type BenchResult } from './harness';
import { chromiumArgs, chromiumPath } from '../tests/chromium';

const repo = resolve(import.meta.dirname, '..');
/** Deep checklists: 19 items for these three families, 18 for the other two: 12 × 19 + 4 × 18 = 300. */
const FAMILIES = [
  ...Array<string>(4).fill('virtualization'),
  ...Array<string>(4).fill('pam'),
  ...Array<string>(4).fill('security'),
  ...Array<string>(2).fill('private-cloud'),
  ...Array<string>(2).fill('backup-dr'),
];
const SCREENSHOTS = 20;

/** Runs in the page and in Node alike: a fresh database, a 300-item plan, every item answered in turn. */
const runSource = `
import { OnsiteDb } from '@renderer/db/db';
import { setActor, setDb } from '@renderer/db';
import { createPlan, runSystems, saveAnswer } from '@renderer/features/inspections/inspections.repo';

export async function autosaveRun(families) {
  const db = new OnsiteDb('bench-insp-' + Math.random().toString(36).slice(2));
  await db.open();
  setDb(db);
  setActor('e1');
  const stamp = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: 'system' };
  await db.settings.put({ key: 'site', setupComplete: true, deviceCode: 'A', currentUserId: 'e1', providerName: 'P', clientName: 'C', clientAddress: '', projectName: '', isDemo: false, updatedAt: stamp.updatedAt, updatedBy: 'system' });
  await db.team.put({ id: 'e1', name: '李喆', role: 'engineer', phone: '', email: '', active: true, ...stamp });
  const ids = [];
  for (const [i, family] of families.entries()) {
    ids.push({ systemId: 's' + i, engineerId: 'e1', templateId: 'builtin-' + family + '@1' });
    await db.systems.put({ id: 's' + i, name: '系统 ' + i, family, vendor: 'V', model: 'M', version: '1', location: 'A', active: true, ...stamp });
  }
  const plan = await createPlan({ month: '2026-11', mode: 'deep', dueDate: '2026-11-30', systems: ids });
  const times = [];
  for (const s of runSystems(plan)) {
    for (const item of s.items) {
      const spec = item.answer;
      const patch = spec.type === 'number' ? { value: 42 } : spec.type === 'choice' ? { choice: spec.options[0].value } : spec.type === 'text' ? { text: '8.0 U3' } : { result: 'normal' };
      const t0 = performance.now();
      await saveAnswer(plan.id, s.systemId, item.id, patch);
      times.push(performance.now() - t0);
    }
  }
  db.close();
  return times;
}
`;

const reportSource = `
import { createI18n } from '@renderer/i18n';
import { buildReport } from '@renderer/core/reports/builders';
import { generatePdf } from '@renderer/pdf/pdf-client';
import { demoInspectionContext, inspectionDemo } from '@renderer/features/inspections/report-demo';
import { inspectionReportData } from '@renderer/features/inspections/report-data';

/** Build + PDF of the demo inspection report with n capture-sized screenshots; the first run warms fonts. */
export async function reportRun(screenshots) {
  const i18n = await createI18n('zh-CN');
  const { options } = await inspectionDemo('zh-CN', 0);
  const ctx = await demoInspectionContext('zh-CN', screenshots, true);
  const imageBytes = ctx.evidence.reduce((n, e) => n + e.image.length * 0.75, 0) / Math.max(1, ctx.evidence.length);
  const once = async () => {
    const t0 = performance.now();
    const data = inspectionReportData(ctx, 'zh-CN', i18n.t);
    const bytes = await generatePdf(buildReport(i18n, 'inspection', data, options));
    return { ms: performance.now() - t0, bytes: bytes.length };
  };
  const cold = await once();
  const warm = await once();
  return { cold: cold.ms, warm: warm.ms, bytes: warm.bytes, imageBytes };
}
`;

function stats(label: string, times: number[], budget?: number): BenchResult[] {
  if (times.length !== 300) throw new Error(`${label}: the run had ${times.length} items, not 300`);
  return [
    { label: `${label}: answers timed`, value: times.length, unit: 'answers' },
    { label: `${label}: median answer → committed`, value: percentile(times, 50) },
    {
      label: `${label}: p95 answer → committed`,
      measure: `${label.toLowerCase().replace(/[^a-z]+/g, '-')}-autosave-p95`,
      value: percentile(times, 95),
      budget,
    },
    { label: `${label}: slowest answer → committed`, value: Math.max(...times) },
  ];
}

async function buildPage(): Promise<string> {
  const src = resolve(repo, 'out/bench-insp-src');
  mkdirSync(src, { recursive: true });
  writeFileSync(
    resolve(src, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>inspections bench</title></head><body><p id="status">loading</p><script type="module" src="./main.js"></script></body></html>',
  );
  writeFileSync(resolve(src, 'run.js'), runSource);
  writeFileSync(resolve(src, 'report.js'), reportSource);
  writeFileSync(
    resolve(src, 'main.js'),
    "import { autosaveRun } from './run.js';\nimport { reportRun } from './report.js';\nwindow.inspBench = { autosaveRun, reportRun };\ndocument.getElementById('status').textContent = 'ready';\n",
  );
  const base = rendererConfig();
  const outDir = resolve(repo, 'out/bench-insp');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // a production build, as the app ships (see bench/pdf.bench.ts)
  try {
    await build({
      ...base,
      configFile: false,
      root: src,
      mode: 'production',
      logLevel: 'warn',
      build: { ...base.build, outDir, emptyOutDir: true, rollupOptions: { input: resolve(src, 'index.html') } },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

async function inChromium(): Promise<BenchResult[]> {
  const outDir = await buildPage();
  const server = await preview({
    ...rendererConfig(),
    configFile: false,
    root: resolve(repo, 'out/bench-insp-src'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4184, strictPort: false },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.resolvedUrls!.local[0]);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', undefined, {
      timeout: 60_000,
    });
    type Api = {
      autosaveRun(families: string[]): Promise<number[]>;
      reportRun(n: number): Promise<{ cold: number; warm: number; bytes: number; imageBytes: number }>;
    };
    const times = await page.evaluate(
      (f) => (window as unknown as { inspBench: Api }).inspBench.autosaveRun(f),
      FAMILIES,
    );
    const report = await page.evaluate(
      (n) => (window as unknown as { inspBench: Api }).inspBench.reportRun(n),
      SCREENSHOTS,
    );
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return [
      { label: 'load average (1 min)', value: loadavg()[0], unit: 'load' },
      ...stats('Chromium', times, 25),
      {
        label: `Chromium: inspection report with ${SCREENSHOTS} screenshots (${(report.imageBytes / 1024).toFixed(0)} KB each), first (worker start + fonts)`,
        value: report.cold,
      },
      { label: `Chromium: inspection report with ${SCREENSHOTS} screenshots, next`, value: report.warm },
      { label: 'Chromium: PDF size', value: report.bytes / 1024 / 1024, unit: 'MiB' },
    ];
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

async function inNode(): Promise<BenchResult[]> {
  // What fake-indexeddb/auto does: Dexie finds IndexedDB on the global object.
  const fake = await import('fake-indexeddb');
  Object.assign(globalThis, { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange });
  const src = resolve(repo, 'out/bench-insp-src');
  mkdirSync(src, { recursive: true });
  writeFileSync(resolve(src, 'run-node.ts'), runSource);
  writeFileSync(resolve(src, 'report-node.ts'), reportSource);
  // The same source as the page, loaded through Vite's SSR module graph (aliases, import.meta.glob).
  const server = await createServer({
    ...rendererConfig(),
    configFile: false,
    root: repo,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { autosaveRun } = (await server.ssrLoadModule('/out/bench-insp-src/run-node.ts')) as {
      autosaveRun(families: string[]): Promise<number[]>;
    };
    const { reportRun } = (await server.ssrLoadModule('/out/bench-insp-src/report-node.ts')) as {
      reportRun(n: number): Promise<{ cold: number; warm: number; bytes: number }>;
    };
    const times = await autosaveRun(FAMILIES);
    const report = await reportRun(SCREENSHOTS);
    return [
      ...stats('Node, fake-indexeddb', times),
      { label: `Node in-process: inspection report with ${SCREENSHOTS} screenshots, first`, value: report.cold },
      { label: `Node in-process: inspection report with ${SCREENSHOTS} screenshots, next`, value: report.warm },
    ];
  } finally {
    await server.close();
  }
}

export const cases: BenchCase[] = [
  {
    name: `inspections: 300-item run autosave and the inspection report with ${SCREENSHOTS} screenshots — Chromium`,
    run: inChromium,
  },
  { name: `inspections: the same in Node (fake-indexeddb, in-process PDF)`, run: inNode },
];
