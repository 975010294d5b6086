/**
 * `generatePdf(doc)`: the one way the app turns a report document into PDF bytes. In a browser
 * (Electron or plain Chromium) it renders in one lazily created module worker kept for the session,
 * so fonts load once and the window never freezes. Without a Worker (Node: vitest, scripts, bench)
 * it renders in-process with pdfmake's Node build, from the very same document.
 */
import { dataUrlBytes, extractImages, type WorkerReply, type WorkerRequest } from './pdf-protocol';
import type { PdfProgress, ReportDocument } from './types';

export type { PdfProgress };

export interface GeneratePdfOptions {
  onProgress?: (progress: PdfProgress) => void;
}

interface Pending {
  resolve: (bytes: Uint8Array) => void;
  reject: (err: Error) => void;
  onProgress?: (progress: PdfProgress) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
  worker?.terminate();
  worker = undefined; // the next request starts a fresh worker
}

function onReply({ data: msg }: MessageEvent<WorkerReply>): void {
  const p = pending.get(msg.id);
  if (!p) return;
  if (msg.type === 'progress') {
    p.onProgress?.(msg.progress);
    return;
  }
  pending.delete(msg.id);
  if (msg.type === 'done') {
    p.resolve(new Uint8Array(msg.bytes));
  } else {
    const err = new Error(msg.message);
    if (msg.stack) err.stack = msg.stack;
    p.reject(err);
  }
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module', name: 'pdf' });
  w.onmessage = onReply;
  // A worker that cannot load (bad script, out of memory) fails every request it holds.
  w.onerror = (e) => failAll(new Error(`PDF worker failed: ${e.message || 'unknown error'}`));
  w.onmessageerror = () => failAll(new Error('PDF worker: a message could not be deserialised'));
  worker = w;
  return w;
}

function hasWorker(): boolean {
  return typeof Worker === 'function' && typeof document !== 'undefined';
}

/** The fonts directory as an absolute URL: `./fonts/` next to the page (Vite publicDir). */
function fontsUrl(): string {
  return new URL('fonts/', document.baseURI).href;
}

/** Lets the page handle input between two large postMessage calls. */
function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
}

/** A message and the buffers that move with it (made when it is sent: decoding may take a while). */
type Outgoing = () =>
  Promise<{ msg: WorkerRequest; transfer: Transferable[] }> | { msg: WorkerRequest; transfer: Transferable[] };

/**
 * Sends a request's messages one task each, rejecting it if one cannot be made or cloned (a
 * malformed image, a function in the document…).
 */
async function send(id: number, messages: Outgoing[]): Promise<void> {
  try {
    for (const [i, make] of messages.entries()) {
      if (i > 0) await yieldToPage();
      const { msg, transfer } = await make();
      if (!pending.has(id)) return; // failed or terminated meanwhile
      getWorker().postMessage(msg, transfer);
    }
  } catch (err) {
    pending.get(id)?.reject(err instanceof Error ? err : new Error(String(err)));
    pending.delete(id);
  }
}

function request(messages: (id: number) => Outgoing[], onProgress?: (p: PdfProgress) => void): Promise<Uint8Array> {
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    void send(id, messages(id));
  });
}

/**
 * Renders a report document to PDF bytes. Images in `doc` must already be `data:` URLs.
 * Rejects with the worker's (or pdfmake's) error.
 */
export async function generatePdf(doc: ReportDocument, options: GeneratePdfOptions = {}): Promise<Uint8Array> {
  if (!hasWorker()) {
    // `if (!PROD)` rather than an early throw: the bundler then drops the Node code (and pdfmake's
    // second copy) from production bundles, which always have a Worker.
    if (!import.meta.env.PROD) return (await import('./pdf-node')).generatePdfInProcess(doc, options.onProgress);
    throw new Error('generatePdf: no Web Worker available');
  }
  return request((id) => {
    const split = extractImages(doc, `img-${id}-`);
    const images: Outgoing[] = [...split.images].map(([key, dataUrl]) => async () => {
      const bytes = await dataUrlBytes(dataUrl);
      return { msg: { type: 'image', id, key, bytes }, transfer: [bytes] };
    });
    const generate: Outgoing = () => ({
      msg: { type: 'generate', id, doc: split.doc, fontsUrl: fontsUrl() },
      transfer: [],
    });
    return [...images, generate];
  }, options.onProgress);
}

/**
 * Starts the worker, loads the fonts and renders a one-line document, so that the first real report
 * is as fast as later ones. Call it when a page that prints is opened. No-op outside browsers.
 */
export async function warmUpPdfWorker(): Promise<void> {
  if (!hasWorker()) return;
  await request((id) => [() => ({ msg: { type: 'warm-up', id, fontsUrl: fontsUrl() }, transfer: [] })]);
}

/** Stops the worker and frees its fonts (tests, or when memory matters); the next call starts a new one. */
export function terminatePdfWorker(): void {
  failAll(new Error('PDF worker terminated'));
}
