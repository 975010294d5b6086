/**
 * In-process PDF generation for Node (vitest, `npm run reports:sample`, the bench): the same
 * builders, fonts, layouts and document preparation as the worker, with pdfmake's Node build.
 * Never loaded in the app: pdf-client imports it only when there is no Worker and not in production.
 */
import { fontFiles, preparePdfmakeDocument, setUpPdfmake, type PdfmakeApi } from './pdfmake-setup';
import type { PdfProgress, ReportDocument } from './types';

interface NodePdfmake extends PdfmakeApi {
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
}

// Node built-ins through process.getBuiltinModule: the renderer's tsconfig has no Node types, and
// this module sits under renderer/ beside browser code.
function builtin<T>(name: string): T {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.(name);
  if (!mod) throw new Error(`PDF generation without a Worker needs Node >= 20.16 (no ${name})`);
  return mod as T;
}

/** Directory of the Noto Sans SC OTF files inside @embedpdf/fonts-sc (its `exports` forbids deep imports). */
export function packageFontDir(): string {
  const { createRequire } = builtin<{ createRequire(url: string): { resolve(id: string): string } }>('module');
  const path = builtin<{ join(...p: string[]): string; dirname(p: string): string }>('path');
  const main = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc'); // …/fonts-sc/dist/index.cjs
  return path.join(path.dirname(path.dirname(main)), 'fonts');
}

let pdfmakeReady: Promise<NodePdfmake> | undefined;
// pdfmake's progress callback is global to its instance, so generations run one at a time.
let queue: Promise<unknown> = Promise.resolve();

async function loadPdfmake(): Promise<NodePdfmake> {
  const mod = (await import('pdfmake')) as unknown as { default?: NodePdfmake } & NodePdfmake;
  const pdfmake = mod.default ?? mod;
  // Offline by design: images are data URLs and fonts live in pdfmake's virtual file system.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const fs = builtin<{ readFileSync(p: string): Uint8Array }>('fs');
  const path = builtin<{ join(...p: string[]): string }>('path');
  const dir = packageFontDir();
  // Copied into this realm's Uint8Array: under jsdom (vitest 'web'), a Node Buffer fails pdfkit's
  // `instanceof Uint8Array` check and the font is rejected as "not a supported font format".
  const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(dir, name)));
  setUpPdfmake(pdfmake, { normal: read(fontFiles.normal), bold: read(fontFiles.bold) });
  await svgFontsFromVirtualFs();
  return pdfmake;
}

interface FontDocument {
  virtualfs?: { existsSync(name: string): boolean; readFileSync(name: string): Uint8Array };
  _registeredFonts: Record<string, unknown>;
  registerFont(name: string, src: Uint8Array): void;
  font(src: unknown, ...rest: unknown[]): unknown;
}

/**
 * Text inside an `svg` node (the charts of renderer/pdf/charts.ts) opens its font by the file name
 * of pdfmake's font dictionary. The browser build reads that name from pdfmake's virtual file
 * system; under Node pdfkit would look on disk. This registers the virtual file under its name the
 * first time it is asked for, so the charts print in the embedded Noto Sans SC here too (pdfkit
 * then reuses the body text's font: same face, one subset).
 */
async function svgFontsFromVirtualFs(): Promise<void> {
  const mod = (await import('pdfmake/js/PDFDocument' as string)) as { default: { prototype: FontDocument } };
  const proto = mod.default.prototype;
  const font = proto.font;
  if ((font as { svgPatched?: boolean }).svgPatched) return;
  const patched = function (this: FontDocument, src: unknown, ...rest: unknown[]) {
    if (typeof src === 'string' && !this._registeredFonts[src] && this.virtualfs?.existsSync(src))
      this.registerFont(src, this.virtualfs.readFileSync(src));
    return font.call(this, src, ...rest);
  };
  proto.font = Object.assign(patched, { svgPatched: true });
}

async function generate(doc: ReportDocument, onProgress?: (p: PdfProgress) => void): Promise<Uint8Array> {
  onProgress?.({ stage: 'started' });
  // Cloning does what postMessage to the worker does: it protects the caller's document from
  // pdfmake's in-place changes and fails here, in tests, on anything that could not reach the worker.
  const copy = structuredClone(doc);
  pdfmakeReady ??= loadPdfmake();
  const pdfmake = await pdfmakeReady.catch((err: unknown) => {
    pdfmakeReady = undefined;
    throw err;
  });
  onProgress?.({ stage: 'fonts-loaded' });
  pdfmake.setProgressCallback(onProgress ? (ratio) => onProgress({ stage: 'rendering', ratio }) : undefined);
  try {
    const buf = await pdfmake.createPdf(preparePdfmakeDocument(copy)).getBuffer();
    onProgress?.({ stage: 'done' });
    // A plain Uint8Array, not a Node Buffer: callers get the same type as from the worker.
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } finally {
    pdfmake.setProgressCallback(undefined);
  }
}

/** Generates the PDF bytes of a report document in this process (Node only). */
export function generatePdfInProcess(doc: ReportDocument, onProgress?: (p: PdfProgress) => void): Promise<Uint8Array> {
  const run = queue.then(() => generate(doc, onProgress));
  queue = run.catch(() => undefined);
  return run;
}
