/**
 * Messages between pdf-client (page) and pdf.worker (worker): the only contract between them.
 * Images travel one message each, ahead of their document, as decoded bytes in an ArrayBuffer that
 * is transferred (moved, not copied): cloning ~27 MB of data URLs in one postMessage blocked the
 * page for ~150 ms, and a cloned string still costs the page a copy and the worker a base64 decode.
 */
import type { Content } from 'pdfmake/interfaces';
import type { PdfProgress, ReportDocument } from './types';

/** Page → worker. */
export type WorkerRequest =
  | {
      type: 'image';
      id: number;
      key: string;
      /** The image file's bytes (JPEG or PNG), transferred with the message. */
      bytes: ArrayBuffer;
    }
  | {
      type: 'generate';
      id: number;
      /** The document, its data-URL images replaced by the keys of the preceding 'image' messages. */
      doc: ReportDocument;
      /** Absolute URL of the directory holding the font files (the worker resolves nothing itself). */
      fontsUrl: string;
    }
  | { type: 'warm-up'; id: number; fontsUrl: string };

/** Worker → page: progress, then exactly one of done or error per request id. */
export type WorkerReply =
  | { id: number; type: 'progress'; progress: PdfProgress }
  | { id: number; type: 'done'; bytes: ArrayBuffer }
  | { id: number; type: 'error'; message: string; stack?: string };

/**
 * Moves every `data:` image out of a document: returns a copy whose images are keys, listed in
 * `doc.images` under themselves (pdfmake then reads them from its virtual file system), and the
 * key → data URL map. Identical images share a key. The input is not modified.
 */
export function extractImages(
  doc: ReportDocument,
  keyPrefix: string,
): { doc: ReportDocument; images: Map<string, string> } {
  const byUrl = new Map<string, string>();
  const keyOf = (dataUrl: string) => {
    let key = byUrl.get(dataUrl);
    if (!key) byUrl.set(dataUrl, (key = `${keyPrefix}${byUrl.size}`));
    return key;
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = k === 'image' && typeof x === 'string' && x.startsWith('data:') ? keyOf(x) : walk(x);
    }
    return out;
  };
  const content = walk(doc.content) as Content;
  const running = walk(doc.running) as ReportDocument['running'];
  const images: NonNullable<ReportDocument['images']> = {};
  for (const [name, src] of Object.entries(doc.images ?? {})) {
    images[name] = typeof src === 'string' && src.startsWith('data:') ? keyOf(src) : src;
  }
  for (const key of byUrl.values()) images[key] = key;
  const map = new Map([...byUrl].map(([url, key]) => [key, url]));
  return { doc: { ...doc, content, running, images }, images: map };
}

/**
 * The bytes of a `data:` URL: base64 decoded natively in one call (`Uint8Array.fromBase64`, no
 * JavaScript loop), or by the browser's URL loader where that is missing or the URL is not base64.
 * Rejects on a malformed URL.
 */
export async function dataUrlBytes(dataUrl: string): Promise<ArrayBuffer> {
  const comma = dataUrl.indexOf(',');
  const fromBase64 = (Uint8Array as { fromBase64?: (s: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (fromBase64 && comma > 0 && dataUrl.slice(0, comma).endsWith(';base64')) {
    try {
      return fromBase64(dataUrl.slice(comma + 1)).buffer;
    } catch {
      throw new Error(`image ${dataUrl.slice(0, 40)}…: not valid base64`);
    }
  }
  const res = await fetch(dataUrl);
  if (!res.ok) throw new Error(`image ${dataUrl.slice(0, 40)}…: HTTP ${res.status}`);
  return res.arrayBuffer();
}
