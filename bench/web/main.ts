/**
 * The PDF bench page (built and driven by bench/pdf.bench.ts in Chromium): generates a large report
 * through the real pdf-client → module worker path and watches the main thread while it runs.
 */
import { generatePdf, warmUpPdfWorker } from '../../renderer/pdf/pdf-client';
import type { ReportDocument } from '../../renderer/pdf/types';
import { benchHtml, makeBenchReport } from './report-doc';

export interface BenchRun {
  ms: number;
  bytes: number;
  /** Longest gap between 4 ms timer ticks, minus the interval: how long the page could not respond. */
  longestBlockMs: number;
  /** Durations of PerformanceObserver 'longtask' entries (tasks over 50 ms). */
  longTasks: number[];
  progressEvents: number;
}

/** The last PDF made, for a look at it (`pdfLast()`). */
let lastPdf: Uint8Array | undefined;

/** Called by the bench: the last PDF made, base64 (for a person to look at with pdftoppm). */
async function last(): Promise<string> {
  if (!lastPdf) throw new Error('no PDF made yet');
  const url = await new Promise<string>((done) => {
    const reader = new FileReader();
    reader.onload = () => done(reader.result as string);
    reader.readAsDataURL(new Blob([lastPdf as Uint8Array<ArrayBuffer>]));
  });
  return url.slice(url.indexOf(',') + 1);
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
  lastPdf = bytes;
  const ms = performance.now() - t0;
  running = false;
  await new Promise((r) => setTimeout(r, 20)); // let the last long-task entries arrive
  observer.disconnect();
  return { ms, bytes: bytes.length, longestBlockMs: Math.max(0, longestGap - 4), longTasks, progressEvents };
}

/**
 * A JPEG of about `targetBytes`, like a site photo: a gradient with noise, encoded by the browser.
 * pdfkit embeds JPEGs as they are, whereas it copies PNG data byte by byte through a JS array.
 */
async function noiseJpeg(targetBytes: number): Promise<string> {
  let width = 1000;
  let blob: Blob | undefined;
  for (let attempt = 0; attempt < 4; attempt++) {
    const height = Math.round(width * 0.75);
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    const img = ctx.createImageData(width, height);
    const noise = new Uint8Array(img.data.length);
    for (let i = 0; i < noise.length; i += 65536) crypto.getRandomValues(noise.subarray(i, i + 65536));
    for (let i = 0; i < img.data.length; i += 4) {
      const y = Math.floor(i / 4 / width);
      img.data[i] = 60 + (y % 256) / 2 + (noise[i] >> 2);
      img.data[i + 1] = 80 + (noise[i + 1] >> 2);
      img.data[i + 2] = 110 + (noise[i + 2] >> 2);
      img.data[i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    if (Math.abs(blob.size - targetBytes) < targetBytes * 0.05) break;
    width = Math.round(width * Math.sqrt(targetBytes / blob.size));
  }
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsDataURL(blob!);
  });
}

/** Decoded sizes of the data-URL images in some content. */
function imageSizes(node: unknown, out: number[] = []): number[] {
  if (Array.isArray(node)) node.forEach((n) => imageSizes(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'image' && typeof v === 'string' && v.startsWith('data:'))
        out.push(((v.length - v.indexOf(',') - 1) * 3) / 4);
      else imageSizes(v, out);
    }
  }
  return out;
}

const docs = new Map<string, ReturnType<typeof makeBenchReport>>();

function report(rows: number, images: number, imageBytes: number, format: 'jpeg' | 'png') {
  const key = `${rows}/${images}/${imageBytes}/${format}`;
  if (!docs.has(key))
    docs.set(key, makeBenchReport(rows, images, imageBytes, format === 'jpeg' ? noiseJpeg : undefined));
  return docs.get(key)!;
}

/** Called by the bench: prepares the document once per image format, then runs one measured generation. */
async function run(
  rows: number,
  images: number,
  imageBytes: number,
  format: 'jpeg' | 'png',
): Promise<BenchRun & { imageBytes: number }> {
  const { doc } = await report(rows, images, imageBytes, format);
  const sizes = imageSizes(doc.content);
  return { ...(await measure(doc)), imageBytes: sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length) };
}

/** Called by the bench: times `warmUpPdfWorker()` (worker start, fonts, a one-line document). */
async function warmUp(): Promise<number> {
  const t0 = performance.now();
  await warmUpPdfWorker();
  return performance.now() - t0;
}

/**
 * Called by the bench before Chromium's print-to-PDF: shows the same report (same records, same
 * photos) as plain HTML in this page, with the same font, and waits until it is laid out.
 */
async function showAsHtml(rows: number, images: number, imageBytes: number): Promise<void> {
  const { data } = await report(rows, images, imageBytes, 'jpeg');
  document.body.innerHTML = benchHtml(data, new URL('fonts/NotoSansHans-Regular.otf', document.baseURI).href);
  await Promise.all([...document.images].map((img) => img.decode()));
  await document.fonts.ready;
}

Object.assign(window, { pdfBench: run, pdfWarmUp: warmUp, pdfShowAsHtml: showAsHtml, pdfLast: last });
document.getElementById('status')!.textContent = 'ready';
