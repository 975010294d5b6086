import { describe, expect, it } from 'vitest';
import { encodePng, Raster, toDataUrl } from './demo/png';
import { imagePixelSize } from './image-size';

/** The start of a baseline JPEG: SOI, an APPn segment of `appBytes`, then SOF0 with the frame size. */
function jpegHead(width: number, height: number, appBytes: number): string {
  const app = [0xff, 0xe1, (appBytes + 2) >> 8, (appBytes + 2) & 0xff, ...new Array<number>(appBytes).fill(0x45)];
  const sof = [
    0xff,
    0xc0,
    0,
    17,
    8,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ];
  return toDataUrl(Uint8Array.from([0xff, 0xd8, ...app, ...sof, 0xff, 0xd9]), 'image/jpeg');
}

describe('imagePixelSize', () => {
  it('reads PNG and JPEG frame sizes, past a large EXIF block', async () => {
    expect(imagePixelSize(toDataUrl(await encodePng(new Raster(321, 123))))).toEqual({ width: 321, height: 123 });
    expect(imagePixelSize(jpegHead(4032, 3024, 16))).toEqual({ width: 4032, height: 3024 });
    expect(imagePixelSize(jpegHead(640, 480, 60_000))).toEqual({ width: 640, height: 480 });
  });

  it('gives up quietly on anything else', () => {
    expect(imagePixelSize('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).toBeUndefined();
    expect(imagePixelSize('not a data url')).toBeUndefined();
    expect(imagePixelSize('data:image/png;base64,@@@')).toBeUndefined();
  });
});
