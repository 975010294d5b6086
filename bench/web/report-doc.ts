/** The bench report, shared by the Chromium page and the Node run so both render the same document. */
import { createI18n } from '../../renderer/i18n';
import { demoMeta, demoRecords } from '../../renderer/pdf/demo/sample-demo';
import { encodePng, Raster, toDataUrl } from '../../renderer/pdf/demo/png';
import { reportDataHash } from '../../renderer/pdf/hash';
import { buildSampleReport, type SampleReportData } from '../../renderer/pdf/sample-report';
import type { ReportDocument } from '../../renderer/pdf/types';

/** An RGB PNG of random pixels, about `targetBytes` long: noise does not compress, so the size is real. */
export async function noisePng(targetBytes: number): Promise<string> {
  const side = Math.round(Math.sqrt(targetBytes / 3));
  const r = new Raster(side, side);
  // getRandomValues fills at most 64 KiB per call.
  for (let i = 0; i < r.pixels.length; i += 65536)
    crypto.getRandomValues(r.pixels.subarray(i, i + 65536) as Uint8Array<ArrayBuffer>);
  return toDataUrl(await encodePng(r));
}

/** Makes one image of about `bytes` bytes, as a data URL. */
export type ImageMaker = (bytes: number) => Promise<string>;

/**
 * A JPEG-framed file of about `targetBytes` (start of image, a baseline frame header 1150 × 860,
 * then noise). Only for Node, which has no JPEG encoder: pdfkit embeds JPEG bytes as they are
 * (it reads the frame header and copies the rest), so its cost equals a real photo's; viewers
 * would not show the picture.
 */
export function syntheticJpeg(targetBytes: number): Uint8Array {
  const out = new Uint8Array(targetBytes);
  for (let i = 0; i < out.length; i += 65536) crypto.getRandomValues(out.subarray(i, i + 65536));
  out.set([
    0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x5c, 0x04, 0x7e, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03,
    0x11, 0x01,
  ]);
  out.set([0xff, 0xd9], out.length - 2);
  return out;
}

/** {@link syntheticJpeg} as a data URL (Node). */
export async function syntheticJpegUrl(targetBytes: number): Promise<string> {
  return `data:image/jpeg;base64,${Buffer.from(syntheticJpeg(targetBytes)).toString('base64')}`;
}

/** A Chinese sample report with `rows` service records and `images` photos of ~`imageBytes` each. */
export async function makeBenchDoc(
  rows: number,
  images: number,
  imageBytes: number,
  makeImage: ImageMaker = noisePng,
): Promise<ReportDocument> {
  return (await makeBenchReport(rows, images, imageBytes, makeImage)).doc;
}

/** The bench report's data and its document. */
export async function makeBenchReport(
  rows: number,
  images: number,
  imageBytes: number,
  makeImage: ImageMaker = noisePng,
): Promise<{ data: SampleReportData; doc: ReportDocument }> {
  const t = (await createI18n('zh-CN')).getFixedT('zh-CN');
  const figures: SampleReportData['figures'] = [];
  for (let i = 0; i < images; i++) figures.push({ image: await makeImage(imageBytes), caption: `现场照片 ${i + 1}` });
  const data: SampleReportData = {
    site: '上海浦东数据中心 3 楼',
    team: ['王镕', '陈喆'],
    systems: 42,
    serviceHours: '交易日 08:00–18:00',
    records: demoRecords(rows),
    figures,
    recommendations: ['建议定期演练主备切换。'],
  };
  return {
    data,
    doc: buildSampleReport(data, t, { meta: demoMeta('zh-CN'), dataHash: reportDataHash({ rows, images }) }),
  };
}

/** Every string a document prints, in order (what the pdfkit comparison writes). */
export function documentTexts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (typeof node === 'number') out.push(String(node));
  else if (Array.isArray(node)) node.forEach((n) => documentTexts(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'text' || k === 'stack' || k === 'table' || k === 'body' || k === 'columns' || k === 'ul' || k === 'ol')
        documentTexts(v, out);
    }
  }
  return out;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same report as plain HTML (title, facts, records table, figures), for Chromium's print-to-PDF. */
export function benchHtml(data: SampleReportData, fontUrl: string): string {
  const rows = data.records
    .map(
      (r, i) =>
        `<tr><td>${i + 1}</td><td>${esc(r.date)}</td><td>${esc(r.system)}</td><td>${esc(r.item)}</td><td>${esc(r.result)}</td><td>${esc(r.status)}</td></tr>`,
    )
    .join('');
  const figures = data.figures
    .map((f) => `<figure><img src="${f.image}"><figcaption>${esc(f.caption)}</figcaption></figure>`)
    .join('');
  return `<style>
@font-face { font-family: Noto; src: url(${fontUrl}); }
body { font: 9pt Noto; margin: 0; }
table { border-collapse: collapse; width: 100%; } td { border-bottom: 0.4pt solid #c9ced6; padding: 3pt 4pt; }
thead { display: table-header-group; } tr { break-inside: avoid; }
figure { break-inside: avoid; margin: 12pt 0; } img { max-width: 100%; max-height: 600px; }
</style>
<h1>${esc(data.site)}</h1><p>${esc(data.team.join('、'))} · ${data.systems} · ${esc(data.serviceHours)}</p>
<table><thead><tr><th>#</th><th>日期</th><th>系统</th><th>事项</th><th>结果</th><th>状态</th></tr></thead><tbody>${rows}</tbody></table>
${figures}<ul>${data.recommendations.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`;
}
