/*
 * PDF engine bench: a 300-row Chinese report with 20 images of ~1 MB each.
 * - In Chromium, through the real pdf-client → module worker path (the page in bench/web, built with
 *   the renderer's own Vite config and served by `vite preview`): generation time, cold (worker
 *   start, font fetch) and warm, and the longest main-thread block while it runs.
 * - Chromium print-to-PDF (page.pdf, headless only) of the same report as HTML: the ratio above.
 * - In Node, in-process (what tests and `reports:sample` use): pdfmake against pdfkit writing the same
 *   strings, font and photos directly (pdfkit is the engine under pdfmake): the cost of the layout.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { rendererConfig } from '../vite.shared';
import { measureRuns, median, type BenchCase, type BenchResult } from './harness';
import type { BenchRun } from './web/main';
import { documentTexts, makeBenchReport, syntheticJpegUrl } from './web/report-doc';
import { chromiumArgs, chromiumPath } from '../tests/chromium';

const rows = 300;
const images = 20;
const imageBytes = 1_000_000;
/** Runs per measured figure (the median is reported). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const repo = resolve(import.meta.dirname, '..');

/** Builds bench/web with the renderer's config (same worker bundling, publicDir with the fonts). */
async function buildPage(): Promise<string> {
  execFileSync(process.execPath, [resolve(repo, 'scripts/copy-fonts.mjs')], { stdio: 'ignore' });
  const base = rendererConfig();
  const root = resolve(import.meta.dirname, 'web');
  const outDir = resolve(repo, 'out/bench-web');
  // vite-node runs this file with NODE_ENV=development; a production build (import.meta.env.PROD,
  // which drops pdf-client's Node fallback) needs NODE_ENV=production while it resolves its config.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...base,
      configFile: false,
      root,
      mode: 'production',
      logLevel: 'warn',
      build: { ...base.build, outDir, emptyOutDir: true, rollupOptions: { input: resolve(root, 'index.html') } },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * From a trace: the most CPU (thread time, ms) any one task used on the page's main thread, and the
 * CPU the PDF worker used in all. Wall-clock figures also count time the OS gave to other
 * processes; on a loaded machine these tell the engine's own cost apart.
 */
function traceCpu(trace: { traceEvents: TraceEvent[] }): {
  longestMainTask: number;
  mainTotal: number;
  workerTotal: number;
} {
  const threads = (name: string) =>
    new Set(
      trace.traceEvents
        .filter((e) => e.name === 'thread_name' && e.args?.name === name)
        .map((e) => `${e.pid}:${e.tid}`),
    );
  const tasksOn = (ids: Set<string>) =>
    trace.traceEvents.filter((e) => e.ph === 'X' && e.name === 'RunTask' && ids.has(`${e.pid}:${e.tid}`));
  const cpu = (e: TraceEvent) => (e.tdur ?? 0) / 1000;
  const main = tasksOn(threads('CrRendererMain')).map(cpu);
  return {
    longestMainTask: Math.max(0, ...main),
    mainTotal: main.reduce((a, b) => a + b, 0),
    workerTotal: tasksOn(threads('DedicatedWorker thread')).reduce((sum, e) => sum + cpu(e), 0),
  };
}

async function inChromium(): Promise<BenchResult[]> {
  const outDir = await buildPage();
  const server = await preview({
    ...rendererConfig(),
    configFile: false,
    root: resolve(import.meta.dirname, 'web'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4190, strictPort: false },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    type Run = BenchRun & { imageBytes: number };
    type Api = {
      pdfBench(r: number, i: number, b: number, f: 'jpeg' | 'png'): Promise<Run>;
      pdfWarmUp(): Promise<number>;
      pdfShowAsHtml(r: number, i: number, b: number): Promise<void>;
      pdfLast(): Promise<string>;
    };
    const errors: string[] = [];
    const openPage = async () => {
      const page = await browser.newPage(); // a new page has its own, not yet started, worker
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.resolvedUrls!.local[0]);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', undefined, {
        timeout: 60_000,
      });
      return page;
    };
    const runIn = (page: Awaited<ReturnType<typeof openPage>>, format: 'jpeg' | 'png') =>
      page.evaluate(([r, i, b, f]) => (window as unknown as Api).pdfBench(r, i, b, f), [
        rows,
        images,
        imageBytes,
        format,
      ] as const);

    // Photos of 1 MB are JPEGs; incompressible 1 MB PNGs (pdfkit's slow path) are measured too.
    const coldPage = await openPage();
    const cold = await runIn(coldPage, 'jpeg');
    const nexts: Run[] = [];
    for (let i = 0; i < RUNS; i++) nexts.push(await runIn(coldPage, 'jpeg'));
    await browser.startTracing(coldPage, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
    const traced = await runIn(coldPage, 'jpeg');
    const cpu = traceCpu(JSON.parse((await browser.stopTracing()).toString()));
    if (process.env.BENCH_SAVE_PDF) {
      // `BENCH_SAVE_PDF=<file> npm run bench -- pdf`: keep the report the worker made, to look at it.
      const b64 = await coldPage.evaluate(() => (window as unknown as Api).pdfLast());
      writeFileSync(process.env.BENCH_SAVE_PDF, Buffer.from(b64, 'base64'));
    }
    const png = await runIn(coldPage, 'png');
    await coldPage.close();
    const warmPage = await openPage();
    const warmUpMs = await warmPage.evaluate(() => (window as unknown as Api).pdfWarmUp());
    const afterWarmUp = await runIn(warmPage, 'jpeg');

    // Chromium's own print-to-PDF of the same report as HTML (same records, photos and font).
    // page.pdf() works in headless Chromium only, which is how the bench runs it.
    await warmPage.evaluate(([r, i, b]) => (window as unknown as Api).pdfShowAsHtml(r, i, b), [
      rows,
      images,
      imageBytes,
    ] as const);
    let printBytes = 0;
    const print = await measureRuns(RUNS, async () => {
      printBytes = (await warmPage.pdf({ format: 'A4', printBackground: true })).length;
    });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    const runs = [cold, ...nexts, traced, png, afterWarmUp];
    const next = median(nexts.map((r) => r.ms));
    return [
      // Shared 2-core machines: a high load makes every figure here slower, so print it alongside.
      { label: 'load average (1 min) after the runs', value: loadavg()[0], unit: 'load' },
      { label: 'average image size (JPEG)', value: nexts[0].imageBytes / 1e6, unit: 'MB' },
      { label: 'first report, cold worker (worker start + fonts + first run)', value: cold.ms },
      { label: 'warmUpPdfWorker() (worker start + fonts + one-line document)', value: warmUpMs },
      { label: 'first report after warmUpPdfWorker()', value: afterWarmUp.ms, budget: 1500 },
      {
        label: `300-row report with 20 x 1 MB photos, next run (median of ${RUNS}; CPU: worker + longest page task, traced run)`,
        measure: 'report-300-rows-20-photos',
        value: next,
        cpu: cpu.workerTotal + cpu.longestMainTask,
        budget: 1500,
        ratio: { value: next / print.wall, vs: 'Chromium print-to-PDF of the same HTML', goal: 1.0 },
      },
      {
        label: `Chromium print-to-PDF of the same report as HTML (page.pdf, median of ${RUNS})`,
        measure: 'chromium-print-to-pdf',
        value: print.wall,
      },
      { label: 'print-to-PDF size', value: printBytes / 1024 / 1024, unit: 'MiB' },
      { label: 'next report with 20 incompressible 1 MB PNGs instead', value: png.ms },
      {
        label: 'longest main-thread block while generating (worst of all runs)',
        measure: 'longest-main-thread-block',
        value: Math.max(...runs.map((r) => r.longestBlockMs)),
        cpu: cpu.longestMainTask,
        budget: 50,
      },
      { label: 'CPU time of the longest main-thread task (trace, next report)', value: cpu.longestMainTask },
      { label: 'CPU time of the PDF worker (trace, next report)', value: cpu.workerTotal },
      {
        label: 'long tasks (>50 ms) on the page while generating',
        value: runs.flatMap((r) => r.longTasks).length,
        unit: 'tasks',
      },
      { label: 'progress messages per report', value: traced.progressEvents, unit: 'msgs' },
      { label: 'PDF size (JPEG)', value: traced.bytes / 1024 / 1024, unit: 'MiB' },
    ];
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

/**
 * Node, in-process: the app's pdfmake path against pdfkit (pdfmake's own engine) writing the same
 * strings with the same font and the same photos, without pdfmake's layout. Photos are synthetic
 * JPEGs (Node has no encoder; pdfkit copies JPEG bytes as they are, so the cost is a real photo's).
 */
async function inNode(): Promise<BenchResult[]> {
  // pdf-client falls back to in-process pdfmake here (no Worker in Node).
  const { generatePdf } = await import('../renderer/pdf/pdf-client');
  const { packageFontDir } = await import('../renderer/pdf/pdf-node');
  const { fontFiles } = await import('../renderer/pdf/pdfmake-setup');
  const { default: PDFDocument } = await import('pdfkit');
  const { doc, data } = await makeBenchReport(rows, images, imageBytes, syntheticJpegUrl);
  const texts = documentTexts(doc.content);
  const photos = data.figures.map((f) => Buffer.from(f.image.slice(f.image.indexOf(',') + 1), 'base64'));
  const fonts = {
    normal: readFileSync(resolve(packageFontDir(), fontFiles.normal)),
    bold: readFileSync(resolve(packageFontDir(), fontFiles.bold)),
  };

  const t0 = performance.now();
  await generatePdf(doc); // first run: loads pdfmake and the fonts
  const cold = performance.now() - t0;
  let pdfmakeBytes = 0;
  const pdfmake = await measureRuns(RUNS, async () => {
    pdfmakeBytes = (await generatePdf(doc)).length;
  });

  let pdfkitBytes = 0;
  const direct = () =>
    new Promise<void>((done, fail) => {
      const pdf = new PDFDocument({ size: 'A4', margin: 56, compress: true });
      const chunks: Buffer[] = [];
      pdf.on('data', (c: Buffer) => chunks.push(c));
      pdf.on('error', fail);
      pdf.on('end', () => {
        pdfkitBytes = Buffer.concat(chunks).length;
        done();
      });
      pdf.registerFont('normal', fonts.normal);
      pdf.registerFont('bold', fonts.bold);
      pdf.font('normal').fontSize(9);
      for (const [i, s] of texts.entries()) {
        if (i % 40 === 0) pdf.font('bold');
        pdf.text(s);
        if (i % 40 === 0) pdf.font('normal');
      }
      for (const p of photos) pdf.addPage().image(p, { fit: [480, 640] });
      pdf.end();
    });
  await direct();
  const pdfkit = await measureRuns(RUNS, direct);
  return [
    { label: 'Node in-process, first report', value: cold },
    {
      label: `Node in-process pdfmake, next report (median of ${RUNS})`,
      measure: 'node-pdfmake-report',
      value: pdfmake.wall,
      cpu: pdfmake.cpu,
      ratio: { value: pdfmake.cpu / pdfkit.cpu, vs: 'pdfkit writing the same text, font and photos (CPU)', goal: 1.5 },
    },
    {
      label: `pdfkit directly, same ${texts.length} strings, font and photos (median of ${RUNS})`,
      measure: 'node-pdfkit-same-text',
      value: pdfkit.wall,
      cpu: pdfkit.cpu,
    },
    { label: 'PDF size, pdfmake', value: pdfmakeBytes / 1024 / 1024, unit: 'MiB' },
    { label: 'PDF size, pdfkit directly', value: pdfkitBytes / 1024 / 1024, unit: 'MiB' },
  ];
}

export const cases: BenchCase[] = [
  { name: `pdf: ${rows}-row report, ${images} images of 1 MB — Chromium, module worker`, run: inChromium },
  { name: `pdf: ${rows}-row report, ${images} JPEG images of 1 MB — Node, in-process, vs pdfkit`, run: inNode },
];
