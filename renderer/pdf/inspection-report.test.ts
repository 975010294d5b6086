/** The inspection report as a real PDF (pdfmake in Node), read back with pdftotext. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectionDemo } from '../features/inspections/report-demo';
import { createI18n } from '../i18n';
import type { Language } from '../i18n/resources';
import { generatePdf } from './pdf-client';
import { buildReport } from '../core/reports/builders';

const dir = mkdtempSync(join(tmpdir(), 'inspection-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(language: Language, signers?: 'client-signed') {
  const { data, options } = await inspectionDemo(language, 2);
  if (signers)
    options.meta.signers = options.meta.signers.map((s) =>
      s.role === 'clientEngineer'
        ? { ...s, name: '陈镕', signedAt: '2026-10-23', signature: options.meta.signers[0].signature }
        : s,
    );
  const doc = buildReport(await createI18n(language), 'inspection', data, options);
  const bytes = await generatePdf(doc);
  const file = join(dir, `${language}-${signers ?? 'blank'}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  // Table cells wrap: compare without white space to find a sentence across its lines.
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const has = (needle: string) => raw.includes(needle.replace(/\s+/g, ''));
  return { data, text, has, pages: text.split('\f').filter((p) => p.trim()) };
}

describe('inspection report (zh-CN)', () => {
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render('zh-CN');
  }, 90_000);

  it('is titled 巡检报告 with its number, and gives the overview', () => {
    expect(r.pages[0]).toContain('巡检报告');
    expect(r.pages[0]).toContain('XJ-202610-A-01');
    expect(r.text).toContain('XJRW-202610-A-01');
    expect(r.text).toMatch(/本次共巡检 5 个系统、\d+ 个检查项，发现异常 4 项，其中现场已解决 2 项/);
  });

  it('shows each system’s running state and the check methods with results', () => {
    expect(r.text).toContain('二、系统运行状态');
    expect(r.has('生产虚拟化集群 PROD-VC01 虚拟化')).toBe(true);
    expect(r.text).toContain('三、检查方法与检查结果');
    expect(r.has('PowerCLI：Get-Datastore | Select Name, FreeSpaceGB, CapacityGB')).toBe(true);
    expect(r.has('数据存储最小可用空间')).toBe(true);
    expect(r.has('≥ 20% 14 % DS-PROD-03')).toBe(true);
  });

  it('lists the anomalies with their countermeasures, status and the PM approval', () => {
    expect(r.text).toContain('四、异常情况与处理措施');
    expect(r.has('DS-PROD-03 可用空间仅 14%')).toBe(true);
    expect(r.has('删除 7 天前的遗留快照')).toBe(true);
    expect(r.has('改密策略加入特殊字符')).toBe(true);
    expect(r.has('批准：周海峰')).toBe(true);
    // The approval's time in the reports' one format, like every other date of the report.
    expect(r.has('2026-10-20 10:05')).toBe(true);
    expect(r.text).not.toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/);
    expect(r.has('跟进：12 月第二周与客户共同完成清算数据库恢复演练')).toBe(true);
  });

  it('lists the problems solved on site and prints the screenshots with captions', () => {
    expect(r.text).toContain('五、已解决的问题');
    expect(r.has('运维堡垒机（主） · 改密任务失败数：')).toBe(true);
    expect(r.text).toContain('七、巡检截图');
    expect(r.text).toContain('六、巡检结论');
    expect(r.text).toContain('图 1');
  });

  it('ends with the sign-off: blank ink lines for the client engineer until signed', () => {
    const last = r.pages[r.pages.length - 1];
    expect(last).toContain('签字确认');
    expect(last).toContain('客户运维工程师');
    expect(last).toContain('陈镕');
  });
});

describe('inspection report (en)', () => {
  it('is written in English throughout, with the signed client engineer', async () => {
    const r = await render('en', 'client-signed');
    expect(r.pages[0]).toContain('Inspection Report');
    expect(r.text).toContain('4. Anomalies and countermeasures');
    expect(r.has('DS-PROD-03 has only 14 % free')).toBe(true);
    expect(r.has('Added special characters to the rotation policy')).toBe(true);
    expect(r.text).toMatch(/Solved on site/);
    expect(r.text).toContain('2026-10-23');
    // No Chinese UI words leak into the English report (system names are data and may be Chinese).
    for (const w of ['检查方法', '异常情况', '处理措施', '巡检结论']) expect(r.text).not.toContain(w);
  }, 90_000);
});
