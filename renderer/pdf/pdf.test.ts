/**
 * Real PDFs, made in Node by the same path the app uses (generatePdf falls back to in-process
 * pdfmake when there is no Worker), read back with poppler's pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { paragraph } from './blocks';
import { demoMeta, sampleDemo } from './demo/sample-demo';
import { houseDocument } from './layout';
import { generatePdf, type PdfProgress } from './pdf-client';
import { buildReport } from '../core/reports/builders';
import type { ReportDocument } from './types';

const dir = mkdtempSync(join(tmpdir(), 'onsite-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as pdftotext lays it out, pages separated by form feeds. */
async function pdfText(doc: ReportDocument, name: string): Promise<{ text: string; pages: string[] }> {
  const bytes = await generatePdf(doc);
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { text, pages: text.split('\f').filter((p) => p.trim()) };
}

describe('Chinese sample report', () => {
  let text = '';
  let pages: string[] = [];
  let dataHash = '';
  const progress: PdfProgress['stage'][] = [];

  beforeAll(async () => {
    const { data, options } = await sampleDemo('zh-CN');
    dataHash = options.dataHash;
    const doc = buildReport(await createI18n('zh-CN'), 'sample', data, options);
    const bytes = await generatePdf(doc, { onProgress: (p) => progress.push(p.stage) });
    writeFileSync(join(dir, 'zh.pdf'), bytes);
    text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'zh.pdf'), '-'], { encoding: 'utf8' });
    pages = text.split('\f').filter((p) => p.trim());
  }, 60_000);

  it('has the title, number and Chinese content', () => {
    expect(pages[0]).toContain('驻场服务样例报告');
    expect(pages[0]).toContain('YL-202611-A-001');
    expect(text).toContain('集中交易系统');
    expect(text).toMatch(/主机 CPU 使用率持续高于/);
  });

  it('numbers every page 第 x 页 / 共 N 页', () => {
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((p, i) => expect(p).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*/\\s*共\\s*${pages.length}\\s*页`)));
  });

  it('repeats the table header on the pages the table continues on', () => {
    expect(pages[1]).toMatch(/序号\s+日期\s+系统\s+事项/);
  });

  it('extracts names with characters outside GB2312 (镕 喆 堃)', () => {
    for (const name of ['李喆', '周海峰', '陈镕']) expect(text).toContain(name);
  });

  it('prints the data hash on the last (sign-off) page', () => {
    expect(pages.at(-1)).toContain(dataHash);
    expect(pages.at(-1)).toContain('签字确认');
  });

  it('reported its progress', () => {
    expect(progress[0]).toBe('started');
    expect(progress).toContain('fonts-loaded');
    expect(progress.at(-1)).toBe('done');
  });
});

describe('other reports and languages', () => {
  it('prints the English report in English', async () => {
    const { data, options } = await sampleDemo('en');
    const { text, pages } = await pdfText(buildReport(await createI18n('en'), 'sample', data, options), 'en');
    expect(pages[0]).toContain('Onsite Service Sample Report');
    expect(pages[0]).toMatch(new RegExp(`Page 1 of ${pages.length}`));
    expect(text).toContain('Sign-off');
    expect(text).toContain(options.dataHash);
    expect(text).not.toMatch(/第\s*\d+\s*页|签字确认|文档编号/);
  }, 60_000);

  it('prints a fault diagnosis report in Chinese from an English UI', async () => {
    // The language comes from the report's meta, not from the UI's i18n instance.
    const i18n = await createI18n('en');
    const meta = demoMeta('zh-CN', { type: 'fault-diagnosis', number: 'GZ-202611-A-003', period: undefined });
    const t = i18n.getFixedT(meta.language);
    const doc = houseDocument(t, { meta, dataHash: 'c'.repeat(64) }, [
      paragraph('交易主机于 09:31 宕机，已切换至备机。'),
    ]);
    const { pages } = await pdfText(doc, 'gz');
    expect(pages[0]).toContain('故障诊断报告');
    expect(pages[0]).toContain('GZ-202611-A-003');
    expect(pages[0]).toContain('交易主机于 09:31 宕机');
    // The sign-off page stands alone: body on page 1, signatures on page 2.
    expect(pages[0]).toMatch(/第\s*1\s*页\s*\/\s*共\s*2\s*页/);
  }, 60_000);
});

describe('errors', () => {
  it('rejects with pdfmake’s error', async () => {
    await expect(generatePdf({ content: 'x', defaultStyle: { font: 'NoSuchFont' } })).rejects.toThrow(/NoSuchFont/);
  });

  it('rejects documents that could not reach the worker', async () => {
    const doc = { content: 'x', header: () => 'x' } as unknown as ReportDocument;
    await expect(generatePdf(doc)).rejects.toThrow();
  });
});
