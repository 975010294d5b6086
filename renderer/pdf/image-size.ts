/**
 * Pixel size of a PNG or JPEG data URL, read from its header only. Figures need it because pdfmake's
 * `fit` also enlarges small images: a 200-pixel icon would be blown up to the full text width.
 */

export interface PixelSize {
  width: number;
  height: number;
}

function decodeBase64Prefix(dataUrl: string, maxChars: number): Uint8Array {
  const start = dataUrl.indexOf(',') + 1;
  // base64 decodes in groups of 4 characters.
  const end = Math.min(dataUrl.length, start + Math.floor(maxChars / 4) * 4);
  const bin = atob(dataUrl.slice(start, end));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function pngSize(b: Uint8Array): PixelSize | undefined {
  const isPng = b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
  if (!isPng) return undefined;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

function jpegSize(b: Uint8Array): PixelSize | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    const len = (b[i + 2] << 8) | b[i + 3];
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] };
    }
    i += 2 + len;
  }
  return undefined;
}

/** Width and height in pixels of a PNG/JPEG `data:` URL, or undefined when it cannot be read. */
export function imagePixelSize(dataUrl: string): PixelSize | undefined {
  if (!dataUrl.startsWith('data:image/')) return undefined;
  try {
    const head = decodeBase64Prefix(dataUrl, 64);
    if (pngSize(head)) return pngSize(head);
    // EXIF (APP1) is at most 64 KiB, so the frame header is normally in the first ~100 KiB.
    return jpegSize(decodeBase64Prefix(dataUrl, 140_000)) ?? jpegSize(decodeBase64Prefix(dataUrl, dataUrl.length));
  } catch {
    return undefined;
  }
}
