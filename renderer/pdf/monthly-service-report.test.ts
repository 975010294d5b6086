/** The monthly service report as a real PDF, read back with pdftotext: figures, charts' text, both languages. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { monthlyServiceDemo } from './demo/monthly-demo';
import { createI18n } from '../i18n';
import { generatePdf } from './pdf-client';
import { buildReport } from '../core/reports/builders';

const dir = mkdtempSync(join(tmpdir(), 'monthly-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(language: 'zh-CN' | 'en') {
  const { data, options } = await monthlyServiceDemo(language);
  const doc = buildReport(await createI18n(language), 'monthly-service', data, options);
  const file = join(dir, `${language}.pdf`);
  writeFileSync(file, await generatePdf(doc));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { data, doc, text };
}

describe('monthly service report', () => {
  it('zh-CN: prints the month’s figures as computed, with vector charts whose labels are real text', async () => {
    const { data, doc, text } = await render('zh-CN');
    expect(text).toContain('月度服务报告');
    expect(text).toContain(`本月共受理故障 ${data.faultCount} 起`);
    expect(text).toContain(`服务时限总体达成率 ${data.slaOverall.percent}%`);
    const l3 = data.slaByLevel[3];
    expect(text).toContain(`${l3.met} / ${l3.total}（${l3.percent}%）`);
    expect(text).toMatch(new RegExp(`二线技术专家 ${data.escalations.toExperts} 次`));
    expect(text).toContain('提交清算数据库恢复演练报告');
    expect(text).toContain('合同编号');
    // Three charts, embedded as SVG; their category labels come out of the PDF as text in the CJK font.
    expect((JSON.stringify(doc.content).match(/<svg /g) ?? []).length).toBe(3);
    expect(text).toMatch(/邮件答复[\s\S]*现场到达[\s\S]*分析报告/);
    const fonts = execFileSync('pdffonts', [join(dir, 'zh-CN.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSans/);
  }, 90_000);

  it('en: in English, with no full-width punctuation in its own words', async () => {
    const { data, text } = await render('en');
    expect(text).toContain('Monthly Service Report');
    expect(text).toContain(`This month we handled ${data.faultCount} faults`);
    expect(text).toContain('Faults by system family');
    expect(text).not.toMatch(/[，。：]/);
  }, 90_000);
});
