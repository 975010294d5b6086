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

/** A Chinese sample report with `rows` service records and `images` photos of ~`imageBytes` each. */
export async function makeBenchDoc(
  rows: number,
  images: number,
  imageBytes: number,
  makeImage: ImageMaker = noisePng,
): Promise<ReportDocument> {
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
  return buildSampleReport(data, t, { meta: demoMeta('zh-CN'), dataHash: reportDataHash({ rows, images }) });
}
