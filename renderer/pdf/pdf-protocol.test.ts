import { describe, expect, it } from 'vitest';
import { extractImages } from './pdf-protocol';
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
