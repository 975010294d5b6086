/**
 * The PDF worker: pdfmake renders here so the window never freezes. Fonts are fetched once per
 * worker (the client keeps one worker for the session); requests run one at a time because
 * pdfmake's progress callback is global to its instance.
 */
import pdfMake from 'pdfmake/build/pdfmake';
import { FONT_FAMILY, fontFiles, preparePdfmakeDocument, setUpPdfmake, type PdfmakeApi } from './pdfmake-setup';
import type { WorkerReply, WorkerRequest } from './pdf-protocol';

// pdfmake's virtual file system also takes ArrayBuffers (pdfkit opens images from them); its
// storage is reached directly only to drop a report's images once it is rendered.
const pdfmake = pdfMake as unknown as PdfmakeApi & {
  virtualfs: { writeFileSync(name: string, content: ArrayBuffer): void; storage: Record<string, unknown> };
};
const scope = self as unknown as {
  postMessage(msg: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};
const post = (msg: WorkerReply, transfer?: Transferable[]) => scope.postMessage(msg, transfer);

let fontsReady: Promise<void> | undefined;
let queue: Promise<unknown> = Promise.resolve();
/** Images received for each request (bytes transferred from the page, already decoded). */
const images = new Map<number, Map<string, ArrayBuffer>>();

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.slice(0, 80)}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

function loadFonts(fontsUrl: string): Promise<void> {
  fontsReady ??= (async () => {
    const [normal, bold] = await Promise.all([
      fetchBytes(new URL(fontFiles.normal, fontsUrl).href),
      fetchBytes(new URL(fontFiles.bold, fontsUrl).href),
    ]);
    setUpPdfmake(pdfmake, { normal: new Uint8Array(normal), bold: new Uint8Array(bold) });
  })().catch((err: unknown) => {
    fontsReady = undefined; // let the next request try again
    throw err;
  });
  return fontsReady;
}

async function generate(
  id: number,
  doc: Extract<WorkerRequest, { type: 'generate' }>['doc'],
  fontsUrl: string,
): Promise<void> {
  const own = images.get(id) ?? new Map<string, ArrayBuffer>();
  images.delete(id);
  try {
    post({ id, type: 'progress', progress: { stage: 'started' } });
    await loadFonts(fontsUrl);
    // pdfkit opens images from ArrayBuffers: no base64 in JavaScript on either side.
    for (const [key, bytes] of own) pdfmake.virtualfs.writeFileSync(key, bytes);
    post({ id, type: 'progress', progress: { stage: 'fonts-loaded' } });
    let last = -1;
    pdfmake.setProgressCallback((ratio) => {
      // pdfmake calls this per rendered item; a message per whole percent is plenty.
      const pct = Math.floor(ratio * 100);
      if (pct === last) return;
      last = pct;
      post({ id, type: 'progress', progress: { stage: 'rendering', ratio } });
    });
    const buf = await pdfmake.createPdf(preparePdfmakeDocument(doc)).getBuffer();
    // The output buffer may be a view on a larger one: transfer exactly the PDF's bytes.
    const bytes =
      buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength
        ? (buf.buffer as ArrayBuffer)
        : buf.slice().buffer;
    post({ id, type: 'progress', progress: { stage: 'done' } });
    post({ id, type: 'done', bytes }, [bytes]);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    post({ id, type: 'error', message: e.message, stack: e.stack });
  } finally {
    pdfmake.setProgressCallback(undefined);
    for (const key of own.keys()) delete pdfmake.virtualfs.storage[key];
  }
}

scope.onmessage = ({ data: msg }) => {
  if (msg.type === 'image') {
    let own = images.get(msg.id);
    if (!own) images.set(msg.id, (own = new Map()));
    own.set(msg.key, msg.bytes);
  } else if (msg.type === 'generate') {
    queue = queue.then(() => generate(msg.id, msg.doc, msg.fontsUrl));
  } else {
    // Warm-up: fetch the fonts and render a one-line document so the first real report starts hot.
    const tiny = { content: '驻场 Onsite', defaultStyle: { font: FONT_FAMILY } };
    queue = queue.then(() => generate(msg.id, tiny, msg.fontsUrl));
  }
};
