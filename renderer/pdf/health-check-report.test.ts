/** The deep health check report as a real PDF, read back with pdftotext. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { healthCheckDemo } from '../features/inspections/report-demo';
import { createI18n } from '../i18n';
import type { Language } from '../i18n/resources';
import { conformityRate } from './health-check-report';
import { generatePdf } from './pdf-client';
import { buildReport } from '../core/reports/builders';

const dir = mkdtempSync(join(tmpdir(), 'health-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(language: Language) {
  const { data, options } = await healthCheckDemo(language);
  const file = join(dir, `${language}.pdf`);
  writeFileSync(file, await generatePdf(buildReport(await createI18n(language), 'health-check', data, options)));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  return {
    data,
    text,
    has: (s: string) => raw.includes(s.replace(/\s+/g, '')),
    pages: text.split('\f').filter((p) => p.trim()),
  };
}

describe('deep health check report', () => {
  it('zh-CN: compares every item, deep ones included, with best practice and recommends for each gap', async () => {
    const r = await render('zh-CN');
    expect(r.pages[0]).toContain('深入健康检查报告');
    expect(r.text).toContain('各系统符合度');
    // The extended items are in, marked as deep.
    expect(r.has('虚拟机 CPU 就绪时间（CPU Ready）（深入）')).toBe(true);
    expect(r.has('HA 使用数据存储检测信号')).toBe(true);
    // The planted gap and its recommendation.
    expect(r.has('6 台主机中 3 台 SSH 服务常开')).toBe(true);
    expect(r.text).toContain('三、改进建议');
    // Written per finding (what was found, against which practice), not the engineer's countermeasure
    // copied; with its owner, date, change window and rollback.
    const rec = r.data.recommendations.find((x) => x.item.includes('安全基线'))!;
    expect(rec.text).toContain('现状：6 台主机中 3 台 SSH 服务常开');
    expect(rec.text).not.toContain('在下一个变更窗口关闭常开的 SSH 服务');
    expect(rec.plan).toMatchObject({ owner: '李喆', changeWindow: '例行月度变更窗口' });
    expect(r.has('负责人：李喆')).toBe(true);
    expect(r.has('回退：变更前导出主机配置')).toBe(true);
    const vc = r.data.systems.find((s) => s.family === 'virtualization')!;
    expect(r.has(`符合度：${conformityRate(vc.items)}%`)).toBe(true);
  }, 90_000);

  it('en: in English', async () => {
    const r = await render('en');
    expect(r.pages[0]).toContain('Deep Health Check Report');
    expect(r.text).toContain('Conformity per system');
    expect(r.has('Found: SSH stays enabled on 3 of 6 hosts')).toBe(true);
    expect(r.has('Owner: 李喆')).toBe(true);
    for (const w of ['最佳实践', '符合度', '改进建议']) expect(r.text).not.toContain(w);
  }, 90_000);

  it('conformity counts only judged items', () => {
    expect(
      conformityRate([{ conformity: 'conform' }, { conformity: 'gap' }, { conformity: 'na' }, { conformity: 'open' }]),
    ).toBe(50);
    expect(conformityRate([{ conformity: 'na' }])).toBeUndefined();
  });
});
