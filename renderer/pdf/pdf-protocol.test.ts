import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataUrlBytes, extractImages } from './pdf-protocol';
import type { ReportDocument } from './types';

describe('extractImages', () => {
  const a = 'data:image/png;base64,AAAA';
  const b = 'data:image/jpeg;base64,BBBB';

  it('moves data-URL images out of content, running content and the images dictionary, sharing keys', () => {
    const doc: ReportDocument = {
      content: [{ image: a, fit: [10, 10] }, { stack: [{ image: b }, { image: a }] }],
      running: { footer: { image: b } },
      images: { logo: a, remote: { url: 'https://example.invalid/x.png' } },
    };
    const { doc: out, images } = extractImages(doc, 'k');
    expect([...images]).toEqual([
      ['k0', a],
      ['k1', b],
    ]);
    expect(out.content).toEqual([{ image: 'k0', fit: [10, 10] }, { stack: [{ image: 'k1' }, { image: 'k0' }] }]);
    expect(out.running).toEqual({ footer: { image: 'k1' } });
    expect(out.images).toEqual({ logo: 'k0', remote: { url: 'https://example.invalid/x.png' }, k0: 'k0', k1: 'k1' });
  });

  it('leaves the caller’s document untouched and image keys that are not data URLs alone', () => {
    const doc: ReportDocument = { content: [{ image: a }, { image: 'logo' }], images: { logo: b } };
    const before = structuredClone(doc);
    const { doc: out } = extractImages(doc, 'k');
    expect(doc).toEqual(before);
    expect(out.content).toEqual([{ image: 'k0' }, { image: 'logo' }]);
    expect(out.images).toEqual({ logo: 'k1', k0: 'k0', k1: 'k1' });
  });
});

describe('dataUrlBytes', () => {
  const U8 = Uint8Array as { fromBase64?: (s: string) => Uint8Array };
  const had = Object.prototype.hasOwnProperty.call(Uint8Array, 'fromBase64');
  const original = U8.fromBase64;
  afterEach(() => {
    if (had) U8.fromBase64 = original;
    else delete U8.fromBase64;
    vi.unstubAllGlobals();
  });
  const url = `data:image/png;base64,${btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0, 255))}`;

  it('decodes base64 with Uint8Array.fromBase64 when present, without fetch', async () => {
    const decode = vi.fn((s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));
    U8.fromBase64 = decode;
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    expect([...new Uint8Array(await dataUrlBytes(url))]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    expect(decode).toHaveBeenCalledOnce();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('falls back to fetch without fromBase64, and for data URLs that are not base64', async () => {
    delete U8.fromBase64;
    expect([...new Uint8Array(await dataUrlBytes(url))]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    U8.fromBase64 = vi.fn(() => new Uint8Array());
    expect(new TextDecoder().decode(await dataUrlBytes('data:text/plain,abc'))).toBe('abc');
    expect(U8.fromBase64).not.toHaveBeenCalled();
  });

  it('rejects invalid base64', async () => {
    U8.fromBase64 = () => {
      throw new SyntaxError('bad');
    };
    await expect(dataUrlBytes('data:image/png;base64,@@@')).rejects.toThrow(/not valid base64/);
  });
});
