/**
 * The PDF bench page (built and driven by bench/pdf.bench.ts in Chromium): generates a large report
 * through the real pdf-client → module worker path and watches the main thread while it runs.
 */
import { generatePdf, warmUpPdfWorker } from '../../renderer/pdf/pdf-client';
import type { ReportDocument } from '../../renderer/pdf/types';
import { makeBenchDoc } from './report-doc';

export interface BenchRun {
  ms: number;
  bytes: number;
  /** Longest gap between 4 ms timer ticks, minus the interval: how long the page could not respond. */
  longestBlockMs: number;
  /** Durations of PerformanceObserver 'longtask' entries (tasks over 50 ms). */
  longTasks: number[];
  progressEvents: number;
}

/** One measured generation of `doc`. */
async function measure(doc: ReportDocument): Promise<BenchRun> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  let running = true;
  let last = performance.now();
  let longestGap = 0;
  const tick = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    if (running) setTimeout(tick, 4);
  };
  setTimeout(tick, 4);
  let progressEvents = 0;
  const t0 = performance.now();
  const bytes = await generatePdf(doc, { onProgress: () => progressEvents++ });
  const ms = performance.now() - t0;
  running = false;
  await new Promise((r) => setTimeout(r, 20)); // let the last long-task entries arrive
  observer.disconnect();
  return { ms, bytes: bytes.length, longestBlockMs: Math.max(0, longestGap - 4), longTasks, progressEvents };
}

let doc: ReportDocument | undefined;

/** Called by the bench: prepares the document once, then runs one measured generation. */
async function run(rows: number, images: number, imageBytes: number): Promise<BenchRun> {
  doc ??= await makeBenchDoc(rows, images, imageBytes);
  return measure(doc);
}

/** Called by the bench: times `warmUpPdfWorker()` (worker start, fonts, a one-line document). */
async function warmUp(): Promise<number> {
  const t0 = performance.now();
  await warmUpPdfWorker();
  return performance.now() - t0;
}

Object.assign(window, { pdfBench: run, pdfWarmUp: warmUp });
document.getElementById('status')!.textContent = 'ready';
