/** The personnel change notice letter as a real PDF, read back with pdftotext. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { personnelNoticeDemo } from './demo/personnel-notice-demo';
import { createI18n } from '../i18n';
import type { Language } from '../i18n/resources';
import { generatePdf } from './pdf-client';
import { buildReport } from '../core/reports/builders';

const dir = mkdtempSync(join(tmpdir(), 'personnel-notice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(language: Language, patch: Record<string, unknown> = {}) {
  const { data, options } = await personnelNoticeDemo(language);
  const file = join(dir, `${language}.pdf`);
  writeFileSync(
    file,
    await generatePdf(buildReport(await createI18n(language), 'personnel-notice', { ...data, ...patch }, options)),
  );
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('personnel change notice', () => {
  it('addresses the client and states who leaves, who replaces, the dates and the 30-day notice', async () => {
    const text = await render('zh-CN');
    for (const s of [
      '驻场人员变更通知',
      '致：申江证券股份有限公司 信息技术部 系统运维组 陈镕',
      '提前 30 天书面通知',
      '王堃',
      '张明远',
      '136 1188 5207',
      '2026-11-16',
      '2026-12-21（距通知日 35 天）',
      'VCP-DCV',
      '周海峰',
    ])
      expect(text).toContain(s);
  }, 60_000);

  it('has a reply box for the client to consent or refuse and sign', async () => {
    const text = await render('zh-CN');
    expect(text).toContain('客户意见');
    expect(text).toContain('同意按上述安排进行驻场人员变更');
    expect(text).toContain('不同意，意见如下');
    expect(text).toContain('客户签字（盖章）');
  }, 60_000);

  it('names the project manager who approved it by PIN, and when', async () => {
    const approvedBy = { name: '周海峰', at: '2026-11-16T09:59:00+08:00' };
    expect(await render('zh-CN', { approvedBy })).toContain('本通知经项目经理 周海峰 于 2026-11-16 09:59 审批发出。');
    expect(await render('en', { approvedBy })).toMatch(/approved by the project manager 周海峰 on\s+2026-11-16 09:59/);
    expect(await render('zh-CN')).not.toContain('审批发出');
  }, 60_000);

  it('reads in English', async () => {
    const text = await render('en');
    for (const s of [
      'Personnel Change Notice',
      "30 days' written notice",
      'We consent to the change described above',
      '35 days after this notice',
    ])
      expect(text).toContain(s);
  }, 60_000);

  it('draws its tick boxes as vectors (the font has no U+2610) and is issued by the PM on the notice date', async () => {
    const { data, options } = await personnelNoticeDemo('zh-CN');
    const doc = buildReport(await createI18n('zh-CN'), 'personnel-notice', data, options);
    const json = JSON.stringify(doc.content);
    expect(json).not.toMatch(/[\u2610\u2611]/);
    expect(json.match(/"type":"rect","x":0,"y":3,"w":9,"h":9/g)).toHaveLength(2);
    expect(options.meta.issuedBy).toBe(data.pm.name);
    const text = await render('zh-CN');
    expect(text).toMatch(/签发日期\s+2026-11-16/);
    expect(text).toMatch(/签发人\s+周海峰/);
  }, 60_000);

  it('refuses a notice that contradicts the 30-day rule, is backdated, or names no addressee, saying what to fix', async () => {
    const i18n = await createI18n('zh-CN');
    const { data, options } = await personnelNoticeDemo('zh-CN');
    const build = (d: typeof data, issuedAt = options.meta.issuedAt) =>
      buildReport(i18n, 'personnel-notice', d, { ...options, meta: { ...options.meta, issuedAt } });
    expect(() => build({ ...data, plannedDate: '2026-12-10' })).toThrow(/只相隔 24 天.*至少提前 30 天/);
    expect(() => build(data, '2026-11-30T09:00:00+08:00')).toThrow(/通知日期 2026-11-16 早于出具日期 2026-11-30/);
    expect(() => build({ ...data, addressee: undefined })).toThrow(/客户联系人/);
    expect(() => build(data)).not.toThrow();
  });
});
