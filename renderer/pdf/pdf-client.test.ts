/**
 * What the page sends to the PDF worker: images as transferred ArrayBuffers of their decoded bytes
 * (never data-URL strings to clone), ahead of the document that names them by key.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerReply, WorkerRequest } from './pdf-protocol';
import type { ReportDocument } from './types';

interface Sent {
  msg: WorkerRequest;
  transfer: Transferable[];
}

class FakeWorker {
  static last: FakeWorker | undefined;
  sent: Sent[] = [];
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: unknown = null;
  onmessageerror: unknown = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(msg: WorkerRequest, transfer: Transferable[] = []): void {
    this.sent.push({ msg, transfer });
    if (msg.type === 'generate' || msg.type === 'warm-up') {
      const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]).buffer; // "%PDF"
      queueMicrotask(() =>
        this.onmessage?.({ data: { id: msg.id, type: 'done', bytes } } as MessageEvent<WorkerReply>),
      );
    }
  }
  terminate(): void {}
}

const base64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

describe('pdf-client → worker messages', () => {
  beforeEach(() => {
    FakeWorker.last = undefined;
    vi.stubGlobal('Worker', FakeWorker);
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends each distinct image once as its decoded bytes, transferred, before the document', async () => {
    const jpeg = [0xff, 0xd8, 0xff, 0xe0, 1, 2, 3];
    const png = [0x89, 0x50, 0x4e, 0x47, 9, 8];
    const a = `data:image/jpeg;base64,${base64(jpeg)}`;
    const b = `data:image/png;base64,${base64(png)}`;
    const doc: ReportDocument = { content: [{ image: a }, { image: b }, { image: a }] };
    const { generatePdf, terminatePdfWorker } = await import('./pdf-client');
    const out = await generatePdf(doc);
    expect([...out]).toEqual([0x25, 0x50, 0x44, 0x46]);

    const sent = FakeWorker.last!.sent;
    expect(sent.map((s) => s.msg.type)).toEqual(['image', 'image', 'generate']);
    const images = sent.filter((s) => s.msg.type === 'image');
    const decoded = images.map((s) => [...new Uint8Array((s.msg as Extract<WorkerRequest, { type: 'image' }>).bytes)]);
    expect(decoded).toEqual([jpeg, png]);
    for (const s of images) {
      const bytes = (s.msg as Extract<WorkerRequest, { type: 'image' }>).bytes;
      expect(bytes).toBeInstanceOf(ArrayBuffer);
      expect(s.transfer).toEqual([bytes]);
    }
    // No data URL travels as a string: the document names the images by key only.
    expect(JSON.stringify(sent.map((s) => s.msg))).not.toContain('data:');
    terminatePdfWorker();
  });

  it('rejects the request when an image cannot be decoded, and sends no document', async () => {
    const { generatePdf, terminatePdfWorker } = await import('./pdf-client');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 400 })),
    );
    await expect(generatePdf({ content: [{ image: 'data:image/png;base64,AAAA' }] })).rejects.toThrow(/HTTP 400/);
    expect(FakeWorker.last?.sent.some((s) => s.msg.type === 'generate') ?? false).toBe(false);
    terminatePdfWorker();
  });
});
