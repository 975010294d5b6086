/** The fault diagnosis report as a real PDF (pdfmake in Node), read back with pdftotext. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import type { Language } from '../i18n/resources';
import { faultDiagnosisDemo } from './demo/fault-demo';
import { generatePdf } from './pdf-client';
import { buildReport } from '../core/reports/builders';

const dir = mkdtempSync(join(tmpdir(), 'fault-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(language: Language) {
  const { data, options } = await faultDiagnosisDemo(language);
  const doc = buildReport(await createI18n(language), 'fault-diagnosis', data, options);
  const bytes = await generatePdf(doc);
  const file = join(dir, `${language}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { doc, text, pages: text.split('\f').filter((p) => p.trim()), hash: options.dataHash };
}

describe('fault diagnosis report (zh-CN)', () => {
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render('zh-CN');
  }, 60_000);

  it('is titled 故障诊断报告 with the fault number as its document number', () => {
    expect(r.pages[0]).toContain('故障诊断报告');
    expect(r.pages[0]).toContain('GZ-202611-A-007');
  });

  it('holds the basic information, the reporter and the affected system', () => {
    for (const s of [
      '堡垒机 RDP 会话约 10 分钟后自动断开',
      '赵磊',
      '信息技术部 交易运维组',
      '运维堡垒机（主）',
      'ShtermPAM 5000',
      '特权管理系统（堡垒机）',
      '热线电话',
    ])
      expect(r.text).toContain(s);
  });

  it('shows the level history with the automatic upgrade', () => {
    expect(r.text).toContain('四、故障级别变化');
    expect(r.text).toMatch(/三级\s+二级\s+处理时限超时，自动升级/);
  });

  it('lists each clock with its outcome and times', () => {
    expect(r.text).toMatch(
      /故障处理\s+4 小时（5×8 工作时间）\s+2026-11-24 09:12\s+2026-11-24 13:12\s+2026-11-24 13:12\s+已超时/,
    );
    expect(r.text).toMatch(/响应\s+30 分钟（5×8 工作时间）.*已达标/);
  });

  it('holds the timeline, root cause, actions and results, resolution, prevention and confirmation', () => {
    expect(r.text).toContain('升级：L1 → L2，交接给 孙立');
    expect(r.text).toContain('自动升级：三级 → 二级');
    expect(r.text).toContain('出厂默认 600 秒');
    expect(r.text).toMatch(/远程登录\s+远程登录堡垒机管理后台/);
    expect(r.text).toContain('会话保活');
    expect(r.text).toContain('纳入月度巡检检查表');
    expect(r.text).toContain('满意度 4 分');
  });

  it('embeds image attachments and lists the other files', () => {
    expect(JSON.stringify(r.doc.content)).toContain('data:image/png;base64,');
    expect(r.text).toMatch(/图 1\s+会话断开时的报错截图\.png/);
    expect(r.text).toContain('rdp-proxy.log');
  });

  it('ends with the sign-off page and the data hash', () => {
    expect(r.pages.at(-1)).toContain('签字确认');
    expect(r.pages.at(-1)).toContain(r.hash);
  });
});

describe('fault diagnosis report (en)', () => {
  it('prints the same report in English', async () => {
    const r = await render('en');
    expect(r.pages[0]).toContain('GZ-202611-A-007');
    expect(r.text).toMatch(/Fault diagnosis report/i);
    expect(r.text).toContain('Level 3');
    expect(r.text).toContain('Automatic upgrade');
    expect(r.text).toContain('Breached');
  }, 60_000);
});
